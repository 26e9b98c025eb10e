"""Background tasks of reports: they take IDs and render what they send."""

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from pioneers.core.email import render_email
from pioneers.core.links import absolute_url
from pioneers.core.models import NetworkSettings
from pioneers.meetings.models import Registration
from pioneers.reports.models import ReportPage
from pioneers.reports.services import comment_token


@task()
def send_comment_invitation(*, report_id: int, registration_id: int) -> int:
    """Email one attendee the link to comment on a report's draft."""
    report = ReportPage.objects.filter(pk=report_id).select_related("comment_round").first()
    registration = Registration.objects.filter(pk=registration_id).first()
    if report is None or registration is None:
        return 0
    with translation.override(registration.language):
        path = reverse("reports:comment", kwargs={"token": comment_token(report, registration)})
        context = {
            "report": report,
            "registration": registration,
            "closes_at": report.comment_round.closes_at,
            "url": absolute_url(path),
            "network_name": NetworkSettings.load().name,
        }
        subject, body = render_email("reports/email/comment_invitation", context)
    return EmailMessage(subject=subject, body=body, to=[registration.email]).send()
