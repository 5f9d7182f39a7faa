"""Script-aware text helpers: tokens with offsets, folding, transliteration keys."""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Zero-width and bidirectional controls: invisible in a browser, poison for matching.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))
# A word: letters/digits joined by inner hyphens or apostrophes ("Nyu-Yorkda", "AQEM-in"). Combining
# accents (decomposed "й", "ö") and invisible characters between letters ("Ba\u200bku") stay inside
# the word, so it is found as one token; fold() removes them from the matching key.
# Possessive quantifiers: the same matches as plain greedy ones (nothing after a word can fail),
# without the backtracking bookkeeping (tokenizing is a tenth of the pipeline).
_WORD = rf"[^\W_](?:[^\W_]++|[\u0300-\u036f\u0483-\u0489]++|[{_INVISIBLE_CHARS}]++(?=[^\W_]))*+"
_TOKEN = re.compile(rf"{_WORD}(?:[{_INVISIBLE_CHARS}]*+[-'’ʼ][{_INVISIBLE_CHARS}]*+{_WORD})*+")

_LAT2CYR = str.maketrans("aeopcxyABEKMHOPCTXy", "аеорсхуАВЕКМНОРСТХу")
_CYR2LAT = str.maketrans("аеорсхуАВЕКМНОРСТХ", "aeopcxyABEKMHOPCTX")


class Token(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


_new_tuple = tuple.__new__


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    # tuple.__new__ skips NamedTuple's Python-level __new__ (millions of tokens per run)
    return [_new_tuple(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text, start, end)]


def script_of(word: str) -> str:
    """'Cyrl', 'Latn' or '' by majority of letters."""
    cyr = lat = 0
    for ch in word:
        if ch.isalpha():
            if "CYRILLIC" in unicodedata.name(ch, ""):
                cyr += 1
            else:
                lat += 1
    if not cyr and not lat:
        return ""
    return "Cyrl" if cyr >= lat else "Latn"


def unmix(word: str) -> str:
    """Replace look-alike letters of the minority script ("Kазахстан" -> "Казахстан")."""
    script = script_of(word)
    if script == "Cyrl":
        return word.translate(_LAT2CYR)
    if script == "Latn":
        return word.translate(_CYR2LAT)
    return word


@lru_cache(maxsize=262144)
def lower(word: str) -> str:
    """Lower case that keeps Turkic dotless ı apart from i (vowel harmony needs it)."""
    word = unicodedata.normalize("NFC", word.translate(INVISIBLE)).replace("ё", "е").replace("Ё", "Е")
    # NFC again after unmix: a replaced base letter may compose with the accent after it
    word = unicodedata.normalize("NFC", unmix(word))
    word = word.replace("İ", "i").replace("I", "ı").lower()
    return _nfc(word.replace("’", "'").replace("ʼ", "'"))


@lru_cache(maxsize=262144)
def fold(word: str) -> str:
    """Case- and variant-insensitive key for matching (offsets are never taken from it)."""
    return _nfc(lower(word).replace("ı", "i"))


def _nfc(word: str) -> str:
    """Composed again after a letter was replaced: "İ"/"ı" + a combining accent have no composed
    form, "i" + it has ("ì"), so without this fold(fold(w)) could differ from fold(w)."""
    return word if unicodedata.is_normalized("NFC", word) else unicodedata.normalize("NFC", word)


# Cyrillic (ru, kk, ky) to a Latin spelling close to az/tr/uz practice.
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g",
    "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
_LAT = {"ə": "a", "ä": "a", "ı": "i", "ö": "o", "ü": "u", "ğ": "g", "ş": "sh", "ç": "ch",
        "c": "j", "x": "kh", "q": "k", "w": "v", "é": "e", "ñ": "n", "â": "a", "î": "i", "û": "u"}
# Collapse what spelling traditions write differently for the same sound.
_PHONETIC = [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("shch", "sh"), ("ts", "s"), ("ch", "c"),
             ("sh", "s"), ("yo", "o"), ("yu", "u"), ("ya", "a"), ("ye", "e"), ("y", "i"),
             ("ii", "i"), ("w", "v"), ("ph", "f")]


def latin(name: str) -> str:
    """A Cyrillic name (ru, kk, ky) in Latin letters, capitals kept: "Чжан Сяо" -> "Chzhan Syao",
    "Қайрат Сарыбай" -> "Kayrat Sarybay". The table above, not a transliteration package: cyrtranslit
    and transliterate have no Kazakh letters (Қ, Ә, Ұ ... stay Cyrillic) and write "ы" as "y'"."""
    out = []
    for ch in unicodedata.normalize("NFC", name):
        low = ch.lower()
        if low in _CYR:
            t = _CYR[low]
            out.append(t[:1].upper() + t[1:] if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def translit_key(name: str) -> str:
    """A script-neutral key: "Kayrat Sarıbay" and "Қайрат Сарыбай" give the same key."""
    out = []
    for ch in fold(name):
        if ch in _CYR:
            out.append(_CYR[ch])
        elif ch in _LAT:
            out.append(_LAT[ch])
        elif ch.isalnum():
            out.append(unicodedata.normalize("NFKD", ch)[0])
        else:
            out.append(" ")
    key = " ".join("".join(out).split())
    for a, b in _PHONETIC:
        key = key.replace(a, b)
    # Doubled letters vary between transliterations ("Moratinos"/"Mora­tinoss" rarely, "Gulnara"/"Gulnarra").
    return re.sub(r"(.)\1+", r"\1", key)


def given_name_agrees(word: str, given: set[str] | frozenset[str]) -> bool:
    """Whether a given name as written (any script, any case: "Ермекпен", "Ерлана", "Сергею") may be
    one of a person's given names (translit keys). Names inflect at the end: the forms share all but
    the last two letters of the shorter ("sergeu"/"sergei"), a different name does not ("niazi"/"jeihun").
    No known given name: nothing to contradict."""
    w = translit_key(word)
    if not given or not w:
        return True
    for g in given:
        common = len(os.path.commonprefix([w, g]))
        if common >= max(2, min(len(w), len(g)) - 2):
            return True
    return False


def initial_agrees(initial: str, given: set[str] | frozenset[str]) -> bool:
    """Whether an initial ("Р", "C", "Дж") may stand for one of a person's given names. A vowel is
    spelled too differently across scripts ("Ə"/"Э"/"E", "Е"/"Ye") to contradict anything."""
    i = translit_key(initial)
    if not given or not i or i[0] in "aeiou":
        return True
    return any(g.startswith(i) for g in given)


def opens_line(text: str, start: int) -> bool:
    """Whether only white space stands between the start of its line and ``start``."""
    return not text[text.rfind("\n", 0, start) + 1:start].strip()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", translit_key(name)).strip("-") or "x"
