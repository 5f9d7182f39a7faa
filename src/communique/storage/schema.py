"""The database schema (SQLAlchemy Core). Changes go through ``migrations``."""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

documents = Table(
    "documents", metadata,
    Column("id", String(512), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("url", Text), Column("title", Text), Column("published", String(10)),
    Column("source", Text), Column("origin", Text), Column("lang", String(8)),
    Column("text", Text, nullable=False),
    Column("error_stage", String(32)), Column("error", Text),
    Column("pipeline_version", String(32), nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("id", String(256), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("label", Text, nullable=False),
    Column("wikidata", String(32)),
    Column("new", Boolean, nullable=False, default=False),
)

aliases = Table(
    "aliases", metadata,
    Column("entity_id", String(256), ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("lang", String(8)), Column("alias", Text, nullable=False),
    Column("kind", String(16)), Column("source", String(16)),
    UniqueConstraint("entity_id", "lang", "alias", name="uq_alias"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(512), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String(256), nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("base", Text), Column("type", String(16)),
    Column("source", String(16)), Column("pipeline_version", String(32), nullable=False),
    Column("kind", String(16)),  # a name that is no party: "source", "alone", "region" (document.NO_PARTY); else null
    Index("ix_mentions_entity", "entity_id"), Index("ix_mentions_doc", "doc_id"),
)

clusters = Table(
    "clusters", metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("participants", Text, nullable=False),  # sorted ids joined by "|"
    Column("date", String(10)),
    # Migration 3: what the story index needs to continue (place, frame), the occasion the cluster
    # belongs to, and its rank in input order.
    Column("location", String(256)), Column("framework", String(256)),
    Column("occasion_id", String(32)), Column("seq", Integer), Column("evidence", Text),
    Index("ix_clusters_occasion", "occasion_id"),
)

events = Table(
    "events", metadata,
    Column("id", String(32), primary_key=True),
    Column("doc_id", String(512), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(16), nullable=False), Column("date", String(10)),
    # Migration 3: the interval the date names (start and end inclusive, YYYY-MM-DD) and its precision
    Column("date_start", String(10)), Column("date_end", String(10)), Column("date_precision", String(8)),
    Column("location", String(256)), Column("framework", String(256)),
    Column("modality", String(16), nullable=False), Column("confidence", Float),
    Column("ev_start", Integer), Column("ev_end", Integer), Column("evidence", Text),
    Column("trigger", Text), Column("cluster_id", String(32)),
    Column("pipeline_version", String(32), nullable=False),
    Index("ix_events_doc", "doc_id"), Index("ix_events_cluster", "cluster_id"), Index("ix_events_date", "date"),
    Index("ix_events_span", "date_start", "date_end"),
)

participants = Table(
    "event_participants", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String(256), nullable=False),
    Column("position", Integer, nullable=False),
    Index("ix_participants_entity", "entity_id"), Index("ix_participants_event", "event_id"),
)

facts = Table(
    "facts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(512), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("relation", String(32), nullable=False), Column("subject", String(256), nullable=False),
    Column("role", Text), Column("of", String(256)), Column("date", String(10)),
    Column("date_start", String(10)), Column("date_end", String(10)), Column("date_precision", String(8)),
    Column("former", Boolean, nullable=False, default=False),
    Column("ev_start", Integer), Column("ev_end", Integer),
    Column("pipeline_version", String(32), nullable=False),
    Index("ix_facts_subject", "subject"), Index("ix_facts_doc", "doc_id"),
)

# Migration 2: what `communique watch` has already read from a folder.
watched_files = Table(
    "watched_files", metadata,
    Column("source", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("mtime_ns", BigInteger, nullable=False),
    UniqueConstraint("source", "path", name="uq_watched"),
)
