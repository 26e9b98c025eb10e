"""A person's data across the apps: each app registers how to export and erase its part.

The core knows no domain app; apps register here in their ``ready()``. Erasing runs the apps
from the top down (the publishing apps before meetings before network), so an app can still
follow its links to the rows of the apps below before those are anonymised.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext


@dataclass(frozen=True)
class Part:
    name: str
    export: Callable | None  # (user) -> JSON-serialisable value; None: nothing to show
    erase: Callable | None  # (user) -> None; anonymises or removes, idempotently


_parts: dict[str, Part] = {}


def register(name: str, *, export: Callable | None, erase: Callable | None = None) -> None:
    _parts[name] = Part(name, export, erase)


def export_all(user) -> dict:
    """Everything the apps hold on one account, by part, in the order the apps registered."""
    return {part.name: part.export(user) for part in _parts.values() if part.export is not None}


def erase_all(user) -> None:
    for part in reversed(list(_parts.values())):
        if part.erase is not None:
            part.erase(user)


def removed_person() -> str:
    """What stands where an erased person's name was, in the site's main language."""

    with translation.override(settings.LANGUAGE_CODE):
        return gettext("removed person")
