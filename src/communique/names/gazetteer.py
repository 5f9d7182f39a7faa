"""The knowledge base's organisation names as a gazetteer for the name tagger: which words of a
sentence stand in a known name ("Біріккен Ұлттар Ұйымының", "АӨСШК-тің"), the name's last word
matched in any case ending (its stem as ``base_form`` reads it), the words before it as written."""
from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

from .. import lang as langdata
from ..lang.morph import base_form
from ..text import fold


def kb_names(langs: tuple[str, ...], kind: str = "organizations") -> list[str]:
    """The aliases in ``langs`` of the knowledge base's ``kind`` (``kb/data/<kind>.aliases.tsv``)."""
    path = Path(str(resources.files("communique.kb").joinpath("data", f"{kind}.aliases.tsv")))
    with open(path, encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return sorted({r["alias"] for r in rows if r["lang"] in langs})


class Gazetteer:
    """Multi-word names, found in a sentence's words by their folded forms."""

    def __init__(self, names: list[str], ld: langdata.LangData):
        from .tagger import pieces
        self.ld = ld
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._acronyms: set[str] = set()  # matched in capitals only ("ЕС", not "ес")
        for name in names:
            toks = [t.text for t in pieces(name)]
            words = tuple(fold(t) for t in toks)
            self._acronyms |= {fold(t) for t in toks if len(t) > 1 and t.isupper()}
            if words:
                self._by_first.setdefault(words[0], []).append(words)
        for v in self._by_first.values():
            v.sort(key=len, reverse=True)

    def _keys(self, word: str, last: bool) -> tuple[str, ...]:
        """The forms a word of a name matches: as written, and the stem of the last word."""
        return (word, fold(base_form(word, self.ld))) if last else (word,)

    def find(self, words: list[str]) -> list[tuple[int, int]]:
        """(start, end) of the longest known names, left to right, not overlapping."""
        folded = [fold(w) if not (fold(w) in self._acronyms or fold(base_form(w, self.ld)) in self._acronyms)
                  or w.split("-")[0].isupper() else "" for w in words]
        out, i = [], 0
        while i < len(folded):
            end = self._match(folded, i)
            if end:
                out.append((i, end))
                i = end
            else:
                i += 1
        return out

    def _match(self, folded: list[str], i: int) -> int:
        if not folded[i]:
            return 0
        firsts = {folded[i], fold(base_form(folded[i], self.ld))}
        for first in firsts:
            for name in self._by_first.get(first, ()):
                end = i + len(name)
                if end > len(folded) or folded[i:end - 1] != list(name[:-1]):
                    continue
                if set(self._keys(folded[end - 1], True)) & set(self._keys(name[-1], True)):
                    return end
        return 0
