"""Background tasks of publications: they take IDs and render what they send."""

from django_tasks import task


@task()
def send_comment_invitation(*, report_id: int, registration_id: int) -> int:
    """Email one attendee the link to comment on a report's draft."""
    from django.conf import settings
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

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
        subject = render_to_string("publications/email/comment_invitation_subject.txt", context)
        body = render_to_string("publications/email/comment_invitation.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()), body=body, to=[registration.email]
    ).send()
