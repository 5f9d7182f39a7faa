"""Exports of stored results, and the record ``extract`` prints for a processed document.

Ontology coding (PLOVER, CAMEO) happens here, with the knowledge base the caller
gave: the store's for stored results, an argument for ``document_record``.

- ``jsonl``: the JSON Lines output contract, one document a line.
- ``csv``: one row per event.
- ``plover``: PLOVER JSON Lines, one record per event PLOVER has a type for
  (APPOINT, CHAIR and negated events are left out); codes from ``ontology``.
- ``gdelt``: a tab-separated GDELT-style event table, one row per event cluster
  (the same real-world event reported in several articles) with a CAMEO code.
  Counts run over all reports of the cluster: mentions are its events, articles
  its distinct documents, sources the distinct ``documents.source`` values (the
  URL host, else the document, where the source is unknown). Actor country
  codes are ISO 3166 alpha-3 as in CAMEO; ActionGeo_CountryCode is ISO 3166
  alpha-2 (GDELT itself uses FIPS 10-4 there).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO
from urllib.parse import urlsplit

from sqlalchemy import func, select

from .document import Document, Event, Evidence
from .kb import KnowledgeBase
from .ontology import EventCoding, actor_dict, cameo_dict, code_event, plover_dict
from .storage import schema as t

FORMATS = ("jsonl", "csv", "plover", "gdelt")
CSV_FIELDS = ["event_id", "doc_id", "type", "date", "modality", "participants", "participant_labels",
              "location", "framework", "confidence", "cluster", "lang", "evidence"]
GDELT_FIELDS = ["GlobalEventID", "Day", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code",
                "Actor2Name", "Actor2CountryCode", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
                "DATEADDED", "SOURCEURL"]
MODALITY_RANK = {"asserted": 0, "planned": 1, "negated": 2}
PAGE = 500


def export(store, fmt: str, out: TextIO) -> int:
    writers = {"jsonl": export_jsonl, "csv": export_csv, "plover": export_plover, "gdelt": export_gdelt}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](store, out)


def document_record(doc: Document, kb: KnowledgeBase) -> dict:
    """``doc.to_dict()`` with each event's PLOVER and CAMEO codes ("plover", "cameo"): what
    ``extract`` prints and ``process --output`` writes."""
    record = doc.to_dict()
    for ev, out in zip(doc.events, record["events"]):
        coding = code_event(ev, kb)
        out["plover"], out["cameo"] = plover_dict(coding.plover), cameo_dict(coding.cameo)
    return record


def export_jsonl(store, out: TextIO) -> int:
    n = 0
    for doc_id in store.doc_ids():
        d = store.document(doc_id)
        d.pop("text", None)
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_csv(store, out: TextIO) -> int:
    from .storage.store import EventFilter
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    w.writeheader()
    n, offset = 0, 0
    while True:
        rows = store.events(EventFilter(limit=1000, offset=offset))
        if not rows:
            return n
        w.writerows(csv_rows(store, rows))
        n += len(rows)
        offset += len(rows)


def csv_rows(store, events: list[dict]) -> list[dict]:
    """The CSV_FIELDS row of each event, as ``Store.events`` and ``queries.find_events`` give them
    (also the rows of the web's CSV and Parquet downloads)."""
    labels = store.labels(sorted({p for r in events for p in r["participants"]}))
    return [{"event_id": r["id"], "doc_id": r["doc_id"], "type": r["type"], "date": r["date"],
             "modality": r["modality"], "participants": "|".join(r["participants"]),
             "participant_labels": "|".join(labels.get(p, p) for p in r["participants"]),
             "location": r["location"], "framework": r["framework"],
             "confidence": r["confidence"], "cluster": r["cluster"], "lang": r["lang"],
             "evidence": r["evidence"]["text"]} for r in events]


# -- stored events with their documents ----------------------------------------------
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


def iter_report_pages(store) -> Iterator[list[Report]]:
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


def iter_cluster_pages(store) -> Iterator[list[list[Report]]]:
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


def _labels(store, reports: list[Report], kb) -> dict[str, str]:
    ids = {x for r in reports for x in (*r.event.participants, r.event.location, r.event.framework) if x}
    ids |= {loc for r in reports for g in (r.event.framework, *r.event.participants)
            if (loc := kb.gatherings.get(g or "", {}).get("location"))}
    return store.labels(sorted(ids))


# -- PLOVER ---------------------------------------------------------------------------------
def export_plover(store, out: TextIO) -> int:
    kb, n = store.kb, 0
    for page in iter_report_pages(store):
        labels = _labels(store, page, kb)
        for r in page:
            coding = code_event(r.event, kb, labels)
            if coding.plover is None:
                continue
            out.write(json.dumps(plover_record(r, coding, labels), ensure_ascii=False) + "\n")
            n += 1
    return n


def plover_record(r: Report, coding: EventCoding, labels: dict[str, str]) -> dict:
    ev, p, s = r.event, coding.plover, coding.setting
    return {
        "id": ev.id, "date": ev.date or r.published,
        "actor": [actor_dict(a) for a in s.actors],
        "recipient": [actor_dict(a) for a in s.recipients] or None,
        "event": p.event, "mode": p.mode, "context": p.context, "quad_code": p.quad_code,
        "event_loc": _place(coding, labels),
        "event_text": ev.evidence.text,
        "text_info": {"sentence": ev.evidence.text, "start": ev.evidence.start, "end": ev.evidence.end,
                      "doc_id": r.doc_id, "lang": r.lang},
        "link": r.url,
        "cite_info": {"source": r.source, "title": r.title, "published": r.published, "url": r.url},
        "coder": f"communique {r.pipeline_version}", "coded_date": r.ingested_at[:10],
        "comment": _comment(ev),
        "modality": ev.modality, "communique_type": ev.type, "cluster": ev.cluster,
        "framework": {"id": ev.framework, "name": labels.get(ev.framework, ev.framework)} if ev.framework else None,
        "cameo": cameo_dict(coding.cameo),
    }


def _place(coding: EventCoding, labels: dict[str, str]) -> dict | None:
    if not coding.location:
        return None
    return {"id": coding.location, "name": labels.get(coding.location, coding.location),
            "country": coding.location_country}


def _comment(ev: Event) -> str | None:
    if ev.modality == "planned":
        return f"planned {ev.type}, coded AGREE"
    return None


# -- GDELT ------------------------------------------------------------------------------------
def export_gdelt(store, out: TextIO) -> int:
    kb, n = store.kb, 0
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(GDELT_FIELDS)
    for page in iter_cluster_pages(store):
        leads = [min(reports, key=_lead_rank) for reports in page]
        labels = _labels(store, leads, kb)
        for reports, lead in zip(page, leads):
            coding = code_event(lead.event, kb, labels)
            if coding.cameo is None:
                continue
            row = gdelt_row(reports, lead, coding, labels)
            w.writerow([row[f] for f in GDELT_FIELDS])
            n += 1
    return n


def _lead_rank(r: Report) -> tuple:
    """The report that speaks for its cluster: asserted before planned, then the most confident."""
    return MODALITY_RANK.get(r.event.modality, 3), -r.event.confidence, r.event.id


def gdelt_row(reports: list[Report], lead: Report, coding: EventCoding, labels: dict[str, str]) -> dict:
    s, c = coding.setting, coding.cameo
    sides = [*s.actors, *s.recipients] if s.mode != "visit" else [s.actors[0], s.recipients[0]]
    a1, a2 = (sides + [None, None])[:2]
    urls = [r.url for r in (lead, *reports) if r.url]
    return {
        "GlobalEventID": lead.event.cluster or lead.event.id,
        "Day": _day([r.event.date for r in reports if r.event.modality == lead.event.modality]),
        **_gdelt_actor("Actor1", a1), **_gdelt_actor("Actor2", a2),
        "EventCode": c.code, "EventRootCode": c.root, "QuadClass": c.quad_class, "GoldsteinScale": c.goldstein,
        "NumMentions": len(reports), "NumSources": len({r.outlet for r in reports}),
        "NumArticles": len({r.doc_id for r in reports}),
        "ActionGeo_FullName": labels.get(coding.location, coding.location) if coding.location else "",
        "ActionGeo_CountryCode": coding.location_country or "",
        "DATEADDED": _stamp(min(r.ingested_at for r in reports)),
        "SOURCEURL": urls[0] if urls else "",
    }


def _gdelt_actor(prefix: str, a) -> dict:
    return {f"{prefix}Code": (a.code or "") if a else "", f"{prefix}Name": a.name if a else "",
            f"{prefix}CountryCode": (a.country or "") if a else ""}


def _day(dates: list[str | None]) -> str:
    """The most precise date the reports give, the most reported among equals: YYYYMMDD, YYYYMM or YYYY."""
    counts = Counter(d for d in dates if d)
    if not counts:
        return ""
    best = max(counts, key=lambda d: (len(d), counts[d], d))
    return best.replace("-", "")


def _stamp(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")
    except ValueError:
        return ""
