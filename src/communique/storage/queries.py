"""Read queries the API and the web pages need beyond ``Store``'s own: lists with
totals, event clusters with their reports, events per day, who met whom, and
entity profiles joined with the knowledge base (roles, memberships, chairs).

SQLAlchemy Core against ``schema``: the same statements run on SQLite and
PostgreSQL. Every function takes a ``Store`` and returns plain JSON-ready
dicts and lists, so an HTML page and its JSON twin come from the same call.
The knowledge base is the store's (``Store.kb``), or an argument.
"""
from __future__ import annotations

import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.engine import Connection

from ..document import Event, Evidence, mention_dict
from ..errors import NotFound
from ..kb import KnowledgeBase
from ..lang.lookup import name_keys
from ..text import script_of, translit_key
from ..validation import date_span
from . import schema as t
from .store import LIKE_ESCAPE, Store, escape_like

EVENT_TYPES = ("MEET", "CALL", "CONVENE", "SIGN", "APPOINT", "CHAIR")
MODALITIES = ("asserted", "planned", "negated")
MEETING_TYPES = ("MEET", "CALL")
_SORT_COLUMNS = {"date": t.events.c.date, "type": t.events.c.type, "confidence": t.events.c.confidence,
                 "lang": t.documents.c.lang, "document": t.events.c.doc_id}
EVENT_SORTS = tuple(k for name in _SORT_COLUMNS for k in (name, "-" + name))
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PAGE = 500  # documents or clusters the exports read at a time


@dataclass
class EventQuery:
    """Filters of the event list; names are entity ids or any of their names, in any script."""
    participant: str | None = None
    country: str | None = None  # the country itself or a person holding an office of it
    organization: str | None = None  # the organisation, an office-holder of it, or its framework/gatherings
    type: str | None = None
    modality: str | None = None
    lang: str | None = None
    framework: str | None = None
    location: str | None = None
    since: str | None = None
    until: str | None = None
    cluster: str | None = None
    types: tuple[str, ...] = field(default_factory=tuple)  # several types at once (network, counterparts)
    sort: str = "-date"
    limit: int | None = 50
    offset: int = 0


# -- names and ids --------------------------------------------------------------
@dataclass
class NameMatch:
    """The entities a name stands for, and how they were found: "id", "name" (a full name or alias
    in any form and script), "surname" (several ids: the candidates of an ambiguous surname), "part"
    (a part of a name or label), or "none"."""
    ids: list[str]
    how: str

    @property
    def ambiguous(self) -> bool:
        return self.how == "surname" and len(self.ids) > 1


