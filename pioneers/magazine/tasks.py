"""Background tasks of the magazine: building an edition's PDF, telling a member the decision."""

from django_tasks import task
from wagtail.models import WorkflowState

from pioneers.magazine.models import ArticleSubmission, EditionPDF
from pioneers.magazine.services import article_decision_email, edition_pdf_build


@task()
def build_edition_pdf(*, pdf_id: int) -> str:
    """Build one edition's PDF; the outcome (done or failed, with the error) is on the row."""
    pdf = EditionPDF.objects.select_related("edition__locale").filter(pk=pdf_id).first()
    if pdf is None:
        return "gone"
    edition_pdf_build(pdf)
    return EditionPDF.objects.get(pk=pdf_id).status


@task()
def send_article_decision(*, article_id: int, decision: str, workflow_state_id: int) -> int:
    """Email the member who submitted an article that the editors approved or rejected it."""
    submission = (
        ArticleSubmission.objects.select_related("article", "submitted_by")
        .filter(article_id=article_id)
        .first()
    )
    if submission is None:
        return 0
    state = (
        WorkflowState.objects.select_related("current_task_state")
        .filter(pk=workflow_state_id)
        .first()
    )
    task_state = state.current_task_state if state else None
    comment = (task_state.comment if task_state else "") or ""
    return article_decision_email(submission, decision, comment).send()
