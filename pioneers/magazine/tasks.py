"""Background tasks of the magazine: building an edition's PDF."""

from django_tasks import task

from pioneers.magazine.models import EditionPDF
from pioneers.magazine.services import edition_pdf_build


@task()
def build_edition_pdf(*, pdf_id: int) -> str:
    """Build one edition's PDF; the outcome (done or failed, with the error) is on the row."""
    pdf = EditionPDF.objects.select_related("edition__locale").filter(pk=pdf_id).first()
    if pdf is None:
        return "gone"
    edition_pdf_build(pdf)
    return EditionPDF.objects.get(pk=pdf_id).status
