"""Store: writes pipeline results and answers the queries the CLI and API share."""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import and_, create_engine, delete, event, func, select, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError, SQLAlchemyError

from ..document import NO_PARTY, Document
from ..errors import StoreError
from ..kb import KnowledgeBase, current
from ..stages.stories import Cluster, StoryIndex
from ..text import latin, script_of
from ..validation import spans_of
from ..version import pipeline_version
from . import migrations
from . import schema as t


def _one_line(exc: Exception) -> str:
    """The driver's message without the SQL and parameters (which may hold a whole article)."""
    orig = getattr(exc, "orig", None) or exc
    msg = str(orig).strip().splitlines()[0] if str(orig).strip() else orig.__class__.__name__
    return f"{orig.__class__.__name__}: {msg[:300]}"


LIKE_ESCAPE = "/"  # not a backslash: its quoting differs between SQLite and PostgreSQL


def escape_like(text: str) -> str:
    """``text`` for a LIKE pattern, its %, _ and escape character taken literally (pass
    ``escape=LIKE_ESCAPE``): a search for "%" must not match every row."""
    return (text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")
            .replace("_", LIKE_ESCAPE + "_"))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_read_pragmas(dbapi_conn, _record) -> None:
    """A reader's settings: the journal mode stays as the writers left it (changing it is a write)."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


# SQLite's answers when a WAL database opened read-only has no -shm file and its folder takes none
_SQLITE_CANNOT_SHARE = {"SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_CANTINIT", "SQLITE_CANTOPEN"}


def _whole_in_main_file(url: URL, exc: OperationalError) -> bool:
    """Whether SQLite failed only for want of the -shm file a WAL database is read with, while no
    writer has pages in its -wal file: then the main file alone is the whole database."""
    if getattr(exc.orig, "sqlite_errorname", None) not in _SQLITE_CANNOT_SHARE:
        return False
    wal = Path(f"{url.database}-wal")
    return not wal.exists() or wal.stat().st_size == 0


def _read_only_sqlite(url: URL, how: str = "mode=ro") -> URL:
    """The SQLite file of ``url`` opened read-only by SQLite itself (``mode=ro``), which holds for
    every user, root included, whom file permissions do not stop; or, with ``how="immutable=1"``,
    read as a file nobody changes (see ``Store._open_read_only``)."""
    path = url.database
    if not path or path == ":memory:" or url.query.get("uri"):
        return url  # an in-memory database, or a URI the caller wrote: as given
    if not Path(path).is_file():
        raise StoreError(f"no database file {path}; create it with `communique ingest FILES --db {path}` "
                         f"(or `communique demo --db {path}`)")
    key, value = how.split("=")
    return url.set(database="file:" + quote(path), query={**url.query, key: value, "uri": "true"})


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _insert_ignore(conn: Connection, table, rows: list[dict]) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        for r in rows:
            if not conn.execute(select(func.count()).select_from(table).where(
                    and_(*[table.c[k] == v for k, v in r.items() if k in table.primary_key.columns.keys()]))).scalar():
                conn.execute(table.insert().values(**r))
        return
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


def _display_label(e) -> str:
    """A name the knowledge base lacks is labelled in Latin letters (its Cyrillic spellings stay among its
    aliases), so that lists and exports read alike whatever language the article was in."""
    return latin(e.label) if e.new and script_of(e.label) == "Cyrl" else e.label


_IDS_PER_STATEMENT = 500  # document ids in one DELETE (SQLite limits the parameters of a statement)


@dataclass
class _BatchRows:
    """A batch's rows per table, in the order the documents came."""
    documents: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    aliases: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    participants: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)

    def add(self, doc: Document, version: str, now: str, stories: StoryIndex, keep: bool = True) -> None:
        """One document's rows; with ``keep`` False (a later copy replaces it) only what outlives
        that replacement: its entities, aliases and story clusters."""
        if keep:
            self.documents.append({
                "id": doc.id, "content_hash": doc.content_hash, "url": doc.url, "title": doc.title,
                "published": doc.published, "source": doc.source, "origin": doc.origin, "lang": doc.lang,
                "text": doc.text, "error_stage": doc.failure.stage if doc.failure else None,
                "error": doc.failure.error if doc.failure else None, "pipeline_version": version,
                "ingested_at": now})
        if doc.failure:
            return
        self.entities += [{"id": e.id, "type": e.type, "label": _display_label(e), "wikidata": e.wikidata,
                           "new": e.new} for e in doc.entities]
        self.aliases += [{"entity_id": e.id, "lang": doc.lang, "alias": m.base or m.text, "kind": m.kind,
                          "source": m.source} for e in doc.entities if e.new for m in e.mentions if m.source != "short"]
        if keep:
            self.mentions += [{"doc_id": doc.id, "entity_id": m.entity_id, "start": m.start, "end": m.end,
                               "text": m.text, "base": m.base, "type": m.type, "source": m.source,
                               "kind": m.kind if m.kind in NO_PARTY else None,
                               "pipeline_version": version} for m in doc.mentions if m.entity_id]
        for ev in doc.events:
            ev.cluster = stories.assign(ev)  # in input order, kept copy or not: the ids never depend on batching
            if not keep:
                continue
            self.events.append({
                "id": ev.id, "doc_id": doc.id, "type": ev.type, "date": ev.date, **spans_of(ev.date),
                "location": ev.location,
                "framework": ev.framework, "modality": ev.modality, "confidence": ev.confidence,
                "ev_start": ev.evidence.start, "ev_end": ev.evidence.end, "evidence": ev.evidence.text,
                "trigger": ev.trigger, "cluster_id": ev.cluster, "pipeline_version": version})
            self.participants += [{"event_id": ev.id, "entity_id": p, "position": i}
                                  for i, p in enumerate(ev.participants)]
        if keep:
            self.facts += [{"doc_id": doc.id, "relation": f.relation, "subject": f.subject, "role": f.role,
                            "of": f.of, "date": f.date, **spans_of(f.date), "former": f.former,
                            "ev_start": f.evidence.start if f.evidence else None,
                            "ev_end": f.evidence.end if f.evidence else None, "pipeline_version": version}
                           for f in doc.facts]


