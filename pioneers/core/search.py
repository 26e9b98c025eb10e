"""Full-text search that understands Dutch, in the embedded profile as in production.

Wagtail's database search backend does the work: SQLite FTS5 in the embedded profile and
PostgreSQL's text search in production. PostgreSQL's ``dutch`` configuration stems words and
drops diacritics by itself. SQLite's FTS5 drops diacritics (its ``unicode61`` tokenizer) but
knows no Dutch, so here the same Snowball stemmer that PostgreSQL uses (``dutch_porter``, the
original Dutch algorithm) stems the indexed text and the query alike: "gemeenten" then finds
"gemeente" on both databases.

The same stems mark the matches in results (``highlight``), so what is highlighted is what was
found.

Configure with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "pioneers.core.search"}}``.
"""

import re
import threading
import unicodedata

import snowballstemmer
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from modelsearch.backends.database import SearchBackend as database_backend

WORD = re.compile(r"\w+")
_local = threading.local()  # Snowball stemmers keep state while stemming: one per thread.


def _stemmer():
    if not hasattr(_local, "stemmer"):
        _local.stemmer = snowballstemmer.stemmer("dutch_porter")
    return _local.stemmer


def fold(text: str) -> str:
    """Lower case without diacritics: "Coördinatie" -> "coordinatie"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words and numbers of a text; punctuation and symbols are not words."""
    return WORD.findall(fold(text))


def stems(text: str) -> list[str]:
    return _stemmer().stemWords(words(text))


def stem_text(text: str) -> str:
    return " ".join(stems(text))


# Words too common to say whether two texts are about the same thing (Dutch and English).
STOPWORDS = frozenset(
    """
    aan al als bij dan dat de deze die dit door een en er ge had heb heeft het hij hoe ik in is
    je kan kun maar me met meer na naar niet nog nu of om onder ons ook op over te tot uit van
    veel voor was wat we wel werd wie wij wil worden zij zijn zo zoals a an and are as at be by
    for from has have in is it of on or that the this to was we with
    """.split()  # noqa: SIM905
)


def keywords(text: str, limit: int = 30) -> str:
    """The distinct telling words of a text, for an "any of these words" search."""
    seen = dict.fromkeys(w for w in words(text) if len(w) > 2 and w not in STOPWORDS)
    return " ".join(list(seen)[:limit])


def matching_ids(results):
    """The primary keys of all search hits, as a subquery for counting facets.

    Wagtail's database backends (the ones this project configures) answer a search with a
    queryset, so the hits never leave the database.
    """
    return results.get_queryset().values("pk")


def highlight(text: str, query: str, *, context_words: int = 0) -> SafeString:
    """The text, escaped, with every word whose stem the query has inside ``<mark>``.

    With ``context_words``, only an excerpt of that many words around the first match (the text's
    start when nothing matches), with ellipses where text was left out.
    """
    wanted = set(stems(query))
    parts = re.split(r"(\w+)", text)  # words at odd positions
    stemmer = _stemmer()
    marked = [i for i in range(1, len(parts), 2) if stemmer.stemWord(fold(parts[i])) in wanted]
    start, end = 0, len(parts)
    if context_words:  # counted in parts: a word and the separator after it
        first = marked[0] if marked else 1
        start = max(0, first - 2 * context_words // 3)
        start -= start % 2  # begin at a separator
        end = min(len(parts), start + 2 * context_words)
    marked = set(marked)
    html = []
    for i in range(start, end):
        piece = escape(parts[i])
        html.append(f"<mark>{piece}</mark>" if i in marked else piece)
    out = "".join(html).strip()
    if start > 0:
        out = "… " + out
    if end < len(parts) and "".join(parts[end:]).strip():
        out += " …"
    return mark_safe(out)  # noqa: S308 - every piece went through escape()


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        params = {"SEARCH_CONFIG": "dutch", **params}
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        # Imported only here: the SQLite backend's module needs SQLite's index tables.
        from pioneers.core.search_sqlite import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    return backend
