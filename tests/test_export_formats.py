"""The exports (PLOVER JSON Lines, the GDELT-style table, CSV and Parquet), from a real store built from the
bundled sample, each loaded with pandas."""
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest
from sqlalchemy import select

from communique.batch.local import run
from communique.cli import main
from communique.document import Document, Event, Evidence
from communique.export import EVENT_FIELDS, GDELT_FIELDS, document_record, export
from communique.kb import load as load_kb
from communique.ontology import CAMEO_CODES, MODES, PLOVER_QUADS, cameo_dict, code_event, plover_dict
from communique.stages.ingest import read
from communique.storage import open_store
from communique.storage import schema as t
from communique.storage.queries import EventQuery, find_events
from communique.storage import queries as Q

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "communique" / "sample" / "articles.jsonl"
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
GDELT_TYPES = {**dict.fromkeys(GDELT_FIELDS, "string"), "QuadClass": "int64", "GoldsteinScale": "float64",
               "NumMentions": "int64", "NumSources": "int64", "NumArticles": "int64"}
CODED = ("MEET", "CALL", "CONVENE", "SIGN")


def _build(url: str):
    store = open_store(url, load_kb())
    run(read([str(SAMPLE)]), store=store)
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = _build(f"sqlite:///{tmp_path_factory.mktemp('export') / 'x.db'}")
    yield store
    store.close()


@pytest.fixture(scope="module")
def events(store) -> list[dict]:
    e, d = t.events.c, t.documents.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(e.id, e.type, e.modality, e.cluster_id, e.doc_id, d.source, d.url)
                            .join(t.documents, d.id == e.doc_id)).all()
    return [dict(r._mapping) for r in rows]


def _export(store, fmt: str) -> str:
    out = io.StringIO()
    n = export(store, fmt, out)
    assert n > 0
    return out.getvalue()


@pytest.fixture(scope="module")
def plover(store) -> list[dict]:
    return [json.loads(line) for line in _export(store, "plover").splitlines()]


@pytest.fixture(scope="module")
def gdelt(store) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(_export(store, "gdelt")), sep="\t", dtype=GDELT_TYPES, keep_default_na=False)


def _is_actor(a) -> bool:
    return isinstance(a, dict) and {"code", "name", "country", "sector", "identifier_id"} <= a.keys()


def test_plover_records_have_the_required_fields(plover):
    for r in plover:
        assert isinstance(r["id"], str) and r["id"]
        assert isinstance(r["date"], str) and ISO_DATE.match(r["date"])
        assert isinstance(r["actor"], list) and all(_is_actor(a) for a in r["actor"])
        assert r["recipient"] is None or (isinstance(r["recipient"], list) and all(map(_is_actor, r["recipient"])))
        if r["communique_type"] in ("APPOINT", "CHAIR"):
            assert r["event"] is None and r["quad_code"] is None and r["comment"]
            continue
        assert r["event"] in PLOVER_QUADS and r["event"] in {"AGREE", "CONSULT", "SUPPORT"}
        assert r["context"] == "diplomatic" and r["quad_code"] == PLOVER_QUADS[r["event"]]
        assert r["date_start"] <= r["date_end"] and r["date_precision"] in ("day", "month", "year")
        assert r["mode"] is None or r["mode"] in MODES
        assert isinstance(r["event_text"], str) and r["event_text"]
        assert r["coder"].startswith("communique ") and ISO_DATE.match(r["coded_date"])
        assert r["link"] is None or r["link"].startswith("http")
        assert {"source", "title", "published", "url"} <= r["cite_info"].keys()


def test_plover_text_info_slices_the_stored_text(store, plover):
    for r in plover:
        info = r["text_info"]
        text = Q.document(store, info["doc_id"])["text"]
        assert text[info["start"]:info["end"]] == info["sentence"] == r["event_text"]


def test_plover_keeps_appoint_and_chair_and_leaves_out_negated(plover, events):
    expected = {e["id"] for e in events if e["modality"] != "negated"}
    assert {r["id"] for r in plover} == expected
    assert {r["communique_type"] for r in plover} >= {"APPOINT", "CHAIR"}


