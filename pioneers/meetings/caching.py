"""What changes to meetings make stale in the caches, and the live places-left figures."""

import functools

from django.db import connection
from django.template.loader import render_to_string
from django.utils.translation import get_language

from pioneers.meetings.models import Meeting, Registration

# How a figure is shown: "count" in the meeting lists ("12 places left"), "of" on the meeting's
# page ("12 of 40 left"), "full" the notice there when none is left, "json" the bare number for
# the page's JSON-LD.
FORMS = {"count", "of", "full", "json"}


def meeting_tags(meeting) -> set[str]:
    # A translation's text is shown on its original's page.
    pk = meeting.pk if meeting.is_original else meeting.original().pk
    return {"meetings", f"meeting:{pk}"}


def part_tags(part) -> set[str]:
    """An agenda item or a document of a meeting (or of a translation of one)."""
    meeting = Meeting.all_locales.filter(pk=part.meeting_id).first()  # gone when deleted with it
    return meeting_tags(meeting) if meeting else {"meetings", f"meeting:{part.meeting_id}"}


def programme_tags(programme) -> set[str]:
    # Its name (or its translation's) is on the page of each of its meetings.
    programme = programme.original() if programme.pk else programme
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
    figures = _places_left({pk for pk, _form in wanted.values()})
    language = get_language()
    return {
        argument: _render(language, form, *figures[pk])
        for argument, (pk, form) in wanted.items()
        if pk in figures
    }


def _places_left(pks: set[int]) -> dict[int, tuple[int, int]]:
    """{pk: (capacity, places left)}. SQL of our own: this runs on every response that shows a
    figure, cache hits included, and building the ORM's query cost more than running it."""
    meetings = Meeting._meta.db_table
    registrations = Registration._meta.db_table
    marks = ", ".join(["%s"] * len(pks))
    sql = (
        f"SELECT m.id, m.capacity, (SELECT COUNT(*) FROM {registrations} r "  # noqa: S608
        f"WHERE r.meeting_id = m.id AND r.status = %s) FROM {meetings} m WHERE m.id IN ({marks})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [Registration.Status.CONFIRMED, *sorted(pks)])
        rows = cursor.fetchall()
    return {pk: (capacity, max(capacity - confirmed, 0)) for pk, capacity, confirmed in rows}


@functools.lru_cache(maxsize=4096)
def _render(language: str, form: str, capacity: int, left: int) -> str:
    # The same few texts again and again: rendered once per process (translations are fixed).
    context = {"form": form, "capacity": capacity, "left": left}
    return render_to_string("meetings/_places_left.html", context).strip()
