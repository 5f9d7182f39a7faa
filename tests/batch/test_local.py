"""The local runner with worker processes gives what one process gives, in input order."""
from __future__ import annotations

from communique.batch.local import CHUNK_SIZE, CHUNKS_PER_WORKER, map_ordered, process, run
from communique.bench import corpus
from communique.document import Document
from communique.registry import DEFAULT


def test_process_reads_input_lazily():
    """Only a bounded number of documents is read ahead of the ones processed."""
    read = 0

    def docs():
        nonlocal read
        for d in corpus(10_000, ["kk"]):
            read += 1
            yield d
    it = process(docs(), jobs=1)
    next(it)
    assert read == 1
    it.close()
    # with workers, at most CHUNKS_PER_WORKER chunks per worker are in flight
    it = process(docs(), jobs=2)
    read = 0
    next(it)
    assert read <= 2 * CHUNKS_PER_WORKER * CHUNK_SIZE + CHUNK_SIZE
    it.close()


def test_run_with_workers_equals_one_process_clusters_included():
    docs = list(corpus(10, ["az", "ru"], seed=5))
    one: list[dict] = []
    two: list[dict] = []
    summary = run((Document(d.id, d.text) for d in docs), on_doc=lambda d: one.append(d.to_dict()))
    with_workers = run((Document(d.id, d.text) for d in docs), jobs=2, on_doc=lambda d: two.append(d.to_dict()))
    assert summary.processed == 10 and [d["id"] for d in one] == [d.id for d in docs]
    assert two == one
    assert set(with_workers.timings) >= {"mentions", "events", "facts"}  # summed over the workers
    assert all(e["cluster"].startswith("st-") for d in one for e in d["events"])


def test_map_ordered_one_process_keeps_order():
    n = len(DEFAULT)
    assert list(map_ordered(_name_count, [3, 1, 2])) == [(3, n), (1, n), (2, n)]


def _name_count(pipe, item):
    return item, len(pipe.names)