@lru_cache(maxsize=4)
def _surnames(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Persons by the script-neutral key of the last word of any of their names ("Əliyev",
    "Алиев", "Aliyev" are one key), per knowledge base (a correction loads a new one)."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in kb.entities.values():
        if e.type == "person":
            for name in (e.label, *(a.text for a in e.aliases if a.kind in ("name", "former"))):
                words = name.split()
                if len(words) > 1:
                    out[translit_key(words[-1])].add(e.id)
    return {k: frozenset(v) for k, v in out.items()}


def find_names(store: Store, name: str, *, limit: int = 20) -> NameMatch:
    """The entities a name stands for: an id; else a name or alias in any script and inflected form
    (``lang.lookup.name_keys``: the extraction's morphology); else a surname alone, which may stand for
    several persons; else the entities a part of whose name or label it is."""
    name = name.strip()
    kb = store.kb
    if not name:
        return NameMatch([], "none")
    with store.engine.connect() as conn:
        if name in kb.entities or conn.execute(select(t.entities.c.id).where(t.entities.c.id == name)).first():
            return NameMatch([name], "id")
        keys = name_keys(name)
        found = [e for key in keys for e, _ in kb.lookup(key)] + sorted(kb.by_translit(name))
        found += _stored_names(conn, [" ".join(k) for k in keys]) + _stored_translit(conn, name)
        if found:
            return NameMatch(list(dict.fromkeys(found))[:limit], "name")
        if keys and len(keys[0]) == 1:
            by_surname = _surnames(kb)
            ids = {i for key in keys for i in by_surname.get(translit_key(key[0]), ())}
            ids |= set(_stored_surnames(conn, [k[0] for k in keys]))
            if ids:
                return NameMatch(_by_documents(conn, sorted(ids))[:limit], "surname")
        pattern = f"%{escape_like(name)}%"
        part = conn.execute(select(t.entities.c.id).where(or_(
            t.entities.c.label.ilike(pattern, escape=LIKE_ESCAPE),
            t.entities.c.id.in_(select(t.aliases.c.entity_id).where(t.aliases.c.alias.ilike(pattern,
                                                                                             escape=LIKE_ESCAPE)))))
            .order_by(t.entities.c.id).limit(limit)).scalars().all()
    return NameMatch(list(part), "part" if part else "none")


def _stored_names(conn: Connection, names: list[str]) -> list[str]:
    """Entities stored from articles whose label or alias is one of the names (any case)."""
    variants = sorted({v for n in names for v in _variants(n)})
    return conn.execute(select(t.entities.c.id).where(or_(
        t.entities.c.label.in_(variants),
        t.entities.c.id.in_(select(t.aliases.c.entity_id).where(t.aliases.c.alias.in_(variants)))))
        .order_by(t.entities.c.id)).scalars().all()


def _stored_translit(conn: Connection, name: str) -> list[str]:
    """Entities stored from articles whose label is the name in another script ("Чжан Сяо", "Zhang Xiao")."""
    key = translit_key(name)
    if not key:
        return []
    return [r.id for r in conn.execute(select(t.entities.c.id, t.entities.c.label).where(t.entities.c.new.is_(True)))
            if translit_key(r.label) == key]


def _stored_surnames(conn: Connection, words: list[str]) -> list[str]:
    """Persons stored from articles whose label ends with one of the words."""
    conds = [t.entities.c.label.ilike(f"% {escape_like(v)}", escape=LIKE_ESCAPE) for w in words for v in _variants(w)]
    return conn.execute(select(t.entities.c.id).where(t.entities.c.type == "person", or_(*conds))).scalars().all()


def _by_documents(conn: Connection, ids: list[str]) -> list[str]:
    """The ids, the one mentioned in most documents first (the likelier reading of a surname)."""
    n = dict(conn.execute(select(t.mentions.c.entity_id, func.count(func.distinct(t.mentions.c.doc_id)))
                          .where(t.mentions.c.entity_id.in_(ids)).group_by(t.mentions.c.entity_id)).all())
    return sorted(ids, key=lambda i: (-n.get(i, 0), i))


def resolve(store: Store, name: str) -> list[str]:
    """Entity ids for an id or a name (``find_names``); the name itself when nothing matches, so a
    filter on it matches nothing rather than everything."""
    return find_names(store, name).ids or [name]


def find_entities(store: Store, name: str, *, limit: int = 20) -> list[dict]:
    """The entities ``find_names`` finds, each with its names, roles and document count."""
    match = find_names(store, name, limit=limit)
    with store.engine.connect() as conn:
        return [_entity(conn, i, store.kb) for i in match.ids]


def _entity(conn: Connection, eid: str, kb: KnowledgeBase) -> dict:
    row = conn.execute(select(t.entities).where(t.entities.c.id == eid)).first()
    kbe = kb.get(eid)
    names: dict[str, list[str]] = {}
    if kbe:
        for a in kbe.aliases:
            names.setdefault(a.lang, []).append(a.text)
    for a in conn.execute(select(t.aliases).where(t.aliases.c.entity_id == eid)):
        if a.alias not in names.setdefault(a.lang or "und", []):
            names[a.lang or "und"].append(a.alias)
    n_docs = conn.execute(select(func.count(func.distinct(t.mentions.c.doc_id)))
                          .where(t.mentions.c.entity_id == eid)).scalar_one()
    roles = [{"role": r.role, "of": r.of, "start": r.start or None, "end": r.end or None, "source": "kb"}
             for r in kb.roles_of(eid)]
    roles += [{"role": f.role, "of": f.of, "date": f.date, "date_start": f.date_start, "date_end": f.date_end,
               "former": bool(f.former), "source": f.doc_id}
              for f in conn.execute(select(t.facts).where(and_(t.facts.c.subject == eid,
                                                               t.facts.c.relation == "holds_position"))
                                    .order_by(t.facts.c.date_start, t.facts.c.id))]
    return {"id": eid, "type": row.type if row else (kbe.type if kbe else None),
            "label": row.label if row else (kbe.label if kbe else eid),
            "wikidata": (row.wikidata if row else None) or (kbe.wikidata if kbe else None) or None,
            "names": names, "documents": n_docs, "roles": roles}


def _affiliated(conn: Connection, kb: KnowledgeBase, ids: list[str]) -> set[str]:
    """The entities themselves and the people who hold (or held) an office of them."""
    out = set(ids) | {r.person for r in kb.roles if r.of in ids}
    out |= set(conn.execute(select(t.facts.c.subject).where(
        t.facts.c.relation == "holds_position", t.facts.c.of.in_(ids))).scalars())
    return out


def _frameworks_of(kb: KnowledgeBase, org_ids: list[str]) -> set[str]:
    return set(org_ids) | {g for g, row in kb.gatherings.items() if row.get("organization") in org_ids}


def labels(store: Store, ids) -> dict[str, str]:
    """Display labels: the knowledge base's, else the one stored with the entity, else the id."""
    ids = sorted({i for i in ids if i})
    kb = store.kb
    found = {i: kb.label(i) for i in ids if kb.get(i)}
    rest = [i for i in ids if i not in found]
    with store.engine.connect() as conn:
        for n in range(0, len(rest), 500):
            found.update(conn.execute(select(t.entities.c.id, t.entities.c.label)
                                      .where(t.entities.c.id.in_(rest[n:n + 500]))).all())
    return {i: found.get(i, i) for i in ids}


# -- events ---------------------------------------------------------------------
def _event_conditions(store: Store, conn: Connection, q: EventQuery) -> tuple[list, dict[str, list[str]]]:
    ev, conds, resolved = t.events.c, [], {}
    has_part = lambda ids: ev.id.in_(select(t.participants.c.event_id)
                                     .where(t.participants.c.entity_id.in_(sorted(ids))))
    for attr in ("participant", "country", "organization", "framework", "location"):
        if getattr(q, attr):
            resolved[attr] = resolve(store, getattr(q, attr))
    if "participant" in resolved:
        conds.append(has_part(resolved["participant"]))
    if "country" in resolved:
        conds.append(has_part(_affiliated(conn, store.kb, resolved["country"])))
    if "organization" in resolved:
        orgs = resolved["organization"]
        kb = store.kb
        conds.append(or_(has_part(_affiliated(conn, kb, orgs)), ev.framework.in_(sorted(_frameworks_of(kb, orgs)))))
    if "framework" in resolved:
        conds.append(ev.framework.in_(resolved["framework"]))
    if "location" in resolved:
        conds.append(ev.location.in_(resolved["location"]))
    if q.type:
        conds.append(ev.type == q.type.upper())
    if q.types:
        conds.append(ev.type.in_([x.upper() for x in q.types]))
    if q.modality:
        conds.append(ev.modality == q.modality)
    if q.lang:
        conds.append(t.documents.c.lang == q.lang)
    # dates are intervals: an event is in the range when its interval overlaps it ("2024" is in 2024-12)
    if q.since:
        conds.append(ev.date_end >= date_span(q.since).start)
    if q.until:
        conds.append(ev.date_start <= date_span(q.until).end)
    if q.cluster:
        conds.append(ev.cluster_id == q.cluster)
    return conds, resolved


def _order(sort: str) -> list:
    name = sort.lstrip("-")
    if name not in _SORT_COLUMNS:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(EVENT_SORTS)}")
    col = _SORT_COLUMNS[name]
    return [(col.desc() if sort.startswith("-") else col.asc()).nulls_last(), t.events.c.id]


def _event_select():
    return (select(t.events, t.documents.c.lang, t.documents.c.title, t.documents.c.published, t.documents.c.url,
                   t.documents.c.source)
            .join(t.documents, t.documents.c.id == t.events.c.doc_id))


