"""How far do the event figures move with the name tagger's training sample alone? A noise floor.

    python tools/tagger_spread.py [--lang kk] [--data IOB2] [--parts 5] GOLD=TEXTS [GOLD=TEXTS ...]

Trains one tagger per part of the annotated file, each on the file without that part (contiguous
parts, as names/README.md splits it), and one on the whole file (what `communique train-names`
ships), then scores every gold file given with each, reading the articles through the whole
pipeline: per tagger, the language's gold events, extracted, found (lenient) and F1. Rules change
the pipeline's output by a few events; a change no larger than the spread between these taggers,
which differ only in which sentences taught them names, is noise.

Session 16 (the eight raw samples pooled for decisions, Kazakh: 117 gold events): the five taggers
trained on four fifths found 56, 60, 56, 57 and 62; the whole file's 57.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from communique import eval as ev
from communique.names.corpus import read_conll
from communique.names.tagger import NameTagger, TrainingOptions
from communique.names.training import default_data
from communique.registry import Config, build


def without_part(sentences: list, k: int, parts: int) -> list:
    """The sentences without the k-th of ``parts`` contiguous parts (the last takes the remainder)."""
    size = len(sentences) // parts
    end = len(sentences) if k == parts - 1 else (k + 1) * size
    return sentences[:k * size] + sentences[end:]


def figures(lang: str, model: Path, pairs: list[tuple[str, str]]) -> tuple[int, int, int]:
    """(gold events, extracted, found leniently) in ``lang``'s articles of the gold files."""
    nlp = build(Config(options={"mentions": {"name_models": {lang: str(model)}}}))
    gold = extracted = found = 0
    for gold_path, texts in pairs:
        for a in ev.load_gold([gold_path], [texts]):
            if (a.gold.get("lang") or "") != lang:
                continue
            sd = nlp(ev.gold_document(a)).to_dict()
            gold += len(a.gold.get("events", []))
            extracted += len(sd.get("events", []))
            found += len(ev.match_events(a.gold, sd, ev.align(a.gold, a.text, sd), strict=False))
    return gold, extracted, found


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="kk")
    ap.add_argument("--data", help="annotated IOB2 file (default: as train-names)")
    ap.add_argument("--parts", type=int, default=5)
    ap.add_argument("--iterations", type=int, default=TrainingOptions().max_iterations)
    ap.add_argument("gold", nargs="+", help="GOLD.jsonl=ARTICLES (a file or folder of texts)")
    args = ap.parse_args(argv)
    pairs = [tuple(x.split("=", 1)) for x in args.gold]
    sentences = read_conll(Path(args.data) if args.data else default_data(args.lang))
    options = TrainingOptions(max_iterations=args.iterations)
    print(f"{'tagger':<22} {'sentences':>9} {'gold':>5} {'sys':>5} {'found':>5} {'F1':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        runs = [(f"without part {k + 1}/{args.parts}", without_part(sentences, k, args.parts))
                for k in range(args.parts)] + [("the whole file", sentences)]
        for name, part in runs:
            model = Path(tmp) / "tagger.crfsuite"
            NameTagger.train(args.lang, part, model, options)
            gold, sys_, found = figures(args.lang, model, pairs)
            f1 = 2 * found / (gold + sys_) if gold + sys_ else 0.0
            print(f"{name:<22} {len(part):>9} {gold:>5} {sys_:>5} {found:>5} {f1:>6.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
