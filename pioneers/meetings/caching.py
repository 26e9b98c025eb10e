"""What changes to meetings make stale in the caches, and the live places-left figures."""

from django.db.models import Count, Q
from django.template.loader import render_to_string

from pioneers.meetings.models import Meeting

# How a figure is shown: "count" in the meeting lists ("12 places left"), "of" on the meeting's
# page ("12 of 40 left"), "full" the notice there when none is left, "json" the bare number for
# the page's JSON-LD.
FORMS = {"count", "of", "full", "json"}


def meeting_tags(meeting) -> set[str]:
    return {"meetings", f"meeting:{meeting.pk}"}


def part_tags(part) -> set[str]:
    """An agenda item or a document of a meeting."""
    return {"meetings", f"meeting:{part.meeting_id}"}


def programme_tags(programme) -> set[str]:
    # Its name is on the page of each of its meetings.
    pks = programme.meetings.values_list("pk", flat=True) if programme.pk else []
    return {"meetings", *(f"meeting:{pk}" for pk in pks)}


def places_left_fragments(arguments) -> dict[str, str]:
    """Places left of every meeting on a page, in one query; arguments are "<pk>.<form>"."""
    wanted = {}
    for argument in arguments:
        pk, _dot, form = argument.partition(".")
        if pk.isdigit() and form in FORMS:
            wanted[argument] = (int(pk), form)
    if not wanted:
        return {}
    rows = (
        Meeting.objects.filter(pk__in={pk for pk, _form in wanted.values()})
        .annotate(confirmed=Count("registrations", filter=Q(registrations__status="confirmed")))
        .values_list("pk", "capacity", "confirmed")
    )
    figures = {pk: (capacity, max(capacity - confirmed, 0)) for pk, capacity, confirmed in rows}
    result = {}
    for argument, (pk, form) in wanted.items():
        if pk in figures:
            capacity, left = figures[pk]
            context = {"form": form, "capacity": capacity, "left": left}
            result[argument] = render_to_string("meetings/_places_left.html", context).strip()
    return result
