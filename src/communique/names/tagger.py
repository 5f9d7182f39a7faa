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
from .features import WordFeatures, org_heads


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
    # "BILOU": the last word of a name (L-) and a one-word name (U-) have tags of their own, which the
    # head noun ending an organisation's name needs (4-fold CV on the training part: ORGANISATION F1
    # 0.681 -> 0.697 with the same features); "IOB2" as the corpus is tagged
    scheme: str = "BILOU"
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
        heads = self.path.with_suffix(".heads")
        heads = frozenset(heads.read_text(encoding="utf-8").split()) if heads.is_file() else frozenset()
        self.features = WordFeatures(langdata.load(lang), heads)
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(self.path))

    @classmethod
    def load(cls, lang: str, path: str | Path | None = None) -> "NameTagger":
        """The model at ``path``, or the one shipped in the package for ``lang``."""
        return cls(lang, path or shipped_model(lang))

    def tag_iob(self, words: list[str]) -> list[str]:
        if not words:
            return []
        return [iob2(t) for t in self._tag_raw(words)]

    def _tag_raw(self, words: list[str]) -> list[str]:
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
        if not words:
            return []
        raw = self._tag_raw(words)
        return [NameSpan(a, b, label, min(self._crf.marginal(raw[k], k) for k in range(a, b)))
                for a, b, label in spans([iob2(t) for t in raw]) if label in CLASSES]

    @staticmethod
    def train(lang: str, sentences: list[Tagged], path: str | Path,
              options: TrainingOptions | None = None) -> "NameTagger":
        """Fit a model on IOB2 sentences, write it to ``path`` and return it loaded."""
        import pycrfsuite
        options = options or TrainingOptions()
        ld = langdata.load(lang)
        heads = org_heads(sentences, ld)
        heads_file = Path(path).with_suffix(".heads")
        if heads:
            heads_file.write_text("\n".join(sorted(heads)) + "\n", encoding="utf-8")
        elif heads_file.is_file():
            heads_file.unlink()
        feats = WordFeatures(ld, heads)
        trainer = pycrfsuite.Trainer(verbose=options.verbose)
        for s in keep_classes(sentences, CLASSES + options.context):
            tags = bilou(s.tags) if options.scheme == "BILOU" else s.tags
            trainer.append(feats.sentence(s.words), tags)
        trainer.set_params({"c1": options.c1, "c2": options.c2, "max_iterations": options.max_iterations,
                            "feature.minfreq": options.min_freq,
                            "feature.possible_transitions": True, **options.extra})
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(path))
        return NameTagger(lang, path)


def bilou(tags: list[str]) -> list[str]:
    """IOB2 tags as BILOU: the last word of a name L-, a one-word name U-."""
    out = []
    for k, t in enumerate(tags):
        nxt = tags[k + 1] if k + 1 < len(tags) else "O"
        ends = nxt != f"I-{t[2:]}"
        if t.startswith("B-") and ends:
            t = "U-" + t[2:]
        elif t.startswith("I-") and ends:
            t = "L-" + t[2:]
        out.append(t)
    return out


def iob2(tag: str) -> str:
    """A BILOU (or IOB2) tag as IOB2."""
    return {"U": "B", "L": "I"}.get(tag[:1], tag[:1]) + tag[1:] if tag != "O" else tag


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
