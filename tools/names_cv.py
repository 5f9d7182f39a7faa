"""4-fold cross-validation of a variant of the kk name tagger on KazNERD's training part (the
held-out fifth is not touched), per-class P/R/F1. The variant is TrainingOptions as JSON:

    python tools/names_cv.py '{"clusters": {"near": false}}'
    python tools/names_cv.py '{"gazetteer": true}'
    python tools/names_cv.py '{"phrases": true}'
"""
import json
import sys
import time
from pathlib import Path

from communique.names import training
from communique.names.clusters import ClusterOptions
from communique.names.scoring import table
from communique.names.tagger import TrainingOptions

options = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
if "clusters" in options:
    c = options["clusters"]
    options["clusters"] = ClusterOptions(**{k: tuple(v) if k == "levels" else v for k, v in c.items()})
    options["unlabelled"] = training.unlabelled_sentences("kk", Path(training.DEFAULT_DATA["az"]))
train_part, _ = training.parts("kk", training.default_data("kk"))
t = time.time()
rows = training.cross_validate("kk", train_part, TrainingOptions(**options))
print(f"{sys.argv[1:]} ({time.time() - t:.0f}s)")
print(table(rows))
