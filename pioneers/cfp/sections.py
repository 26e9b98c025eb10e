"""The call's block on its meeting's page, while the call is open."""

from django.template.loader import render_to_string

from pioneers.cfp.selectors import open_call_of


def meeting_call_block(meeting, request) -> str:
    call = open_call_of(meeting)
    if call is None or not call.is_open():
        return ""
    return render_to_string("cfp/_call_block.html", {"call": call, "meeting": meeting})
