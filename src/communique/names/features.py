"""Features of a word in its sentence for the CRF name tagger.

What marks a Turkic name is its shape (capitalised, an acronym, hyphenated), the case ending on
its last word (-ның, -ға, -да, -дан, -мен, the possessive -ы/-і of an organisation's head noun),
the stem under that ending, and the words around it: a title before a person ("министрі"), a
head noun after an organisation ("министрлігі"), a postposition after a place. The language
data (suffixes, titles) comes from ``lang/<code>/``.
"""
from __future__ import annotations

from .. import lang as langdata
from ..lang.morph import base_form
from ..text import fold, lower

_WINDOW = 2


def shape(word: str) -> str:
    """'Xx', 'X', 'x', 'd', 'X-Xx', '«' ...: letters by case, digits, other characters kept, runs folded."""
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def case_of(word: str, ld: langdata.LangData) -> str:
    """The case of the longest suffix ending the word ('gen', 'dat', ...), '' if none."""
    low = lower(word)
    for s in ld.suffixes:  # longest first
        if len(low) > len(s.text) + 1 and low.endswith(s.text):
            return s.case
    return ""


class WordFeatures:
    """Per-word and per-sentence features for one language, remembered per word form."""

    def __init__(self, ld: langdata.LangData):
        self.ld = ld
        self._memo: dict[str, dict[str, str]] = {}
        self._attrs: dict[str, tuple[list[str], dict[int, list[str]]]] = {}

    def word(self, w: str) -> dict[str, str]:
        got = self._memo.get(w)
        if got is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            got = self._memo[w] = self._word(w)
        return got

    def _word(self, w: str) -> dict[str, str]:
        low = fold(w)
        stem = fold(base_form(w, self.ld)) if w[:1].isalpha() else low
        f = {"w": low, "shape": shape(w), "stem": stem, "case": case_of(w, self.ld)}
        for n in range(1, 5):
            if len(low) > n:
                f[f"p{n}"] = low[:n]
                f[f"s{n}"] = low[-n:]
        if len(stem) > 3:
            f["stem_s3"] = stem[-3:]
        return f

    def attributes(self, w: str) -> tuple[list[str], dict[int, list[str]]]:
        """A word's own attribute strings, and those it gives the words ``d`` places away
        (remembered per word: building strings is most of the time spent tagging)."""
        got = self._attrs.get(w)
        if got is None:
            f = self.word(w)
            near = {}
            for d in (-_WINDOW, -1, 1, _WINDOW):
                near[d] = [f"{d}:w={f['w']}", f"{d}:shape={f['shape']}"]
                if abs(d) == 1:
                    near[d] += [f"{d}:stem={f['stem']}", f"{d}:case={f['case']}", f"{d}:s3={f.get('s3', f['w'])}"]
            if len(self._attrs) > 200_000:
                self._attrs.clear()
            got = self._attrs[w] = (["bias"] + [f"{k}={v}" for k, v in f.items()], near)
        return got

    def sentence(self, words: list[str]) -> list[list[str]]:
        """crfsuite attribute strings for each word: its own features, its neighbours' (±2), and
        whether a title (titles.tsv) ends right before it."""
        own = [self.word(w) for w in words]
        attrs_of = [self.attributes(w) for w in words]
        titled = self._after_title(words)
        n = len(words)
        out = []
        for i, f in enumerate(own):
            attrs = list(attrs_of[i][0])
            if i == 0:
                attrs.append("first")
            if i == n - 1:
                attrs.append("last")
            if i in titled:
                attrs.append("after_title")
            if i + 1 in titled:
                attrs.append("before_title_end")
            for d in (-_WINDOW, -1, 1, _WINDOW):
                j = i + d
                attrs += attrs_of[j][1][d] if 0 <= j < n else [f"{d}:pad"]
            attrs += self._run(own, i)
            if i > 0:
                attrs.append(f"-1|0:shape={own[i - 1]['shape']}|{f['shape']}")
            if i + 1 < n:
                attrs.append(f"0|+1:shape={f['shape']}|{own[i + 1]['shape']}")
            out.append(attrs)
        return out

    @staticmethod
    def _run(own: list[dict[str, str]], i: int) -> list[str]:
        """A name longer than the window: the words around the run of capitalised (or quoted)
        words the word stands in ("« Темір баба » шекаралық", "Қарағанды ... университетінде")."""
        def inside(k: int) -> bool:
            sh = own[k]["shape"]
            return sh[:1] in ("X", "d") or sh[:1].isupper()
        if not inside(i):
            return []
        a, b = i, i + 1
        while a > 0 and i - a < 6 and inside(a - 1):
            a -= 1
        while b < len(own) and b - i < 6 and inside(b):
            b += 1
        if a > 0 and own[a - 1]["w"] == "«":
            a -= 1
        if b < len(own) and own[b]["w"] == "»":
            b += 1
        out = [f"run_len={min(b - a, 5)}", f"run_pos={min(i - a, 4)}"]
        if b < len(own):
            out += [f"run_next={own[b]['w']}", f"run_next_stem={own[b]['stem']}"]
        if a > 0:
            out += [f"run_prev={own[a - 1]['w']}"]
        return out

    def _after_title(self, words: list[str]) -> set[int]:
        """Indexes of the words right after a title ("сыртқы істер министрі | Мұрат Нұртілеу")."""
        return {b for _, a, b in self.ld.titles.find([fold(w) for w in words])}