def test_plover_pairs_actor_and_recipient(plover):
    """Visitor -> host, caller -> callee, first party -> the others; only a multilateral event is one actor list."""
    calls = [r for r in plover if r["communique_type"] == "CALL"]
    assert calls and all(len(r["actor"]) == 1 and r["recipient"] for r in calls)
    two_sided = [r for r in plover if r["communique_type"] in ("MEET", "CALL", "SIGN") and r["mode"] != "multilateral"
                 and len(r["actor"]) + len(r["recipient"] or []) >= 2]
    assert all(r["recipient"] for r in two_sided)
    with_pairs = sum(1 for r in plover if r["recipient"])
    assert with_pairs >= 0.6 * len([r for r in plover if r["communique_type"] != "CONVENE"])
    assert all(r["recipient"] is None for r in plover if r["mode"] == "multilateral")


@pytest.mark.parametrize("communique_type, modality, event, modes", [
    ("CALL", "asserted", "CONSULT", {"phone"}),
    ("CONVENE", "asserted", "CONSULT", {"multilateral"}),
    ("SIGN", "asserted", "SUPPORT", {None}),
    ("MEET", "planned", "AGREE", {None, "multilateral"}),
])
def test_plover_maps_each_type(plover, communique_type, modality, event, modes):
    found = [r for r in plover if r["communique_type"] == communique_type and r["modality"] == modality]
    assert found and {r["event"] for r in found} == {event} and {r["mode"] for r in found} <= modes


def test_plover_visit_has_visitor_and_host(plover):
    visits = [r for r in plover if r["mode"] == "visit"]
    assert visits
    for r in visits:
        assert r["actor"] and r["recipient"] and r["cameo"]["code"] == "042"
        assert {a["country"] for a in r["actor"]}.isdisjoint({a["country"] for a in r["recipient"]})


def test_gdelt_columns_are_typed(gdelt):
    assert list(gdelt.columns) == GDELT_FIELDS
    assert {str(gdelt[c].dtype) for c in ("NumMentions", "NumSources", "NumArticles", "QuadClass")} == {"int64"}
    assert str(gdelt["GoldsteinScale"].dtype) == "float64"
    assert gdelt["EventCode"].isin(list(CAMEO_CODES)).all()
    assert (gdelt["EventRootCode"] == gdelt["EventCode"].str[:2]).all()
    assert gdelt["GoldsteinScale"].tolist() == [CAMEO_CODES[c][1] for c in gdelt["EventCode"]]
    assert gdelt["Day"].str.fullmatch(r"\d{8}").all()
    assert str(gdelt["Day"].astype("int64").dtype) == "int64"
    assert pd.to_datetime(gdelt["Day"], format="%Y%m%d").notna().all()
    assert set(gdelt["DayPrecision"]) <= {"day", "month", "year"}
    assert gdelt["DATEADDED"].str.fullmatch(r"\d{14}").all()


def test_gdelt_one_row_per_coded_cluster(gdelt, events):
    coded = {e["cluster_id"] for e in events if e["type"] in CODED and e["modality"] != "negated"}
    assert gdelt["GlobalEventID"].is_unique
    assert set(gdelt["GlobalEventID"]) == coded


def test_gdelt_counts_match_the_events_table(gdelt, events):
    for row in gdelt.itertuples():
        reports = [e for e in events if e["cluster_id"] == row.GlobalEventID]
        assert row.NumMentions == len(reports)
        assert row.NumArticles == len({e["doc_id"] for e in reports})
        assert row.NumSources == len({e["source"] or urlsplit(e["url"]).hostname for e in reports})
    assert (gdelt["NumArticles"] >= 2).any()  # the Tokayev-Aliyev call is reported in az and ru


def test_gdelt_visit_row_is_visitor_then_host(gdelt):
    visit = gdelt[gdelt["EventCode"] == "042"]
    assert not visit.empty
    assert (visit["Actor1CountryCode"] != visit["Actor2CountryCode"]).all()
    assert (visit["ActionGeo_CountryCode"].str.len() == 2).all()


def test_cli_exports_plover_and_gdelt(store, tmp_path):
    db = store.url
    assert main(["export", "--db", db, "--format", "plover", "-o", str(tmp_path / "e.jsonl")]) == 0
    assert main(["export", "--db", db, "--format", "gdelt", "-o", str(tmp_path / "e.tsv")]) == 0
    assert (tmp_path / "e.tsv").read_text(encoding="utf-8").startswith("GlobalEventID\tDay\t")
    assert json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()[0])["event"]


