"""Cursor pagination for the API: rows in order of their id, a page after the last id seen.

A cursor is opaque to clients (the last id seen, in base 36); a new row never shifts a page
already read, and every page costs the same queries however far into the list it is. A cursor
beyond every id is well-formed and gives an empty last page.
"""

import re

from django.utils.translation import gettext

MAX_ID = 2**63 - 1
CURSOR = r"^[0-9a-z]{1,13}$"
_CURSOR = re.compile(CURSOR)


class BadCursor(ValueError):
    """A cursor this API did not give out."""


def encode_cursor(pk: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        pk, digit = divmod(pk, 36)
        text = digits[digit] + text
        if not pk:
            return text


def decode_cursor(cursor: str | None) -> int:
    """The id a page starts after (0 for the first page); BadCursor for anything else."""
    if not cursor:
        return 0
    if not _CURSOR.fullmatch(cursor):
        raise BadCursor(gettext("The cursor is not one this API gave out."))
    return min(int(cursor, 36), MAX_ID)


def page_of(queryset, *, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """One page of ``queryset`` and the cursor of the next page (None on the last one)."""
    after = decode_cursor(cursor)
    rows = list(queryset.filter(pk__gt=after).order_by("pk")[: limit + 1])
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(rows[-1].pk)
    return rows, None
