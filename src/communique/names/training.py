"""Training and evaluating a language's name tagger: what ``communique train-names`` and
``communique eval-names`` run."""
from __future__ import annotations

import dataclasses
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .corpus import CLASSES, Tagged, folds, iob, read_conll, split
from .scoring import ClassScore, score
from .tagger import NameTagger, TrainingOptions, shipped_model

# What each language's tagger learns from, relative to the repository root (the shared corpus sits
# beside it): an annotated CoNLL file (kk: KazNERD), or the corpus folder silver spans are made from (az).
DEFAULT_DATA = {"kk": "../shared/corpus/external/kaznerd/IOB2_valid.txt", "az": "../shared/corpus"}
# (c1, c2) tried by --tune; the shipped kk model uses TrainingOptions' defaults, the best of these in
# 4-fold cross-validation on its training part (all within 0.005 F1 of each other)
GRID = [(0.1, 0.01), (0.05, 0.05), (0.2, 0.005), (0.02, 0.1)]


def default_data(lang: str) -> Path:
    if lang not in DEFAULT_DATA:
        from ..errors import InputError
        raise InputError(lang, "no default training data for this language; pass --data PATH")
    return Path(DEFAULT_DATA[lang])


def parts(lang: str, data: Path) -> tuple[list[Tagged], list[Tagged]]:
    """(training part, held-out part) of a CoNLL file (its last fifth held out), or of silver spans
    over a corpus folder (``silver.silver_parts``)."""
    if data.is_dir():
        from .silver import silver_parts
        return silver_parts(lang, data)
    return split(read_conll(data))


def evaluate(tagger: NameTagger, sentences: list[Tagged], min_confidence: float = 0.0) -> list[ClassScore]:
    """Scores of the names the tagger reports with at least ``min_confidence``."""
    predicted = [iob(len(s.words), [x for x in tagger.tag(s.words) if x.confidence >= min_confidence])
                 for s in sentences]
    return score([s.tags for s in sentences], predicted, CLASSES)


def _fold_score(args) -> list[ClassScore]:
    lang, train, test, options = args
    with tempfile.TemporaryDirectory() as tmp:
        return evaluate(NameTagger.train(lang, train, Path(tmp) / "fold.crfsuite", options), test)


def cross_validate(lang: str, sentences: list[Tagged], options: TrainingOptions, k: int = 4,
                   jobs: int = 1) -> list[ClassScore]:
    """Scores summed over k contiguous folds of ``sentences`` (the training part only)."""
    work = [(lang, train, test, options) for train, test in folds(sentences, k)]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_fold_score, work))
    else:
        results = [_fold_score(w) for w in work]
    return [ClassScore(r[0].label, sum(x.tp for x in r), sum(x.fp for x in r), sum(x.fn for x in r))
            for r in zip(*results)]


def tune(lang: str, sentences: list[Tagged], base: TrainingOptions, grid: list[tuple[float, float]],
         k: int = 4, jobs: int = 1, log=print) -> TrainingOptions:
    """The (c1, c2) of ``grid`` with the best F1 over all classes in cross-validation."""
    best, best_f1 = base, -1.0
    for c1, c2 in grid:
        opts = dataclasses.replace(base, c1=c1, c2=c2)
        f1 = next(r.f1 for r in cross_validate(lang, sentences, opts, k, jobs) if r.label == "all")
        log(f"c1={c1} c2={c2}: F1 {f1:.3f} over {k} folds of the training part")
        if f1 > best_f1:
            best, best_f1 = opts, f1
    return best


def train(lang: str, data: Path, out: Path | None = None, options: TrainingOptions | None = None,
          grid: list[tuple[float, float]] | None = None, jobs: int = 1, log=print,
          whole: bool = True) -> NameTagger:
    """Train the model (by default the one the package ships), c1/c2 tuned inside the training part
    when ``grid`` is given. ``whole`` learns from every sentence of ``data``, the held-out part
    included, once the choices are made: the shipped model then knows a quarter more names than the
    one measured (``measuring_model``), which KazNERD's test split rewards (in the learning curve on
    the held-out fifth, half to three quarters to all of the training part gave F1 0.796, 0.827, 0.843)."""
    train_part, held = parts(lang, data)
    options = options or TrainingOptions()
    if grid:
        options = tune(lang, train_part, options, grid, jobs=jobs, log=log)
    if out is None and not shipped_model(lang).is_file():
        from ..errors import InputError
        raise InputError(lang, f"no model ships for this language; pass -o PATH (writing {shipped_model(lang)} "
                               "makes the pipeline use it)")
    out = out or shipped_model(lang)
    sentences = train_part + held if whole else train_part
    what = "all" if whole else "the training part's"
    log(f"training on {what} {len(sentences)} sentences (c1={options.c1}, c2={options.c2}) -> {out}")
    return NameTagger.train(lang, sentences, out, options)


