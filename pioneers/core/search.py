"""Full-text search that understands Dutch, in the embedded profile as in production.

Wagtail's database search backend does the work: SQLite FTS5 in the embedded profile and
PostgreSQL's text search in production. PostgreSQL's ``dutch`` configuration stems words and
drops diacritics by itself. SQLite's FTS5 drops diacritics (its ``unicode61`` tokenizer) but
knows no Dutch, so here the same Snowball stemmer that PostgreSQL uses (``dutch_porter``, the
original Dutch algorithm) stems the indexed text and the query alike: "gemeenten" then finds
"gemeente" on both databases.

The same stems mark the matches in results (``highlight``), so what is highlighted is what was
found.

One statement finds the hits of a search with their scores (``RankedSearch``), and the count, a
page and the facets reuse it. The lists people search (``bounded``) rank at most ``MAX_HITS``
hits, the newest and those with the words in their title, so a word in nearly every practice
costs about what a rare one does.

Configure with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "pioneers.core.search"}}``.
"""

import functools
import re
import threading
import unicodedata
from html import unescape

import snowballstemmer
from django.db import connection
from django.db.models import BigIntegerField, Exists, IntegerField, OuterRef
from django.db.models.functions import Cast
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import And, Or, Phrase, PlainText

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


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of a folded word. Remembered: a language has fewer words than texts have."""
    return _stemmer().stemWord(word)


def stems(text: str) -> list[str]:
    return [stem(word) for word in words(text)]


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
    """The primary keys of all search hits, for counting facets.

    A ranked search (``RankedSearch``) has them at hand; any other search of Wagtail's database
    backends answers with a queryset, so the hits stay in the database.
    """
    if isinstance(results, RankedResults) and results._ranks_itself():
        return results.ranked_pks()
    return results.get_queryset().values("pk")


# How many hits a bounded search (``bounded``) ranks: the lists of the knowledge base and the
# search page, which say when more pages matched.
MAX_HITS = 500
# Besides those, the newest that have the words in their title, however old. Few, so that
# PostgreSQL walks the newest entries to find them rather than fetch every title match.
TITLE_HITS = 50


def bounded(results):
    """Let these search results rank the newest ``MAX_HITS`` hits when more pages match.

    Pages with the words in their title are ranked too, however old. Whether more matched is
    ``results.more_hits``.
    """
    if isinstance(getattr(results, "query_compiler", None), RankedSearch):
        results.query_compiler.max_hits = MAX_HITS
    return results


def _plain(query) -> bool:
    """Whether a search query is words and phrases combined with and/or: what RankedSearch ranks."""
    if isinstance(query, (PlainText, Phrase)):
        return True
    if isinstance(query, (And, Or)):
        return all(_plain(subquery) for subquery in query.subqueries)
    return False


def _integer_keys(model) -> bool:
    """Whether a model's primary key is a number (the index keeps it as text, to compare)."""
    field = model._meta.pk
    while field.is_relation:  # a page type's key is its link to the page
        field = field.target_field
    return isinstance(field, IntegerField)


