"""Cursor pagination for the API: rows in order of their id, a page after the last id seen.

A cursor is opaque to clients (base64 of the last id); a new row never shifts a page already
read, and every page costs the same queries however far into the list it is.
"""

import base64
import binascii

from django.utils.translation import gettext

MAX_ID = 2**63 - 1


class BadCursor(ValueError):
    """A cursor this API did not give out."""


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"after:{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The id a page starts after (0 for the first page); BadCursor for anything else."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeError, ValueError):
        raise BadCursor(gettext("The cursor is not one this API gave out.")) from None
    prefix, _colon, number = text.partition(":")
    if prefix != "after" or not number.isascii() or not number.isdigit() or len(number) > 19:
        raise BadCursor(gettext("The cursor is not one this API gave out."))
    pk = int(number)
    if pk > MAX_ID:
        raise BadCursor(gettext("The cursor is not one this API gave out."))
    return pk


def page_of(queryset, *, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """One page of ``queryset`` and the cursor of the next page (None on the last one)."""
    after = decode_cursor(cursor)
    rows = list(queryset.filter(pk__gt=after).order_by("pk")[: limit + 1])
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(rows[-1].pk)
    return rows, None
