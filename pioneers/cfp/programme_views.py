"""Pages of the programme: the coordinators' timetable, the public programme and its exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pioneers.cfp import exports, programme, rendered
from pioneers.cfp.forms import TimetableRowForm
from pioneers.core.cache import page_depends_on
from pioneers.core.roles import is_coordinator


def _call(request, slug, *, include_unpublished: bool = False):
    call = programme.call_of_meeting(slug, include_unpublished=include_unpublished)
    if call is None:
        raise Http404
    return call


@never_cache
@login_required
def timetable(request, slug):
    """Coordinators give confirmed talks a start, a length and a room: one plain form, usable
    with the keyboard alone. A refused row keeps what was typed and says why next to it."""
    if not is_coordinator(request.user):
        raise Http404
    call = _call(request, slug, include_unpublished=True)
    meeting = call.meeting
    rooms = list(call.rooms.all())
    talks = programme.timetable_of(call)
    data = request.POST if request.method == "POST" else None
    forms = []
    for talk in talks:
        slot = talk.current_slot
        initial = {
            "start": timezone.localtime(slot.start).time() if slot else None,
            "duration": slot.duration_minutes if slot else talk.format.duration_minutes,
            "room": slot.room_id if slot else (rooms[0].pk if len(rooms) == 1 else None),
        }
        forms.append(TimetableRowForm(data, initial=initial, submission=talk, rooms=rooms))
    status = 200
    if request.method == "POST":
        # Every row checked (not only up to the first refusal), so each shows its messages.
        valid = [form.is_valid() for form in forms]
        if all(valid):
            entries = [
                form.entry(meeting.date)
                for form in forms
                # A talk confirmed after the page was loaded has no row in the post.
                if form.has_changed() and f"{form.prefix}-start" in request.POST
            ]
            try:
                programme.slots_save(call=call, entries=entries)
            except ValidationError as error:
                by_talk = {form.submission.pk: form for form in forms}
                for key, messages_ in error.message_dict.items():
                    form = by_talk.get(int(key)) if key.isdigit() else None
                    for message in messages_:
                        if form is not None:
                            form.add_error(None, message)
                        else:
                            messages.error(request, message)
            else:
                messages.success(request, _("The programme has been saved."))
                return redirect("cfp:timetable", slug=slug)
        messages.error(request, _("Some rows could not be saved; nothing was changed."))
        status = 400
    return TemplateResponse(
        request,
        "cfp/timetable.html",
        {"call": call, "meeting": meeting, "rooms": rooms, "forms": forms},
        status=status,
    )


def programme_page(request, slug):
    """The public programme of a meeting, by time and room."""
    coordinator = is_coordinator(request.user)
    page = rendered.programme_page(slug, coordinator=coordinator)
    if page is None:
        raise Http404
    page_depends_on(request, f"meeting:{page['meeting_id']}")
    return TemplateResponse(
        request, "cfp/programme.html", {**page, "slug": slug, "can_edit": coordinator}
    )


def _export(request, slug, render, content_type: str, filename: str) -> HttpResponse:
    call = _call(request, slug)
    page_depends_on(request, f"meeting:{call.meeting_id}")
    slots = programme.programme_slots(call)
    response = HttpResponse(render(call.meeting, call, slots), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def schedule_xml(request, slug):
    return _export(
        request, slug, exports.schedule_xml, "application/xml; charset=utf-8", "schedule.xml"
    )


def schedule_json(request, slug):
    return _export(request, slug, exports.schedule_json, "application/json", "schedule.json")


def programme_ics(request, slug):
    return _export(
        request, slug, exports.programme_calendar, "text/calendar; charset=utf-8", "programme.ics"
    )
