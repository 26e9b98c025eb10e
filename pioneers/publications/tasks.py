"""Background tasks of publications: they take IDs and render what they send."""

from django_tasks import task


@task()
def send_comment_invitation(*, report_id: int, registration_id: int) -> int:
    """Email one attendee the link to comment on a report's draft."""
    from django.conf import settings
    from django.core.mail import EmailMessage
    from django.urls import reverse
    from django.utils import translation

    from pioneers.core.email import render_email
    from pioneers.core.models import NetworkSettings
    from pioneers.meetings.models import Registration
    from pioneers.publications.models import ReportPage
    from pioneers.publications.services import comment_token

    report = ReportPage.objects.filter(pk=report_id).select_related("comment_round").first()
    registration = Registration.objects.filter(pk=registration_id).first()
    if report is None or registration is None:
        return 0
    with translation.override(registration.language):
        path = reverse(
            "publications:comment", kwargs={"token": comment_token(report, registration)}
        )
        context = {
            "report": report,
            "registration": registration,
            "closes_at": report.comment_round.closes_at,
            "url": settings.BASE_URL.rstrip("/") + path,
            "network_name": NetworkSettings.load().name,
        }
        subject, body = render_email("publications/email/comment_invitation", context)
    return EmailMessage(subject=subject, body=body, to=[registration.email]).send()


@task()
def build_edition_pdf(*, pdf_id: int) -> str:
    """Build one edition's PDF; the outcome (done or failed, with the error) is on the row."""
    from pioneers.publications.models import EditionPDF
    from pioneers.publications.services import edition_pdf_build

    pdf = EditionPDF.objects.select_related("edition__locale").filter(pk=pdf_id).first()
    if pdf is None:
        return "gone"
    edition_pdf_build(pdf)
    return EditionPDF.objects.get(pk=pdf_id).status


@task()
def send_article_decision(*, article_id: int, decision: str, workflow_state_id: int) -> int:
    """Email the member who submitted an article that the editors approved or rejected it."""
    from wagtail.models import WorkflowState

    from pioneers.publications.models import ArticleSubmission
    from pioneers.publications.services import article_decision_email

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
