"""Live fragments: small parts of a page filled in on every response, cached page or not.

A template writes a marker such as ``<!--live:places_left:42.of-->`` (``{% live %}`` in the
``pioneers`` tag library) where the figure goes; the page, markers included, may be cached for
everyone. The page cache middleware replaces every marker by what the fragment's renderer gives,
in the page's language, on every response: no JavaScript, and the figure is current even on a
cache hit. Apps register their renderers in ``AppConfig.ready()``.

A renderer takes all arguments of its markers on one page at once and returns
{argument: safe HTML}; it should cost one query however many markers the page has. A marker whose
argument the renderer does not answer becomes empty. Escaped text can never hold a marker (its
``<`` is ``&lt;``), nor can the JSON in a script element (``\\u003c``).
"""

import re
from collections.abc import Callable, Iterable

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override

MARKER = re.compile(rb"<!--live:([a-z_]{1,40}):([A-Za-z0-9_.-]{0,80})-->")
PREFIX = b"<!--live:"

Renderer = Callable[[Iterable[str]], dict[str, str]]
_renderers: dict[str, Renderer] = {}


def register(name: str, render: Renderer) -> None:
    if not re.fullmatch(r"[a-z_]{1,40}", name):
        raise ValueError(f"a live fragment's name is lower-case letters and _: {name!r}")
    _renderers[name] = render


def marker(name: str, argument: object) -> SafeString:
    argument = str(argument)
    if name not in _renderers:
        raise ValueError(f"no live fragment is registered as {name!r}")
    if not re.fullmatch(r"[A-Za-z0-9_.-]{0,80}", argument):
        raise ValueError(f"a live fragment's argument is letters, digits, _ . and -: {argument!r}")
    return mark_safe(f"<!--live:{name}:{argument}-->")  # noqa: S308 - checked just above


def fill(content: bytes, language: str | None) -> bytes:
    """The content with every marker replaced by its fragment, rendered in this language."""
    if PREFIX not in content:
        return content
    wanted: dict[str, set[str]] = {}
    for match in MARKER.finditer(content):
        wanted.setdefault(match[1].decode(), set()).add(match[2].decode())
    with override(language):
        rendered = {
            name: {
                key: str(value).encode()
                for key, value in _renderers[name](sorted(arguments)).items()
            }
            for name, arguments in wanted.items()
            if name in _renderers
        }
    return MARKER.sub(lambda m: rendered.get(m[1].decode(), {}).get(m[2].decode(), b""), content)
