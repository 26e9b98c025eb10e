"""The demo network in a test database: loaded once per session, restored after a flush.

Transactional tests (the live server's, the concurrency tests') empty the database after they
ran, and a flush recreates content types and permissions under new ids. Loading the demo again
takes some fifteen seconds; restoring the rows the session's first load left takes well under
one. So the session takes a snapshot of every table right after loading, and `load_test_demo`
puts it back whenever it finds the pages gone.
"""

# The SQL below names tables and columns from the database's own catalogue, never from input.
# ruff: noqa: S608

import io

_snapshot: dict[str, list[str]] = {}  # table -> its columns, as copied


def _tables() -> list[str]:
    """The tables a flush empties: those of Django's managed models."""
    from django.db import connection

    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def _copy_of(table: str) -> str:
    """Where the snapshot keeps a table's rows: a schema of its own on PostgreSQL, a table named
    apart on SQLite. Neither belongs to a model, so a flush leaves them alone."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return f"demo_snapshot.{connection.ops.quote_name(table)}"
    return connection.ops.quote_name(f"demo_snapshot__{table}")


def _filled_by_triggers(cursor, table: str) -> bool:
    """SQLite's full-text index of the search entries is a virtual table that triggers on the
    entries' table keep; copying it too would give each entry two index rows."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return False
    cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
    row = cursor.fetchone()
    return bool(row and row[0].upper().startswith("CREATE VIRTUAL TABLE"))


def _stored_columns(cursor, table: str) -> list[str]:
    """A table's columns but the generated ones (search vectors), which take no values."""
    from django.db import connection

    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = %s"
            " AND is_generated = 'NEVER' ORDER BY ordinal_position",
            [table],
        )
        return [row[0] for row in cursor.fetchall()]
    cursor.execute(f"PRAGMA table_xinfo({connection.ops.quote_name(table)})")
    return [row[1] for row in cursor.fetchall() if row[6] == 0]  # hidden: 0 stored, 2/3 generated


def take_snapshot() -> None:
    """Copy every row of every table, as the session's demo load left them, inside the database."""
    from django.db import connection

    quote = connection.ops.quote_name
    _snapshot.clear()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA IF EXISTS demo_snapshot CASCADE")
            cursor.execute("CREATE SCHEMA demo_snapshot")
        for table in _tables():
            if _filled_by_triggers(cursor, table):
                continue
            _snapshot[table] = [quote(column) for column in _stored_columns(cursor, table)]
            cursor.execute(f"DROP TABLE IF EXISTS {_copy_of(table)}")
            cursor.execute(f"CREATE TABLE {_copy_of(table)} AS SELECT * FROM {quote(table)}")


def restore_snapshot() -> None:
    """Put the snapshot back: every table emptied, then refilled, in one transaction.

    Foreign keys are deferred to the commit on both SQLite and PostgreSQL (Django creates them
    DEFERRABLE INITIALLY DEFERRED), so the tables can be filled in any order.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style
    from django.db import connection, transaction

    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table, columns in _snapshot.items():
            names = ", ".join(columns)
            cursor.execute(
                f"INSERT INTO {quote(table)} ({names}) SELECT {names} FROM {_copy_of(table)}"
            )
        models = [model for model in apps.get_models() if model._meta.db_table in _snapshot]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    # The flush's post_migrate handlers cached content types under the ids they made.
    ContentType.objects.clear_cache()


def load_test_demo() -> None:
    """The demo network, as the session loaded it; restored when a flush emptied the database."""
    from wagtail.models import Page

    from pioneers.demo.loader import load_demo

    if _snapshot and not Page.objects.filter(depth__gt=1).exists():
        restore_snapshot()
        return
    # Tests make accounts of their own; the demo's refusal of real accounts is tested apart.
    load_demo(io.StringIO(), force=True)