def test_exports_agree_on_postgresql(pg_url, plover, gdelt):
    pg = _build(pg_url)
    try:
        pg_plover = [json.loads(line) for line in _export(pg, "plover").splitlines()]
        pg_gdelt = pd.read_csv(io.StringIO(_export(pg, "gdelt")), sep="\t", dtype=GDELT_TYPES,
                               keep_default_na=False)
    finally:
        pg.close()
    assert sorted(r["id"] for r in pg_plover) == sorted(r["id"] for r in plover)
    assert len(pg_gdelt) == len(gdelt) and pg_gdelt["NumMentions"].sum() == gdelt["NumMentions"].sum()


def test_document_record_codes_each_event_and_to_dict_stays_plain(kb):
    call = Event("ev-1", "CALL", ["person:kassym-jomart-tokayev", "person:ilham-aliyev"], Evidence(0, 4, "zəng"),
                 date="2023-12-24")
    doc = Document("d", "zəng", events=[call])
    plain, record = doc.to_dict(), document_record(doc, kb)
    assert "plover" not in plain["events"][0] and "cameo" not in plain["events"][0]
    coding = code_event(call, kb)
    assert record["events"][0] == {**plain["events"][0], "plover": plover_dict(coding.plover),
                                   "cameo": cameo_dict(coding.cameo)}
    assert record["events"][0]["plover"]["mode"] == "phone"
    assert {k: v for k, v in record.items() if k != "events"} == {k: v for k, v in plain.items() if k != "events"}


def test_csv_loads_with_pandas_typed(store):
    out = io.StringIO()
    n = export(store, "csv", out)
    df = pd.read_csv(io.StringIO(out.getvalue()), parse_dates=["date_start", "date_end"])
    assert len(df) == n == len(store_events(store))
    assert list(df.columns) == EVENT_FIELDS
    assert str(df["date_start"].dtype).startswith("datetime64") and str(df["date_end"].dtype).startswith("datetime64")
    assert (df["date_start"] <= df["date_end"]).all()
    assert {str(df[c].dtype) for c in ("latitude", "longitude", "confidence")} == {"float64"}
    assert df["url"].str.startswith("http").any() and df["title"].notna().all() and df["lang"].notna().all()
    located = df[df["latitude"].notna()]
    assert not located.empty and located["country"].str.fullmatch(r"[A-Z]{2}").all()
    assert located["location_label"].notna().all()
    astana = df[df["location"] == "loc:astana"]
    assert not astana.empty and abs(astana["latitude"].iloc[0] - 51.18) < 0.1


def test_parquet_loads_with_pandas_typed(store, tmp_path):
    path = tmp_path / "events.parquet"
    with open(path, "wb") as out:
        n = export(store, "parquet", out)
    df = pd.read_parquet(path)
    assert len(df) == n and list(df.columns) == EVENT_FIELDS
    assert str(df["date_start"].dtype).startswith("datetime64")
    assert {str(df[c].dtype) for c in ("latitude", "longitude", "confidence")} == {"float64"}
    assert all(isinstance(list(p), list) and len(p) == len(lab)
               for p, lab in zip(df["participants"], df["participant_labels"]))
    assert main(["export", "--db", store.url, "--format", "parquet", "-o", str(tmp_path / "cli.parquet")]) == 0
    assert len(pd.read_parquet(tmp_path / "cli.parquet")) == n


def test_csv_takes_the_event_filters(store):
    out = io.StringIO()
    n = export(store, "csv", out, EventQuery(type="CALL"))
    df = pd.read_csv(io.StringIO(out.getvalue()))
    assert n == len(df) > 0 and set(df["type"]) == {"CALL"}


def store_events(store) -> list[dict]:
    return find_events(store, EventQuery(limit=None))["items"]


def test_csv_rows_of_a_page_are_the_exported_rows(store):
    from communique.export import csv_rows
    out = io.StringIO()
    export(store, "csv", out)
    exported = pd.read_csv(io.StringIO(out.getvalue()), dtype=str, keep_default_na=False)
    items = find_events(store, EventQuery(sort="date", limit=None))["items"]
    rows = pd.DataFrame(csv_rows(store, items), columns=EVENT_FIELDS).astype(str).replace({"None": "", "nan": ""})
    assert sorted(exported["event_id"]) == sorted(rows["event_id"])
    merged = exported.set_index("event_id").loc[rows["event_id"]]
    assert (merged["participant_labels"].values == rows["participant_labels"].values).all()
    assert (merged["url"].values == rows["url"].values).all()
