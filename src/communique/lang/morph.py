"""Suffix handling for Turkic names: "Azərbaycanın" -> "Azərbaycan", "АӨСШК-тің" -> "АӨСШК".

Two uses: ``candidates`` lists every stem a word could have (a dictionary
lookup then decides), ``base_form`` strips only what the rules say is certainly
a suffix, for names no dictionary knows ("Bakı" is not "Bak", "Uqanda" is not
"Uqand").
"""
from __future__ import annotations

from ..text import lower
from . import LangData, Suffix

_MAX_DEPTH = 2


def _is_vowel(ch: str, ld: LangData) -> bool:
    return ch in ld.vowels


def _last_vowel_class(stem: str, ld: LangData) -> set[str]:
    for ch in reversed(stem):
        if ch in ld.vowels:
            cls = ld.vowels[ch][0]
            # Kazakh takes back suffixes after Russian -ев/-ов/-ин names (Тоқаевтың).
            if ld.code == "kk" and ch in "еи":
                return {"back", "front"}
            return {cls} if cls in ("back", "front") else {"back", "front"}
    return {"back", "front"}


def _fits(stem: str, suf: Suffix, ld: LangData, strict: bool) -> bool:
    if len(stem) < 2 or not any(c.isalpha() for c in stem):
        return False
    if not strict:
        return True
    last = stem[-1]
    if suf.after == "V" and not _is_vowel(last, ld):
        return False
    if suf.after == "C" and (_is_vowel(last, ld) or not last.isalpha()):
        return False
    if suf.after == "P" and not any(stem.endswith(s.text) for s in ld.suffixes if s.case == "poss3"):
        return False
    return suf.harmony == "*" or suf.harmony in _last_vowel_class(stem, ld)


def _strip_once(word: str, ld: LangData, strict: bool) -> list[tuple[str, str]]:
    out = []
    if "-" in word:  # "AQEM-in", "Uqanda-ya": a hyphen marks the suffix boundary for certain
        head, _, tail = word.rpartition("-")
        if any(s.text == tail for s in ld.suffixes) or _chain(tail, ld):
            out.append((head, tail))
    for suf in ld.suffixes:
        if word.endswith(suf.text) and len(word) > len(suf.text):
            stem = word[: -len(suf.text)]
            if stem.endswith("-"):
                continue
            if _fits(stem, suf, ld, strict):
                out.append((stem, suf.text))
    return out


def _chain(tail: str, ld: LangData) -> bool:
    """A hyphenated tail that is two suffixes in a row ("AQEM-indəki")."""
    return any(tail.startswith(s.text) and any(tail[len(s.text):] == t.text for t in ld.suffixes)
               for s in ld.suffixes)


def candidates(word: str, ld: LangData) -> list[str]:
    """Every possible stem of a lower-cased word, the word itself first, then longer stems first."""
    seen = [word]
    frontier = [word]
    for _ in range(_MAX_DEPTH):
        nxt = []
        for w in frontier:
            for stem, _ in _strip_once(w, ld, strict=False):
                if stem not in seen:
                    seen.append(stem)
                    nxt.append(stem)
        frontier = nxt
    return [seen[0]] + sorted(seen[1:], key=len, reverse=True)


# A person's name rarely stands in the locative ("Uqanda" is a name, not "Uqan" + -da),
# and a possessive ending is part of a name ("Respublikası"), not a case to strip.
_NOT_AFTER_PERSONS = ("loc", "rel", "poss3", "plural")


def base_form(word: str, ld: LangData) -> str:
    """Strip the case/possessive suffixes a person's name certainly carries, keeping its spelling
    (remembered per language: asked for most capitalised words)."""
    memo = ld.memo.setdefault("base_form", {})
    got = memo.get(word)
    if got is None:
        if len(memo) > 100_000:
            memo.clear()
        got = memo[word] = _base_form(word, ld)
    return got


def _base_form(word: str, ld: LangData) -> str:
    if not ld.suffixes:
        return word
    cur = word
    for _ in range(1):  # one case ending: a second strip cuts into the name ("Azərbaycanın")
        folded = lower(cur)
        cases = {x.text: x.case for x in ld.suffixes}
        options = [(s, t) for s, t in _strip_once(folded, ld, strict=True)
                   if (len(t) >= 2 or folded[len(s):len(s) + 1] == "-") and len(s) >= 3
                   and (cases.get(t) not in _NOT_AFTER_PERSONS or folded[len(s):len(s) + 1] == "-")]
        if not options:
            break
        # "Azərbaycan-ın" or "Azərbayca-nın"? Names ending in a consonant are the commoner reading.
        stem, tail = min(options, key=lambda o: len(o[1]))
        cur = cur[: len(cur) - len(tail)].rstrip("-")
    return cur
