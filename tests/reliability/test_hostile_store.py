"""Whatever ingestion accepts can be stored and read back with exact offsets, on
SQLite and on PostgreSQL (which refuses NUL characters and over-long keys)."""
import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_inputs import RU

from communique.batch.local import run
from communique.document import Document
from communique.kb import load as load_kb
from communique.stages.ingest import read_bytes
from communique.storage import open_store
from communique.storage import queries as Q

_ids = itertools.count()
hostile = st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.sampled_from([
    "Президент Kазахстана прибыл в Ba\u200bku.", "Prezident \u202eİlham Əliyev\u202c görüşdü 😀.",
    "Министр \u0000 встретился", "Токаев \ud800 встретился", "a\u0301\u0306\u0483" * 30, "\x01\x1b[31m\x7f",
    "\ufffe\uffff\U0010ffff", "Анри " + "-".join(["Бакиров", "Сапаров"] * 5) + "ым", " \n\t ", "x" * 600,
])


@pytest.fixture(scope="module")
def stores(tmp_path_factory, pg_server):
    import psycopg
    base = pg_server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "t_hostile_store"')
        conn.execute('CREATE DATABASE "t_hostile_store"')
    out = {"sqlite": open_store(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'h.db'}", load_kb()),
           "postgresql": open_store(f"{pg_server}/t_hostile_store", load_kb())}
    yield out
    for s in out.values():
        s.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(hostile, hostile, st.sampled_from(["text", "title", "id"]))
def test_every_accepted_record_is_stored_with_exact_offsets(stores, pipeline, a, b, field):
    rec = {"id": f"h{next(_ids)}", "text": f"{a} {RU} {b}", "title": a[:50]}
    rec[field] = rec[field] + a if field != "id" else a or rec["id"]
    for item in read_bytes(json.dumps(rec).encode("utf-8"), "h.jsonl", "h"):
        if not isinstance(item, Document):
            assert "\n" not in item.problem
            continue
        doc = pipeline(item)
        for store in stores.values():
            store.write([doc])
            back = Q.document(store, doc.id)
            assert back["text"] == doc.text and back["title"] == doc.title
            for e in back["entities"]:
                assert all(doc.text[m["start"]:m["end"]] == m["text"] for m in e["mentions"])
            for ev in back["events"]:
                assert doc.text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]


LONG_NAME = "Министр иностранных дел Казахстана встретился с послом Франции Анри {}ым в Астане.".format(
    "-".join(["Бакиров", "Сапаров", "Жумабеков"] * 15))


def test_a_name_longer_than_the_entity_id_column_does_not_sink_its_batch(pg_url):
    docs = [Document(id="before", text=RU), Document(id="long-name", text=LONG_NAME), Document(id="after", text=RU)]
    store = open_store(pg_url, load_kb())
    try:
        run(iter(docs), store=store)
        assert {"before", "long-name", "after"} <= {r["id"] for r in Q.failures(store)} | _ids_in(store)
    finally:
        store.close()


def _ids_in(store) -> set[str]:
    from sqlalchemy import text
    with store.engine.connect() as conn:
        return set(conn.execute(text("SELECT id FROM documents")).scalars())
