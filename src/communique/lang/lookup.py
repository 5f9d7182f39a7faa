"""The forms a written name may stand for, with the morphology the extraction reads text with:
"Əliyevlə" may be "Əliyev", "Тоқаевқа" "Тоқаев", "Алиевым" "Алиев". The query layer looks names
up through ``name_keys``; the mention stage's matchers take their stems from ``word_stems``.
"""
from __future__ import annotations

from functools import lru_cache

from ..text import fold, lower, script_of, tokenize
from . import load
from .grammar import grammar
from .morph import candidates

# Which languages' morphology may have inflected a word of a script: az is written in Latin,
# kk and ru in Cyrillic.
_BY_SCRIPT = {"Latn": ("az",), "Cyrl": ("kk", "ru")}


@lru_cache(maxsize=1)
def russian_morph():
    """The Russian lemmatiser of the mention stage, built once per process (it loads a dictionary)."""
    from ..stages.mentions import RussianMorph
    return RussianMorph()


def word_stems(word: str, code: str) -> list[str]:
    """Folded forms a word may stand for in language ``code``, the word itself first: Turkic
    suffix candidates (az, kk) or Russian lemmas (ru)."""
    g = grammar(code)
    if g.lemmatised:
        return list(dict.fromkeys([fold(word), *russian_morph().lemmas(word)]))
    if g.names_inflect:
        return [c.replace("ı", "i") for c in candidates(lower(word), load(code))]
    return [fold(word)]


def name_keys(name: str) -> list[tuple[str, ...]]:
    """Keys (folded tokens, as ``KnowledgeBase.lookup`` takes them) the name may stand for, the name
    as written first. Only the last word of a Turkic name inflects; every word of a Russian one does."""
    words = [t.text for t in tokenize(name)]
    if not words:
        return []
    keys = [tuple(fold(w) for w in words)]
    head = keys[0][:-1]
    for code in _BY_SCRIPT.get(script_of(words[-1]) or "", ()):
        if grammar(code).lemmatised:
            keys.append(tuple(russian_morph().lemma(w) for w in words))
        else:
            keys += [head + (stem,) for stem in word_stems(words[-1], code)[1:]]
    return list(dict.fromkeys(keys))
