"""Language of the document and of each paragraph."""
from __future__ import annotations

from ..document import Document, Sentence
from ..kb import KnowledgeBase
from .clean import lines

SUPPORTED = ("az", "kk", "ru")
RECOGNISED = ("az", "kk", "ru", "ky", "uz", "tr", "en")
_KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_KY_LETTERS = set("ңөүҢӨҮ")
_AZ_LETTERS = set("əƏ")
_KK_ONLY = set("әғқұһіӘҒҚҰҺІ")  # not Kyrgyz


_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")


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

    def identify(self, text: str) -> str | None:
        # Letters counted per distinct character (str.count runs in C; a list of every letter did not).
        chars = {c for c in set(text) if c.isalpha()}
        if len(chars) < 3 and sum(map(text.count, chars)) < 3:
            return None
        # Letters only one of our languages has decide faster and better than n-grams.
        if chars & _AZ_LETTERS:
            return "az"
        kk_chars = chars & _KK_LETTERS
        if kk_chars and chars & _KK_ONLY:
            kk = sum(map(text.count, kk_chars))
            if kk / sum(map(text.count, chars)) > 0.005:
                return "kk"
        lang, _ = self.model.classify(text)
        return lang

    def __call__(self, doc: Document) -> Document:
        if not doc.lang:
            doc.lang = self.identify(doc.text[:5000]) or "und"
        doc.paragraphs = [Sentence(a, b, lang=self.identify(doc.text[a:b]) or doc.lang)
                          for a, b in paragraphs(doc.text)]
        return doc


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