def _participants_of(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
    parts: dict[str, list[str]] = defaultdict(list)
    for i in range(0, len(ids), 500):
        for p in conn.execute(select(t.participants.c.event_id, t.participants.c.entity_id)
                              .where(t.participants.c.event_id.in_(ids[i:i + 500]))
                              .order_by(t.participants.c.event_id, t.participants.c.position)):
            parts[p.event_id].append(p.entity_id)
    return parts


def _contact_dicts(conn: Connection, *where) -> list[dict]:
    """What counting contacts needs of each matching event (an entity may have tens of thousands)."""
    e, p = t.events.c, t.participants.c
    out: dict[str, dict] = {}
    for r in conn.execute(select(e.id, e.type, e.cluster_id, e.date, p.entity_id)
                          .select_from(t.events.join(t.documents, t.documents.c.id == e.doc_id)
                                       .join(t.participants, p.event_id == e.id))
                          .where(*where).order_by(e.id, p.position)):
        ev = out.get(r.id)
        if ev is None:
            ev = out[r.id] = {"id": r.id, "type": r.type, "cluster": r.cluster_id, "date": r.date, "participants": []}
        ev["participants"].append(r.entity_id)
    return list(out.values())


def _event_dicts(conn: Connection, rows) -> list[dict]:
    parts = _participants_of(conn, [r.id for r in rows])
    return [{"id": r.id, "doc_id": r.doc_id, "type": r.type, "participants": parts[r.id], "date": r.date,
             "date_start": r.date_start, "date_end": r.date_end, "date_precision": r.date_precision,
             "location": r.location, "framework": r.framework, "modality": r.modality,
             "confidence": r.confidence, "cluster": r.cluster_id, "lang": r.lang, "title": r.title,
             "published": r.published, "url": r.url, "source": r.source, "evidence": {"start": r.ev_start, "end": r.ev_end, "text": r.evidence}}
            for r in rows]


def _event_labels(store: Store, events: list[dict]) -> dict[str, str]:
    return labels(store, [x for e in events for x in (*e["participants"], e["location"], e["framework"])])


def find_events(store: Store, q: EventQuery) -> dict:
    """{"total", "items", "labels", "resolved"}: one page of matching events and how names were resolved."""
    order = _order(q.sort)
    with store.engine.connect() as conn:
        conds, resolved = _event_conditions(store, conn, q)
        base = _event_select().where(and_(*conds))
        total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
        page = base.order_by(*order).offset(q.offset)
        if q.limit is not None:
            page = page.limit(q.limit)
        items = _event_dicts(conn, conn.execute(page).all())
    return {"total": total, "limit": q.limit, "offset": q.offset, "items": items,
            "labels": {**labels(store, [i for ids in resolved.values() for i in ids]), **_event_labels(store, items)},
            "resolved": resolved}


def _documents_by_id(conn: Connection, ids) -> dict[str, dict]:
    rows = conn.execute(select(t.documents.c.id, t.documents.c.title, t.documents.c.lang, t.documents.c.published,
                               t.documents.c.source, t.documents.c.url, t.documents.c.text)
                        .where(t.documents.c.id.in_(sorted(set(ids))))).all()
    return {r.id: dict(r._mapping) for r in rows}


def event_detail(store: Store, event_id: str) -> dict:
    """One event and every report of its cluster, each with its document (text included, for the evidence)."""
    with store.engine.connect() as conn:
        row = conn.execute(_event_select().where(t.events.c.id == event_id)).first()
        if row is None:
            raise NotFound(f"no event {event_id!r}; list events with /api/events (filters: participant, type, ...)")
        event = _event_dicts(conn, [row])[0]
    if not event["cluster"]:
        with store.engine.connect() as conn:
            event["document"] = _documents_by_id(conn, [event["doc_id"]])[event["doc_id"]]
        return {"event": event, "cluster": None, "reports": [event], "labels": _event_labels(store, [event])}
    cluster = cluster_detail(store, event["cluster"], with_text=True)
    return {"event": event, "cluster": {k: v for k, v in cluster.items() if k not in ("reports", "labels")},
            "reports": cluster["reports"], "labels": cluster["labels"]}


# -- clusters -------------------------------------------------------------------
def _cluster_dict(row, reports: list[dict]) -> dict:
    return {"id": row.id, "type": row.type, "date": row.date, "occasion": row.occasion_id,
            "participants": [p for p in row.participants.split("|") if p],
            "languages": sorted({r["lang"] for r in reports if r["lang"]}),
            "documents": len({r["doc_id"] for r in reports}), "reports": reports}


def list_clusters(store: Store, *, type: str | None = None, since: str | None = None, until: str | None = None,
                  limit: int = 20, offset: int = 0) -> dict:
    """Event clusters (one real-world event, its reports across articles and languages), latest first."""
    c = t.clusters.c
    conds = [exists(select(t.events.c.id).where(t.events.c.cluster_id == c.id))]
    if type:
        conds.append(c.type == type.upper())
    if since:
        conds.append(c.date >= since)
    if until:
        conds.append(c.date <= until + "\uffff")
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.clusters).where(*conds)).scalar_one()
        rows = conn.execute(select(t.clusters).where(*conds).order_by(c.date.desc().nulls_last(), c.id)
                            .limit(limit).offset(offset)).all()
        by_cluster: dict[str, list[dict]] = defaultdict(list)
        if rows:
            for e in _event_dicts(conn, conn.execute(_event_select().where(
                    t.events.c.cluster_id.in_([r.id for r in rows])).order_by(t.documents.c.published, t.events.c.id))
                    .all()):
                by_cluster[e["cluster"]].append(e)
    items = [_cluster_dict(r, by_cluster[r.id]) for r in rows]
    ids = [x for c_ in items for x in c_["participants"]] + [x for c_ in items for r in c_["reports"]
                                                            for x in (r["location"], r["framework"])]
    return {"total": total, "limit": limit, "offset": offset, "items": items, "labels": labels(store, ids)}


