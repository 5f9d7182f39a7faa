"""Exports of stored results, and the record ``extract`` prints for a processed document.

Ontology coding (PLOVER, CAMEO) happens here, with the knowledge base the caller
gave: the store's for stored results, an argument for ``document_record``. Every
export reads through ``storage.queries``. Dates are intervals: each record carries
the date as the article gave it (``date``: a day, a month or a year) and the
interval it names (``date_start``, ``date_end``, ``date_precision``).

- ``jsonl``: the JSON Lines output contract, one document a line.
- ``csv`` and ``parquet``: one row per event (``EVENT_FIELDS``), with labels, the
  document's URL, title, source and language, and the place's name, country and
  coordinates (``gazetteer``); both take the event list's filters.
- ``plover``: PLOVER JSON Lines, one record per event PLOVER has a type for, as
  actor and recipient (visitor and host, caller and callee, first party and the
  others; a multilateral event is one actor list with its ``mode``); APPOINT and
  CHAIR, which PLOVER lacks, with ``event`` null and communique's own fields.
  Negated events are left out.
- ``gdelt``: a tab-separated GDELT-style event table, one row per event cluster
  (the same real-world event reported in several articles) with a CAMEO code.
  ``Day`` is YYYYMMDD (the first day of a month or year the articles give no day
  of) and ``DayPrecision`` says which. Counts run over all reports of the
  cluster: mentions are its events, articles its distinct documents, sources the
  distinct ``documents.source`` values (the URL host, else the document, where
  the source is unknown). Actor country codes are ISO 3166 alpha-3 as in CAMEO;
  ActionGeo_CountryCode is ISO 3166 alpha-2 (GDELT itself uses FIPS 10-4 there).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from typing import IO, TextIO

from .document import Document, Event
from .gazetteer import locate
from .kb import KnowledgeBase
from .ontology import EventCoding, actor_dict, cameo_dict, code_event, event_place, location_country, plover_dict
from .storage import queries as Q
from .storage.queries import Report, iter_cluster_pages, iter_report_pages
from .validation import date_span

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
BINARY_FORMATS = ("parquet",)
EVENT_FIELDS = ["event_id", "doc_id", "type", "date", "date_start", "date_end", "date_precision", "modality",
                "participants", "participant_labels", "location", "location_label", "country", "latitude",
                "longitude", "coordinates", "framework", "framework_label", "confidence", "cluster", "lang", "title",
                "url", "source", "published", "evidence"]
CSV_FIELDS = EVENT_FIELDS
GDELT_FIELDS = ["GlobalEventID", "Day", "DayPrecision", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code",
                "Actor2Name", "Actor2CountryCode", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
                "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL"]
MODALITY_RANK = {"asserted": 0, "planned": 1, "negated": 2}
PAGE = 1000  # events read at a time
NO_PLOVER_TYPE = ("APPOINT", "CHAIR")  # kept in PLOVER records with communique's own type


def export(store, fmt: str, out: IO, query: Q.EventQuery | None = None) -> int:
    """Writes ``fmt`` to ``out`` (a binary file for Parquet); ``query`` filters the csv and parquet rows."""
    writers = {"jsonl": export_jsonl, "plover": export_plover, "gdelt": export_gdelt}
    if fmt == "csv":
        return export_csv(store, out, query)
    if fmt == "parquet":
        return export_parquet(store, out, query)
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
    for doc_id in Q.document_ids(store):
        d = Q.document(store, doc_id)
        d.pop("text", None)
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
        n += 1
    return n


def event_rows(store, query: Q.EventQuery | None = None):
    """The flat event rows (``EVENT_FIELDS``) matching ``query``, a page at a time, oldest first."""
    q = Q.EventQuery(**{**(query or Q.EventQuery()).__dict__, "sort": "date", "limit": PAGE, "offset": 0})
    kb = store.kb
    while True:
        page = Q.find_events(store, q)
        if not page["items"]:
            return
        labels = page["labels"]
        yield [_event_row(e, labels, kb) for e in page["items"]]
        if len(page["items"]) < PAGE:
            return
        q.offset += PAGE


def _event_row(e: dict, labels: dict[str, str], kb: KnowledgeBase) -> dict:
    ev = Event(e["id"], e["type"], e["participants"], None, date=e["date"], location=e["location"],
               framework=e["framework"])
    place_id = event_place(ev, kb)
    place = locate(place_id, kb, location_country(place_id, kb))
    return {"event_id": e["id"], "doc_id": e["doc_id"], "type": e["type"], "date": e["date"],
            "date_start": e["date_start"], "date_end": e["date_end"], "date_precision": e["date_precision"],
            "modality": e["modality"], "participants": e["participants"],
            "participant_labels": [labels.get(p, p) for p in e["participants"]],
            "location": place_id, "location_label": place.name if place else None,
            "country": place.country if place else None, "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None, "coordinates": place.precision if place else None,
            "framework": e["framework"], "framework_label": labels.get(e["framework"]) if e["framework"] else None,
            "confidence": e["confidence"], "cluster": e["cluster"], "lang": e["lang"], "title": e["title"],
            "url": e["url"], "source": e["source"], "published": e["published"], "evidence": e["evidence"]["text"]}


def _csv_row(r: dict) -> dict:
    return {**r, "participants": "|".join(r["participants"]), "participant_labels": "|".join(r["participant_labels"])}


def csv_rows(store, events: list[dict]) -> list[dict]:
    """The CSV row (``CSV_FIELDS``) of each event as ``queries.find_events`` gives it."""
    kb, labels = store.kb, Q.labels(store, [x for e in events for x in (*e["participants"], e["framework"])])
    return [_csv_row(_event_row(e, labels, kb)) for e in events]


def export_csv(store, out: TextIO, query: Q.EventQuery | None = None) -> int:
    """One row per event; lists (participants and their labels) joined with "|"."""
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    w.writeheader()
    n = 0
    for rows in event_rows(store, query):
        w.writerows(_csv_row(r) for r in rows)
        n += len(rows)
    return n


def parquet_schema():
    import pyarrow as pa
    strings = dict.fromkeys(EVENT_FIELDS, pa.string())
    return pa.schema([(name, {"participants": pa.list_(pa.string()), "participant_labels": pa.list_(pa.string()),
                              "date_start": pa.timestamp("ms"), "date_end": pa.timestamp("ms"), "latitude": pa.float64(),
                              "longitude": pa.float64(), "confidence": pa.float64()}.get(name, strings[name]))
                      for name in EVENT_FIELDS])


def export_parquet(store, out: IO[bytes], query: Q.EventQuery | None = None) -> int:
    """The CSV's rows as Parquet, typed: lists stay lists, interval ends are timestamps (midnight), coordinates floats."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema, n = parquet_schema(), 0
    with pq.ParquetWriter(out, schema) as writer:
        for rows in event_rows(store, query):
            for r in rows:
                for k in ("date_start", "date_end"):
                    r[k] = dt.datetime.fromisoformat(r[k]) if r[k] else None
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _labels(store, reports: list[Report], kb) -> dict[str, str]:
    ids = {x for r in reports for x in (*r.event.participants, r.event.location, r.event.framework) if x}
    ids |= {loc for r in reports for g in (r.event.framework, *r.event.participants)
            if (loc := kb.gatherings.get(g or "", {}).get("location"))}
    return Q.labels(store, ids)


