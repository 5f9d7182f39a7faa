"""ingest -> events -> export on SQLite and on a real PostgreSQL server."""
import csv
import io
import json

from communique.batch.local import run
from communique.document import Document
from communique.export import export
from communique.kb import load as load_kb
from communique.stages.ingest import read
from communique.storage import open_store
from communique.storage.queries import EventQuery, find_events
from communique.storage import queries as Q

RU = ("Министр иностранных дел Азербайджана Джейхун Байрамов встретился в Нью-Йорке "
      "с министром иностранных дел Кыргызстана Русланом Казакбаевым.")
KK = ("Қазақстан Президенті Қасым-Жомарт Тоқаев Әзербайжан Президенті Ілхам Әлиевпен "
      "телефон арқылы сөйлесті.")


def _write_jsonl(path, recs):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")


def test_ingest_query_export_roundtrip(db_url, tmp_path):
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [{"id": "ru1", "text": RU, "published": "2021-09-24"},
                       {"id": "kk1", "text": KK, "published": "2024-12-27"}])
    store = open_store(db_url, load_kb())
    summary = run(read([str(src)]), store=store)
    assert summary.processed == 2 and not summary.rejected
    def events(**q):
        return find_events(store, EventQuery(**{"limit": 1000, **q}))["items"]
    events_ = events()
    assert {e["type"] for e in events_} >= {"MEET", "CALL"}
    assert events(participant="Байрамов")
    assert events(type="CALL", lang="kk")
    assert not events(type="CALL", lang="ru")
    out = io.StringIO()
    assert export(store, "jsonl", out) == 2
    docs = {json.loads(x)["id"]: json.loads(x) for x in out.getvalue().splitlines()}
    assert docs["ru1"]["events"] and docs["ru1"]["pipeline_version"]
    for d, text in ((docs["ru1"], RU), (docs["kk1"], KK)):
        for e in d["entities"]:
            assert all(text[m["start"]:m["end"]] == m["text"] for m in e["mentions"])
    out = io.StringIO()
    n = export(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows) == len(events())
    store.close()


def test_reingest_is_noop_and_update_replaces(db_url, tmp_path):
    store = open_store(db_url, load_kb())
    first = run(iter([Document("a", RU)]), store=store)
    again = run(iter([Document("a", RU)]), store=store)
    assert (first.processed, again.processed, again.unchanged) == (1, 0, 1)
    n_before = Q.counts(store)
    changed = RU.replace("Нью-Йорке", "Баку")
    run(iter([Document("a", changed)]), store=store)
    assert Q.counts(store)["documents"] == n_before["documents"] == 1
    doc = Q.document(store, "a")
    assert doc["text"] == changed
    assert all(changed[m["start"]:m["end"]] == m["text"] for e in doc["entities"] for m in e["mentions"])
    store.close()


def test_bad_input_leaves_nothing_half_written(db_url, tmp_path):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "ok.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text('{"id": 1, "text": "x"\n{"id": "k", "text": "' + KK + '"}',
                                           encoding="utf-8")
    store = open_store(db_url, load_kb())
    summary = run(read([str(tmp_path)]), store=store)
    assert sorted(e.source.rsplit("/", 1)[-1] for e in summary.rejected) == ["bin.txt", "broken.jsonl:1", "empty.txt"]
    assert sorted(Q.doc_ids(store)) == ["k", "ok"]
    store.close()


def test_names_that_are_no_party_keep_their_kind_through_the_store(db_url):
    # who reports (an outlet) and a person named by one word alone are stored as names, marked as such
    store = open_store(db_url, load_kb())
    run(iter([Document("src", "Президент Казахстана Касым-Жомарт Токаев встретился с Ильхамом Алиевым в Баку, "
                              "сообщает ТАСС.", published="2024-05-10"),
              Document("alone", "Азамат , сәлеметсіз бе ; иә , жалпы медицина саласы туралы айтайық .", lang="kk")]),
        store=store)
    kinds = {m["text"]: m.get("kind") for d in (Q.document(store, "src"), Q.document(store, "alone"))
             for e in d["entities"] for m in e["mentions"]}
    assert (kinds["ТАСС"], kinds["Азамат"], kinds["Баку"]) == ("source", "alone", None)
    out = io.StringIO()
    export(store, "jsonl", out)
    exported = [m for line in out.getvalue().splitlines() for e in json.loads(line)["entities"] for m in e["mentions"]]
    assert {(m["text"], m["kind"]) for m in exported if "kind" in m} == {("ТАСС", "source"), ("Азамат", "alone")}
    src = Q.document(store, "src")
    outlet = next(e["id"] for e in src["entities"] if e["mentions"][0]["text"] == "ТАСС")
    assert src["events"] and all(outlet not in ev["participants"] for ev in src["events"])
    store.close()
