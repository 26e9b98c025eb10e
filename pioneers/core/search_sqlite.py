"""Dutch stems and bounded ranking for Wagtail's SQLite FTS5 search backend (see core/search.py).

A module of its own: Wagtail's SQLite backend module looks up SQLite's index tables on import,
which exist only on SQLite.
"""

from django.db.models import F, FloatField, Func
from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from pioneers.core.search import RankedResults, RankedSearch, stem_text

# bm25() weights per column of the FTS5 table (autocomplete, body, title): a word in the title
# counts as much as five in the text, as PostgreSQL's ranking weighs Wagtail's title (A) against
# text fields (B). Wagtail's SQLite backend weighs every column alike.
COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class DutchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """Index as Wagtail does, then store the stems of title and body for FTS5 to match."""
        super().add_items(model, objs)
        ids = [force_str(obj.pk) for obj in objs]
        entries = list(
            self.entries.filter(content_type_id=get_content_type_pk(model), object_id__in=ids)
        )
        for entry in entries:
            entry.title = stem_text(entry.title)
            entry.body = stem_text(entry.body)
        self.entries.bulk_update(entries, ["title", "body"], batch_size=500)


class DutchSQLiteSearchQueryCompiler(RankedSearch, SQLiteSearchQueryCompiler):
    HIGHER_IS_BETTER = False  # bm25()

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                stem_text(query.query_string), operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            query = Phrase(stem_text(query.query_string))
        return super().build_search_query_content(query, config=config)

    def candidate_rows(self, config, limit, title_limit=0):
        """FTS5 walks the matches newest first (by rowid) and stops after ``limit``.

        bm25() is computed only for the rows returned. The older title matches are scored in a
        statement of their own: Wagtail's MATCH names the FTS table, not an alias, so a match in
        a subquery would refer to the outer query's table.
        """
        query = self.build_search_query(normalize(self.query), config=config)
        content_types = get_descendants_content_types_pks(self.queryset.model)

        def matching(fields):
            return (
                SQLiteFTSIndexEntry.objects.filter(MatchExpression(fields, query))
                .filter(index_entry__content_type_id__in=content_types)
                .filter(self.object_matches("index_entry__object_id"))
                .order_by("-index_entry_id")
            )

        def scored(hits, by_title=()):
            rows = hits.annotate(score=WeightedBM25()).values_list(
                "index_entry_id", "index_entry__object_id", "score"
            )
            return [(*row, row[0] in by_title) for row in rows]

        everywhere = matching(self.FTS_TABLE_FIELDS)
        if limit is None:
            return scored(everywhere)
        rows = scored(everywhere[:limit])
        if len(rows) < limit:  # every match is among them, those by title too
            return rows
        by_title = set(matching(["title"]).values_list("index_entry_id", flat=True)[:title_limit])
        rows = [(*row[:3], row[0] in by_title) for row in rows]
        older = by_title - {row[0] for row in rows}
        if not older:
            return rows
        # `rowid + 0`: looking up each rowid would rerun the match per row (FTS5); one pass
        # over the matches that keeps the wanted rows is what is fast.
        return rows + scored(
            SQLiteFTSIndexEntry.objects.filter(MatchExpression(self.FTS_TABLE_FIELDS, query))
            .alias(entry=F("index_entry_id") + 0)
            .filter(entry__in=older)
            .order_by(),
            by_title,
        )


class DutchSQLiteSearchResults(RankedResults, SQLiteSearchResults):
    pass


class DutchSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = DutchSQLiteIndex
    query_compiler_class = DutchSQLiteSearchQueryCompiler
    results_class = DutchSQLiteSearchResults
