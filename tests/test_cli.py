"""The CLI end to end on the bundled sample, through `main` with a real SQLite file."""
import json
import subprocess
import sys

import pytest

from communique.cli import main


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "demo.db"
    assert main(["demo", "--db", str(db), "-q"]) == 0
    return str(db)


def test_demo_lists_events(demo_db, capsys):
    assert main(["events", "--db", demo_db]) == 0
    out = capsys.readouterr().out
    assert "MEET" in out and "CALL" in out


def test_events_filters(demo_db, capsys):
    main(["events", "--db", demo_db, "--type", "call", "--format", "jsonl"])
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and {r["type"] for r in rows} == {"CALL"}
    main(["events", "--db", demo_db, "--lang", "kk", "--format", "jsonl"])
    assert {json.loads(x)["lang"] for x in capsys.readouterr().out.splitlines()} == {"kk"}
    main(["events", "--db", demo_db, "--since", "2100", "--format", "jsonl"])
    assert capsys.readouterr().out == ""


def test_entity_found_by_name_in_another_script(demo_db, capsys):
    assert main(["entity", "Тоқаев", "--db", demo_db, "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["id"] == "person:kassym-jomart-tokayev"
    assert found[0]["documents"] >= 2 and "az" in found[0]["names"] and "ru" in found[0]["names"]


def test_show_marks_mentions(demo_db, capsys):
    assert main(["show", "sample-ru-4", "--db", demo_db]) == 0
    out = capsys.readouterr().out
    assert "|person:ilham-aliyev]" in out and "EVENT MEET" in out


def test_show_unknown_document_is_a_clear_error(demo_db, capsys):
    assert main(["show", "nope", "--db", demo_db]) == 2
    assert "no document 'nope'" in capsys.readouterr().err


def test_export_csv_and_jsonl(demo_db, tmp_path, capsys):
    assert main(["export", "--db", demo_db, "--format", "csv", "-o", str(tmp_path / "e.csv")]) == 0
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").startswith("event_id,doc_id,type")
    assert main(["export", "--db", demo_db, "--format", "jsonl"]) == 0
    docs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(docs) == 12


def test_ingest_stdin_and_db_env(tmp_path):
    db = tmp_path / "env.db"
    text = "Министр иностранных дел Казахстана встретился с министром иностранных дел Азербайджана."
    proc = subprocess.run([sys.executable, "-m", "communique", "ingest", "-q", "-"], input=text.encode(),
                          env={"COMMUNIQUE_DB": f"sqlite:///{db}", "PATH": "/usr/bin:/bin"}, capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert db.exists() and b"1 processed" in proc.stderr


def test_unreachable_database_is_a_clear_error(capsys):
    assert main(["events", "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot open database") and len(err.strip().splitlines()) == 1


def test_show_trace_explains_every_event(demo_db, capsys):
    main(["events", "--db", demo_db, "--format", "jsonl"])
    doc_id = json.loads(capsys.readouterr().out.splitlines()[0])["doc_id"]
    assert main(["show", doc_id, "--trace", "--db", demo_db]) == 0
    trace = capsys.readouterr().out.split("\nTRACE\n", 1)[1]
    events = trace.split("EVENT ")[1:]
    assert events
    for ev in events:
        assert "trigger: " in ev and "participants: " in ev and "modality: " in ev
