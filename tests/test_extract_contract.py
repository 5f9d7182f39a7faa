"""`communique extract` on every shared gold article: the output contract, exact offsets."""
import json

import pytest

from communique.cli import main

ENTITY_TYPES = {"person", "country", "organization", "location", "gathering"}
EVENT_TYPES = {"MEET", "CALL", "CONVENE", "SIGN", "APPOINT", "CHAIR"}


@pytest.fixture(scope="module")
def extracted(corpus, capsys_module=None):
    import subprocess
    import sys
    paths = [str(corpus / "seeds"), str(corpus / "dev.articles.jsonl")]
    out = subprocess.run([sys.executable, "-m", "communique", "extract", *paths], capture_output=True,
                         text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.fixture(scope="module")
def texts(corpus):
    out = {p.stem: p.read_text(encoding="utf-8") for p in (corpus / "seeds").glob("*.txt")}
    for line in (corpus / "dev.articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out[rec["id"]] = rec["text"]
    return out


def test_every_gold_article_is_extracted_with_its_input_id(extracted, texts):
    assert sorted(d["id"] for d in extracted) == sorted(texts)


def test_contract_fields(extracted):
    for d in extracted:
        assert {"id", "lang", "title", "published", "source", "url", "entities", "events", "facts"} <= d.keys()
        assert d["lang"] in {"az", "kk", "ru"}
        for e in d["entities"]:
            assert e["type"] in ENTITY_TYPES and e["id"] and e["label"]
            assert all(m.get("kind", "alone") in ("alone", "source", "region") for m in e["mentions"])
        ids = {e["id"] for e in d["entities"]}
        for ev in d["events"]:
            assert ev["type"] in EVENT_TYPES and ev["modality"] in {"asserted", "planned", "negated"}
            assert set(ev["participants"]) <= ids
            assert ev["date"] is None or len(ev["date"]) in (4, 7, 10)
            assert 0 <= ev["confidence"] <= 1 and ev["cluster"]
            assert ev["plover"].keys() == {"event", "mode", "context", "quad_code"}  # coded by the export step
            assert ev["cameo"].keys() == {"code", "root", "quad_class", "goldstein"}


def test_every_offset_slices_the_text_exactly(extracted, texts):
    n = 0
    for d in extracted:
        text = texts[d["id"]]
        for e in d["entities"]:
            for m in e["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
                n += 1
        for ev in d["events"]:
            s = ev["evidence"]
            assert text[s["start"]:s["end"]] == s["text"]
    assert n > 100


def test_same_entity_same_id_across_articles(extracted):
    by_label = {}
    for d in extracted:
        for e in d["entities"]:
            if not all(m.get("kind") == "alone" for m in e["mentions"]):  # a name alone is its article's person
                by_label.setdefault(e["label"], set()).add(e["id"])
    assert all(len(ids) == 1 for ids in by_label.values()), {k: v for k, v in by_label.items() if len(v) > 1}


def test_extract_reports_bad_input_and_goes_on(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Министр иностранных дел Казахстана встретился с коллегой.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    rc = main(["extract", str(tmp_path)])
    out, err = capsys.readouterr()
    assert rc == 1
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["good"]
    assert "empty.txt: empty file" in err and len(err.strip().splitlines()) == 1
