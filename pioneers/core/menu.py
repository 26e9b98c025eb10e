"""The layout's menus, filled by the apps: the core knows no domain app's URL names.

An app registers its entries in its ``AppConfig.ready()``::

    from pioneers.core import menu

    menu.register("account", _("Pioneers"), "network:people", order=20)
    menu.register("account", _("Join requests"), "network:join_requests", order=10,
                  visible=lambda user: user.has_perm("network.decide_join_requests"))

Menus: ``account`` (the header's menu for a logged-in user, between "Manage" and "My
account"), ``account_settings`` (under the account's settings pages), ``no_access`` (the
links a coordinators-only page offers). ``register_search`` names the site search's URL and
``register_head`` a template included in every page's ``<head>``. The context processor
``site_menu`` hands the entries, resolved for the request's user, to the templates.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import SimpleLazyObject


def everyone(user) -> bool:
    return True


@dataclass(frozen=True)
class Entry:
    menu: str
    label: str  # lazily translated
    url_name: str
    order: int
    visible: Callable  # (user) -> bool
    fragment: str = ""


@dataclass(frozen=True)
class Link:
    label: str
    url: str


_entries: list[Entry] = []
_search: list[str] = []
_head: list[str] = []


def register(
    menu: str,
    label,
    url_name: str,
    *,
    order: int,
    visible: Callable = everyone,
    fragment: str = "",
) -> None:
    """Add a link to ``menu``; entries show by ``order``, to users for whom ``visible`` is true."""
    _entries.append(Entry(menu, label, url_name, order, visible, fragment))
    _entries.sort(key=lambda entry: entry.order)


def register_search(url_name: str) -> None:
    """The URL name of the site search the header's search form sends to (the last one wins)."""
    _search.append(url_name)


def register_head(template_name: str) -> None:
    """A template included in every page's ``<head>`` (a feed link, for example)."""
    _head.append(template_name)


def links(menu: str, user) -> list[Link]:
    """The entries of ``menu`` that ``user`` sees, with their URLs."""
    return [
        Link(str(entry.label), reverse(entry.url_name) + entry.fragment)
        for entry in _entries
        if entry.menu == menu and entry.visible(user)
    ]


class SiteMenu:
    """What the templates show of the menus, for one user."""

    def __init__(self, user):
        self.user = user

    @property
    def account(self) -> list[Link]:
        return links("account", self.user)

    @property
    def account_settings(self) -> list[Link]:
        return links("account_settings", self.user)

    @property
    def no_access(self) -> list[Link]:
        return links("no_access", self.user)

    @property
    def search_url(self) -> str:
        return reverse(_search[-1]) if _search else ""

    @property
    def head(self) -> list[str]:
        return list(_head)


def site_menu(request) -> dict:
    """Context processor: the menus for the request's user, built only when a template asks."""
    return {"site_menu": SimpleLazyObject(lambda: SiteMenu(getattr(request, "user", None)))}
