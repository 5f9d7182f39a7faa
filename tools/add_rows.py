"""Insert rows into a sorted language data file, leaving its comment lines where they are.

    python tools/add_rows.py src/communique/lang/az/triggers.tsv $'CHAIR\tasserted\tsədri olan' ...
"""
import sys
from pathlib import Path


def add_rows(path: Path, rows: list[str]) -> None:
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    for row in rows:
        if row in lines:
            continue
        at = next((i for i, ln in enumerate(lines) if not ln.startswith("#") and ln > row), len(lines))
        lines.insert(at, row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    add_rows(Path(sys.argv[1]), sys.argv[2:])
