"""Derive each language's list of common words (lang/<code>/common.txt) from a corpus of news.

A word that the corpus writes mostly in lower case inside sentences is an ordinary word of the
language ("далее", "bundan", "сондай-ақ"), so the same word capitalised at the start of a sentence
is not a name on its own. Only the derived word list is written, never corpus text.

    python tools/common_words.py ../shared/corpus/raw/raw.jsonl

Input: JSON Lines with ``lang`` and ``text`` (the unlabelled raw corpus). A word enters the list
when it is seen at least MIN_LOWER times in lower case after another word of its sentence and at
least SHARE of its inside-sentence occurrences are lower case.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from communique.lang import LANGS, data_dir  # noqa: E402
from communique.text import fold, tokenize  # noqa: E402

MIN_LOWER = 1
SHARE = 0.9
# what may stand between two words of one sentence (no end of sentence, line or quotation)
_INSIDE = re.compile(r"[ ,\-–—()]*")


def counts(path: str) -> dict[str, tuple[Counter, Counter]]:
    """Per language: inside-sentence occurrences of each folded word in lower case and capitalised."""
    out = {code: (Counter(), Counter()) for code in LANGS}
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc.get("lang") not in out:
                continue
            low, cap = out[doc["lang"]]
            text = doc["text"]
            toks = tokenize(text)
            for prev, t in zip(toks, toks[1:]):
                if not t.text[:1].isalpha() or not _INSIDE.fullmatch(text[prev.end:t.start]):
                    continue
                if t.text.islower():
                    low[fold(t.text)] += 1
                elif t.text[:1].isupper() and t.text[1:].islower():
                    cap[fold(t.text)] += 1
    return out


def common(low: Counter, cap: Counter, alphabet: set[str]) -> list[str]:
    """Words of the language's own alphabet (a Latin word in a Russian text is a name or a site)."""
    return sorted(w for w, n in low.items() if n >= MIN_LOWER and n >= SHARE * (n + cap[w]) and len(w) > 1
                  and all(c in alphabet or not c.isalpha() for c in w))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    for code, (low, cap) in counts(argv[0]).items():
        alphabet = set(fold((data_dir(code) / "alphabet.txt").read_text(encoding="utf-8").strip()))
        words = common(low, cap, alphabet)
        header = (f"# Words written in lower case inside sentences ({SHARE:.0%} of their occurrences there or more, "
                  f"{MIN_LOWER} at least):\n# derived by tools/common_words.py from "
                  "the raw news corpus; no corpus text is kept. One folded word per line, sorted.\n")
        (data_dir(code) / "common.txt").write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")
        print(f"{code}: {len(words)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
