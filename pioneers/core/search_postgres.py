"""Bounded ranking for Wagtail's PostgreSQL search backend (see core/search.py).

A module of its own: Wagtail's PostgreSQL backend module works only on PostgreSQL.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import connections, transaction
from django.db.models import BooleanField, Expression, ExpressionWrapper, F, Q, Value
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


class RankedPostgresSearchQueryCompiler(RankedSearch, PostgresSearchQueryCompiler):
    def candidate_rows(self, config, limit, title_limit=0):
        """The matches, or the newest ``limit`` and those matching by title; then their rank.

        For a common word PostgreSQL walks the entries newest first and stops after ``limit``;
        for a rare one it uses the GIN indexes on title and body (migration core 0004) and on
        the title (Wagtail's). Ranking reads each hit's vectors, so it is done outside the
        limited subqueries.
        """
        search_query = self.build_tsquery(self.query, config=config)
        content_types = get_descendants_content_types_pks(self.queryset.model)
        entries = IndexEntry.objects.filter(content_type_id__in=content_types).filter(
            self.object_matches("object_id")
        )
        hits = entries.annotate(_vector_=StoredVector()).filter(_vector_=search_query)
        by_title = Value(False)
        if limit is not None:
            newest = hits.order_by("-pk").values("pk")[:limit]
            titled = entries.filter(title=search_query).order_by("-pk").values("pk")
            titled = titled[:title_limit]
            hits = IndexEntry.objects.filter(pk__in=newest.union(titled))
            by_title = ExpressionWrapper(Q(pk__in=titled), output_field=BooleanField())
        rank = self._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )
        rows = hits.annotate(_score_=rank, _by_title_=by_title).values_list(
            "pk", "object_id", "_score_", "_by_title_"
        )
        # A parallel worker costs more to start than this statement takes to run alone
        # (bench/search.py, "wijkbudget" at 50,000 practices: 41 ms with a worker, 30 without).
        # Set for this statement only: SET LOCAL would last as long as an enclosing transaction.
        with transaction.atomic(using=rows.db), connections[rows.db].cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            found = list(rows)
            cursor.execute("SET LOCAL max_parallel_workers_per_gather TO DEFAULT")
        return found


class RankedPostgresSearchResults(RankedResults, PostgresSearchResults):
    pass


class RankedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = RankedPostgresSearchQueryCompiler
    results_class = RankedPostgresSearchResults
