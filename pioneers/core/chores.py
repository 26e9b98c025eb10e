"""Periodic chores that apps register; `pioneers housekeeping` runs them every minute.

The core knows no domain app: an app registers its chores in its ``AppConfig.ready()``::

    from pioneers.core import chores

    chores.register("reminders_send", services.reminders_send)

A chore takes no arguments, is idempotent and quick (it runs every minute). One that fails is
logged and the others still run.
"""

import logging
from collections.abc import Callable, Iterable

logger = logging.getLogger(__name__)

Chore = tuple[str, Callable[[], object]]

_chores: dict[str, Callable[[], object]] = {}


def register(name: str, func: Callable[[], object]) -> None:
    """Run ``func`` at every housekeeping; registering a name again replaces its chore."""
    _chores[name] = func


def registered() -> list[Chore]:
    """The apps' chores, in the order the apps registered them."""
    return list(_chores.items())


def run_all(chores: Iterable[Chore] | None = None) -> list[str]:
    """Run each chore (by default the registered ones); returns the names of those that failed."""
    failed = []
    for name, func in registered() if chores is None else chores:
        try:
            func()
        except Exception:
            logger.exception("Housekeeping chore %s failed", name)
            failed.append(name)
    return failed
