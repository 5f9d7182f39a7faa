"""One owner for story ids: `ingest`, `process` (local workers and Dask) and a second ingest into
the same database give the same clusters and occasions, in every process (PYTHONHASHSEED)."""
from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import select

from communique.cli import main
from communique.kb import load as load_kb
from communique.storage import open_store
from communique.storage import schema as t

SAMPLE = str(resources.files("communique").joinpath("sample/articles.jsonl"))
MORE = {  # further reports of sample events, in other languages, so clusters span articles
    "az-call.txt": "Bakı, 24 dekabr. Prezident İlham Əliyev Qazaxıstan Prezidenti Kasım-Jomart Tokayevlə "
                   "telefonla danışıb.",
    "ru-meet.txt": "Нью-Йорк, 24 сентября. Министр иностранных дел Азербайджана Джейхун Байрамов встретился с "
                   "министром иностранных дел Казахстана Муратом Нуртлеу.",
    "ru-call.txt": "Астана, 25 декабря. Президент Казахстана Касым-Жомарт Токаев провёл телефонный "
                   "разговор с Президентом Азербайджана Ильхамом Алиевым.",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("more")
    for name, text in MORE.items():
        (path / name).write_text(text, encoding="utf-8")
    return str(path)


def _clusters(db: Path) -> tuple[dict, list]:
    """{event id: cluster id} and the cluster rows (id, type, date, occasion, seq)."""
    store = open_store(f"sqlite:///{db}", load_kb())
    with store.engine.connect() as conn:
        events = dict(conn.execute(select(t.events.c.id, t.events.c.cluster_id)).all())
        rows = [tuple(r) for r in conn.execute(select(t.clusters.c.id, t.clusters.c.type, t.clusters.c.date,
                                                      t.clusters.c.occasion_id, t.clusters.c.seq)
                                               .order_by(t.clusters.c.id))]
    store.close()
    return events, rows


@pytest.fixture(scope="module")
def ingested(folder, tmp_path_factory) -> tuple[dict, list]:
    db = tmp_path_factory.mktemp("ingest") / "a.db"
    assert main(["ingest", SAMPLE, folder, "--db", str(db), "-q"]) == 0
    events, rows = _clusters(db)
    assert len(set(events.values())) < len(events)  # some reports really share a cluster
    return events, rows


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_process_with_two_workers_gives_the_ids_of_ingest(ingested, folder, engine, tmp_path):
    db = tmp_path / "p.db"
    assert main(["process", SAMPLE, folder, "--engine", engine, "-j", "2", "--partition-size", "3",
                 "--db", str(db), "-q"]) == 0
    assert _clusters(db) == ingested


def test_a_second_ingest_continues_the_clusters_of_the_first(ingested, folder, tmp_path):
    db = tmp_path / "twice.db"
    assert main(["ingest", SAMPLE, "--db", str(db), "-q"]) == 0
    assert main(["ingest", folder, "--db", str(db), "-q"]) == 0  # a new process would seed from the rows
    assert _clusters(db) == ingested
    assert main(["ingest", SAMPLE, folder, "--db", str(db), "-q", "--force"]) == 0  # re-ingestion
    assert _clusters(db)[0] == ingested[0]


def test_ids_do_not_depend_on_the_hash_seed(ingested, folder, tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for seed in ("1", "2"):
        db = tmp_path / f"seed{seed}.db"
        subprocess.run([sys.executable, "-m", "communique", "ingest", SAMPLE, folder, "--db", str(db), "-q"],
                       env={**env, "PYTHONHASHSEED": seed}, check=True, capture_output=True)
        assert _clusters(db) == ingested
