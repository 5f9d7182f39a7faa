"""Long articles in the shapes that once made the pipeline quadratic or flipped their language
(the shapes ``communique bench --scaling`` times): read in memory that grows linearly with a small
factor, in their own language, with the events of the article around the flood still found."""
from __future__ import annotations

import tracemalloc

import pytest

from communique.bench import SHAPES, hostile_text, sample_articles
from communique.document import Document
from communique.storage import queries as Q


def _events(doc: Document) -> set[tuple[str, tuple[str, ...]]]:
    return {(e.type, tuple(sorted(e.participants))) for e in doc.events}


def _peak_while(fn) -> tuple[Document, int]:
    tracemalloc.start()
    try:
        return fn(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# (shape, article size in bytes, peak traced memory allowed per byte of article). Russian prose goes
# through natasha's NER, which takes about 700 bytes per byte of a name-packed paragraph.
@pytest.mark.parametrize("shape, size, per_byte", [
    ("initials", 300_000, 40),
    ("dots", 300_000, 40),
    ("parens", 300_000, 40),
    ("quotes", 300_000, 40),
    ("junk", 300_000, 40),
    ("article", 200_000, 40),
    ("marks", 40_000, 400),
    ("name", 60_000, 1200),
])
def test_hostile_article_is_read_in_linear_memory_with_its_events(pipeline, shape, size, per_byte):
    code = SHAPES[shape][0]
    lead = next(a["text"] for a in sample_articles() if a["lang"] == code)
    expected = _events(pipeline(Document("lead", lead)))  # also loads the models before measuring
    text = hostile_text(shape, size)
    doc, peak = _peak_while(lambda: pipeline(Document(shape, text)))
    assert doc.failure is None and doc.lang == code
    assert expected and expected <= _events(doc)
    assert peak < per_byte * len(text.encode("utf-8")) + 16 * 2**20


def test_one_very_long_russian_sentence_is_read_in_bounded_memory(pipeline):
    # natasha reads it in windows: in one call it took 444 MB for these 550 KB
    text = "очень " * 50_000 + "Сергей Лавров встретился в Москве с Джейхуном Байрамовым."
    doc, peak = _peak_while(lambda: pipeline(Document("long", text)))
    assert doc.failure is None and doc.lang == "ru"
    assert {"person:sergey-lavrov", "person:jeyhun-bayramov"} <= {m.entity_id for m in doc.mentions}
    assert peak < 40 * len(text.encode("utf-8")) + 16 * 2**20


def test_articles_over_the_limits_are_stored_as_failed_and_the_batch_goes_on(tmp_path, kb):
    from communique.batch.local import run
    from communique.pipeline import Limits
    from communique.registry import Config
    from communique.storage import open_store
    store = open_store(f"sqlite:///{tmp_path / 'limits.db'}", kb)
    # the limit is four times what an ordinary article takes on a first call (models loading) on this
    # machine idle, and the slow article takes more than twice the limit
    texts = {"slow": hostile_text("name", 500_000), "big": "Ə. " * 400_000,
             **{a["id"]: a["text"] for a in sample_articles()[:3]}}
    summary = run((Document(k, v) for k, v in texts.items()), store=store,
                  config=Config(limits=Limits(chars=2_000_000, tokens=600_000, seconds=2)))
    failed = {f["id"]: (f["error_stage"], f["error"]) for f in Q.failures(store)}
    assert summary.processed == 5 and summary.failed == 2 and set(failed) == {"slow", "big"}
    assert failed["big"][0] == "limits" and "Limits.tokens" in failed["big"][1]
    assert "more than 2 s (Limits.seconds)" in failed["slow"][1]
    assert summary.events > 0  # the articles within the limits were read
    store.close()


def test_a_flood_of_line_breaks_in_a_page_is_read_as_the_page_without_it():
    from communique.stages.ingest import read_html
    lead = "<p>Ильхам Алиев встретился в Астане с Касым-Жомартом Токаевым.</p>"
    plain = next(read_html(f"<html><body>{lead}</body></html>", "plain.html", "plain"))
    flood = "<br>" * 2_000_000  # 8 MB of markup with no text
    doc, peak = _peak_while(lambda: next(read_html(f"<html><body>{lead}{flood}</body></html>", "br.html", "br")))
    assert doc.text.strip() == plain.text.strip()
    assert peak < 4 * len(flood) + 16 * 2**20  # a few copies of the markup, no element per break