def cluster_detail(store: Store, cluster_id: str, *, with_text: bool = True) -> dict:
    """One cluster with all its reports; each report carries its document (and its text if ``with_text``)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t.clusters).where(t.clusters.c.id == cluster_id)).first()
        if row is None:
            raise NotFound(f"no event cluster {cluster_id!r}; list clusters with /api/clusters")
        reports = _event_dicts(conn, conn.execute(_event_select().where(t.events.c.cluster_id == cluster_id)
                                                  .order_by(t.documents.c.published, t.events.c.id)).all())
        docs = _documents_by_id(conn, [r["doc_id"] for r in reports])
    for r in reports:
        r["document"] = docs[r["doc_id"]] if with_text else {k: v for k, v in docs[r["doc_id"]].items() if k != "text"}
    out = _cluster_dict(row, reports) | {"fields": field_support(reports, store.kb)}
    return out | {"labels": labels(store, out["participants"] + [x for r in reports
                                                                  for x in (*r["participants"], r["location"],
                                                                            r["framework"])])}


# -- counts over time -------------------------------------------------------------
_PERIOD_LENGTH = {"auto": 10, "day": 10, "month": 7, "year": 4}


def events_per_day(store: Store, q: EventQuery | None = None, *, by: str = "auto") -> list[dict]:
    """[{"date", "count", "types": {TYPE: n}}] for the events matching ``q``, oldest first: dates as
    stored (a day, a month or a year: the precision the article gave), or cut to ``by`` ("month":
    a day counts in its month; a date less precise than ``by`` stays as it is)."""
    if by not in _PERIOD_LENGTH:
        raise ValueError(f"unknown period {by!r}; use one of {', '.join(_PERIOD_LENGTH)}")
    q = q or EventQuery()
    with store.engine.connect() as conn:
        conds, _ = _event_conditions(store, conn, q)
        rows = conn.execute(select(t.events.c.date, t.events.c.type, func.count()).select_from(
            t.events.join(t.documents, t.documents.c.id == t.events.c.doc_id)).where(*conds)
            .group_by(t.events.c.date, t.events.c.type)).all()
    days: dict[str | None, Counter] = defaultdict(Counter)
    for date, typ, n in rows:
        days[date[:_PERIOD_LENGTH[by]] if date else date][typ] += n
    return [{"date": d, "count": sum(c.values()), "types": dict(sorted(c.items()))}
            for d, c in sorted(days.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))]


# -- who met whom -----------------------------------------------------------------
def meeting_edges(store: Store, q: EventQuery) -> dict:
    """Pairs of participants of the matching meetings: {"nodes", "edges", "labels"}.

    An edge counts distinct clusters (one meeting reported in three articles is one
    meeting) and reports. Unless ``q.modality`` says otherwise, only asserted events
    count: a planned meeting has not happened yet, a negated one did not happen.
    """
    q = EventQuery(**{**q.__dict__, "types": q.types or MEETING_TYPES, "limit": None, "offset": 0,
                      "modality": q.modality or "asserted"})
    with store.engine.connect() as conn:
        conds, resolved = _event_conditions(store, conn, q)
        rows = conn.execute(select(t.events.c.id, t.events.c.cluster_id, t.events.c.date, t.events.c.type)
                            .select_from(t.events.join(t.documents, t.documents.c.id == t.events.c.doc_id))
                            .where(*conds)).all()
        events = _event_dicts(conn, conn.execute(_event_select().where(t.events.c.id.in_([r.id for r in rows])))
                              .all()) if rows else []
        types = dict(conn.execute(select(t.entities.c.id, t.entities.c.type)).all())
    pairs: dict[tuple[str, str], dict] = {}
    for e in events:
        ps = sorted(set(e["participants"]))
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                p = pairs.setdefault((a, b), {"source": a, "target": b, "clusters": set(), "reports": 0,
                                              "types": set(), "dates": set()})
                p["clusters"].add(e["cluster"] or e["id"])
                p["reports"] += 1
                p["types"].add(e["type"])
                if e["date"]:
                    p["dates"].add(e["date"])
    edges = [{**p, "meetings": len(p["clusters"]), "clusters": sorted(p["clusters"]), "types": sorted(p["types"]),
              "dates": sorted(p["dates"])} for p in pairs.values()]
    edges.sort(key=lambda e: (-e["meetings"], e["source"], e["target"]))
    degree = Counter(x for e in edges for x in (e["source"], e["target"]))
    kb = store.kb
    lab = labels(store, degree)
    nodes = [{"id": n, "label": lab.get(n, n), "type": types.get(n) or (kb.get(n).type if kb.get(n) else None),
              "degree": d} for n, d in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges, "labels": lab, "resolved": resolved}


CONTACT_KINDS = {"MEET": "meeting", "CALL": "call", "SIGN": "co-signing", "CONVENE": "co-attendance"}


def _is_gathering(eid: str | None) -> bool:
    return bool(eid) and eid.startswith(("gathering:", "new:gathering:"))


def counterparts(store: Store, entity_id: str, types: tuple[str, ...] = tuple(CONTACT_KINDS)) -> list[dict]:
    """Whom the entity met, called, signed with or attended a named gathering with, as reported
    having happened: [{"id", "label", "meetings" (distinct events of every kind), "reports",
    "kinds": {kind: events}, "types", "gatherings", "last"}], most first. One event reported by
    several articles counts once. A signing or a named gathering that a report tells as done
    took place with whoever any report of it names (one report may announce it, listing a
    party another omits); the states the entity represents are not its counterparts."""
    q = EventQuery(participant=entity_id, types=types, modality="asserted", limit=None)
    kb = store.kb
    with store.engine.connect() as conn:
        conds, resolved = _event_conditions(store, conn, q)
        mine = _contact_dicts(conn, *conds)
        me = set(resolved.get("participant") or [entity_id])
        me |= {r.of for p in list(me) for r in kb.roles_of(p) if r.of.startswith("country:")}
        shared = {e["cluster"] for e in mine if e["cluster"] and (e["type"] == "SIGN" or (
            e["type"] == "CONVENE" and any(_is_gathering(p) for p in e["participants"])))}
        together = _contact_dicts(conn, t.events.c.cluster_id.in_(sorted(shared)),
                                  t.events.c.modality != "negated") if shared else []
        types_of = dict(conn.execute(select(t.entities.c.id, t.entities.c.type)).all())
    kind_of = lambda x: types_of.get(x) or (kb.get(x).type if kb.get(x) else None)
    found: dict[str, dict] = {}

    def add(other: str, e: dict, gathering: str | None = None) -> None:
        c = found.setdefault(other, {"id": other, "clusters": set(), "reports": set(), "kinds": defaultdict(set),
                                     "gatherings": set(), "dates": set()})
        key = e["cluster"] or e["id"]
        c["clusters"].add(key)
        c["reports"].add(e["id"])
        c["kinds"][CONTACT_KINDS[e["type"]]].add(key)
        if gathering:
            c["gatherings"].add(gathering)
        if e["date"]:
            c["dates"].add(e["date"])

    for e in mine:
        if e["type"] in ("MEET", "CALL") or (e["type"] == "SIGN" and not e["cluster"]):
            for other in set(e["participants"]) - me:
                if not _is_gathering(other):
                    add(other, e)
    for e in together:
        named = next((p for p in e["participants"] if _is_gathering(p)), None)
        for other in set(e["participants"]) - me:
            if kind_of(other) in ("person", "country"):  # the parties; the body that convened is no counterpart
                add(other, e, named if e["type"] == "CONVENE" else None)
    lab = labels(store, list(found) + [g for c in found.values() for g in c["gatherings"]])
    out = [{"id": c["id"], "label": lab.get(c["id"], c["id"]), "meetings": len(c["clusters"]),
            "reports": len(c["reports"]), "kinds": {k: len(v) for k, v in sorted(c["kinds"].items())},
            "types": sorted(c["kinds"]), "gatherings": sorted(c["gatherings"]),
            "gathering_labels": [lab.get(g, g) for g in sorted(c["gatherings"])],
            "last": max(c["dates"], default=None)} for c in found.values()]
    return sorted(out, key=lambda c: (-c["meetings"], -c["reports"], c["label"]))


# -- occasions and the support of each field ---------------------------------------
def _date_agrees(a: str, b: str) -> bool:
    """Dates at two precisions agree where the coarser is a prefix of the finer."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def field_support(reports: list[dict], kb: KnowledgeBase) -> list[dict]:
    """For each field (date, place, frame, participants, modality): the value most reports give
    (for dates: the most precise one the most reports agree with), how many reports in which
    languages give each value, and whether any report contradicts the consensus."""
    country = kb.place_country
    agree = {"date": _date_agrees, "modality": lambda a, b: a == b, "framework": lambda a, b: a == b,
             "location": lambda a, b: a == b or country.get(a) == b or country.get(b) == a}
    out = []
    for name, compare in agree.items():
        given = [(r[name], r["lang"]) for r in reports if r.get(name)]
        values = sorted({v for v, _ in given}, key=lambda v: (-sum(compare(v, w) for w, _ in given), -len(v), v))
        rows = [{"value": v, "reports": sum(1 for w, _ in given if w == v),
                 "languages": dict(sorted(Counter(lang or "und" for w, lang in given if w == v).items()))}
                for v in values]
        consensus = values[0] if values else None
        for row in rows:
            row["agrees"] = consensus is not None and compare(row["value"], consensus)
        out.append({"field": name, "consensus": consensus, "values": rows, "silent": len(reports) - len(given),
                    "disagreement": any(not r["agrees"] for r in rows)})
    named = Counter(p for r in reports for p in set(r["participants"]))
    langs: dict[str, Counter] = defaultdict(Counter)
    for r in reports:
        for p in set(r["participants"]):
            langs[p][r["lang"] or "und"] += 1
    out.insert(3, {"field": "participants", "consensus": [p for p, _ in named.most_common()],
                   "values": [{"value": p, "reports": n, "languages": dict(sorted(langs[p].items())), "agrees": True}
                              for p, n in sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))],
                   "silent": 0, "disagreement": False})
    return out


