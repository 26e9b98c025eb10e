"""What changes to a call make stale in the caches: its meeting's page and its own page."""

from pioneers.cfp.models import Call


def call_tags(call) -> set[str]:
    return {"meetings", f"meeting:{call.meeting_id}"}


def part_tags(part) -> set[str]:
    """A format, track, question or criterion of a call."""
    meeting_id = Call.objects.filter(pk=part.call_id).values_list("meeting_id", flat=True).first()
    return {"meetings", f"meeting:{meeting_id}"} if meeting_id else {"meetings"}


def slot_tags(slot) -> set[str]:
    """A slot shows on its meeting's page and programme."""
    return part_tags(slot)


def submission_tags(submission) -> set[str]:
    """A talk on the programme that changes (its title, its state) changes the meeting's page."""
    from pioneers.cfp.models import Slot

    if submission.pk is None or not Slot.objects.filter(submission_id=submission.pk).exists():
        return set()
    return part_tags(submission)
