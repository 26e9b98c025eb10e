"""What the call adds to its meeting's page: a block while it is open, and the programme."""

from django.template.loader import render_to_string

from pioneers.cfp.programme import programme_slots_of_meeting
from pioneers.cfp.selectors import open_call_of


def meeting_call_block(meeting, request) -> str:
    call = open_call_of(meeting)
    if call is None or not call.is_open():
        return ""
    return render_to_string("cfp/_call_block.html", {"call": call, "meeting": meeting})


def meeting_programme(meeting, request) -> str:
    """The confirmed talks with their slots, under the meeting's agenda."""
    slots = programme_slots_of_meeting(meeting.pk)
    if not slots:
        return ""
    return render_to_string(
        "cfp/_meeting_programme.html", {"slots": slots, "meeting": meeting}, request=request
    )
