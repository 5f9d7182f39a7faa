"""Sentence boundaries are checked on a bounded look back: the same splits as a look at the whole
word, and time linear in the paragraph."""
from __future__ import annotations

import re
import tracemalloc

import pytest

from communique.document import Span
from communique.stages.segment import _INITIAL, Overlap, Segmenter, _word_before


def _is_initial(word: str) -> bool:
    bare = word.lstrip("«\"“(")
    return bool(_INITIAL.match(bare)) and bare[:1].isupper() and len(bare) <= 3


@pytest.mark.parametrize("text", [
    "Б. Сарыбай К.", "((((А.", "a b  «М.", "ab.", "x" * 100 + "А.", "(" * 100 + "А.", "x" + "(" * 100 + "А.",
    "1млн.Аа" * 30,
])
def test_word_before_decides_as_the_whole_word(text):
    whole = re.compile(r"(\S+)$").search(text, 0, len(text)).group(1)
    word = _word_before(text, 0, len(text))
    assert whole.endswith(word) and _is_initial(word) == _is_initial(whole)
    if len(whole) < 64:
        assert word == whole


@pytest.mark.parametrize("code, text, n", [
    ("ru", "А. " * 60_000 + "Конец.", 1),  # initials, never a boundary: once quadratic
    ("kk", "Ол келді. " * 20_000, 20_000),
    ("ru", "1млн.Ааа" * 20_000, 1),  # an abbreviation glued to a capital, no space in 160k characters
])
def test_long_paragraphs_split_in_bounded_memory(code, text, n):
    tracemalloc.start()
    try:
        spans = Segmenter(code).split(text, 0, len(text))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(spans) == n
    assert peak < 40 * len(text) + 2**20


def test_overlap_answers_as_a_scan_of_every_span():
    spans = [Span(0, 5), Span(3, 4), Span(10, 10), Span(12, 20), Span(30, 31)]
    probe = Overlap(spans)
    for start in range(0, 33):
        for end in range(start, 34):
            q = Span(start, end)
            assert probe(q) == any(s.overlaps(q) for s in spans)
