"""Commands that only read (events, entity, show, export, serve without writes) open the database
read-only: they work on a file they may not write, change nothing in it, and the database itself
(SQLite's mode=ro, PostgreSQL's read-only transactions) refuses writes, for root too, whom file
permissions do not stop."""
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import warnings
from importlib import resources
from pathlib import Path

import pytest

from communique.batch.local import run
from communique.cli import main
from communique.document import Document
from communique.errors import StoreError
from communique.kb import load as load_kb
from communique.stages.ingest import read
from communique.storage import open_store
from communique.storage import queries as Q

SAMPLE = str(resources.files("communique").joinpath("sample/articles.jsonl"))
TEXT = "Министр иностранных дел Казахстана встретился с министром иностранных дел Азербайджана."
READS = [["events"], ["events", "--format", "jsonl"], ["entity", "Tokayev"], ["show", "sample-kk-1"],
         ["export", "--format", "jsonl"], ["export", "--format", "csv"]]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """The bundled sample, written once; each test reads a copy."""
    path = tmp_path_factory.mktemp("ro") / "sample.db"
    store = open_store(str(path), load_kb())
    assert run(read([SAMPLE]), store=store).processed == 12
    store.close()
    return path


def _copy(sample_db: Path, folder: Path, journal: str) -> Path:
    folder.mkdir()
    path = folder / "copy.db"
    shutil.copy(sample_db, path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA journal_mode={journal}")
    conn.close()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("journal", ["delete", "wal"])
@pytest.mark.parametrize("argv", READS, ids=" ".join)
def test_read_command_works_on_a_read_only_file_and_changes_nothing(sample_db, tmp_path, capsys, argv, journal):
    """A rollback-journal file was turned to WAL by the first read (a write, refused on a read-only
    file: 'attempt to write a readonly database'); now no byte of the file changes."""
    path = _copy(sample_db, tmp_path / "db", journal)
    before = _digest(path)
    assert main([*argv, "--db", str(path)]) == 0, capsys.readouterr().err
    assert len(capsys.readouterr().out) > 100
    assert _digest(path) == before
    if journal == "delete":
        assert sorted(p.name for p in path.parent.iterdir()) == ["copy.db"]


def test_read_only_server_answers_from_a_read_only_file(sample_db, tmp_path):
    path = _copy(sample_db, tmp_path / "db", "delete")
    before = _digest(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    from communique.api.app import create_app
    with TestClient(create_app(f"sqlite:///{path}")) as client:
        assert client.get("/api/events").json()["total"] > 20
        assert client.get("/events").status_code == 200
    assert _digest(path) == before


def test_read_only_store_refuses_writes_whoever_runs_it(db_url):
    """Enforced by the database, not by file permissions: this holds when the tests run as root."""
    open_store(db_url, load_kb()).close()
    reader = open_store(db_url, load_kb(), read_only=True)
    with pytest.raises(StoreError, match="(?i)read-?only"):
        reader.write([Document("doc", TEXT)])
    reader.close()
    assert Q.counts(open_store(db_url, load_kb()))["documents"] == 0


def test_read_only_store_sees_what_a_writer_stores_meanwhile(db_url):
    writer = open_store(db_url, load_kb())
    reader = open_store(db_url, load_kb(), read_only=True)
    assert Q.counts(reader)["documents"] == 0
    run(iter([Document("doc", TEXT)]), store=writer)
    assert Q.counts(reader)["documents"] == 1 and Q.document(reader, "doc")["text"] == TEXT
    reader.close()
    writer.close()


def test_reading_a_missing_database_is_a_clear_error_and_creates_nothing(tmp_path, capsys):
    from communique.api.app import create_app
    missing = tmp_path / "typo.db"
    assert main(["events", "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no database file") and "communique ingest" in err
    with pytest.raises(StoreError, match="no database file"):  # what `communique serve` builds
        create_app(f"sqlite:///{missing}")
    assert not missing.exists()


def test_reading_an_older_schema_says_how_to_upgrade(sample_db, tmp_path, capsys):
    path = tmp_path / "old.db"
    shutil.copy(sample_db, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = 1")
    conn.close()
    assert main(["events", "--db", str(path)]) == 2
    assert "schema version 1" in capsys.readouterr().err


def test_wal_file_in_a_folder_no_one_may_write_is_still_read(sample_db, tmp_path, capsys):
    """A WAL-mode file needs a -shm file beside it to be read; where the folder takes none, the file
    is read as immutable instead of failing. Root passes folder permissions, so as root the folder
    is made immutable (chattr +i), which stops root too."""
    path = _copy(sample_db, tmp_path / "db", "wal")
    folder = path.parent
    locked = ["chattr", "+i", str(folder)] if os.geteuid() == 0 else None
    if locked:
        if not shutil.which("chattr") or subprocess.run(locked, capture_output=True).returncode != 0:
            pytest.skip("running as root on a file system without chattr +i: no folder can refuse root")
    else:
        folder.chmod(0o555)
    try:
        assert main(["events", "--format", "jsonl", "--db", str(path)]) == 0, capsys.readouterr().err
        assert len(capsys.readouterr().out.splitlines()) > 20
        assert sorted(p.name for p in folder.iterdir()) == ["copy.db"]
    finally:
        if locked:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)
