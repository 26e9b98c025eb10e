"""Bounded ranking for Wagtail's PostgreSQL search backend (see core/search.py).

A module of its own: Wagtail's PostgreSQL backend module works only on PostgreSQL.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import connections, transaction
from django.db.models import Expression, F, Max
from django.db.models.expressions import Col
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.utils import get_descendants_content_types_pks

from pioneers.core.search import RankedResults, RankedSearch

VECTOR = SearchVectorField()
VECTOR.set_attributes_from_name("pioneers_vector")
VECTOR.model = IndexEntry


class StoredVector(Expression):
    """``title || body`` as stored by migration core 0004; Wagtail's model does not declare it."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, *args, **kwargs):
        return Col(query.get_initial_alias(), VECTOR, output_field=SearchVectorField())


# A bounded search reads at most this many times its limit of the newest entries, one by one,
# before it asks the full-text index for the older matches (see _newest).
WINDOW = 20


class RankedPostgresSearchQueryCompiler(RankedSearch, PostgresSearchQueryCompiler):
    def candidate_rows(self, config, limit, title_limit=0):
        """The matches, or the newest ``limit`` and those matching by title; then their rank.

        Ranking reads each hit's vectors, so it is done on the chosen entries alone.
        """
        search_query = self.build_tsquery(self.query, config=config)
        content_types = get_descendants_content_types_pks(self.queryset.model)
        entries = IndexEntry.objects.filter(content_type_id__in=content_types).filter(
            self.object_matches("object_id")
        )
        hits = entries.annotate(_vector_=StoredVector()).filter(_vector_=search_query)
        rank = self._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )
        # A parallel worker costs more to start than these statements take to run alone
        # (bench/search.py, "wijkbudget" at 50,000 practices: 41 ms with a worker, 30 without).
        # Set for them only: SET LOCAL would last as long as an enclosing transaction.
        with transaction.atomic(using=hits.db), connections[hits.db].cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            if limit is None:
                rows = hits.annotate(_score_=rank).values_list("pk", "object_id", "_score_")
                found = [(*row, False) for row in rows]
            else:
                # Entry ids count up: the window is the ids above the newest minus its size.
                last = IndexEntry.objects.aggregate(last=Max("pk"))["last"] or 0
                edge = last - WINDOW * limit if last > WINDOW * limit else None
                newest = self._newest(hits, limit, edge)
                titled = set(self._newest(entries.filter(title=search_query), title_limit, edge))
                rows = (
                    IndexEntry.objects.filter(pk__in=set(newest) | titled)
                    .annotate(_score_=rank)
                    .values_list("pk", "object_id", "_score_")
                )
                found = [(*row, row[0] in titled) for row in rows]
            cursor.execute("SET LOCAL max_parallel_workers_per_gather TO DEFAULT")
        return found

    @staticmethod
    def _newest(hits, limit: int, edge: int | None) -> list:
        """The ids of the ``limit`` newest hits, whatever share of the entries match.

        First among the entries from ``edge`` on (about the newest ``WINDOW * limit``), read newest
        first: a common word fills the limit after a few of them. Only when it does not are the
        older entries asked, of the full-text indexes: the words are then rare enough for them.
        Left to itself, PostgreSQL guesses how many entries match several words as if the words
        were independent, far too few, and reads every match through the index instead
        (bench/search.py, "digitaal lakken": 104 ms, against 20 ms this way).
        """
        newest = hits.order_by("-pk").values_list("pk", flat=True)
        if edge is None:  # fewer entries than the window
            return list(newest[:limit])
        ids = list(newest.filter(pk__gte=edge)[:limit])
        if len(ids) < limit:
            ids += newest.filter(pk__lt=edge)[: limit - len(ids)]
        return ids


class RankedPostgresSearchResults(RankedResults, PostgresSearchResults):
    pass


class RankedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = RankedPostgresSearchQueryCompiler
    results_class = RankedPostgresSearchResults
