"""Numbered schema migrations, applied in order and recorded in ``schema_version``.

Migration 1 creates the first release's schema. Later changes append a
function to ``MIGRATIONS``; never edit one that has shipped.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection

from . import schema


_LATER = {"watched_files"}  # tables added by later migrations


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[t for t in schema.metadata.sorted_tables
                                             if t.name != "schema_version" and t.name not in _LATER])


def _watched_files(conn: Connection) -> None:
    schema.watched_files.create(conn, checkfirst=True)


_SPAN_COLUMNS = (("date_start", "VARCHAR(10)"), ("date_end", "VARCHAR(10)"), ("date_precision", "VARCHAR(8)"))


def _date_spans(conn: Connection) -> None:
    """Events and facts keep the interval their date names, so filters select by overlap: an event
    dated "2024" falls in a search for 2024-03..2024-05. Rows stored before are filled in from their date.
    A database created by this version already has the columns (``_initial`` creates the schema as it is now)."""
    from ..validation import spans_of
    for table in (schema.events, schema.facts):
        have = {c["name"] for c in inspect(conn).get_columns(table.name)}
        for name, sql_type in _SPAN_COLUMNS:
            if name not in have:
                conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {name} {sql_type}"))
        for date in conn.execute(select(table.c.date).where(table.c.date.is_not(None)).distinct()).scalars().all():
            conn.execute(table.update().where(table.c.date == date).values(**spans_of(date)))
    next(i for i in schema.events.indexes if i.name == "ix_events_span").create(conn, checkfirst=True)


def _cluster_evidence(conn: Connection) -> None:
    """Columns added to ``clusters`` where the first release created it without them."""
    have = {c["name"] for c in inspect(conn).get_columns("clusters")}
    for name, sql_type in (("location", "VARCHAR(256)"), ("framework", "VARCHAR(256)"),
                           ("occasion_id", "VARCHAR(32)"), ("seq", "INTEGER"), ("evidence", "TEXT")):
        if name not in have:
            conn.execute(text(f"ALTER TABLE clusters ADD COLUMN {name} {sql_type}"))
    if not any(i["name"] == "ix_clusters_occasion" for i in inspect(conn).get_indexes("clusters")):
        conn.execute(text("CREATE INDEX ix_clusters_occasion ON clusters (occasion_id)"))


def _mention_kinds(conn: Connection) -> None:
    """Mentions say which names are no party: who reports ("source") and a person named by one word
    alone ("alone"). Rows stored before have none (those names were not kept then)."""
    if "kind" not in {c["name"] for c in inspect(conn).get_columns("mentions")}:
        conn.execute(text("ALTER TABLE mentions ADD COLUMN kind VARCHAR(16)"))


MIGRATIONS: list[Callable[[Connection], None]] = [_initial, _watched_files, _date_spans, _cluster_evidence,
                                                  _mention_kinds]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    row = conn.execute(select(schema.schema_version.c.version)).first()
    return row[0] if row else 0


def upgrade(conn: Connection) -> int:
    """Bring the schema to the latest version; returns the version reached."""
    schema.schema_version.create(conn, checkfirst=True)
    version = current_version(conn)
    for n, step in enumerate(MIGRATIONS[version:], start=version + 1):
        step(conn)
        conn.execute(schema.schema_version.delete())
        conn.execute(schema.schema_version.insert().values(version=n))
    return len(MIGRATIONS)
