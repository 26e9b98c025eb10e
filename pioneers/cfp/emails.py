"""What the call's emails add in the task that sends them: the links with their tokens."""

from django.urls import reverse

from pioneers.core.email import EmailParts
from pioneers.core.links import absolute_url


def email_parts(*, template: str, context: dict) -> EmailParts | None:
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
