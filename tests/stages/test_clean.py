from communique.document import Document
from communique.stages.clean import CleanStage

ARTICLE = """Президент провел переговоры с коллегой
БАКУ, 25 сен — Sputnik.
Президенты встретились в столице и обсудили двустороннее сотрудничество.
Читайте также
Министры встретились в Ташкенте
Премьер встретился с послом
Поделиться
"""


def test_boilerplate_spans_cover_related_list_without_touching_text(kb):
    doc = CleanStage(kb)(Document("d", ARTICLE))
    marked = [ARTICLE[s.start:s.end] for s in doc.boilerplate]
    assert "Читайте также" in marked
    assert "Министры встретились в Ташкенте" in marked and "Поделиться" in marked
    assert not any("Президенты встретились" in m for m in marked)
    assert doc.text == ARTICLE


def test_metadata_title_source_and_dateline(kb):
    doc = CleanStage(kb)(Document("d", ARTICLE, url="https://example.org/news/20210925/x.html"))
    assert doc.title == "Президент провел переговоры с коллегой"
    assert doc.source == "Sputnik"
    assert doc.published == "2021-09-25"


def test_published_from_turkic_dateline(kb):
    az = "Başlıq\n2024, 20 iyul\nMətn."
    kk = "Тақырып\n24 Қыркүйек, 2020\nМәтін."
    assert CleanStage(kb)(Document("a", az)).published == "2024-07-20"
    assert CleanStage(kb)(Document("k", kk)).published == "2020-09-24"
