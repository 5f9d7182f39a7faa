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
