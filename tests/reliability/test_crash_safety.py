"""`communique ingest` killed with SIGKILL at random moments, then run again,
leaves a consistent database with every input document; two ingests at once
neither duplicate nor lose documents. On SQLite and on PostgreSQL.

A failing run prints the random seed; CRASH_SEED=<seed> repeats its moments.
"""
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_inputs import articles, write_articles
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from communique.document import Document
from communique.kb import load as load_kb
from communique.storage import open_store

N_ARTICLES = 150
# What the store's known races print (see test_two_concurrent_ingests_neither_duplicate_nor_lose).
KNOWN_RACES = ("already exists", "duplicate key value violates unique constraint")
SEED = int(os.environ.get("CRASH_SEED", time.time_ns() % 2**32))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    docs = articles(N_ARTICLES)
    folder = tmp_path_factory.mktemp("crash") / "in"
    write_articles(folder, docs)
    return folder, docs


@pytest.fixture(scope="module")
def shared_and_own(tmp_path_factory) -> list[tuple[Path, dict[str, str]]]:
    """For two concurrent ingests: 60 articles both read, and 15 of each one's own."""
    out = []
    for name, n, seed in (("shared", 60, 11), ("own-a", 15, 12), ("own-b", 15, 13)):
        docs = articles(n, seed=seed, prefix=name)
        folder = tmp_path_factory.mktemp("concurrent") / name
        write_articles(folder, docs)
        out.append((folder, docs))
    return out


@pytest.fixture(scope="module")
def expected(corpus, shared_and_own, pipeline) -> dict[str, tuple]:
    """What an uninterrupted run stores for each document: mentions, event ids, facts."""
    texts = {k: v for _, docs in [corpus, *shared_and_own] for k, v in docs.items()}
    return {doc_id: _results(pipeline(Document(id=doc_id, text=t))) for doc_id, t in texts.items()}


def _results(doc: Document) -> tuple:
    assert doc.failure is None, doc.failure
    return (sum(1 for m in doc.mentions if m.entity_id), tuple(sorted(e.id for e in doc.events)), len(doc.facts))