def occasion_detail(store: Store, occasion_id: str) -> dict:
    """A multilateral occasion: its member clusters (the gathering, the talks beside it, the
    documents signed, the chairmanship handed over) with their reports, and the support of each
    field over every report."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.clusters).where(t.clusters.c.occasion_id == occasion_id)
                            .order_by(t.clusters.c.seq, t.clusters.c.id)).all()
        if not rows:
            raise NotFound(f"no occasion {occasion_id!r}; an event's cluster names its occasion (/api/clusters/ID)")
        reports = _event_dicts(conn, conn.execute(_event_select().where(
            t.events.c.cluster_id.in_([r.id for r in rows])).order_by(t.documents.c.published, t.events.c.id)).all())
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for r in reports:
        by_cluster[r["cluster"]].append(r)
    members = [_cluster_dict(r, by_cluster[r.id]) for r in rows if by_cluster[r.id]]
    main = next((m for m in members if m["type"] == "CONVENE"), members[0] if members else None)
    return {"id": occasion_id, "main": main["id"] if main else None, "clusters": members,
            "languages": sorted({r["lang"] for r in reports if r["lang"]}),
            "documents": len({r["doc_id"] for r in reports}), "reports": len(reports),
            "fields": field_support(reports, store.kb), "labels": _event_labels(store, reports)}


# -- entities --------------------------------------------------------------------
def _names_by_script(names: dict[str, list[str]]) -> list[dict]:
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for lang, items in names.items():
        for n in items:
            if n not in out[(lang, script_of(n))]:
                out[(lang, script_of(n))].append(n)
    return [{"lang": lang, "script": script or "none", "names": ns} for (lang, script), ns in sorted(out.items())]


def positions(entity: dict) -> list[dict]:
    """The entity's offices in time order: knowledge-base terms, and the positions read from articles
    merged into one period per role, state and tense (current or former), from the first evidence to the
    last (``first``, ``last``: the date and document of each; ``documents``: every document saying so)."""
    rows = [{"role": r["role"], "of": r["of"], "start": r.get("start"), "end": r.get("end"), "source": "kb"}
            for r in entity["roles"] if r["source"] == "kb"]
    rows += merge_periods([r for r in entity["roles"] if r["source"] != "kb"], ("role", "of", "former"))
    return sorted(rows, key=lambda r: (r["start"] or "", r["end"] or "\uffff", r["role"] or ""))


def merge_periods(facts: list[dict], key: tuple[str, ...]) -> list[dict]:
    """Facts read from articles ({"date", "date_start", "date_end", "source": doc id, ...}) with the same
    ``key`` fields, as one period each: start and end as the first and last evidence dated them."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for f in facts:
        groups[tuple(f.get(k) for k in key)].append(f)
    out = []
    for k, group in groups.items():
        dated = sorted((f for f in group if f["date"]), key=lambda f: (f["date_start"], f["date_end"], f["source"]))
        first = dated[0] if dated else group[0]
        last = max(dated, key=lambda f: (f["date_end"], f["date_start"], f["source"])) if dated else group[-1]
        out.append({**dict(zip(key, k)), "start": first["date"], "end": last["date"], "source": "article",
                    "doc_id": first["source"], "first": {"date": first["date"], "doc_id": first["source"]},
                    "last": {"date": last["date"], "doc_id": last["source"]},
                    "documents": sorted({f["source"] for f in group}), "reports": len(group)})
    return out


