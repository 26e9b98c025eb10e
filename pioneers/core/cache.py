"""Caches that know what they depend on: tags, versions per tag, and who changes which tag.

A tag names a part of what the site shows ("site": pages, menus and settings; "meetings": the
meeting lists and feeds; "meeting:<pk>": one meeting's page; "network": the members map and
directory). Each tag has a version in the cache, seeded from the clock, so a lost version key never
brings back entries stored under an old one. A cached fragment or page stores the versions of its
tags; when one of them has moved on, it is stale.

Which change moves which tag is an allow-list: every app registers its models in its
``AppConfig.ready()`` with ``invalidates(model_label, tags)``; a change to a model nobody
registered (a session, a registration, a comment) leaves every cache warm. Core imports no
domain app: the apps come to it.
"""

import contextvars
import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.template.loader import render_to_string
from wagtail.signals import page_published, page_unpublished, post_page_move

# Every entry depends on this tag too: everything_changed() (after `pioneers setup`) bumps it.
ALL = "all"
SITE = "site"
FRAGMENT_SECONDS = 3600
_MISSING = object()

Tags = Callable[[object], Iterable[str]] | Iterable[str]
_registry: dict[str, list[Tags]] = {}


def version_key(tag: str) -> str:
    return f"tag:{tag}"


def versions(tags: Iterable[str], known: dict | None = None) -> dict[str, int]:
    """The current version of each tag, in one round trip; a missing one is seeded now.

    ``known`` is what a get_many that asked for some of the keys already answered.
    """
    keys = {version_key(tag): tag for tag in set(tags)}
    found = dict(known or {})
    rest = [key for key in keys if key not in found]
    if rest:
        found.update(cache.get_many(rest))
    result = {}
    for key, tag in keys.items():
        value = found.get(key)
        if value is None:
            # Seeded from the clock: larger than any version this tag had before it was lost.
            value = cache.get_or_set(key, time.time_ns, None)
        result[tag] = value
    return result


def tags_changed(*tags: str) -> None:
    """Make every entry that depends on one of these tags stale, at once."""
    for tag in set(tags):
        key = version_key(tag)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, time.time_ns(), None)


def tags_changed_on_commit(*tags: str) -> None:
    """tags_changed() after the commit: a request between the write and the commit would
    otherwise store the old data under the new version. Outside a transaction: at once."""
    if tags:
        transaction.on_commit(lambda: tags_changed(*tags))


def everything_changed() -> None:
    tags_changed(ALL)


# --- what a request's page depends on ---------------------------------------------------------


class PageTags:
    """The tags of the page being rendered, with the versions they had when first named.

    A version is read when its tag is added, before the data it covers is read, so a change
    that commits during the rendering leaves the stored page stale rather than wrong.
    """

    def __init__(self, known: dict[str, int] | None = None):
        self.versions: dict[str, int] = dict(known or {})

    def add(self, *tags: str) -> None:
        new = [tag for tag in tags if tag not in self.versions]
        if new:
            self.versions.update(versions(new))

    def merge(self, known: dict[str, int]) -> None:
        for tag, version in known.items():
            self.versions.setdefault(tag, version)

    def __contains__(self, tag):
        return tag in self.versions

    def __iter__(self):
        return iter(self.versions)


_current: contextvars.ContextVar[PageTags | None] = contextvars.ContextVar(
    "page_tags", default=None
)


def page_tags_start(known: dict[str, int]) -> tuple[PageTags, contextvars.Token]:
    tags = PageTags(known)
    return tags, _current.set(tags)


def page_tags_end(token: contextvars.Token) -> None:
    _current.reset(token)


def page_depends_on(request, *tags: str) -> None:
    """Declare that the page of this request shows data of these tags (besides "site").

    Only a page that may be cached reads versions; for anyone else this costs nothing.
    """
    page_tags = getattr(request, "cache_tags", None)
    if page_tags is not None:
        page_tags.add(*tags)