class Store:
    """The database at ``url``. ``kb`` is the knowledge base its queries join (labels, names,
    roles) and its story clusters use: a ``KnowledgeBase``, or a function returning the current
    one (what a long-running server passes, so that corrections apply while it runs)."""

    def __init__(self, url: str, kb: KnowledgeBase | Callable[[], KnowledgeBase], *, read_only: bool = False):
        self.url = url
        self._kb = kb
        self.read_only = read_only
        try:
            if read_only:
                self.engine, self.schema_version = self._open_read_only()
            else:
                self.engine: Engine = create_engine(url, future=True)
                if self.engine.dialect.name == "sqlite":
                    event.listen(self.engine, "connect", _sqlite_pragmas)
                self.schema_version = self._upgrade()
        except (OperationalError, SQLAlchemyError, ModuleNotFoundError) as exc:
            raise StoreError(f"cannot open database {self._safe_url()}: {_one_line(exc)}") from exc
        self._stories: StoryIndex | None = None
        # read results kept in memory (queries.entity_profile), valid while ``generation`` stands:
        # every commit through this store's engine moves it on
        self.generation = 0
        self.memo: dict = {}
        event.listen(self.engine, "commit", self._committed)

    def _committed(self, _conn) -> None:
        self.generation += 1

    def _open_read_only(self) -> tuple[Engine, int]:
        """An engine the database itself refuses writes on (SQLite ``mode=ro``; PostgreSQL read-only
        transactions), and the schema version, which must be current: a reader does not migrate.
        A WAL-mode SQLite file in a folder that takes no -shm file, with no writer's pages in its -wal
        file, is read as ``immutable`` (a writer who can write there and starts later is not seen)."""
        url = make_url(self.url)
        if url.get_backend_name() == "postgresql":
            engine = create_engine(url, connect_args={"options": "-c default_transaction_read_only=on"})
        else:
            engine = create_engine(_read_only_sqlite(url) if url.get_backend_name() == "sqlite" else url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_read_pragmas)
        try:
            return engine, self._current_version(engine)
        except OperationalError as exc:
            if engine.dialect.name != "sqlite" or not _whole_in_main_file(url, exc):
                raise
        engine.dispose()
        engine = create_engine(_read_only_sqlite(url, "immutable=1"))
        event.listen(engine, "connect", _sqlite_read_pragmas)
        return engine, self._current_version(engine)

    def _current_version(self, engine: Engine) -> int:
        with engine.connect() as conn:
            version = migrations.current_version(conn)
        if version == 0:
            raise StoreError(f"{self._safe_url()} holds no communique database; create one with "
                             f"`communique ingest FILES --db URL`")
        if version < len(migrations.MIGRATIONS):
            raise StoreError(f"{self._safe_url()} has schema version {version}, this communique reads "
                             f"{len(migrations.MIGRATIONS)}; a writing command upgrades it (`communique ingest FILES "
                             f"--db URL`), a reading one does not")
        return version

    def _upgrade(self, attempts: int = 8) -> int:
        """Migrate; when another process is creating the same schema at the same moment, wait and
        check again instead of failing ("table already exists", a unique violation in pg_type)."""
        for n in range(attempts):
            try:
                with self.engine.begin() as conn:
                    if conn.dialect.name == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(7362194)"))
                    return migrations.upgrade(conn)
            except (OperationalError, IntegrityError, ProgrammingError):
                if n == attempts - 1:
                    raise
                time.sleep(0.2 * (n + 1))
        raise AssertionError("unreachable")

    def _safe_url(self) -> str:
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except Exception:  # noqa: BLE001 - an unparsable URL is shown as given
            return self.url

    def close(self) -> None:
        self.engine.dispose()

    @property
    def kb(self) -> KnowledgeBase:
        return current(self._kb)

    # -- writing -------------------------------------------------------------
    def is_current(self, doc_id: str, content_hash: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents.c.content_hash, t.documents.c.error)
                               .where(t.documents.c.id == doc_id)).first()
        return bool(row) and row[0] == content_hash and row[1] is None

    def stories(self, conn: Connection) -> StoryIndex:
        """The one story index of this database, seeded from its clusters in the order they were
        founded, so a later ingest continues where the last one stopped."""
        if self._stories is None:
            idx = StoryIndex(self.kb)
            c = t.clusters.c
            for r in conn.execute(select(t.clusters).order_by(c.seq.nulls_first(), c.id)):
                idx.add(Cluster(r.id, r.type, frozenset(r.participants.split("|")), r.date, r.location,
                                r.framework, r.occasion_id, evidence=r.evidence or ""))
            idx.take_changed()
            self._stories = idx
        return self._stories

    def write(self, docs: list[Document]) -> None:
        """Replace each document's results in one transaction: all or nothing."""
        version = pipeline_version()
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        for attempt in range(3):
            try:
                with self.engine.begin() as conn:
                    self._write_batch(conn, docs, version, now, self.stories(conn))
                return
            except IntegrityError as exc:
                # another writer stored one of these documents between our delete and insert: redo
                self._stories = None
                if attempt == 2:
                    raise StoreError(f"database write failed, nothing from this batch was kept: "
                                     f"{_one_line(exc)}") from exc
                time.sleep(0.1 * (attempt + 1))
            except SQLAlchemyError as exc:
                self._stories = None  # the in-memory index may hold clusters that were rolled back
                raise StoreError(f"database write failed, nothing from this batch was kept: {_one_line(exc)}") from exc

    def _write_batch(self, conn: Connection, docs: list[Document], version: str, now: str,
                     stories: StoryIndex) -> None:
        """The rows of every document, gathered per table and written with one statement each
        (a statement per row cost more than the rest of the write). A document given twice keeps
        its last results, as when each replaced the one before."""
        rows = _BatchRows()
        last = {doc.id: k for k, doc in enumerate(docs)}
        for k, doc in enumerate(docs):
            rows.add(doc, version, now, stories, keep=last[doc.id] == k)
        ids = list(last)
        for n in range(0, len(ids), _IDS_PER_STATEMENT):
            self._delete_results(conn, ids[n:n + _IDS_PER_STATEMENT])
        # in the order of the foreign keys: documents, entities before aliases, events before participants
        _insert(conn, t.documents, rows.documents)
        _insert_ignore(conn, t.entities, rows.entities)
        _insert_ignore(conn, t.aliases, rows.aliases)
        _insert(conn, t.mentions, rows.mentions)
        self._write_clusters(conn, stories)
        _insert(conn, t.events, rows.events)
        _insert(conn, t.participants, rows.participants)
        _insert(conn, t.facts, rows.facts)

    def _write_clusters(self, conn: Connection, stories: StoryIndex) -> None:
        """Every cluster this batch founded or changed, as the index now holds it: a later run seeds
        its index from these rows and must find what this one knew."""
        changed = stories.take_changed()
        rows = [{"id": c.id, "type": c.type, "participants": "|".join(sorted(c.participants)), "date": c.date,
                 "location": c.location, "framework": c.framework, "occasion_id": c.occasion, "seq": c.seq,
                 "evidence": c.evidence}
                for c in changed]
        ids = [r["id"] for r in rows]
        for n in range(0, len(ids), _IDS_PER_STATEMENT):
            conn.execute(delete(t.clusters).where(t.clusters.c.id.in_(ids[n:n + _IDS_PER_STATEMENT])))
        _insert(conn, t.clusters, rows)

    def _delete_results(self, conn: Connection, doc_ids: list[str]) -> None:
        ev_ids = select(t.events.c.id).where(t.events.c.doc_id.in_(doc_ids))
        conn.execute(delete(t.participants).where(t.participants.c.event_id.in_(ev_ids)))
        for table in (t.events, t.mentions, t.facts):
            conn.execute(delete(table).where(table.c.doc_id.in_(doc_ids)))
        conn.execute(delete(t.documents).where(t.documents.c.id.in_(doc_ids)))

    # -- curation ------------------------------------------------------------
    def _ensure_entity(self, conn: Connection, eid: str) -> None:
        k = self.kb.get(eid)
        if k and not conn.execute(select(t.entities.c.id).where(t.entities.c.id == eid)).first():
            conn.execute(t.entities.insert().values(id=eid, type=k.type, label=k.label,
                                                    wikidata=k.wikidata or None, new=False))

    def merge_entities(self, src: str, dst: str) -> None:
        """Every reference to ``src`` now names ``dst``, in one transaction."""
        with self.engine.begin() as conn:
            self._ensure_entity(conn, dst)
            self._rename_refs(conn, src, dst)
            conn.execute(delete(t.entities).where(t.entities.c.id == src))
        self._stories = None

    def _rename_refs(self, conn: Connection, src: str, dst: str, doc_ids=None) -> None:
        def scoped(table, col):
            q = table.update().where(table.c[col] == src)
            return q.where(table.c.doc_id.in_(doc_ids)) if doc_ids is not None and "doc_id" in table.c else q
        conn.execute(scoped(t.mentions, "entity_id").values(entity_id=dst))
        ev_ids = select(t.events.c.id)
        if doc_ids is not None:
            ev_ids = ev_ids.where(t.events.c.doc_id.in_(doc_ids))
        conn.execute(t.participants.update().where(and_(t.participants.c.entity_id == src,
                                                        t.participants.c.event_id.in_(ev_ids)))
                     .values(entity_id=dst))
        for col in ("location", "framework"):
            conn.execute(scoped(t.events, col).values(**{col: dst}))
        for col in ("subject", "of"):
            conn.execute(scoped(t.facts, col).values(**{col: dst}))
        if doc_ids is None:
            moved = [{"entity_id": dst, "lang": a.lang, "alias": a.alias, "kind": a.kind, "source": a.source}
                     for a in conn.execute(select(t.aliases).where(t.aliases.c.entity_id == src))]
            _insert_ignore(conn, t.aliases, moved)
            conn.execute(delete(t.aliases).where(t.aliases.c.entity_id == src))
            in_cluster = t.clusters.c.participants.contains(src, autoescape=True)  # "_" in an id is no wildcard
            for c in conn.execute(select(t.clusters).where(in_cluster)).all():
                parts = sorted({dst if p == src else p for p in c.participants.split("|")})
                conn.execute(t.clusters.update().where(t.clusters.c.id == c.id).values(participants="|".join(parts)))

    def split_entity(self, eid: str, alias: str, new_id: str, type_: str, label: str) -> None:
        """Mentions of ``eid`` written ``alias`` (in any case or inflection) go to ``new_id``."""
        from ..text import fold
        key = fold(alias)
        with self.engine.begin() as conn:
            _insert_ignore(conn, t.entities, [{"id": new_id, "type": type_, "label": label, "wikidata": None,
                                               "new": True}])
            rows = conn.execute(select(t.mentions.c.id, t.mentions.c.doc_id, t.mentions.c.text, t.mentions.c.base)
                                .where(t.mentions.c.entity_id == eid)).all()
            moved = [r for r in rows if key in (fold(r.text), fold(r.base or ""))]
            if moved:
                conn.execute(t.mentions.update().where(t.mentions.c.id.in_([r.id for r in moved]))
                             .values(entity_id=new_id))
            # documents where every mention moved: their events and facts follow
            left = {r.doc_id for r in rows if r not in moved}
            docs = sorted({r.doc_id for r in moved} - left)
            if docs:
                self._rename_refs(conn, eid, new_id, doc_ids=docs)
        self._stories = None

    def add_alias(self, eid: str, lang: str, alias: str, kind: str) -> None:
        with self.engine.begin() as conn:
            self._ensure_entity(conn, eid)
            _insert_ignore(conn, t.aliases, [{"entity_id": eid, "lang": lang, "alias": alias, "kind": kind,
                                              "source": "curated"}])

    def remove_alias(self, eid: str, alias: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(t.aliases).where(and_(t.aliases.c.entity_id == eid, t.aliases.c.alias == alias)))

    def update_entity(self, eid: str, **values) -> None:
        with self.engine.begin() as conn:
            self._ensure_entity(conn, eid)
            conn.execute(t.entities.update().where(t.entities.c.id == eid).values(**values))