def article_relations(store: Store, entity_id: str) -> dict:
    """Memberships (member or observer) and chairmanships read from articles where the entity is the
    state or the organisation, merged per state, organisation and role into periods with their sources."""
    f = t.facts.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(f.relation, f.subject, f.role, f.of, f.date, f.date_start, f.date_end, f.doc_id)
                            .where(f.relation.in_(("member_of", "chairs")),
                                   or_(f.subject == entity_id, f.of == entity_id))
                            .order_by(f.date_start, f.doc_id)).all()
    facts = [{"relation": r.relation, "state": r.subject, "organization": r.of, "role": r.role or (
        "member" if r.relation == "member_of" else None), "date": r.date, "date_start": r.date_start,
        "date_end": r.date_end, "source": r.doc_id} for r in rows]
    key = ("state", "organization", "role")
    return {"article_memberships": merge_periods([x for x in facts if x["relation"] == "member_of"], key),
            "article_chairs": merge_periods([x for x in facts if x["relation"] == "chairs"], key)}


def kb_relations(kb: KnowledgeBase, entity_id: str) -> dict:
    """From the knowledge base: office holders of, memberships in or of, chairmanships, gatherings."""
    member_rows = [m for m in kb.memberships if entity_id in (m["state"], m["organization"])]
    chair_rows = [c for c in kb.chairs if entity_id in (c["state"], c["organization"])]
    return {
        "office_holders": sorted(({"person": r.person, "role": r.role, "start": r.start or None, "end": r.end or None}
                                  for r in kb.roles if r.of == entity_id),
                                 key=lambda r: (r["role"], r["start"] or "")),
        "memberships": sorted(({k: (v or None) for k, v in m.items()} for m in member_rows),
                              key=lambda m: (m["organization"], m["state"])),
        "chairs": sorted(({k: (v or None) for k, v in c.items()} for c in chair_rows),
                         key=lambda c: (c["start"] or "", c["organization"])),
        "gatherings": sorted(({k: (v or None) for k, v in g.items()} for g in kb.gatherings.values()
                              if g.get("organization") == entity_id), key=lambda g: (g["start"] or "", g["id"])),
    }


PROFILE_SECONDS = 10.0  # how long a profile is served from memory: other processes' writes show within this
_PROFILES_KEPT = 256


def entity_profile(store: Store, entity_id: str, *, events: int = 20, documents: int = 20) -> dict:
    """``_entity_profile``, kept in memory for ``PROFILE_SECONDS`` or until this store writes: the
    profile of a much-reported leader reads tens of thousands of events. Callers must not change it."""
    key = ("profile", entity_id, events, documents)
    # one reader makes it while the others wait for it (fifty readers of one cold profile each making
    # it took the server down)
    with store.memo.setdefault(("lock", *key), threading.Lock()):
        now, hit = time.monotonic(), store.memo.get(key)
        if hit and hit[0] == store.generation and now - hit[1] < PROFILE_SECONDS:
            return hit[2]
        generation = store.generation
        profile = _entity_profile(store, entity_id, events=events, documents=documents)
        if len(store.memo) >= 2 * _PROFILES_KEPT:
            store.memo.clear()
        store.memo[key] = (generation, now, profile)
        return profile


def _entity_profile(store: Store, entity_id: str, *, events: int = 20, documents: int = 20) -> dict:
    """Everything known about one entity: names per language and script, offices over time,
    counterparts met, memberships and chairs (knowledge base's, and those read from articles with their
    periods and sources: ``article_memberships``, ``article_chairs``), its latest events and documents."""
    found = [e for e in find_entities(store, entity_id) if e["id"] == entity_id]
    if not found:
        raise NotFound(f"no entity with id {entity_id!r}; search by any of its names with /api/entities?q=NAME")
    entity = found[0]
    rel = kb_relations(store.kb, entity_id)
    evs = find_events(store, EventQuery(participant=entity_id, limit=events))
    docs = list_documents(store, entity=entity_id, limit=documents)
    cps = counterparts(store, entity_id)
    timeline = events_per_day(store, EventQuery(participant=entity_id))
    offices = positions(entity)
    extracted = article_relations(store, entity_id)
    ids = ([p["of"] for p in offices] + [h["person"] for h in rel["office_holders"]]
           + [m[k] for m in rel["memberships"] for k in ("state", "organization")]
           + [c[k] for c in rel["chairs"] for k in ("state", "organization")]
           + [g[k] for g in rel["gatherings"] for k in ("id", "location")]
           + [x[k] for rows in extracted.values() for x in rows for k in ("state", "organization")])
    return {"entity": {k: v for k, v in entity.items() if k != "roles"},
            "names": _names_by_script(entity["names"]), "positions": offices, **rel, **extracted,
            "counterparts": cps, "events": evs, "documents": docs, "timeline": timeline,
            "labels": {**labels(store, ids), **evs["labels"], **{c["id"]: c["label"] for c in cps}}}


def top_entities(store: Store, *, type: str | None = None, limit: int = 50) -> list[dict]:
    """The entities mentioned in most documents: [{"id", "label", "type", "documents"}]."""
    m = t.mentions.c
    n_docs = func.count(func.distinct(m.doc_id))
    q = select(m.entity_id, n_docs.label("n")).group_by(m.entity_id).order_by(n_docs.desc(), m.entity_id)
    if type:
        q = q.where(m.entity_id.in_(select(t.entities.c.id).where(t.entities.c.type == type)))
    with store.engine.connect() as conn:
        rows = conn.execute(q.limit(limit)).all()
        types = dict(conn.execute(select(t.entities.c.id, t.entities.c.type)
                                  .where(t.entities.c.id.in_([r.entity_id for r in rows]))).all())
    lab = labels(store, [r.entity_id for r in rows])
    return [{"id": r.entity_id, "label": lab.get(r.entity_id, r.entity_id), "type": types.get(r.entity_id),
             "documents": r.n} for r in rows]


def languages(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return conn.execute(select(t.documents.c.lang).where(t.documents.c.lang.is_not(None)).distinct()
                            .order_by(t.documents.c.lang)).scalars().all()


def counts(store: Store) -> dict[str, int]:
    """How many documents, entities, events, clusters and facts are stored."""
    with store.engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(tab)).scalar_one()
                for name, tab in (("documents", t.documents), ("entities", t.entities), ("events", t.events),
                                  ("clusters", t.clusters), ("facts", t.facts))}


# -- documents -------------------------------------------------------------------
def list_documents(store: Store, *, lang: str | None = None, entity: str | None = None, limit: int = 50,
                   offset: int = 0) -> dict:
    """Stored documents, newest first, with their event and mention counts."""
    d = t.documents.c
    conds = []
    if lang:
        conds.append(d.lang == lang)
    if entity:
        conds.append(d.id.in_(select(t.mentions.c.doc_id).where(t.mentions.c.entity_id == entity)))
    n_events = select(func.count()).where(t.events.c.doc_id == d.id).scalar_subquery()
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.documents).where(*conds)).scalar_one()
        rows = conn.execute(select(d.id, d.title, d.lang, d.published, d.source, d.url, d.error_stage, d.error,
                                   n_events.label("events")).where(*conds)
                            .order_by(d.published.desc().nulls_last(), d.id).limit(limit).offset(offset)).all()
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(r._mapping) for r in rows]}


