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


RU_MEETING = "Президент Казахстана Касым-Жомарт Токаев встретился в Баку с президентом Азербайджана Ильхамом Алиевым."
RU_CALL = ("Министр иностранных дел Казахстана Мурат Нуртлеу провел телефонный разговор с министром иностранных дел "
           "Азербайджана Джейхуном Байрамовым.")


def test_ingest_reports_repeated_ids_and_counts_what_it_stored(tmp_path, capsys):
    import sqlite3
    src = tmp_path / "dups.jsonl"
    lines = [{"id": "dup-1", "text": RU_MEETING}, {"id": "other", "text": RU_CALL},
             {"id": "dup-1", "text": RU_CALL}, {"id": "dup-1", "text": "Другой текст. " + RU_MEETING}]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    db = tmp_path / "t.db"
    assert main(["ingest", "-q", "--db", str(db), str(src)]) == 0
    err = capsys.readouterr().err
    for n in (3, 4):
        assert f"warning: {src}:{n}: id 'dup-1' was read already, from {src}:1; this copy is skipped\n" in err
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("SELECT id, text FROM documents"))
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert stored == {"dup-1": RU_MEETING, "other": RU_CALL}  # the first copy
    assert events >= 2
    assert f"2 processed, 0 unchanged, 2 repeated id(s) skipped, 0 rejected, 0 failed in a stage; {events} events" in err


def test_error_lines_escape_control_characters_in_file_names(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\nname\x1b[2J\u2028.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "good.txt").write_text(RU_MEETING, encoding="utf-8")
    assert main(["ingest", "-q", "--db", str(tmp_path / "t.db"), str(folder)]) == 1
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if "bad" in line] == [
        f"error: {folder}/bad\\nname\\x1b[2J\\u2028.txt: binary file (contains NUL bytes), not text"]
    assert "\x1b" not in err and "\u2028" not in err


def test_show_marks_a_name_that_is_no_party(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "d", "text": "Касым-Жомарт Токаев встретился с Ильхамом Алиевым в Баку, сообщает "
                                                 "ТАСС.", "published": "2024-05-10"}, ensure_ascii=False),
                   encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert main(["ingest", str(src), "--db", db]) == 0
    assert main(["show", "d", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "[ТАСС|new:organization:tas (source)]" in out and "[Баку|loc:baku]" in out
