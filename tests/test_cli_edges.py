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
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "алиев" and "pkg_resources" not in r.stderr
