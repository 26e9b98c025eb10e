"""Full-text search that understands Dutch, in the embedded profile as in production.

Wagtail's database search backend does the work: SQLite FTS5 in the embedded profile and
PostgreSQL's text search in production. PostgreSQL's ``dutch`` configuration stems words and
drops diacritics by itself. SQLite's FTS5 drops diacritics (its ``unicode61`` tokenizer) but
knows no Dutch, so here the same Snowball stemmer that PostgreSQL uses (``dutch_porter``, the
original Dutch algorithm) stems the indexed text and the query alike: "gemeenten" then finds
"gemeente" on both databases.

The same stems mark the matches in results (``highlight``), so what is highlighted is what was
found.

Relevance stays cheap however many pages match (``RankedSearch``): one query finds the newest
``MAX_HITS`` matching index entries (plus one, to know whether there are more) with their scores,
and the ranking happens on those. A word in nearly every practice then costs the same as a rare
one, and every later use of the same results (the count, a page, the facets) reuses that answer.

Configure with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "pioneers.core.search"}}``.
"""

import functools
import re
import threading
import unicodedata

import snowballstemmer
from django.db import connection
from django.db.models import BigIntegerField, Exists, IntegerField, OuterRef
from django.db.models.functions import Cast
from django.utils.html import escape
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

    A ranked search (``RankedSearch``) has them at hand, at most ``MAX_HITS``; any other search of
    Wagtail's database backends answers with a queryset, so the hits stay in the database.
    """
    if isinstance(results, RankedResults) and results.query_compiler.ranks_itself(
        results._score_field
    ):
        return results.ranked_pks()
    return results.get_queryset().values("pk")


# How many hits of one search are ranked at most: when more pages match, the MAX_HITS most
# recently indexed of them (in practice the newest pages). Lists say that there are more.
MAX_HITS = 500


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
    """For a database backend's query compiler: rank a bounded set of hits in one query.

    Wagtail's database backends rank every hit: PostgreSQL computes ``ts_rank`` for each of them
    and SQLite runs the full-text match again for each hit's score, so a common word is slow
    (tens of thousands of hits) and on SQLite quadratic. Here ``candidate_rows`` asks for the
    newest ``MAX_HITS + 1`` matching index entries with their scores, in one statement that
    stops early for common words and uses the full-text index for rare ones; the ranking is done
    on those. Searches this does not cover (``annotate_score``, ``order_by_relevance=False``,
    chosen fields, negations) go to Wagtail's own code.
    """

    HIGHER_IS_BETTER = True  # ts_rank; SQLite's bm25() is better the lower it is
    _ranked = None

    def ranks_itself(self, score_field=None) -> bool:
        return (
            self.order_by_relevance
            and score_field is None
            and self.fields is None
            and _plain(self.query)
            and _integer_keys(self.queryset.model)
        )

    def candidate_rows(self, config, limit: int):
        """(entry id, object id, score) of the ``limit`` newest matching entries; per backend."""
        raise NotImplementedError

    def object_matches(self, object_id_path: str):
        """Whether an index entry's object is in the searched queryset, as a filter."""
        object_id = Cast(OuterRef(object_id_path), output_field=BigIntegerField())
        return Exists(self.queryset.order_by().filter(pk=object_id))

    def ranked(self, config) -> tuple[list, bool]:
        """The hits' primary keys, best first, and whether more pages matched."""
        if self._ranked is None:
            rows = list(self.candidate_rows(config, MAX_HITS + 1))
            more = len(rows) > MAX_HITS
            if more:  # keep the newest MAX_HITS
                rows = sorted(rows, key=lambda row: row[0], reverse=True)[:MAX_HITS]
            to_python = self.queryset.model._meta.pk.to_python
            hits = [(to_python(object_id), score or 0.0) for _entry, object_id, score in rows]
            sign = -1 if self.HIGHER_IS_BETTER else 1
            hits.sort(key=lambda hit: (sign * hit[1], -hit[0]))
            self._ranked = ([pk for pk, _score in hits], more)
        return self._ranked


class RankedResults:
    """For a database backend's results class: hits from ``RankedSearch`` where it applies."""

    def _ranks_itself(self) -> bool:
        return self.query_compiler.ranks_itself(self._score_field)

    def ranked_pks(self) -> list:
        compiler = self.query_compiler
        return compiler.ranked(compiler.get_config(self.backend))[0]

    @property
    def more_hits(self) -> bool:
        """Whether more pages matched than the MAX_HITS ranked ones."""
        if not self._ranks_itself():
            return False
        compiler = self.query_compiler
        return compiler.ranked(compiler.get_config(self.backend))[1]

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


def highlight(text: str, query: str, *, context_words: int = 0) -> SafeString:
    """The text, escaped, with every word whose stem the query has inside ``<mark>``.

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
