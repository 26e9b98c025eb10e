"""Dutch stems for Wagtail's SQLite FTS5 search backend (see pioneers/core/search.py).

A module of its own: Wagtail's SQLite backend module looks up SQLite's index tables on import,
which exist only on SQLite.
"""

from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from pioneers.core.search import stem_text


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


class DutchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                stem_text(query.query_string), operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            query = Phrase(stem_text(query.query_string))
        return super().build_search_query_content(query, config=config)


class DutchSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = DutchSQLiteIndex
    query_compiler_class = DutchSQLiteSearchQueryCompiler
