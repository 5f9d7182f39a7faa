"""Language of the document and of each paragraph."""
from __future__ import annotations

import re
import string
from collections import Counter
from functools import lru_cache

from ..document import Document, Sentence
from ..kb import KnowledgeBase
from ..lang import LANGS, alphabet, distinctive_letters
from .clean import lines

RECOGNISED = ("az", "kk", "ru", "ky", "uz", "tr", "en")
_AZ_LETTERS = set(distinctive_letters()["az"])
_KK_LETTERS = set(distinctive_letters()["kk"])
_KK_ONLY = _KK_LETTERS - set(distinctive_letters()["ky"])  # not Kyrgyz


_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")
# Runs that are no words of any language, each of which would outweigh the words around it and
# flip a paragraph's language (one 300k-letter token made a Kazakh paragraph Uzbek), so the
# language is decided without them: a run of word characters and combining marks longer than any
# word (the longest in the corpora has 46 characters, a file name); a run of non-space characters
# longer than any link; 32 or more tokens in a row without a letter (dots, digits, accents alone;
# the corpora have at most 7).
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_NO_LETTER = r"(?:(?!\s)[\W\d_])"
_JUNK = re.compile(rf"(?<![\w{_MARKS}])[\w{_MARKS}]{{65,}}|(?<!\S)\S{{257,}}"
                   rf"|(?<!\S)(?:{_NO_LETTER}++\s++){{31,}}{_NO_LETTER}++")
_FEW_LETTERS = 256
# Characters a language is decided on: of the document (its first ones), and of each paragraph
# (the longest in the corpora has 1,398). The classifier weighs each n-gram by the logarithm of its
# count, so on a very long paragraph the mere presence of rare n-grams outweighs the frequent ones:
# a paragraph of one Russian name repeated was Russian at 50 KB and Uzbek at 500 KB.
DOC_SAMPLE = 5000
PARAGRAPH_SAMPLE = 10_000
# Below this many letters (about ten words) n-grams cannot tell related languages of one script
# apart: a Kazakh sentence without the letters Kyrgyz lacks came out Kyrgyz, a caption of two
# Kazakh names in a Russian article Uzbek, and those paragraphs were not read at all.
_SHORT = 64
_LATIN = frozenset(string.ascii_lowercase)
# Below this share of its letters, a language's own letters may be one name's (a Kazakh text has
# about a tenth of them, an Azerbaijani one a twentieth)
_NAMES_WORTH = 0.03


class LangIdStage:
    name = "langid"
    requires = ("text",)
    provides = ("lang",)

    def __init__(self, kb: KnowledgeBase | None = None):
        self._model = None

    @property
    def model(self):
        if self._model is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier
            m = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            m.set_languages(list(RECOGNISED))
            self._model = m
        return self._model

    def identify(self, text: str, sample: int = PARAGRAPH_SAMPLE) -> str | None:
        """The language of a text, decided on the first ``sample`` characters of its words of normal
        length (``without_junk``)."""
        text = without_junk(text)[:sample]
        chars = {c for c in set(text) if c.isalpha()}
        if len(chars) < 3 and occurrences(text, chars) < 3:
            return None
        # Letters only one of our languages has decide faster and better than n-grams, where they
        # are more than a name's worth: a Kazakh or Azerbaijani name spelled in its own letters
        # ("области Жетісу", "Əliyev") in a Russian text leaves it to the n-grams.
        by_letters = None
        if chars & _AZ_LETTERS:
            by_letters, share = "az", occurrences(text, chars & _AZ_LETTERS) / occurrences(text, chars)
        elif chars & _KK_ONLY:
            share = occurrences(text, chars & _KK_LETTERS) / occurrences(text, chars)
            by_letters = "kk" if share > 0.005 else None
        if by_letters and share >= _NAMES_WORTH:
            return by_letters
        lang, _ = self.model.classify(text)
        return by_letters if by_letters and lang not in LANGS else lang

    def __call__(self, doc: Document) -> Document:
        if not doc.lang:
            doc.lang = self.identify(doc.text, DOC_SAMPLE) or "und"
        doc.paragraphs = [Sentence(a, b, lang=self.paragraph_lang(doc.text[a:b], doc.lang))
                          for a, b in paragraphs(doc.text)]
        return doc

    def paragraph_lang(self, text: str, doc_lang: str) -> str:
        """A paragraph's language: its own where it is long enough to tell, or has a letter the
        document's language lacks; else the document's."""
        found = self.identify(text) or doc_lang
        if found != doc_lang and doc_lang in LANGS:
            low = without_junk(text).lower()
            chars = {c for c in set(low) if c.isalpha()}
            # (Latin letters are neutral: a brand or a link inside Cyrillic text)
            own = _alphabet(doc_lang)
            if occurrences(low, chars) < _SHORT and chars & own and chars <= own | _LATIN:
                return doc_lang
        return found


@lru_cache(maxsize=None)
def _alphabet(code: str) -> frozenset[str]:
    return frozenset(alphabet(code))


def without_junk(text: str) -> str:
    """The text with each run that is no word (``_JUNK``) replaced by a space (the same string
    where there is none)."""
    return _JUNK.sub(" ", text)


def occurrences(text: str, chars: set[str]) -> int:
    """How many characters of the text are in ``chars``: str.count per character (in C) where
    they are few, as the letters of any language are; one Counter pass where there are many (per
    character, a text of thousands of different letters would be counted in quadratic time)."""
    if len(chars) <= _FEW_LETTERS:
        return sum(map(text.count, chars))
    return sum(n for c, n in Counter(text).items() if c in chars)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, a hard-wrapped sentence joined again: a line that ends without a sentence
    end and a next line that starts with a lower-case letter are one paragraph."""
    out: list[list[int]] = []
    for start, end, line in lines(text):
        if not line.strip():
            continue
        first = line.lstrip()[:1]
        if out and first.islower() and not text[out[-1][0]:out[-1][1]].rstrip().endswith(_SENTENCE_ENDS):
            out[-1][1] = end
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]
