"""Paragraphs for language identification and segmentation (hand-written texts)."""
import pytest


@pytest.mark.parametrize("text, expected", [
    ("Тоқаев ТМД-ға мүше\nмемлекеттері басшыларының кездесуіне қатысты.\nКелесі жылы.",
     ["Тоқаев ТМД-ға мүше\nмемлекеттері басшыларының кездесуіне қатысты.", "Келесі жылы."]),
    ("Заголовок без точки\nНовый абзац с заглавной.", ["Заголовок без точки", "Новый абзац с заглавной."]),
    ("Biri bitdi.\nbaşqa sətir kiçik hərflə.", ["Biri bitdi.", "başqa sətir kiçik hərflə."]),
])
def test_paragraphs_join_hard_wrapped_lines(text, expected):
    from communique.stages.langid import paragraphs
    assert [text[a:b] for a, b in paragraphs(text)] == expected


@pytest.mark.parametrize("codes, expected", [
    (("kk", "ru"), "kk"), (("", "ru"), "ru"), (("und", "az"), "az"),
    (("ky", "kk"), None),  # Kyrgyz is not read with Kazakh (or Russian) data
    (("en",), None), ((None, None), None),
])
def test_one_route_for_every_stage(codes, expected):
    from communique.lang import route
    assert route(*codes) == expected


def test_a_language_without_an_object_is_not_read(pipeline):
    from communique.document import Document
    doc = pipeline(Document("t", "President Tokayev met President Aliyev in Astana on Monday.\n"
                                 "The two leaders discussed transport and energy cooperation."))
    assert doc.lang == "en" and doc.mentions == [] and doc.events == []
