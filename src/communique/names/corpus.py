"""Annotated sentences for the name tagger: reading CoNLL/IOB2 files and the held-out split.

KazNERD (Yeshpanov, Khassanov, Varol, "KazNERD: Kazakh Named Entity Recognition Dataset",
LREC 2022; CC BY 4.0) comes as one ``token TAG`` per line and a blank line between sentences,
tagged with 25 classes; the tagger learns the four that name participants of diplomatic events.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

CLASSES = ("PERSON", "GPE", "LOCATION", "ORGANISATION")
# KazNERD's other classes of capitalised names: learned too, so that their words are not taken for
# the four above (in cross-validation on the training part, F1 over the four 0.810 -> 0.818)
CONTEXT = ("POSITION", "NORP", "FACILITY", "EVENT", "PROJECT", "ART", "LAW", "PRODUCT", "MISCELLANEOUS",
           "LANGUAGE", "DISEASE")
# The last fifth of the file is held out for evaluation; the first four fifths train. KazNERD keeps
# the variants of a sentence (numbers spelled out, in digits, names in Latin script) next to each
# other, so holding out every n-th sentence would test on near-copies of training sentences.
HELD_OUT_SHARE = 0.2


@dataclass
class Tagged:
    """One sentence: its words and their IOB2 tags."""
    words: list[str]
    tags: list[str]


def keep_classes(sentences: list[Tagged], classes: tuple[str, ...]) -> list[Tagged]:
    """The sentences with the tags of other classes made O ('B-GPE' stays, 'I-DATE' becomes 'O')."""
    return [Tagged(s.words, [t if t[2:] in classes else "O" for t in s.tags]) for s in sentences]


def read_conll(path: str | Path) -> list[Tagged]:
    """Sentences of a CoNLL file (``word TAG`` per line, a blank line between sentences)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), "no such file; pass --data PATH (a CoNLL/IOB2 file)")
    out, words, tags = [], [], []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if words:
                out.append(Tagged(words, tags))
                words, tags = [], []
            continue
        word, sep, tag = line.rstrip().rpartition(" ")
        if not sep or not (tag == "O" or tag[:2] in ("B-", "I-")):
            raise InputError(f"{p}:{n}", f"expected 'word TAG' with an IOB2 tag, got {line!r}")
        words.append(word)
        tags.append(tag)
    if words:
        out.append(Tagged(words, tags))
    return out


def write_conll(sentences: list[Tagged], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            f.writelines(f"{w} {t}\n" for w, t in zip(s.words, s.tags))
            f.write("\n")


def split(sentences: list[Tagged], share: float = HELD_OUT_SHARE) -> tuple[list[Tagged], list[Tagged]]:
    """(training part, held-out part): the held-out part is the last ``share`` of the sentences."""
    cut = int(len(sentences) * (1 - share))
    return sentences[:cut], sentences[cut:]


def folds(sentences: list[Tagged], k: int) -> list[tuple[list[Tagged], list[Tagged]]]:
    """k (training, testing) pairs over contiguous blocks, for tuning inside a training part."""
    size = -(-len(sentences) // k)
    return [(sentences[:i] + sentences[i + size:], sentences[i:i + size]) for i in range(0, len(sentences), size)]


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, one past the last, class) of each name, read as seqeval reads IOB2: an I- tag
    that does not continue a name of its class starts one."""
    out: list[tuple[int, int, str]] = []
    start, label = None, None
    for k, tag in enumerate([*tags, "O"]):
        kind = tag[2:]
        if start is not None and (tag[:2] != "I-" or kind != label):
            out.append((start, k, label))
            start, label = None, None
        if tag != "O" and start is None:
            start, label = k, kind
    return out


def iob(n: int, names) -> list[str]:
    """IOB2 tags of ``n`` words from names with ``start``, ``end`` and ``label``."""
    tags = ["O"] * n
    for x in names:
        tags[x.start:x.end] = [f"B-{x.label}"] + [f"I-{x.label}"] * (x.end - x.start - 1)
    return tags