def document_ids(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return conn.execute(select(t.documents.c.id).order_by(t.documents.c.id)).scalars().all()


def document(store: Store, doc_id: str) -> dict:
    """A stored document in the output contract (events with their date intervals), plus its text.
    The message of a missing one names no database: it may reach a web client."""
    with store.engine.connect() as conn:
        d = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).first()
        if d is None:
            raise NotFound(f"no document {doc_id!r}; list them with `communique documents` or /api/documents")
        ments = conn.execute(select(t.mentions).where(t.mentions.c.doc_id == doc_id).order_by(t.mentions.c.start)).all()
        evs = _event_dicts(conn, conn.execute(_event_select().where(t.events.c.doc_id == doc_id)
                                              .order_by(t.events.c.ev_start, t.events.c.id)).all())
        facts = conn.execute(select(t.facts).where(t.facts.c.doc_id == doc_id).order_by(t.facts.c.id)).all()
        named = {m.entity_id for m in ments} | {x for e in evs for x in (*e["participants"], e["location"],
                                                                          e["framework"]) if x}
        etypes = dict(conn.execute(select(t.entities.c.id, t.entities.c.type).where(t.entities.c.id.in_(named))).all())
    lab = labels(store, named)
    ents: dict[str, dict] = {}
    for m in ments:
        ents.setdefault(m.entity_id, {"id": m.entity_id, "label": lab.get(m.entity_id, m.base),
                                      "type": etypes.get(m.entity_id, m.type), "mentions": []})["mentions"].append(
            mention_dict(m.start, m.end, m.text, m.kind))
    for x in sorted(named - set(ents)):
        kbe = store.kb.get(x)
        ents[x] = {"id": x, "label": lab.get(x, x), "type": etypes.get(x) or (kbe.type if kbe else None),
                   "mentions": []}
    for e in evs:
        for k in ("doc_id", "lang", "title", "published", "url", "source"):
            e.pop(k)
    out = {"id": d.id, "lang": d.lang, "title": d.title, "published": d.published, "source": d.source, "url": d.url,
           "entities": list(ents.values()), "events": evs,
           "facts": [{"relation": f.relation, "subject": f.subject, "role": f.role, "of": f.of, "date": f.date,
                      "date_start": f.date_start, "date_end": f.date_end, "date_precision": f.date_precision,
                      "evidence": {"start": f.ev_start, "end": f.ev_end,
                                   "text": d.text[f.ev_start:f.ev_end] if f.ev_start is not None else None},
                      **({"former": True} if f.former else {})} for f in facts],
           "pipeline_version": d.pipeline_version}
    if d.error:
        out["error"] = {"stage": d.error_stage, "error": d.error}
    return out | {"text": d.text}


# -- stored events with their documents, for the exports -------------------------------------
@dataclass
class Report:
    """One stored event and what the exports need from the document reporting it."""
    event: Event
    doc_id: str
    url: str | None
    source: str | None
    title: str | None
    published: str | None
    lang: str | None
    ingested_at: str
    pipeline_version: str

    @property
    def outlet(self) -> str:
        """The source, else the URL host, else the document: what NumSources counts."""
        return self.source or (urlsplit(self.url).hostname if self.url else None) or f"doc:{self.doc_id}"


def _cluster_key():
    return func.coalesce(t.events.c.cluster_id, t.events.c.id)


def _reports(conn, where) -> list[Report]:
    d = t.documents.c
    rows = conn.execute(select(t.events, d.url, d.source, d.title, d.published, d.lang, d.ingested_at)
                        .join(t.documents, d.id == t.events.c.doc_id).where(where)
                        .order_by(t.events.c.doc_id, t.events.c.ev_start, t.events.c.id)).all()
    parts: dict[str, list[str]] = {r.id: [] for r in rows}
    for p in conn.execute(select(t.participants.c.event_id, t.participants.c.entity_id)
                          .join(t.events, t.events.c.id == t.participants.c.event_id).where(where)
                          .order_by(t.participants.c.event_id, t.participants.c.position)):
        parts[p.event_id].append(p.entity_id)
    return [Report(Event(r.id, r.type, parts[r.id], Evidence(r.ev_start or 0, r.ev_end or 0, r.evidence or ""),
                         date=r.date, location=r.location, framework=r.framework, modality=r.modality,
                         confidence=r.confidence or 0.0, trigger=r.trigger or "", cluster=r.cluster_id),
                   r.doc_id, r.url, r.source, r.title, r.published, r.lang, r.ingested_at, r.pipeline_version)
            for r in rows]


def iter_report_pages(store: Store) -> Iterator[list[Report]]:
    """All stored events, a page of documents at a time."""
    offset = 0
    while True:
        with store.engine.connect() as conn:
            ids = conn.execute(select(t.documents.c.id).order_by(t.documents.c.id)
                               .limit(PAGE).offset(offset)).scalars().all()
            if not ids:
                return
            yield _reports(conn, t.events.c.doc_id.in_(ids))
        offset += len(ids)


def iter_cluster_pages(store: Store) -> Iterator[list[list[Report]]]:
    """The reports of each event cluster, a page of clusters at a time."""
    offset = 0
    while True:
        with store.engine.connect() as conn:
            key = _cluster_key().label("cluster_key")
            keys = conn.execute(select(key).distinct().order_by(key).limit(PAGE).offset(offset)).scalars().all()
            if not keys:
                return
            by_key: dict[str, list[Report]] = {k: [] for k in keys}
            for r in _reports(conn, _cluster_key().in_(keys)):
                by_key[r.event.cluster or r.event.id].append(r)
        yield list(by_key.values())
        offset += len(keys)