def measuring_model(lang: str, sentences: list[Tagged], folder: str, log=print) -> Path:
    """A model that never saw the sentences it will be scored on: trained, as the shipped one is,
    on ``sentences`` alone (about a minute for KazNERD's training part)."""
    path = Path(folder) / f"{lang}-measured.crfsuite"
    log(f"training a tagger on {len(sentences)} sentences, none of those scored ({path.name})")
    NameTagger.train(lang, sentences, path, TrainingOptions())
    return path


def held_out_scores(lang: str, data: Path, model: Path | None = None,
                    min_confidence: float = 0.0, log=print) -> list[ClassScore]:
    """Per-class scores of a model on the held-out part of ``data``: ``model``, or one trained on the
    training part alone (the shipped model has seen the held-out part)."""
    train_part, held = parts(lang, data)
    with tempfile.TemporaryDirectory() as tmp:
        path = model or measuring_model(lang, train_part, tmp, log)
        return evaluate(NameTagger.load(lang, path), held, min_confidence)


# The pipeline's mention types as the tagger's classes: a state or a place is a place (GPE);
# adjectives and demonyms ("қазақстандық") are no names of places (KazNERD: NORP)
_PIPELINE_CLASSES = {"person": "PERSON", "organization": "ORGANISATION", "country": "GPE", "location": "GPE"}


def pipeline_scores(lang: str, data: Path, fold: int | None = None, log=print) -> list[ClassScore]:
    """Per-class scores of the whole mention stage (knowledge base, cues, a tagger trained on the
    training part alone, as the shipped one is but without the held-out part) on the held-out part
    of ``data``: each sentence is read as an article of its own, places scored as one
    class (GPE+LOCATION), as a user of the pipeline meets them.

    ``fold`` (1-4) scores instead one contiguous quarter of the training part, read by a tagger
    trained on the other three: a check of the stage's rules on sentences nobody read while writing
    them (the held-out part has been read, error by error, to find what the rules miss)."""
    from ..document import Document
    from ..registry import Config, build
    rest, held = parts(lang, data)
    with tempfile.TemporaryDirectory() as tmp:
        if fold is not None:
            quarters = folds(rest, 4)
            if not 1 <= fold <= len(quarters):
                from ..errors import InputError
                raise InputError(str(fold), f"no such fold: 1 to {len(quarters)}")
            rest, held = quarters[fold - 1]
            log(f"scoring the mention stage on {len(held)} sentences (fold {fold})")
        options = {"mentions": {"name_models": {lang: str(measuring_model(lang, rest, tmp, log))}}}
        nlp = build(Config(stages=("clean", "langid", "segment", "mentions", "linking"), options=options))
        gold, predicted = [], []
        for k, s in enumerate(held):
            starts, pos = [], 0
            for w in s.words:
                starts.append(pos)
                pos += len(w) + 1
            doc = nlp(Document(f"held-out-{k}", " ".join(s.words), lang=lang))
            tags = ["O"] * len(s.words)
            for m in sorted(doc.mentions, key=lambda m: (m.start, -m.end)):
                # a state named by no name of its own (an adjective, a demonym, "our country") is none of KazNERD's
                label = _PIPELINE_CLASSES.get(m.type) if m.kind not in ("adjective", "demonym", "deixis") else None
                i = max(j for j, st in enumerate(starts) if st <= m.start)
                j = max(j for j, st in enumerate(starts) if st < m.end) + 1
                if label and all(t == "O" for t in tags[i:j]):
                    tags[i:j] = [f"B-{label}"] + [f"I-{label}"] * (j - i - 1)
            gold.append([t.replace("LOCATION", "GPE") if t[2:] in ("GPE", "LOCATION") else t for t in s.tags])
            predicted.append(tags)
    return score(gold, predicted, ("PERSON", "GPE", "ORGANISATION"))
