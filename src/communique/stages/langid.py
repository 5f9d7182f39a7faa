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
        letters = [c for c in text if c.isalpha()]
        if len(letters) < 3:
            return None
        chars = set(letters)
        # Letters only one of our languages has decide faster and better than n-grams.
        if chars & _AZ_LETTERS:
            return "az"
        kk = sum(c in _KK_LETTERS for c in letters)
        if kk and kk / len(letters) > 0.005 and chars & set("әғқұһіӘҒҚҰҺІ"):
            return "kk"
        lang, _ = self.model.classify(text)
        return lang

    def __call__(self, doc: Document) -> Document:
        if not doc.lang:
            doc.lang = self.identify(doc.text[:5000]) or "und"
        doc.paragraphs = []
        for start, end, line in lines(doc.text):
            if line.strip():
                doc.paragraphs.append(Sentence(start, end, lang=self.identify(line) or doc.lang))
        return doc
