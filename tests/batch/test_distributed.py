"""`process` on a real Dask cluster (worker processes) equals a single-process run:
same events, participants, dates and story clusters; Parquet and PostgreSQL output."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from communique.batch.distributed import FilesPart, JsonlPart, ProcessOptions, plan, process_sources, read_results
from communique.batch.local import run
from communique.cli import main
from communique.errors import InputError
from communique.export import document_record
from communique.kb import load as load_kb
from communique.stages.ingest import read
from communique.storage import open_store
from communique.storage.queries import EventQuery, find_events
from communique.storage import queries as Q

SAMPLE = str(resources.files("communique").joinpath("sample/articles.jsonl"))
# Further reports of events in the sample (same participants and dates), so that
# clusters span documents in different partitions, plus one unreadable file.
FOLDER = {
    "az-call.txt": "Bakı, 24 dekabr. Prezident İlham Əliyev Qazaxıstan Prezidenti Kasım-Jomart Tokayevlə "
                   "telefonla danışıb.",
    "kk-meet.txt": "Астана, 24 қыркүйек. Қазақстан Сыртқы істер министрі Мұрат Нұртілеу Әзербайжан Сыртқы "
                   "істер министрі Жейһун Байрамовпен кездесті.",
    "ru-meet.txt": "Нью-Йорк, 24 сентября. Министр иностранных дел Азербайджана Джейхун Байрамов встретился с "
                   "министром иностранных дел Казахстана Муратом Нуртлеу.",
    "nested/ru-call.txt": "Астана, 25 декабря. Президент Казахстана Касым-Жомарт Токаев провёл телефонный "
                          "разговор с Президентом Азербайджана Ильхамом Алиевым.",
    "broken.bin": "\x00\x01\x02 not text",
}


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("batch") / "articles"
    for name, text in FOLDER.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return [SAMPLE, str(folder)]


@pytest.fixture(scope="module")
def single(sources, kb) -> tuple[list[dict], list[str]]:
    """The contract records (as `extract` prints them) and rejected inputs of a single-process run."""
    docs, rejected = [], []
    run(read(sources), on_doc=lambda d: rejected.append(str(d)) if isinstance(d, InputError)
        else docs.append(document_record(d, kb)))
    return docs, rejected


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def _events(records: list[dict]) -> list[tuple]:
    return [(r["id"], e["id"], e["type"], tuple(e["participants"]), e["date"], e["modality"], e["cluster"])
            for r in records for e in r["events"]]


def _process(sources, options, **kw):
    rejected = []
    summary = process_sources(sources, options, on_doc=lambda d: rejected.append(str(d))
                              if isinstance(d, InputError) else None, **kw)
    return summary, rejected


def test_distributed_equals_single_process(sources, single, client, tmp_path):
    summary, rejected = _process(sources, ProcessOptions(engine="dask", partition_size=3), client=client,
                                 output=tmp_path)
    docs, single_rejected = single
    got = list(read_results(tmp_path))
    assert _events(got) == _events(docs)
    assert got == docs  # the whole contract: entities, mentions, facts too
    assert rejected == single_rejected and len(rejected) == 1 and "binary" in rejected[0]
    assert summary.processed == len(docs) and summary.events == len(_events(docs))
    assert len(list(tmp_path.glob("part-*.parquet"))) > 3  # the input really was partitioned


def test_clusters_span_partitions(single):
    docs, _ = single
    by_cluster: dict[str, set[str]] = {}
    for r in docs:
        for e in r["events"]:
            by_cluster.setdefault(e["cluster"], set()).add(r["id"])
    assert any(len(ids) >= 3 for ids in by_cluster.values())  # the test input is worth its name


def test_parquet_output_readable_with_pyarrow(sources, single, client, tmp_path):
    _process(sources, ProcessOptions(engine="dask", partition_size=5), client=client, output=tmp_path)
    table = pq.read_table(tmp_path)  # the folder as one dataset
    docs, _ = single
    assert table.num_rows == len(docs)
    assert sorted(table.column("id").to_pylist()) == sorted(d["id"] for d in docs)
    assert pa.types.is_list(table.schema.field("events").type)
    events = table.column("events").combine_chunks().flatten()
    assert sorted(events.field("cluster").to_pylist()) == sorted(e[-1] for e in _events(docs))
    for rec in read_results(tmp_path):  # the contract back, JSON-serialisable as `extract` prints it
        assert json.loads(json.dumps(rec, ensure_ascii=False)) == rec


def test_postgresql_output_equals_single_process(sources, client, pg_url, tmp_path):
    reference = open_store(f"sqlite:///{tmp_path / 'single.db'}", load_kb())
    run(read(sources), store=reference)
    store = open_store(pg_url, load_kb())
    _process(sources, ProcessOptions(engine="dask", partition_size=4), client=client, store=store)
    everything = EventQuery(limit=10_000)  # sorted by id: the databases order NULL dates differently
    assert sorted(find_events(store, everything)["items"], key=lambda e: e["id"]) == \
        sorted(find_events(reference, everything)["items"], key=lambda e: e["id"])
    assert Q.counts(store) == Q.counts(reference)
    assert Q.document(store, "sample-kk-2")["events"] == Q.document(reference, "sample-kk-2")["events"]
    store.close()
    reference.close()


def test_local_engine_with_workers_equals_single_process(sources, single, tmp_path):
    _, rejected = _process(sources, ProcessOptions(engine="local", jobs=2, partition_size=4), output=tmp_path)
    assert list(read_results(tmp_path)) == single[0]
    assert rejected == single[1]


def test_parquet_input(single, tmp_path):
    docs, _ = single
    sample = [json.loads(x) for x in Path(SAMPLE).read_text(encoding="utf-8").splitlines() if x.strip()]
    pq.write_table(pa.Table.from_pylist(sample), tmp_path / "in.parquet", row_group_size=5)
    pq.write_table(pa.table({"id": ["x"], "body": ["no text column"]}), tmp_path / "bad.parquet")
    _, rejected = _process([str(tmp_path / "in.parquet"), str(tmp_path / "bad.parquet")],
                           ProcessOptions(partition_size=2), output=tmp_path / "out")
    got = list(read_results(tmp_path / "out"))
    assert [r["id"] for r in got] == [s["id"] for s in sample]
    assert _events(got) == _events(docs[:len(sample)])  # the sample comes first in the single run
    assert len(rejected) == 1 and "lacks the column(s) text" in rejected[0]


def test_plan_cuts_jsonl_at_lines_and_keeps_line_numbers(sources):
    parts = [p for p in plan(sources, size=5)]
    jsonl = [p for p in parts if isinstance(p, JsonlPart)]
    assert [p.first_line for p in jsonl] == [1, 6, 11]
    assert isinstance(parts[-1], FilesPart) and len(parts[-1].files) == len(FOLDER)
    origins = [d.origin for p in parts for d in p.read() if not isinstance(d, InputError)]
    assert origins == [d.origin for d in read(sources) if not isinstance(d, InputError)]


def test_cli_process_on_a_scheduler(sources, single, client, tmp_path, capsys):
    db = tmp_path / "out.db"
    rc = main(["process", *sources, "--engine", "dask", "--scheduler", client.scheduler.address,
               "-o", str(tmp_path / "out"), "--db", str(db), "-q", "--partition-size", "6"])
    assert rc == 1  # one unreadable file, as `ingest` reports it
    err = capsys.readouterr().err
    assert "binary file" in err and f"{len(single[0])} processed, 1 rejected" in err
    assert list(read_results(tmp_path / "out")) == single[0]
    assert main(["process", SAMPLE]) == 2  # nowhere to write


def test_process_skips_repeated_ids_and_special_files_like_ingest(tmp_path):
    import os
    folder = tmp_path / "in"
    folder.mkdir()
    texts = list(FOLDER.values())[:3]
    lines = [{"id": "dup-1", "text": texts[0]}, {"id": "other", "text": texts[1]}, {"id": "dup-1", "text": texts[2]}]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # planning must not open it and wait for a writer
    summary, rejected = _process([str(folder)], ProcessOptions(engine="local", partition_size=1),
                                 output=tmp_path / "out")
    assert rejected == [f"{folder}/pipe.txt: a FIFO (named pipe) that nothing is writing to; skipped"]
    assert [str(w) for w in summary.repeated] == [
        f"{folder}/a.jsonl:3: id 'dup-1' was read already, from {folder}/a.jsonl:1; this copy is skipped"]
    records = list(read_results(tmp_path / "out"))
    assert [r["id"] for r in records] == ["dup-1", "other"] and summary.processed == 2
    assert summary.events == sum(len(r["events"]) for r in records)
