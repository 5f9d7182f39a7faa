"""The CRF name tagger: train on IOB2 sentences, load a shipped model, tag a sentence's words.

The shipped Kazakh model (``models/kk.crfsuite``) learned from KazNERD (Yeshpanov, Khassanov, Varol,
"KazNERD: Kazakh Named Entity Recognition Dataset", LREC 2022; CC BY 4.0).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import lang as langdata
from ..errors import DataError
from ..text import Token, tokenize
from .corpus import CLASSES, CONTEXT, Tagged, keep_classes, spans
from .features import WordFeatures


# The confidence of the names the pipeline takes from a tagger: in cross-validation on KazNERD's
# training part this keeps F1 (0.799 -> 0.796) and raises precision (0.82 -> 0.87); a name the tagger
# doubts ("Ұйымның", a platform, a capitalised adverb) costs an event more than a missed name.
MIN_CONFIDENCE = 0.6


@dataclass(frozen=True)
class NameSpan:
    """A name over words ``start`` .. ``end - 1`` of a sentence, of one class (PERSON, GPE, ...), and
    the least probability the model gives any of its words' tags (its confidence)."""
    start: int
    end: int
    label: str
    confidence: float = 1.0


@dataclass
class TrainingOptions:
    c1: float = 0.1  # L1: keeps the model small
    c2: float = 0.01
    max_iterations: int = 150
    min_freq: int = 1  # features seen fewer times are dropped
    # classes learned beside CLASSES so that words that look like names are not taken for them
    # ("Рождество" is an event, "Премьер-министр" a position); the tagger never reports them
    context: tuple[str, ...] = CONTEXT
    verbose: bool = False
    extra: dict = field(default_factory=dict)


class NameTagger:
    """A linear-chain CRF (CRFsuite) over ``WordFeatures`` of one language."""

    def __init__(self, lang: str, path: str | Path):
        import pycrfsuite
        self.lang = lang
        self.path = Path(path)
        if not self.path.is_file():
            raise DataError(f"no name-tagger model at {self.path}; build it with "
                            f"`communique train-names --lang {lang}`")
        self.features = WordFeatures(langdata.load(lang))
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(self.path))

    @classmethod
    def load(cls, lang: str, path: str | Path | None = None) -> "NameTagger":
        """The model at ``path``, or the one shipped in the package for ``lang``."""
        return cls(lang, path or shipped_model(lang))

    def tag_iob(self, words: list[str]) -> list[str]:
        if not words:
            return []
        return self._crf.tag(self.features.sentence(words))

    def tag_text(self, text: str, start: int = 0, end: int | None = None,
                 min_confidence: float = 0.0) -> list[tuple[int, int, str]]:
        """(start, end, class) character spans of the names in ``text[start:end]`` (one sentence)."""
        toks = pieces(text, start, end)
        out = []
        for s in self.tag([t.text for t in toks]):
            a, b = toks[s.start].start, toks[s.end - 1].end
            if s.confidence >= min_confidence and _balanced(text[a:b]):
                out.append((a, b, s.label))
        return out

    def tag(self, words: list[str]) -> list[NameSpan]:
        """The names (of ``CLASSES``) among a sentence's words."""
        tags = self.tag_iob(words)
        return [NameSpan(a, b, label, min(self._crf.marginal(tags[k], k) for k in range(a, b)))
                for a, b, label in spans(tags) if label in CLASSES]

    @staticmethod
    def train(lang: str, sentences: list[Tagged], path: str | Path,
              options: TrainingOptions | None = None) -> "NameTagger":
        """Fit a model on IOB2 sentences, write it to ``path`` and return it loaded."""
        import pycrfsuite
        options = options or TrainingOptions()
        feats = WordFeatures(langdata.load(lang))
        trainer = pycrfsuite.Trainer(verbose=options.verbose)
        for s in keep_classes(sentences, CLASSES + options.context):
            trainer.append(feats.sentence(s.words), s.tags)
        trainer.set_params({"c1": options.c1, "c2": options.c2, "max_iterations": options.max_iterations,
                            "feature.minfreq": options.min_freq,
                            "feature.possible_transitions": True, **options.extra})
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(path))
        return NameTagger(lang, path)


def pieces(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (as ``tokenize`` finds them) and each punctuation mark between them, as the annotated
    corpora split sentences ("« Нұр Отан » партиясының")."""
    end = len(text) if end is None else end
    out: list[Token] = []
    pos = start
    for t in [*tokenize(text, start, end), Token(end, end, "")]:
        out += [Token(k, k + 1, text[k]) for k in range(pos, t.start) if not text[k].isspace()]
        if t.text:
            out.append(t)
        pos = t.end
    return out


def _balanced(span: str) -> bool:
    """A name does not open a quotation it does not close ("ҚазАқпарат «Анадолы")."""
    return span.count("«") == span.count("»") and span.count('"') % 2 == 0 and span.count("“") == span.count("”")


def shipped_model(lang: str) -> Path:
    from importlib import resources
    return Path(str(resources.files("communique.names").joinpath("models", f"{lang}.crfsuite")))