# -- PLOVER ---------------------------------------------------------------------------------
def export_plover(store, out: TextIO) -> int:
    kb, n = store.kb, 0
    for page in iter_report_pages(store):
        labels = _labels(store, page, kb)
        for r in page:
            coding = code_event(r.event, kb, labels)
            if coding.plover is None and (r.event.type not in NO_PLOVER_TYPE or r.event.modality == "negated"):
                continue
            out.write(json.dumps(plover_record(r, coding, labels, kb), ensure_ascii=False) + "\n")
            n += 1
    return n


def plover_sides(coding: EventCoding) -> tuple[tuple, tuple]:
    """(actors, recipients): visitors and hosts of a visit; the caller (named first) and the callee;
    the first party and the others of a bilateral event; all parties as actors of a multilateral one."""
    s = coding.setting
    if s.recipients:
        return s.actors, s.recipients
    if s.mode == "multilateral" or len(s.actors) < 2:
        return s.actors, ()
    return s.actors[:1], s.actors[1:]


def plover_record(r: Report, coding: EventCoding, labels: dict[str, str], kb: KnowledgeBase) -> dict:
    ev, p, s = r.event, coding.plover, coding.setting
    actors, recipients = plover_sides(coding)
    date = ev.date or r.published
    span = date_span(date) if date else None
    return {
        "id": ev.id, "date": date, "date_start": span.start if span else None,
        "date_end": span.end if span else None, "date_precision": span.precision if span else None,
        "actor": [actor_dict(a) for a in actors],
        "recipient": [actor_dict(a) for a in recipients] or None,
        "event": p.event if p else None, "mode": (p.mode if p else None) or (s.mode if s.mode == "multilateral" else None),
        "context": p.context if p else None, "quad_code": p.quad_code if p else None,
        "event_loc": _place(coding, labels, kb),
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


def _place(coding: EventCoding, labels: dict[str, str], kb: KnowledgeBase) -> dict | None:
    if not coding.location:
        return None
    place = locate(coding.location, kb, coding.location_country)
    return {"id": coding.location, "name": labels.get(coding.location, coding.location),
            "country": coding.location_country or place.country, "lat": place.latitude, "lon": place.longitude}


def _comment(ev: Event) -> str | None:
    if ev.modality == "planned":
        return f"planned {ev.type}, coded AGREE"
    if ev.type in NO_PLOVER_TYPE:
        return f"{ev.type} has no PLOVER type; see communique_type"
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
            row = gdelt_row(reports, lead, coding, labels, kb)
            w.writerow([row[f] for f in GDELT_FIELDS])
            n += 1
    return n


def _lead_rank(r: Report) -> tuple:
    """The report that speaks for its cluster: asserted before planned, then the most confident."""
    return MODALITY_RANK.get(r.event.modality, 3), -r.event.confidence, r.event.id


def gdelt_row(reports: list[Report], lead: Report, coding: EventCoding, labels: dict[str, str],
              kb: KnowledgeBase) -> dict:
    s, c = coding.setting, coding.cameo
    day, precision = _day([r.event.date for r in reports if r.event.modality == lead.event.modality])
    place = locate(coding.location, kb, coding.location_country)
    sides = [*s.actors, *s.recipients] if s.mode != "visit" else [s.actors[0], s.recipients[0]]
    a1, a2 = (sides + [None, None])[:2]
    urls = [r.url for r in (lead, *reports) if r.url]
    return {
        "GlobalEventID": lead.event.cluster or lead.event.id,
        "Day": day, "DayPrecision": precision,
        **_gdelt_actor("Actor1", a1), **_gdelt_actor("Actor2", a2),
        "EventCode": c.code, "EventRootCode": c.root, "QuadClass": c.quad_class, "GoldsteinScale": c.goldstein,
        "NumMentions": len(reports), "NumSources": len({r.outlet for r in reports}),
        "NumArticles": len({r.doc_id for r in reports}),
        "ActionGeo_FullName": labels.get(coding.location, coding.location) if coding.location else "",
        "ActionGeo_CountryCode": coding.location_country or "",
        "ActionGeo_Lat": place.latitude if place and place.latitude is not None else "",
        "ActionGeo_Long": place.longitude if place and place.longitude is not None else "",
        "DATEADDED": _stamp(min(r.ingested_at for r in reports)),
        "SOURCEURL": urls[0] if urls else "",
    }


def _gdelt_actor(prefix: str, a) -> dict:
    return {f"{prefix}Code": (a.code or "") if a else "", f"{prefix}Name": a.name if a else "",
            f"{prefix}CountryCode": (a.country or "") if a else ""}


def _day(dates: list[str | None]) -> tuple[str, str]:
    """(YYYYMMDD, precision) of the most precise date the reports give, the most reported among
    equals: always eight digits (the first day of a month or a year), so the column reads as one type."""
    counts = Counter(d for d in dates if d)
    if not counts:
        return "", ""
    span = date_span(max(counts, key=lambda d: (len(d), counts[d], d)))
    return span.start.replace("-", ""), span.precision


def _stamp(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")
    except ValueError:
        return ""
