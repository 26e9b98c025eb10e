"""The public pages of a call rendered once and cached until their meeting changes (any change
to a meeting, its call, rooms, slots or talks on the programme bumps the "meetings" tag): the
call page and the programme. Coordinators, who also see what is not published, skip the cache."""

import hashlib

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from pioneers.cfp import programme, selectors
from pioneers.core.cache import cached
from pioneers.core.languages import current_language

TAGS = ("meetings",)


def _page(kind: str, slug: str, build, *, fresh: bool):
    """``build()`` -> {"meeting_id", "title", "body"} or None (no such page): cached per
    page and language, or computed anew when ``fresh``."""
    if fresh:
        return build()
    # Hashed: a slug from the address bar may be longer than a cache key can be.
    key = hashlib.sha256(slug.encode()).hexdigest()[:32]
    return cached(f"cfp:{kind}:{key}:{current_language()}", build, tags=TAGS)


def call_page(slug: str, *, coordinator: bool) -> dict | None:
    def moments():
        call = selectors.call_for_page(slug, include_unpublished=coordinator)
        return (call.opens_at, call.closes_at) if call is not None else None

    found = _page("call-moments", slug, moments, fresh=coordinator)
    if found is None:
        return None
    # The page differs before, during and after the call: one cached version of each.
    now = timezone.now()
    state = "not_yet" if now < found[0] else ("open" if now < found[1] else "closed")

    def build():
        call = selectors.call_for_page(slug, include_unpublished=coordinator)
        if call is None:
            return None
        context = {
            "call": call,
            "meeting": call.meeting,
            "state": state,
            "coordinator": coordinator,  # never cached: coordinators' pages are fresh
        }
        return {
            "meeting_id": call.meeting_id,
            "title": _("Call for papers: %(title)s") % {"title": call.meeting.text.title},
            "body": render_to_string("cfp/_call_body.html", context),
        }

    return _page(f"call-{state}", slug, build, fresh=coordinator)


def programme_page(slug: str, *, coordinator: bool) -> dict | None:
    def build():
        call = programme.call_of_meeting(slug, include_unpublished=coordinator)
        if call is None:
            return None
        slots = programme.programme_slots(call)
        rooms, rows = programme.programme_grid(slots, list(call.rooms.all()))
        context = {"call": call, "meeting": call.meeting, "rooms": rooms, "rows": rows}
        return {
            "meeting_id": call.meeting_id,
            "title": _("Programme: %(title)s") % {"title": call.meeting.text.title},
            "body": render_to_string("cfp/_programme_body.html", context),
        }

    return _page("programme", slug, build, fresh=coordinator)
