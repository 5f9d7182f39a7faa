"""CLI edges: a mistyped --db is refused by every read command, watch fails on a missing path,
`documents` lists documents, ingest's progress bar has a total, no pkg_resources warning."""
import json
import subprocess
import sys

import pytest

from communique.cli import main
from communique.stages.ingest import expected_documents


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("edges") / "demo.db"
    assert main(["demo", "--db", str(db), "-q"]) == 0
    return str(db)


@pytest.mark.parametrize("argv", [["events"], ["entity", "Tokayev"], ["show", "x"], ["export"], ["documents"]])
def test_read_commands_refuse_a_database_that_does_not_exist(tmp_path, capsys, argv):
    typo = tmp_path / "typo.db"
    assert main([*argv, "--db", str(typo)]) == 2
    assert "no database file" in capsys.readouterr().err and not typo.exists()


def test_documents_lists_documents(demo_db, capsys):
    assert main(["documents", "--db", demo_db, "--format", "jsonl", "--limit", "100"]) == 0
    docs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(docs) == 12 and all({"id", "title", "lang", "published", "events"} <= d.keys() for d in docs)
    assert main(["documents", "--db", demo_db, "--lang", "kk", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("sample-kk-") == 2 and "more (--offset 2)" in out


def test_watch_exits_non_zero_on_a_missing_path(tmp_path, capsys):
    assert main(["watch", "--once", str(tmp_path / "nowhere"), "--db", str(tmp_path / "w.db")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_ingest_progress_bar_has_a_total(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Президент встретился."}\n\n{"id": "b", "text": "Prezident görüşdü."}\n',
                   encoding="utf-8")
    (tmp_path / "c.txt").write_text("Мемлекет басшысы кездесті.", encoding="utf-8")
    assert expected_documents([str(src), str(tmp_path / "c.txt")]) == 3
    assert expected_documents(["-"]) is None
    assert main(["ingest", str(src), "--db", str(tmp_path / "p.db")]) == 0
    assert "2/2" in capsys.readouterr().err


def test_no_pkg_resources_warning_when_reading_russian():
    code = ("import warnings; warnings.simplefilter('default');"
            "from communique.stages.mentions import RussianMorph; print(RussianMorph().lemma('Алиевым'))")
    r = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "алиев" and "pkg_resources" not in r.stderr


def test_cli_export_and_api_read_the_same_events(demo_db, capsys):
    """One read layer: the CLI's list, the CSV export and the API's list agree for the same filters."""
    import csv
    import io
    import warnings

    from communique.api.app import create_app
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on httpx versions
        from fastapi.testclient import TestClient
    assert main(["events", "--db", demo_db, "--actor", "Əliyev", "--since", "2023-12", "--format", "jsonl",
                 "--limit", "1000"]) == 0
    cli = {json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()}
    with TestClient(create_app(demo_db)) as client:
        api = client.get("/api/events", params={"participant": "Əliyev", "since": "2023-12", "limit": 1000}).json()
        csv_ids = {r["event_id"] for r in csv.DictReader(io.StringIO(client.get(
            "/api/events", params={"participant": "Əliyev", "since": "2023-12", "format": "csv"}).text))}
    assert cli and cli == {e["id"] for e in api["items"]} == csv_ids
