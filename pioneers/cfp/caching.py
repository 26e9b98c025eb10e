"""What changes to a call make stale in the caches: its meeting's page and its own page."""

from pioneers.cfp.models import Call


def call_tags(call) -> set[str]:
    return {"meetings", f"meeting:{call.meeting_id}"}


def part_tags(part) -> set[str]:
    """A format, track, question or criterion of a call."""
    meeting_id = Call.objects.filter(pk=part.call_id).values_list("meeting_id", flat=True).first()
    return {"meetings", f"meeting:{meeting_id}"} if meeting_id else {"meetings"}