# -- facts -----------------------------------------------------------------------
def list_facts(store: Store, *, subject: str | None = None, relation: str | None = None, of: str | None = None,
               limit: int = 50, offset: int = 0) -> dict:
    """Positions, chairmanships and memberships read from articles, with their evidence."""
    f = t.facts.c
    conds, resolved = [], {}
    if subject:
        resolved["subject"] = resolve(store, subject)
        conds.append(f.subject.in_(resolved["subject"]))
    if of:
        resolved["of"] = resolve(store, of)
        conds.append(f.of.in_(resolved["of"]))
    if relation:
        conds.append(f.relation == relation)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.facts).where(*conds)).scalar_one()
        rows = conn.execute(select(t.facts, func.substr(t.documents.c.text, f.ev_start + 1, f.ev_end - f.ev_start)
                                   .label("evidence"))
                            .join(t.documents, t.documents.c.id == f.doc_id).where(*conds)
                            .order_by(f.date.desc().nulls_last(), f.id).limit(limit).offset(offset)).all()
    items = [{"id": r.id, "doc_id": r.doc_id, "relation": r.relation, "subject": r.subject, "role": r.role,
              "of": r.of, "date": r.date, "date_start": r.date_start, "date_end": r.date_end,
              "date_precision": r.date_precision, "former": bool(r.former),
              "evidence": {"start": r.ev_start, "end": r.ev_end, "text": r.evidence} if r.ev_start is not None
              else None} for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items, "resolved": resolved,
            "labels": labels(store, [x for i in items for x in (i["subject"], i["of"])])}


# -- search ----------------------------------------------------------------------
def _variants(q: str) -> list[str]:
    """Case variants for LIKE, which folds only ASCII case on SQLite and PostgreSQL's C locale."""
    out = {q, q.lower(), q.upper(), q.capitalize(), q.title()}
    if q[:1] in ("i", "I"):  # Azerbaijani dotted capital: "ilham" -> "İlham"
        out.add("İ" + q[1:])
    return sorted(out)


def _snippet(text: str, start: int, end: int, width: int = 90) -> dict:
    a, b = max(0, start - width), min(len(text), end + width)
    return {"start": start, "end": end, "before": ("…" if a else "") + text[a:start], "match": text[start:end],
            "after": text[end:b] + ("…" if b < len(text) else "")}


def search(store: Store, q: str, *, limit: int = 20) -> dict:
    """Entities by any of their names (any script) and documents whose text contains the words
    or that mention one of those entities (in whatever inflected form the article used)."""
    q = q.strip()
    entities = find_entities(store, q, limit=limit) if q else []
    ids = [e["id"] for e in entities]
    d = t.documents.c
    text_match = or_(*[c.ilike(f"%{escape_like(v)}%", escape=LIKE_ESCAPE)
                       for v in _variants(q) for c in (d.text, d.title)])
    mentions = d.id.in_(select(t.mentions.c.doc_id).where(t.mentions.c.entity_id.in_(ids)))
    cond = or_(text_match, mentions) if ids else text_match
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.documents).where(cond)).scalar_one()
        rows = conn.execute(select(d.id, d.title, d.lang, d.published, d.text).where(cond)
                            .order_by(d.published.desc().nulls_last(), d.id).limit(limit)).all()
        spans = defaultdict(list)
        if ids and rows:
            for m in conn.execute(select(t.mentions.c.doc_id, t.mentions.c.start, t.mentions.c.end)
                                  .where(t.mentions.c.entity_id.in_(ids), t.mentions.c.doc_id.in_([r.id for r in rows]))
                                  .order_by(t.mentions.c.start)):
                spans[m.doc_id].append((m.start, m.end))
    pattern = re.compile(re.escape(q), re.IGNORECASE) if q else None
    docs = []
    for r in rows:
        hit = pattern.search(r.text) if pattern else None
        where = (hit.start(), hit.end()) if hit else (spans[r.id][0] if spans[r.id] else None)
        docs.append({"id": r.id, "title": r.title, "lang": r.lang, "published": r.published,
                     "matched": "text" if hit else ("entity" if spans[r.id] else "title"),
                     "snippet": _snippet(r.text, *where) if where else None})
    return {"query": q, "entities": [{k: v for k, v in e.items() if k != "roles"} for e in entities],
            "documents": {"total": total, "items": docs}}


# -- where ------------------------------------------------------------------------
def events_per_place(store: Store, q: EventQuery) -> list[dict]:
    """[{"id", "label", "count", "types": {TYPE: n}}] for the places of the events matching ``q``, most first."""
    with store.engine.connect() as conn:
        conds, _ = _event_conditions(store, conn, q)
        rows = conn.execute(select(t.events.c.location, t.events.c.type, func.count()).select_from(
            t.events.join(t.documents, t.documents.c.id == t.events.c.doc_id))
            .where(t.events.c.location.is_not(None), *conds).group_by(t.events.c.location, t.events.c.type)).all()
    places: dict[str, Counter] = defaultdict(Counter)
    for place, typ, n in rows:
        places[place][typ] += n
    lab = labels(store, places)
    return sorted(({"id": p, "label": lab.get(p, p), "count": sum(c.values()), "types": dict(sorted(c.items()))}
                   for p, c in places.items()), key=lambda x: (-x["count"], x["id"]))


# -- documents that failed, learned entities (the CLI's report, curation) -------------------
def failures(store: Store) -> list[dict]:
    """The documents stored as failed: id, the stage that failed, the reason."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.documents.c.id, t.documents.c.error_stage, t.documents.c.error)
                            .where(t.documents.c.error.is_not(None)))
        return [dict(r._mapping) for r in rows]


def doc_ids(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return conn.execute(select(t.documents.c.id).order_by(t.documents.c.id)).scalars().all()


def entity_row(store: Store, eid: str) -> dict[str, str] | None:
    with store.engine.connect() as conn:
        r = conn.execute(select(t.entities).where(t.entities.c.id == eid)).first()
    return {"id": r.id, "type": r.type, "label": r.label, "wikidata": r.wikidata or ""} if r else None


def learned_entities(store: Store) -> tuple[list[dict], list[dict]]:
    """Entities the knowledge base lacks, learned from text, with their aliases."""
    with store.engine.connect() as conn:
        ents = [{"id": r.id, "type": r.type, "label": r.label, "wikidata": r.wikidata or ""}
                for r in conn.execute(select(t.entities).where(t.entities.c.new.is_(True)).order_by(t.entities.c.id))]
        ids = [e["id"] for e in ents]
        aliases = [{"id": r.entity_id, "lang": r.lang or "und", "alias": r.alias, "kind": r.kind or "name"}
                   for r in conn.execute(select(t.aliases).where(t.aliases.c.entity_id.in_(ids))
                                         .order_by(t.aliases.c.entity_id, t.aliases.c.alias))]
    return ents, aliases
