"""Sentence splitting that knows each language's abbreviations and initials."""
from __future__ import annotations

import re

from .. import lang as langdata
from ..document import Document, Sentence
from ..kb import KnowledgeBase
from ..text import fold

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace; or a
# scraped "imzalayacaqlar.Bu barədə" with the space lost (a lower-case word, a dot, a capitalised word).
_BOUNDARY = re.compile(r"[.!?…]+[\"»”’)\]]*(?=\s)|(?<=[a-zəüöğışçа-яёәғқңөұүһі]{3})[.!?]"
                       r"(?=[A-ZƏÜÖĞİŞÇА-ЯЁӘҒҚҢӨҰҮҺІ][a-zəüöğışçа-яёәғқңөұүһі])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIAL = re.compile(r"^(?:[^\W\d_]\.){1,2}$|^[^\W\d_][^\W\d_]?\.$")


def _starts_sentence(text: str, pos: int) -> bool:
    m = re.compile(r"\s*(\S)").match(text, pos)
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
        before = _WORD_BEFORE.search(text, lo, m.start() + 1)
        word = before.group(1) if before else ""
        bare = word.lstrip("«\"“(")
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
        for para in doc.paragraphs:
            seg = self.segmenter(para.lang or doc.lang or "ru")
            for a, b in seg.split(doc.text, para.start, para.end):
                s = Sentence(a, b, lang=para.lang)
                s.boilerplate = doc.in_boilerplate(s)
                doc.sentences.append(s)
        return doc
