"""What each web page shows, as plain JSON-ready data: the HTML page and its JSON
twin (``/x.json``, ``/x?format=json``) both come from these functions."""
from __future__ import annotations

from dataclasses import asdict

from ..storage import queries as Q
from ..storage.store import Store
from . import charts, maps


def _filters(q: Q.EventQuery) -> dict:
    return {k: v for k, v in asdict(q).items() if k not in ("types", "limit", "offset") and v not in (None, "")}


def _options(store: Store) -> dict:
    return {"types": list(Q.EVENT_TYPES), "modalities": list(Q.MODALITIES), "languages": Q.languages(store),
            "sorts": list(Q.EVENT_SORTS)}


def dashboard(store: Store) -> dict:
    per_day = Q.events_per_day(store)
    return {"counts": Q.counts(store), "clusters": Q.list_clusters(store, limit=8),
            "series": charts.buckets(per_day),
            "recent_days": [r for r in reversed(per_day) if r["date"] and len(r["date"]) == 10][:10]}


def events(store: Store, q: Q.EventQuery) -> dict:
    return {**Q.find_events(store, q), "filters": _filters(q), "sort": q.sort, "options": _options(store)}


def event(store: Store, event_id: str) -> dict:
    return Q.event_detail(store, event_id)


def clusters(store: Store, *, type: str | None, since: str | None, until: str | None, limit: int,
             offset: int) -> dict:
    return {**Q.list_clusters(store, type=type, since=since, until=until, limit=limit, offset=offset),
            "filters": {k: v for k, v in (("type", type), ("since", since), ("until", until)) if v}}


def cluster(store: Store, cluster_id: str) -> dict:
    return Q.cluster_detail(store, cluster_id)


def entities(store: Store, query: str | None, type: str | None = None) -> dict:
    if query:
        found = [{k: v for k, v in e.items() if k != "roles"} for e in Q.find_entities(store, query, limit=50)]
        return {"query": query, "items": found, "top": []}
    return {"query": None, "items": [], "top": Q.top_entities(store, type=type)}


def entity(store: Store, entity_id: str) -> dict:
    """The profile, plus the rows of its over-time charts (memberships and chairs with known dates)."""
    p = dict(Q.entity_profile(store, entity_id))  # the profile is shared: this page adds to a copy
    other = "state" if p["entity"]["type"] == "organization" else "organization"
    p["membership_spans"] = [{"role": x["role"], "of": x[other], "start": x["start"], "end": x["end"], "source": "kb"}
                             for x in p["memberships"] if x["start"]]
    p["chair_spans"] = [{"role": "chair", "of": x[other], "start": x["start"], "end": x["end"], "source": "kb"}
                        for x in p["chairs"] if x["start"]]
    p["timeline_series"] = charts.buckets(p["timeline"])
    return p


def documents(store: Store, *, lang: str | None, entity: str | None, limit: int, offset: int) -> dict:
    return {**Q.list_documents(store, lang=lang, entity=entity, limit=limit, offset=offset),
            "filters": {k: v for k, v in (("lang", lang), ("entity", entity)) if v},
            "languages": Q.languages(store)}


def document(store: Store, doc_id: str) -> dict:
    doc = Q.document(store, doc_id)
    return {**doc, "labels": {e["id"]: e["label"] for e in doc["entities"]}}


def network(store: Store, q: Q.EventQuery) -> dict:
    """Who met whom; filtered to one participant (a click on its node), also that participant's meetings."""
    net = Q.meeting_edges(store, q)
    meetings = Q.EventQuery(**{**q.__dict__, "types": q.types or Q.MEETING_TYPES, "modality": q.modality or "asserted"})
    return {**net, "drawing": charts.network_drawing(net), "filters": _filters(q),
            "types": list(q.types or Q.MEETING_TYPES),
            "events": Q.find_events(store, meetings) if q.participant else None}


def places(store: Store, q: Q.EventQuery) -> dict:
    """Where the matching events took place, on a map."""
    found = Q.events_per_place(store, q)
    return {"places": found, "drawing": maps.drawing(found, maps.Gazetteer(store.kb)), "filters": _filters(q),
            "options": _options(store)}


def timeline(store: Store, q: Q.EventQuery, by: str) -> dict:
    per_day = Q.events_per_day(store, q)
    return {"per_day": per_day, "series": charts.buckets(per_day, by), "filters": _filters(q),
            "options": _options(store)}


def search(store: Store, query: str) -> dict:
    return Q.search(store, query) if query.strip() else {"query": "", "entities": [],
                                                         "documents": {"total": 0, "items": []}}
