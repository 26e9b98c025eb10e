"""Slugs made from a title or name: one way to shorten, fall back and number them."""

from collections.abc import Callable, Collection

from django.utils.text import slugify


def slug_of(text: str, *, max_length: int | None = None, fallback: str = "") -> str:
    """``text`` as a slug, cut to ``max_length``; ``fallback`` when nothing of it is left."""
    slug = slugify(text)
    if max_length is not None:
        slug = slug[:max_length]
    return slug or fallback


def unique_slug(
    text: str,
    *,
    taken: Callable[[str], bool] | Collection[str],
    max_length: int | None = None,
    fallback: str = "",
) -> str:
    """The slug of ``text`` that is not taken yet: ``base``, then ``base-2``, ``base-3``…

    ``taken`` is either a test (``lambda slug: Page.objects.filter(slug=slug).exists()``) or the
    slugs in use (a set or a list).
    """
    is_taken = taken if callable(taken) else taken.__contains__
    base = slug_of(text, max_length=max_length, fallback=fallback)
    slug, number = base, 2
    while is_taken(slug):
        slug, number = f"{base}-{number}", number + 1
    return slug