def _ingest(db: str, *folders: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "COMMUNIQUE_DB"}
    return subprocess.Popen([sys.executable, "-m", "communique", "ingest", "-q", "--db", db, *map(str, folders)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _finish(proc: subprocess.Popen) -> tuple[int, str]:
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err.decode("utf-8", "replace")


def _kill_when(proc: subprocess.Popen, ready, rng: random.Random) -> str:
    """SIGKILL once ``ready()`` holds (plus a random few milliseconds); what happened, for messages."""
    t0 = time.monotonic()
    while proc.poll() is None and not ready() and time.monotonic() - t0 < 60:
        time.sleep(0.002)
    time.sleep(rng.uniform(0, 0.03))
    if proc.poll() is not None:
        return f"finished before the kill (rc {proc.returncode})"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return f"killed after {time.monotonic() - t0:.2f}s"


def _after(seconds: float):
    end = time.monotonic() + seconds
    return lambda: time.monotonic() >= end


def _committed(url: str, extra_delay: float):
    """True ``extra_delay`` seconds after this run has committed its first documents: in the middle of
    processing or writing the next batch."""
    engine = create_engine(url, poolclass=NullPool)
    state = {"base": _count(engine), "since": None, "poll": 0.0}

    def ready() -> bool:
        now = time.monotonic()
        if state["since"] is None and now >= state["poll"]:
            state["poll"] = now + 0.05
            if _count(engine) > state["base"]:
                state["since"] = now
        return state["since"] is not None and now - state["since"] >= extra_delay
    return ready


def _count(engine) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    except SQLAlchemyError:  # not created yet
        return 0


def _size(path: Path) -> int:
    """The file's size, -1 where there is none: SQLite removes its write-ahead log when the last
    connection closes, so it may vanish between a check and a stat."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return -1


def _wal_grows(wal: Path, times: int):
    """True once the SQLite write-ahead log has changed size ``times`` times: inside or just after a write."""
    state = {"size": _size(wal), "seen": 0}

    def ready() -> bool:
        size = _size(wal)
        if size != state["size"]:
            state["size"], state["seen"] = size, state["seen"] + 1
        return state["seen"] >= times
    return ready


def _stored(url: str) -> set[str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return set(conn.execute(text("SELECT id FROM documents")).scalars())
    except SQLAlchemyError:  # not created yet
        return set()


def _assert_consistent(url: str, expected: dict[str, tuple], note: str) -> None:
    """The database holds exactly ``expected``'s documents, each with all its results, once."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            q = lambda sql: conn.execute(text(sql)).fetchall()
            if engine.dialect.name == "sqlite":
                assert q("PRAGMA integrity_check") == [("ok",)], note
                assert q("PRAGMA foreign_key_check") == [], note
            docs = q("SELECT id, error_stage, error FROM documents")
            assert len(docs) == len({d[0] for d in docs}), note
            assert {d[0] for d in docs} == set(expected), note
            assert [d for d in docs if d[2] is not None] == [], note  # no stage failed on these articles
            mentions = dict(q("SELECT doc_id, count(*) FROM mentions GROUP BY doc_id"))
            facts = dict(q("SELECT doc_id, count(*) FROM facts GROUP BY doc_id"))
            events: dict[str, list[str]] = {}
            for doc_id, ev_id in q("SELECT doc_id, id FROM events ORDER BY id"):
                events.setdefault(doc_id, []).append(ev_id)
            got = {d: (mentions.get(d, 0), tuple(events.get(d, ())), facts.get(d, 0)) for d in expected}
            assert got == expected, note
            assert q('SELECT doc_id, start, "end", entity_id FROM mentions '
                     'GROUP BY doc_id, start, "end", entity_id HAVING count(*) > 1') == [], note
            assert q("SELECT event_id, position FROM event_participants "
                     "GROUP BY event_id, position HAVING count(*) > 1") == [], note
            assert q("SELECT event_id FROM event_participants WHERE event_id NOT IN (SELECT id FROM events)") == []
            assert q("SELECT id FROM events WHERE cluster_id NOT IN (SELECT id FROM clusters)") == [], note
            assert q("SELECT e.id FROM events e LEFT JOIN event_participants p ON p.event_id = e.id "
                     "WHERE p.event_id IS NULL") == [], note
    finally:
        engine.dispose()


def _only(expected: dict[str, tuple], *folders: Path) -> dict[str, tuple]:
    return {d: r for d, r in expected.items() if any((f / f"{d}.txt").exists() for f in folders)}


def _crash_and_recover(url: str, folder: Path, moments: list, expected: dict, rng: random.Random) -> None:
    expected = _only(expected, folder)
    log = [f"seed {SEED}"]
    for moment in moments:
        ready = moment()
        proc = _ingest(url, folder)
        log.append(_kill_when(proc, ready, rng) + f" with {len(_stored(url))} stored")
    rc, err = _finish(_ingest(url, folder))
    note = "; ".join(log) + f"; last run: {err.strip()[-500:]}"
    assert rc == 0, note
    _assert_consistent(url, expected, note)


def test_sqlite_survives_sigkill_at_random_moments(tmp_path, corpus, expected):
    rng = random.Random(SEED)
    db = tmp_path / "crash.db"
    wal = Path(f"{db}-wal")
    url = f"sqlite:///{db}"
    moments = [lambda: _after(rng.uniform(0.2, 1.5)),  # while starting: opening, migrating
               lambda: _committed(url, rng.uniform(0.0, 0.4)),  # processing or writing the next batch
               lambda: _wal_grows(wal, rng.randint(1, 3)),  # opening, or inside or right after a write
               lambda: _committed(url, rng.uniform(0.0, 0.4))]
    _crash_and_recover(url, corpus[0], moments, expected, rng)


def test_postgresql_survives_sigkill_at_random_moments(pg_url, corpus, expected):
    rng = random.Random(SEED)
    moments = [lambda: _after(rng.uniform(0.2, 1.5))] + [lambda: _committed(pg_url, rng.uniform(0, 0.4))] * 2
    _crash_and_recover(pg_url, corpus[0], moments, expected, rng)


@pytest.mark.parametrize("fresh", [True, False], ids=["new-database", "existing-database"])
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_concurrent_ingests_neither_duplicate_nor_lose(request, tmp_path, shared_and_own, expected, backend,
                                                           fresh):
    url = f"sqlite:///{tmp_path / 'both.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    if not fresh:
        open_store(url, load_kb()).close()
    (shared, _), (own_a, _), (own_b, _) = shared_and_own
    expected = _only(expected, shared, own_a, own_b)
    results = [_finish(p) for p in [_ingest(url, shared, own_a), _ingest(url, shared, own_b)]]
    note = " | ".join(f"rc {rc}: {err.strip()[-600:]}" for rc, err in results)
    stored = _stored(url)
    _assert_consistent(url, {d: r for d, r in expected.items() if d in stored}, note)  # no duplicates, no halves
    failed = [next((ln for ln in err.splitlines() if ln.startswith("error: ")), err[-300:])
              for rc, err in results if rc != 0]
    for line in failed:  # the only failure allowed is the known race, reported as an error
        assert any(k in line for k in KNOWN_RACES), note
    if failed:  # a rerun stores what the failed one left out
        rc, err = _finish(_ingest(url, shared, own_a, own_b))
        assert rc == 0, err
    _assert_consistent(url, expected, note)
    if failed:
        pytest.xfail(f"known store race on {backend} (storage/migrations.py, storage/store.py): a concurrent "
                     f"ingest exits 2 with {failed[0][:200]!r}; {len(set(expected) - stored)} documents were "
                     f"missing until a rerun")
