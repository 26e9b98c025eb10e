"""What the call's emails add in the task that sends them: the links with their tokens, and a
decision's wording as the coordinators wrote it for the call in the recipient's language."""

from django.urls import reverse

from pioneers.core.email import EmailParts
from pioneers.core.languages import current_language
from pioneers.core.links import absolute_url


def email_parts(*, template: str, context: dict) -> EmailParts | None:
    if template == "cfp/email/decision":
        return _decision_parts(context)
    invitation = context.get("invitation")
    if invitation is None:
        return EmailParts()
    submission = invitation.submission
    inviter = invitation.invited_by
    return EmailParts(
        context={
            "submission": submission,
            "meeting": submission.call.meeting,
            "inviter_name": inviter.get_full_name() if inviter else "",
            "answer_url": absolute_url(
                reverse("cfp:invitation", kwargs={"token": invitation.token})
            ),
        }
    )


def _decision_parts(context: dict) -> EmailParts:
    from pioneers.cfp.models import placeholders_fill
    from pioneers.cfp.reviewing import decision_template

    submission, speaker = context["submission"], context["speaker"]
    meeting = submission.call.meeting
    url = absolute_url(reverse("cfp:proposal", kwargs={"pk": submission.pk}))
    name = speaker.get_full_name() or speaker.email
    parts = {"meeting": meeting, "url": url, "name": name}
    wording = decision_template(submission.call_id, context["decision"], current_language())
    if wording is not None:
        values = {"title": submission.title, "name": name, "meeting": meeting.title, "url": url}
        parts["custom_subject"] = placeholders_fill(wording.subject, values)
        parts["custom_body"] = placeholders_fill(wording.body, values)
    return EmailParts(context=parts)
