"""What is each family of language rules worth on text nobody tuned it to? Data-file ablation.

    python tools/ablate_data.py GOLD=TEXTS [GOLD=TEXTS ...] [--only NAME ...] [-j 2]

Each language data file name (``lang/<code>/<name>``: ``series.tsv``, ``domestic.tsv``, ...) is
emptied in every language at once, keeping its comments, in a copy of the package; the pipeline
then scores the gold sets given, pooled. A file whose removal does not lower the pooled lenient
F1 on unread gold is a rule family that does not generalise; one whose removal lowers it earns its
place. The files every reading needs (alphabet, suffixes, months, triggers, titles, ...) are kept.

Session 14, on the six raw-sample files used for decisions (blind, probe, reserve, reserve2,
reserve3, reserve4; 475 gold events): see README, Quality.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).parent.parent
ESSENTIAL = {"alphabet.txt", "suffixes.tsv", "months.tsv", "triggers.tsv", "titles.tsv", "vowels.tsv",
             "grammar.tsv", "weekdays.tsv", "abbreviations.txt", "common.txt"}

_SCORE = """
import json, sys
from communique import eval as ev
from communique.registry import build
pipe = build()
out = []
for pair in sys.argv[1:]:
    gold, texts = pair.split("=", 1)
    arts = ev.load_gold([gold], [texts])
    r = ev.score(arts, {a.id: pipe(ev.gold_document(a)).to_dict() for a in arts})
    ls = r["langs"].values()
    out.append([sum(getattr(x, k) for x in ls) for k in ("gold_events", "sys_events", "lenient", "negative_events")]
               + [sum(x.attr[a][i] for x in ls) for a in ("date_text", "location") for i in (0, 1)])
print(json.dumps(out))
"""


def names(lang_dir: Path) -> list[str]:
    found = {p.name for code in ("az", "kk", "ru") for p in (lang_dir / code).glob("*.*")}
    return sorted(found - ESSENTIAL)


def blank(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("".join(ln + "\n" for ln in lines if ln.startswith("#")), encoding="utf-8")


def score(src: Path, sets: list[str]) -> tuple[int, ...]:
    """Pooled: gold events, extracted, lenient matches, events on negative articles, and (right, scored)
    for the date where the text or publication gives it and for the place."""
    run = subprocess.run([sys.executable, "-c", _SCORE, *sets], capture_output=True, text=True,
                         env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}, check=True)
    counts = json.loads(run.stdout.strip().splitlines()[-1])
    return tuple(sum(c[k] for c in counts) for k in range(len(counts[0])))


def ablated(name: str, sets: list[str], work: Path) -> tuple[int, ...]:
    src = work / name / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
    for path in (src / "communique" / "lang").glob(f"*/{name}"):
        blank(path)
    try:
        return score(src, sets)
    finally:
        shutil.rmtree(work / name)


def f1(gold: int, sys_: int, tp: int, *_) -> float:
    return 2 * tp / (gold + sys_) if gold + sys_ else 0.0


def line(name: str, got: tuple[int, ...], base: tuple[int, ...] | None = None) -> str:
    gold, sys_, tp, neg, date_ok, date_n, loc_ok, loc_n = got
    delta = f" ({f1(*got) - f1(*base):+.3f})" if base else ""
    return (f"{name:22} gold {gold} sys {sys_} lenient {tp} F1 {f1(*got):.3f}{delta:9} negative-article events {neg:2}  "
            f"date-t {date_ok}/{date_n}  place {loc_ok}/{loc_n}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", help="GOLD=TEXTS pairs, scored pooled")
    ap.add_argument("--only", nargs="*", help="data file names to ablate (default: all but the essential)")
    ap.add_argument("-j", type=int, default=2)
    a = ap.parse_args(argv)
    todo = a.only or names(ROOT / "src" / "communique" / "lang")
    base = score(ROOT / "src", a.sets)
    print(line("(none removed)", base), flush=True)
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(a.j) as pool:
        for name, got in zip(todo, pool.map(lambda n: ablated(n, a.sets, Path(tmp)), todo)):
            print(line(name, got, base), flush=True)


if __name__ == "__main__":
    main()
