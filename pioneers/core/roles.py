"""The platform's roles as django-rules predicates, shared by views, templates and the admin.

A coordinator runs the network: an active superuser or a member of the group "Coordinators"
(made by migration 0005; add someone in Wagtail's admin, Settings > Groups). An editor writes
the site's pages: a member of Wagtail's "Editors" or "Moderators", or a coordinator. Domain
roles (host of a meeting, member of an organisation) live in the apps' ``rules.py``.
"""

import rules

COORDINATORS = "Coordinators"
EDITORS = ("Editors", "Moderators")


def _group_names(user) -> frozenset[str]:
    """The names of the user's groups, asked once per user object (a request's user)."""
    names = getattr(user, "_pioneers_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._pioneers_group_names = names
    return names


@rules.predicate
def is_coordinator(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or COORDINATORS in _group_names(user)


@rules.predicate
def is_editor(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return is_coordinator(user) or bool(_group_names(user) & set(EDITORS))


rules.add_perm("core.coordinate", is_coordinator)
