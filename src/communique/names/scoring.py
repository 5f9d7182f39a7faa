"""Exact-span precision, recall and F1 per class, as seqeval scores IOB2 (a name counts when its
first word, last word and class all match)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .corpus import spans

PLACE = ("GPE", "LOCATION")  # also scored together: which of the two a place is matters less


@dataclass
class ClassScore:
    label: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[list[str]], predicted: list[list[str]], classes: tuple[str, ...]) -> list[ClassScore]:
    """One row per class, then GPE+LOCATION as one class of places (when both are scored), then all."""
    counts = {k: Counter() for k in (*classes, "GPE+LOCATION", "all")}

    def add(key: str, g: set, p: set) -> None:
        counts[key].update(tp=len(g & p), fp=len(p - g), fn=len(g - p))

    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g = {x for x in spans(g_tags) if x[2] in classes}
        p = {x for x in spans(p_tags) if x[2] in classes}
        for c in classes:
            add(c, {x for x in g if x[2] == c}, {x for x in p if x[2] == c})
        add("GPE+LOCATION", {x[:2] for x in g if x[2] in PLACE}, {x[:2] for x in p if x[2] in PLACE})
        add("all", g, p)
    rows = [*classes, "GPE+LOCATION", "all"] if all(c in classes for c in PLACE) else [*classes, "all"]
    return [ClassScore(k, counts[k]["tp"], counts[k]["fp"], counts[k]["fn"]) for k in rows]


def table(rows: list[ClassScore]) -> str:
    lines = [f"{'class':14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    lines += [f"{r.label:14} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} {r.tp + r.fn:6d}" for r in rows]
    return "\n".join(lines)