class RankedSearch:
    """For a database backend's query compiler: find and score the hits in one statement.

    Wagtail's SQLite backend scores each hit with a subquery that runs the full-text match
    again, which grows with the square of the hits (seconds for a common word at 50,000 pages).
    Here ``candidate_rows`` returns the hits with their scores in one statement and they are
    sorted here; count, pages and facets reuse that answer.

    A ``bounded`` search asks for the newest ``max_hits + 1`` matching index entries (the
    database walks the entries newest first and stops, or uses the full-text index for a rare
    word) and for the newest ``TITLE_HITS`` with the words in their title; only those are
    scored.
    Searches this does not cover (``annotate_score``, ``order_by_relevance=False``, chosen
    fields, negations, ``values()``) go to Wagtail's own code.
    """

    HIGHER_IS_BETTER = True  # ts_rank; SQLite's bm25() is better the lower it is
    max_hits = None  # no bound; see bounded()
    _ranked = None

    def ranks_itself(self, score_field=None) -> bool:
        return (
            self.order_by_relevance
            and score_field is None
            and self.fields is None
            and self.queryset._fields is None  # model instances, not values()
            and _plain(self.query)
            and _integer_keys(self.queryset.model)
        )

    def candidate_rows(self, config, limit: int | None, title_limit: int = 0):
        """(entry id, object id, score, by title) of the matching entries; with ``limit``, of
        the ``limit`` newest and of the ``title_limit`` newest matching by title ("by title":
        among those). Per backend."""
        raise NotImplementedError

    def object_matches(self, object_id_path: str):
        """Whether an index entry's object is in the searched queryset, as a filter."""
        object_id = Cast(OuterRef(object_id_path), output_field=BigIntegerField())
        return Exists(self.queryset.order_by().filter(pk=object_id))

    def ranked(self, config) -> tuple[list, bool]:
        """The hits' primary keys, best first, and whether more pages matched."""
        if self._ranked is None:
            limit = None if self.max_hits is None else self.max_hits + 1
            rows = list(self.candidate_rows(config, limit, TITLE_HITS))
            # The newest `limit` entries are the newest rows: title matches beyond them are
            # older. All of them means more than max_hits matched; the oldest of them is left
            # out, unless the title brought it in too.
            more = limit is not None and len(rows) >= limit
            if more:
                rows.sort(key=lambda row: row[0], reverse=True)
                if not rows[limit - 1][3]:
                    del rows[limit - 1]
            to_python = self.queryset.model._meta.pk.to_python
            hits = [(to_python(row[1]), row[2] or 0.0) for row in rows]
            sign = -1 if self.HIGHER_IS_BETTER else 1
            hits.sort(key=lambda hit: (sign * hit[1], -hit[0]))
            self._ranked = ([pk for pk, _score in hits], more)
        return self._ranked


class RankedResults:
    """For a database backend's results class: hits from ``RankedSearch`` where it applies.

    The backend's autocomplete compiler is not a ``RankedSearch``: its results go to Wagtail.
    """

    def _ranks_itself(self) -> bool:
        compiler = self.query_compiler
        return isinstance(compiler, RankedSearch) and compiler.ranks_itself(self._score_field)

    def _ranked(self) -> tuple[list, bool]:
        compiler = self.query_compiler
        return compiler.ranked(compiler.get_config(self.backend))

    def ranked_pks(self) -> list:
        return self._ranked()[0]

    @property
    def more_hits(self) -> bool:
        """Whether more pages matched than a bounded search ranked."""
        return self._ranks_itself() and self._ranked()[1]

    def _do_search(self):
        if not self._ranks_itself():
            return super()._do_search()
        pks = self.ranked_pks()[self.start : self.stop]
        found = {obj.pk: obj for obj in self.query_compiler.queryset.filter(pk__in=pks)}
        return [found[pk] for pk in pks if pk in found]

    def _do_count(self):
        if not self._ranks_itself():
            return super()._do_count()
        return len(self.ranked_pks()[self.start : self.stop])


def plain_text(html: str) -> str:
    """The text of rich text: without tags, and "&#x27;" read as the apostrophe it stands for.

    ``highlight`` escapes it again, once, for the page.
    """
    return unescape(strip_tags(html))


def highlight(text: str, query: str, *, context_words: int = 0) -> SafeString:
    """The plain text (see ``plain_text``), escaped, with every word whose stem the query has
    inside ``<mark>``.

    With ``context_words``, only an excerpt of that many words around the first match (the text's
    start when nothing matches), with ellipses where text was left out.
    """
    wanted = set(stems(query))
    parts = re.split(r"(\w+)", text)  # words at odd positions
    marked = [i for i in range(1, len(parts), 2) if stem(fold(parts[i])) in wanted]
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
    # Imported only here: each backend's module works only on its own database.
    if connection.vendor == "postgresql":
        from pioneers.core.search_postgres import RankedPostgresSearchBackend

        return RankedPostgresSearchBackend({"SEARCH_CONFIG": "dutch", **params})
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from pioneers.core.search_sqlite import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    return backend
