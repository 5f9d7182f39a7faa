"""Bad input gives a clear per-file result and the rest of the batch goes on.

The files are built at test time by ``reliability_inputs``: every encoding the
region uses, lying charset declarations, truncated and malformed HTML, broken
JSON lines, invalid feeds, binary and empty files, a gzip bomb and a 100 MB
article.
"""
import os
import sqlite3
import tracemalloc

import pytest
from reliability_inputs import AZ, RU, Case, all_cases, gzip_bomb, write_cases, write_huge_article

from communique.cli import main
from communique.document import Document
from communique.errors import InputError
from communique.stages import ingest
from communique.stages.ingest import MAX_BYTES, read
from communique.text import tokenize

CASES = all_cases()


def _check(case: Case, items: list) -> None:
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert len(docs) + len(errs) == len(items), items
    assert len(docs) == (case.docs if case.contains else 0), (docs, errs)
    if case.contains:
        assert any(case.contains in d.text for d in docs), [d.text[:80] for d in docs]
    assert len(errs) == case.errors + (case.problem is not None), [str(e) for e in errs]
    if case.problem:
        assert any(case.problem in e.problem for e in errs), [str(e) for e in errs]
    for e in errs:  # "error: FILE: problem" on one line, naming the file
        assert case.name in e.source and e.problem.strip() and "\n" not in str(e)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_a_clear_result(tmp_path, case):
    write_cases(tmp_path, [case])
    _check(case, list(read([str(tmp_path / case.name)])))


def test_bad_input_batch_goes_on_and_every_problem_is_reported(tmp_path, capsys):
    folder = tmp_path / "in"
    write_cases(folder, CASES)
    write_huge_article(folder / "huge.txt")
    (folder / "bomb.txt.gz").write_bytes(gzip_bomb(4 * MAX_BYTES))
    odd_name = os.fsencode(folder) + b"/\xff\xfe-news.txt"  # a file name that is not UTF-8
    with open(odd_name, "wb") as f:
        f.write(AZ.encode("utf-8"))
    items = list(read([str(folder)]))
    want_docs = {i.id for i in items if isinstance(i, Document)}
    bad = [i for i in items if isinstance(i, InputError)]
    assert len(want_docs) == sum(c.docs for c in CASES if c.contains) + 1
    assert "\\xff\\xfe-news" in want_docs

    db = tmp_path / "t.db"
    assert main(["ingest", "-q", "--db", str(db), str(folder)]) == 1  # 1: something was rejected
    err = capsys.readouterr().err
    for e in bad:
        assert f"error: {e}" in err
    assert "huge.txt: too large (100 MiB > 64 MiB limit)" in err and "bomb.txt.gz: too large when decompressed" in err
    with sqlite3.connect(db) as conn:
        stored = {r[0] for r in conn.execute("SELECT id FROM documents")}
        failed = conn.execute("SELECT id, error_stage, error FROM documents WHERE error IS NOT NULL").fetchall()
        linked = {r[0] for r in conn.execute("SELECT DISTINCT doc_id FROM mentions")}
    assert stored == want_docs and not failed
    assert linked == want_docs - {"enc-spaced-digits"}  # every article's names are found


def _peak_while(fn) -> tuple[object, int]:
    tracemalloc.start()
    try:
        out = fn()
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_100mb_article_is_rejected_without_reading_it(tmp_path):
    write_huge_article(tmp_path / "huge.txt")
    (tmp_path / "small.txt").write_text(RU, encoding="utf-8")
    items, peak = _peak_while(lambda: list(read([str(tmp_path)])))
    assert [type(i) for i in items] == [InputError, Document]
    assert "too large (100 MiB > 64 MiB limit); split it" in str(items[0])
    assert peak < 8 * 2**20


def test_gzip_bomb_stops_at_the_size_limit(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip_bomb(4 * MAX_BYTES))  # 1 MB that unpacks to 256 MiB
    items, peak = _peak_while(lambda: list(read([str(tmp_path)])))
    assert len(items) == 1 and "too large when decompressed" in str(items[0])
    assert peak < 2 * MAX_BYTES + 8 * 2**20


def test_oversized_stdin_is_rejected(monkeypatch):
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(b"x" * 300)
    monkeypatch.setattr(sys, "stdin", Stdin)
    monkeypatch.setattr(ingest, "MAX_BYTES", 200)
    items = list(read(["-"]))
    assert len(items) == 1 and "too large" in str(items[0])


def test_document_id_limit_matches_the_schema():
    from communique.storage import schema
    assert ingest.MAX_ID == schema.documents.c.id.type.length


# -- hostile letters inside names ----------------------------------------------------------------------

@pytest.mark.parametrize("text, entity", [
    ("Президент Kазахстана прибыл в Астану.", "country:kz"),  # Latin K in a Cyrillic word
    ("Kазахстан и Азербайджан подписали соглашение.", "country:kz"),
    ("Аzərbaycan Prezidenti Astanaya səfər edib.", "country:az"),  # Cyrillic А in a Latin word
    ("Президент Казахстана прибыл в Ba\u200bku.", "loc:baku"),  # zero-width space
    ("Президент Казахстана прибыл в Бa\u200bку.", "loc:baku"),  # zero-width space and a Latin a
    ("Президент Казахстана прибыл в Ба\u00adку.", "loc:baku"),  # soft hyphen
    ("Президент Ка\u200dзахстана прибыл в Баку.", "country:kz"),  # zero-width joiner
    ("Президент \u202eКазахстана\u202c прибыл в \u2067Баку\u2069.", "country:kz"),  # bidi overrides around
    ("Президент Каза\u202eхстана прибыл в Баку.", "country:kz"),  # a right-to-left override inside
    ("Prezident İlham Əliyev Ba\u200bkıda görüşdü.", "loc:baku"),
    ("Prezident İl\u200cham Əli\u2060yev Astanada görüşdü.", "person:ilham-aliyev"),
    ("Қа\u200dзақстан Президенті Ба\u2066ку қаласына барды.", "country:kz"),
    ("Қазақстан Президенті Ба\u2066ку қаласына барды.", "loc:baku"),
    ("Қaзaқстaн Президенті Астанада кездесті.", "country:kz"),  # Latin a throughout a Kazakh word
])
def test_lookalike_and_invisible_letters_still_link(pipeline, text, entity):
    doc = pipeline(Document(id="x", text=text))
    assert doc.failure is None
    assert entity in {e.id for e in doc.entities}, [(m.text, m.entity_id) for m in doc.mentions]
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, words", [
    ("в Ba\u200bku.", ["в", "Ba\u200bku"]),
    ("\u202eКазахстан\u202c и", ["Казахстан", "и"]),
    ("AQEM-\u200bin baş", ["AQEM-\u200bin", "baş"]),
    ("Андре\u0306й Ко\u0308", ["Андре\u0306й", "Ко\u0308"]),  # decomposed й and ö
    ("a\u200b \u200bb\u200b", ["a", "b"]),  # invisible characters at word edges stay outside
])
def test_tokens_span_invisible_characters_with_exact_offsets(text, words):
    toks = tokenize(text)
    assert [t.text for t in toks] == words
    assert all(text[t.start:t.end] == t.text for t in toks)
