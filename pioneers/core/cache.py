"""One version number for everything the site shows, bumped by any change to the data.

Cached navigation and cached anonymous pages carry the version in their keys, so a change to any
model (a page published, a member added, a setting saved) makes them all stale at once. Changes
that nobody sees (sessions, task results, search index rows) do not count.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "site:version"

# Models whose rows change without changing any page: ignoring them keeps caches warm.
IGNORED_MODELS = {
    "sessions.session",
    "django_tasks_db.dbtaskresult",
    "wagtailsearch.indexentry",
    "wagtailcore.referenceindex",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.revision",
    "wagtailusers.userprofile",
    "account.emailconfirmation",
    "account.emailaddress",
    "wagtailadmin.editingsession",
    "admin.logentry",
    "modelsearch.indexentry",
    "wagtailimages.rendition",
}


def site_version() -> int:
    # Seeded from the clock, so a lost version key never brings back entries of an old version.
    return cache.get_or_set(VERSION_KEY, time.time_ns, None)


FRAGMENT_SECONDS = 3600
_MISSING = object()


def cached(key: str, compute):
    """compute(), cached until the data changes (at most an hour, for writes that bypass signals).

    Menus, figures and the map are cached this way for everyone, logged in or not; the anonymous
    page cache (PAGE_CACHE_SECONDS) is a separate, outer layer.
    """
    versioned = f"{key}:v{site_version()}"
    value = cache.get(versioned, _MISSING)
    if value is _MISSING:  # None is a value too: "no next meeting" is worth caching
        value = compute()
        cache.set(versioned, value, FRAGMENT_SECONDS)
    return value


def site_changed() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), None)


def _on_change(sender, update_fields=None, **kwargs):
    if sender._meta.label_lower in IGNORED_MODELS:
        return
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # logging in changes no page
    # After the commit: a request between save and commit would otherwise store the old data
    # under the new version. Outside a transaction this runs at once.
    transaction.on_commit(site_changed)


def connect_signals() -> None:
    post_save.connect(_on_change, dispatch_uid="site-version-save")
    post_delete.connect(_on_change, dispatch_uid="site-version-delete")
    m2m_changed.connect(_on_change, dispatch_uid="site-version-m2m")
