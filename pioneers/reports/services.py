"""Writes for reports: the round in which attendees comment on a draft, and the editors' answers."""

from datetime import datetime

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pioneers.core.email import EmailParts, email_send
from pioneers.core.links import absolute_url
from pioneers.core.personal_data import removed_person
from pioneers.meetings.models import Registration
from pioneers.meetings.selectors import registrations_of
from pioneers.reports.models import CommentRound, DraftComment, ReportPage
from pioneers.reports.selectors import own_comments

# Still named after the app reports came from: links in invitations already sent keep working.
COMMENT_SALT = "pioneers.publications.draft-comment"
COMMENT_MAX_LENGTH = 3000


class ReportError(Exception):
    """A comment round or comment that cannot be made; the message is for the user."""


def attendees(report: ReportPage):
    """Who was there: confirmed registrations of the meeting that were checked in."""
    return report.meeting.registrations.filter(status="confirmed", checked_in_at__isnull=False)


def comment_round_open(*, report: ReportPage, closes_at: datetime, opened_by) -> CommentRound:
    """Invite every attendee by email to comment on the draft until ``closes_at``."""
    if report.live and not report.has_unpublished_changes:
        raise ReportError(_("This report has no draft to comment on; save a draft first."))
    if closes_at <= timezone.now():
        raise ReportError(_("The closing moment lies in the past."))
    invitees = list(attendees(report))
    if not invitees:
        raise ReportError(_("Nobody was checked in at this meeting, so there is nobody to invite."))
    with transaction.atomic():
        comment_round, _created = CommentRound.objects.update_or_create(
            report=report,
            defaults={"closes_at": closes_at, "invited": len(invitees), "opened_by": opened_by},
        )
        for registration in invitees:
            email_send(
                template="reports/email/comment_invitation",
                to=[registration],
                language=registration.language,
                context={"report": report, "registration": registration},
            )
    return comment_round


def comment_token(report: ReportPage, registration) -> str:
    return signing.dumps({"p": report.pk, "r": registration.pk}, salt=COMMENT_SALT, compress=True)


def comment_invitation_parts(*, template: str, context: dict) -> EmailParts:
    """The invitation's link, made in the task that sends it, and the round's closing moment."""
    report = context["report"]
    token = comment_token(report, context["registration"])
    return EmailParts(
        context={
            "url": absolute_url(reverse("reports:comment", kwargs={"token": token})),
            "closes_at": report.comment_round.closes_at,
        }
    )


def comment_access(token: str):
    """The report and the attendee a comment link is for; a forged link is refused."""
    try:
        data = signing.loads(token, salt=COMMENT_SALT)
        report = ReportPage.objects.get(pk=data["p"])
        registration = Registration.objects.get(pk=data["r"], meeting_id=report.meeting_id)
    except (signing.BadSignature, KeyError, TypeError, ReportPage.DoesNotExist,
            Registration.DoesNotExist):  # fmt: skip
        raise ReportError(_("This link is not valid.")) from None
    return report, registration


def draft_comment_create(*, report: ReportPage, registration, body: str) -> DraftComment:
    comment_round = CommentRound.objects.filter(report=report).first()
    if comment_round is None or not comment_round.is_open:
        raise ReportError(_("Comments on this draft are closed."))
    body = body.strip()
    if not body:
        raise ReportError(_("Write a comment first."))
    if len(body) > COMMENT_MAX_LENGTH:
        raise ReportError(
            _("A comment can be at most %(max)s characters.") % {"max": COMMENT_MAX_LENGTH}
        )
    return DraftComment.objects.create(
        report=report, registration=registration, name=registration.name, body=body
    )


def draft_comment_answer(*, comment: DraftComment, answer: str, resolve: bool, by) -> DraftComment:
    answer = answer.strip()
    if not answer and not resolve:
        raise ReportError(_("Write an answer, or mark the comment as resolved."))
    comment.answer = answer
    comment.status = DraftComment.Status.RESOLVED if resolve else DraftComment.Status.ANSWERED
    comment.answered_by = by
    comment.answered_at = timezone.now()
    comment.save(update_fields=["answer", "status", "answered_by", "answered_at"])
    return comment


# A person's own data (see pioneers.core.personal_data) ------------------------------------


def reports_export(user) -> dict:
    return {
        "comments_on_reports": [
            {
                "report": comment.report.title,
                "comment": comment.body,
                "written_at": comment.created_at.isoformat(),
                "status": comment.status,
                "answer": comment.answer,
            }
            for comment in own_comments(user)
        ],
    }


def reports_erase(user) -> None:
    """A person's comments on drafts stay, without their name."""
    DraftComment.objects.filter(registration__in=registrations_of(user)).update(
        name=removed_person()
    )
