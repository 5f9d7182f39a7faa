"""Sentence splitting that knows each language's abbreviations and initials."""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from .. import lang as langdata
from ..document import Document, Sentence, Span
from ..kb import KnowledgeBase
from ..text import fold
from ..lang import letters

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace; or a
# scraped "imzalayacaqlar.Bu barədə" with the space lost (a lower-case word, a dot, a capitalised word).
_BOUNDARY = re.compile(rf"[.!?…]+[\"»”’)\]]*(?=\s)|(?<=[{letters()}]{{3}})[.!?]"
                       rf"(?=[{letters('upper')}][{letters()}])")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_OPENERS = "«\"“("
# How far back a boundary check looks for the word before it: an initial or an abbreviation is a
# few characters, and a bounded look keeps the check's cost independent of the sentence's length.
_LOOKBACK = 64
_INITIAL = re.compile(r"^(?:[^\W\d_]\.){1,2}$|^[^\W\d_][^\W\d_]?\.$")


def _word_before(text: str, lo: int, end: int) -> str:
    """The run of non-space characters that ends at ``end``, not reaching before ``lo``."""
    a = max(lo, end - _LOOKBACK)
    chunk = text[a:end]
    word = chunk.rsplit(None, 1)[-1] if chunk.strip() else ""
    if a > lo and word == chunk and len(word.lstrip(_OPENERS)) <= 3:
        # the window is all one word of opening quotes and brackets: where the word starts decides
        # whether it is an initial, so look further back (once per word: rare, and linear overall)
        while a > lo and not text[a - 1].isspace():
            a -= 1
        word = text[a:end]
    return word


def _starts_sentence(text: str, pos: int) -> bool:
    m = _NEXT_CHAR.match(text, pos)
    if not m:
        return False
    ch = m.group(1)
    return ch.isupper() or ch.isdigit() or ch in "«\"“—–-(["


class Segmenter:
    def __init__(self, code: str):
        codes = [code] if code in langdata.LANGS else list(langdata.LANGS)
        self.abbreviations = sorted({a for c in codes for a in langdata.load(c).abbreviations if a.endswith(".")},
                                    key=len, reverse=True)

    def _is_break(self, text: str, lo: int, m: re.Match) -> bool:
        if not _starts_sentence(text, m.end()):
            return False
        if m.group().startswith(("!", "?", "…")):
            return True
        bare = _word_before(text, lo, m.start() + 1).lstrip(_OPENERS)
        # "K. Sarıbay", "М. Тілеуберді": a single capital with a dot is an initial.
        if _INITIAL.match(bare) and bare[:1].isupper() and len(bare) <= 3:
            return False
        tail = fold(text[max(lo, m.start() - 20): m.start() + 1])
        for a in self.abbreviations:
            if tail.endswith(a) and not tail[: len(tail) - len(a)][-1:].isalpha():
                return False
        return True

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        out, lo = [], start
        for m in _BOUNDARY.finditer(text, start, end):
            if self._is_break(text, lo, m):
                out.append((lo, m.end()))
                lo = m.end()
        out.append((lo, end))
        return [(a + (len(text[a:b]) - len(text[a:b].lstrip())), b) for a, b in out if text[a:b].strip()]


class Overlap:
    """Whether a span overlaps any of some spans (``Document.in_boilerplate`` asked of every
    sentence), by bisection: a scan of every boilerplate line per sentence was quadratic."""

    def __init__(self, spans: list[Span]):
        spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in spans]
        self.reach = list(accumulate((s.end for s in spans), max))  # the furthest end so far

    def __call__(self, span: Span) -> bool:
        k = bisect_left(self.starts, span.end)  # the spans that start before this one ends
        return k > 0 and self.reach[k - 1] > span.start


class SegmentStage:
    name = "segment"
    requires = ("lang", "boilerplate")
    provides = ("sents",)

    def __init__(self, kb: KnowledgeBase | None = None):
        self._segmenters: dict[str, Segmenter] = {}

    def segmenter(self, code: str) -> Segmenter:
        if code not in self._segmenters:
            self._segmenters[code] = Segmenter(code)
        return self._segmenters[code]

    def __call__(self, doc: Document) -> Document:
        doc.sentences = []
        in_boilerplate = Overlap(doc.boilerplate)
        for para in doc.paragraphs:
            seg = self.segmenter(para.lang or doc.lang or "ru")
            for a, b in seg.split(doc.text, para.start, para.end):
                s = Sentence(a, b, lang=para.lang)
                s.boilerplate = in_boilerplate(s)
                doc.sentences.append(s)
        return doc