# --- fragments --------------------------------------------------------------------------------


def cached(key: str, compute, tags: Iterable[str] = (SITE,)):
    """compute(), cached until one of its tags changes (at most an hour, for writes that bypass
    signals).

    Menus, figures and the map are cached this way for everyone, logged in or not; the anonymous
    page cache (PAGE_CACHE_SECONDS) is a separate, outer layer. A page that shows a fragment
    depends on the fragment's tags as well.
    """
    tags = {ALL, *tags}
    key = f"fragment:{key}"
    page = _current.get()
    # The versions this request has read already are not read again: a page with six
    # fragments asks the cache for each tag once.
    seen = page.versions if page is not None else {}
    known = {version_key(tag): seen[tag] for tag in tags if tag in seen}
    found = cache.get_many([key, *(version_key(tag) for tag in tags if tag not in seen)])
    current = versions(tags, known={**found, **known})
    entry = found.get(key)
    # None is a value too: "no next meeting" is worth caching.
    if entry is not None and entry[0] == current:
        value = entry[1]
    else:
        value = compute()
        cache.set(key, (current, value), FRAGMENT_SECONDS)
    if page is not None:
        page.merge(current)
    return value


def cached_render(key: str, template_name: str, context: Callable[[], dict], tags=(SITE,)) -> str:
    """A template rendered with ``context()``, cached like ``cached()`` (so per key: put the
    language in it). For a block that costs more to render than to fetch: charts, long tables.
    ``context`` runs only on a miss; the template gets no request, so nothing personal."""
    return cached(key, lambda: render_to_string(template_name, context()), tags)


# --- who changes what -------------------------------------------------------------------------


def invalidates(model_label: str, tags: Tags) -> None:
    """A save or delete of this model (or of a subclass, as Wagtail's pages are) makes these tags
    stale: a set of tags, or a function of the instance that returns them.

    Several apps may register one model, each for what it shows of it.
    """
    registered = _registry.setdefault(model_label.lower(), [])
    if tags not in registered:  # ready() may run twice in tests
        registered.append(tags)


def registered(model) -> list[Tags]:
    labels = [model._meta.label_lower]
    labels += [parent._meta.label_lower for parent in model._meta.get_parent_list()]
    return [tags for label in labels for tags in _registry.get(label, [])]


def tags_of(instance) -> set[str]:
    if type(instance).__module__ == "__fake__":
        # A migration's historical model has none of the methods the tags functions read;
        # ``pioneers setup`` empties the whole cache after migrating.
        return {SITE}
    result = set()
    for tags in registered(type(instance)):
        result.update(tags(instance) if callable(tags) else tags)
    return result


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return  # loading fixtures
    tags_changed_on_commit(*tags_of(instance))


def _on_delete(sender, instance, **kwargs):
    # pre_delete, not post_delete: SET_NULL has not cut the relations a tags function reads yet,
    # and on_commit runs only if the delete commits.
    tags_changed_on_commit(*tags_of(instance))


def _on_m2m(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        tags_changed_on_commit(*tags_of(instance))


def _on_page_event(sender, **kwargs):
    tags_changed_on_commit(SITE)


def connect_signals() -> None:
    post_save.connect(_on_save, dispatch_uid="cache-tags-save")
    pre_delete.connect(_on_delete, dispatch_uid="cache-tags-delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="cache-tags-m2m")
    # Publishing, unpublishing and moving also write through queries that send no post_save.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_event, dispatch_uid=f"cache-tags-{id(signal)}")
    # What core and Wagtail themselves show on every page: the page tree, the network's
    # settings, sites and languages, images and documents, and who may see which.
    for label in (
        "wagtailcore.page",
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailcore.collection",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.collectionviewrestriction",
        "wagtailimages.image",
        "wagtaildocs.document",
        "core.networksettings",
    ):
        invalidates(label, {SITE})
