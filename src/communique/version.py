"""The pipeline version recorded with every stored result: release + data digest."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import __version__


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    root = Path(str(resources.files("communique")))
    h = hashlib.sha1()
    for folder in ("lang", "kb/data"):
        for f in sorted((root / folder).rglob("*")):
            if f.is_file() and f.suffix in (".tsv", ".txt"):
                h.update(f.relative_to(root).as_posix().encode())
                h.update(f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:8]}"
