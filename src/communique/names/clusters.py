"""Word clusters learned without labels, for the name tagger: words that stand in the same contexts
("министрлігі", "комитеті", "агенттігі") share a cluster id, so that a word the annotated sentences
never tagged gets the weight its cluster earned.

A word's vector is its row of a PPMI-weighted matrix of the words one and two places to its left
and right (the commonest words only), cut to ``dims`` dimensions by a randomized SVD; spherical
k-means on those vectors then gives the clusters at several granularities (``levels``). Built by
``communique train-names --clusters`` from the training sentences and the raw corpus's texts of the
language, and written beside the model (``models/<code>.clusters``: one word a line, its ids after it).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..text import fold


@dataclass
class ClusterOptions:
    levels: tuple[int, ...] = (32, 128, 512)
    dims: int = 100
    min_count: int = 3  # words seen fewer times get no cluster of their own
    contexts: int = 1000  # the commonest words, counted as contexts at each offset
    iterations: int = 25
    seed: int = 0
    stems: bool = False  # cluster the stems of words (``base_form``), not their inflected forms
    reach: bool = False  # also the clusters of the word after a capitalised run and of the word 3 ahead
    near: bool = False  # also the clusters of the words +-2 around


@dataclass
class WordClusters:
    """Cluster ids (one per level, coarse first) of folded word forms."""
    levels: tuple[int, ...]
    ids: dict[str, tuple[int, ...]] = field(default_factory=dict)
    stems: bool = False
    reach: bool = False
    near: bool = True

    def of(self, word: str) -> tuple[int, ...] | None:
        return self.ids.get(word)

    def write(self, path: str | Path) -> None:
        with open(path, "w", encoding="utf-8") as f:
            f.write("# word clusters: " + json.dumps({"levels": list(self.levels), "stems": self.stems,
                                                                "reach": self.reach, "near": self.near}) + "\n")
            f.writelines(w + "\t" + "\t".join(map(str, ids)) + "\n" for w, ids in sorted(self.ids.items()))

    @classmethod
    def read(cls, path: str | Path) -> WordClusters:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        head = json.loads(lines[0].partition(":")[2])
        levels = tuple(head["levels"])
        ids = {}
        for line in lines[1:]:
            w, *rest = line.split("\t")
            ids[w] = tuple(int(x) for x in rest)
        return cls(levels, ids, head.get("stems", False), head.get("reach", False), head.get("near", True))


def build(sentences: list[list[str]], options: ClusterOptions | None = None) -> WordClusters:
    """Clusters of the words seen at least ``min_count`` times in ``sentences`` (lists of words)."""
    import numpy as np
    options = options or ClusterOptions()
    sents = [[fold(w) for w in s] for s in sentences]
    if options.stems:
        from .. import lang as langdata
        from ..lang.morph import base_form
        ld = langdata.load("kk")
        sents = [[fold(base_form(w, ld)) if w[:1].isalpha() else w for w in s] for s in sents]
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, n in counts.most_common() if n >= options.min_count]
    index = {w: k for k, w in enumerate(vocab)}
    ctx = {w: k for k, w in enumerate(vocab[:options.contexts])}
    offsets = (-2, -1, 1, 2)
    rows, cols = [], []
    for s in sents:
        for i, w in enumerate(s):
            r = index.get(w)
            if r is None:
                continue
            for n, d in enumerate(offsets):
                j = i + d
                c = ctx.get(s[j]) if 0 <= j < len(s) else None
                if c is not None:
                    rows.append(r)
                    cols.append(n * len(ctx) + c)
    m = np.zeros((len(vocab), len(offsets) * len(ctx)), dtype=np.float64)
    np.add.at(m, (np.array(rows), np.array(cols)), 1.0)
    vectors = _svd(_ppmi(m), options.dims, options.seed)
    ids = [_kmeans(vectors, k, options.iterations, options.seed) for k in options.levels]
    return WordClusters(options.levels, {w: tuple(int(x[n]) for x in ids) for n, w in enumerate(vocab)},
                        options.stems, options.reach, options.near)


def _ppmi(m):
    """Positive pointwise mutual information, the contexts' counts smoothed (power 0.75)."""
    import numpy as np
    total = m.sum()
    pw = m.sum(axis=1, keepdims=True) / total
    pc = m.sum(axis=0, keepdims=True) ** 0.75
    pc = pc / pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((m / total) / (pw * pc))
    pmi[~np.isfinite(pmi)] = 0.0
    return np.maximum(pmi, 0.0)


def _svd(m, dims: int, seed: int):
    """Rows of ``m`` in ``dims`` dimensions (randomized SVD, two power iterations), unit length."""
    import numpy as np
    rng = np.random.default_rng(seed)
    dims = min(dims, min(m.shape) - 1)
    q, _ = np.linalg.qr(m @ rng.standard_normal((m.shape[1], dims + 10)))
    for _ in range(2):
        q, _ = np.linalg.qr(m @ (m.T @ q))
    u, s, _ = np.linalg.svd(q.T @ m, full_matrices=False)
    v = (q @ u[:, :dims]) * np.sqrt(s[:dims])
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)


def _kmeans(x, k: int, iterations: int, seed: int):
    """Spherical k-means (cosine) of unit rows; the commonest words seed the centres (rows come
    most frequent first), k-means++ style among them."""
    import numpy as np
    rng = np.random.default_rng(seed)
    k = min(k, len(x))
    centres = [x[0]]
    best = 1.0 - x @ x[0]
    for _ in range(k - 1):
        p = np.maximum(best, 0) ** 2
        c = x[rng.choice(len(x), p=p / p.sum())] if p.sum() > 0 else x[rng.integers(len(x))]
        centres.append(c)
        best = np.minimum(best, 1.0 - x @ c)
    centres = np.array(centres)
    assign = np.zeros(len(x), dtype=int)
    for _ in range(iterations):
        new = np.argmax(x @ centres.T, axis=1)
        if (new == assign).all() and _ > 0:
            break
        assign = new
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.sum(axis=0)
                centres[c] = v / max(np.linalg.norm(v), 1e-12)
    return assign
