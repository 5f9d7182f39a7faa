"""An analyst's corrections: merge, split, alias, rename, Wikidata id.

Each correction is written to the curated overlay folder (TSV files with the
same layout as ``kb/data``), which the pipeline loads after the shipped data,
so corrections survive re-processing; and it is applied to the database at
once, so queries see it immediately.
"""
from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from ..errors import CommuniqueError, NotFound
from . import TYPES, KnowledgeBase, current, overlay_dir

FILES = {
    "curated.entities.tsv": ("id", "type", "label", "wikidata"),
    "curated.aliases.tsv": ("id", "lang", "alias", "kind"),
    "same_as.tsv": ("id", "same_as"),
    "removed_aliases.tsv": ("id", "lang", "alias"),
}
_QID = re.compile(r"^Q[1-9]\d*$")


class CurationError(CommuniqueError):
    """A correction that cannot be applied as asked."""


class Curator:
    """Corrections written to the overlay ``folder`` and applied to ``store``. ``kb`` is the
    knowledge base they are checked against (a ``KnowledgeBase`` or a function returning the
    current one); without it, the store's."""

    def __init__(self, store=None, folder: str | None = None,
                 kb: KnowledgeBase | Callable[[], KnowledgeBase] | None = None):
        self.store = store
        self.folder = overlay_dir(folder)
        self._kb = kb

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is not None:
            return current(self._kb)
        if self.store is None:
            raise TypeError("this correction checks the knowledge base: give the Curator a store or kb=")
        return self.store.kb

    # -- overlay files -------------------------------------------------------
    def _rows(self, name: str) -> list[dict[str, str]]:
        path = self.folder / name
        if not path.exists():
            return []
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

    def _write(self, name: str, rows: list[dict[str, str]]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / (name + ".tmp")
        with tmp.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=FILES[name], delimiter="\t", quoting=csv.QUOTE_NONE,
                               lineterminator="\n", escapechar="\\")
            w.writeheader()
            w.writerows(sorted(rows, key=lambda r: tuple(r.values())))
        tmp.replace(self.folder / name)  # atomic: a crash leaves the old file or the new one

    def _append(self, name: str, row: dict[str, str]) -> None:
        rows = [r for r in self._rows(name) if r != row]
        self._write(name, rows + [row])

    # -- what an id names ----------------------------------------------------
    def _describe(self, eid: str) -> dict[str, str]:
        kbe = self.kb.get(eid)
        if kbe:
            return {"id": kbe.id, "type": kbe.type, "label": kbe.label, "wikidata": kbe.wikidata}
        row = _queries().entity_row(self.store, eid) if self.store else None
        if row:
            return row
        raise NotFound(f"no entity {eid!r}; find ids with `communique entity NAME`")

    def _upsert_entity(self, eid: str, **changes: str) -> None:
        cur = {**self._describe(eid), **changes}
        cur = {k: cur.get(k) or "" for k in FILES["curated.entities.tsv"]}
        rows = [r for r in self._rows("curated.entities.tsv") if r["id"] != eid]
        self._write("curated.entities.tsv", rows + [cur])

    # -- corrections ---------------------------------------------------------
    def merge(self, src: str, dst: str) -> None:
        if src == dst:
            raise CurationError("cannot merge an entity into itself")
        a, b = self._describe(src), self._describe(dst)
        if a["type"] != b["type"]:
            raise CurationError(f"{src} is a {a['type']} and {dst} a {b['type']}; only entities of one type merge")
        kb = self.kb
        if kb.canonical(dst) == src:
            raise CurationError(f"{dst} is already merged into {src}; split them first")
        if not kb.get(dst):
            self._upsert_entity(dst)
        self._append("same_as.tsv", {"id": src, "same_as": dst})
        if self.store:
            self.store.merge_entities(src, dst)

    def split(self, eid: str, alias: str, new_id: str | None = None, label: str | None = None,
              lang: str = "und") -> str:
        """Mentions named ``alias`` leave ``eid`` for a new entity (two people under one name)."""
        cur = self._describe(eid)
        from ..text import slug
        new_id = new_id or f"curated:{cur['type']}:{slug(label or alias)}"
        if new_id == eid:
            raise CurationError("the new id must differ from the entity being split")
        rows = [r for r in self._rows("curated.entities.tsv") if r["id"] != new_id]
        self._write("curated.entities.tsv", rows + [{"id": new_id, "type": cur["type"], "label": label or alias,
                                                     "wikidata": ""}])
        self._append("curated.aliases.tsv", {"id": new_id, "lang": lang, "alias": alias, "kind": "name"})
        self._remove_alias_everywhere(eid, alias)
        if self.store:
            self.store.split_entity(eid, alias, new_id, cur["type"], label or alias)
        return new_id

    def add_alias(self, eid: str, alias: str, lang: str, kind: str = "name") -> None:
        if not alias.strip():
            raise CurationError("an alias cannot be empty")
        if not self.kb.get(eid):
            self._upsert_entity(eid)
        self._append("curated.aliases.tsv", {"id": eid, "lang": lang, "alias": alias.strip(), "kind": kind})
        self._write("removed_aliases.tsv", [r for r in self._rows("removed_aliases.tsv")
                                            if (r["id"], r["lang"], r["alias"]) != (eid, lang, alias.strip())])
        if self.store:
            self.store.add_alias(eid, lang, alias.strip(), kind)

    def remove_alias(self, eid: str, alias: str, lang: str | None = None) -> int:
        self._describe(eid)
        return self._remove_alias_everywhere(eid, alias, lang)

    def _remove_alias_everywhere(self, eid: str, alias: str, lang: str | None = None) -> int:
        kbe = self.kb.get(eid)
        langs = {a.lang for a in (kbe.aliases if kbe else []) if a.text == alias and (lang is None or a.lang == lang)}
        langs |= {lang} if lang else set()
        for lg in langs or {"und"}:
            self._append("removed_aliases.tsv", {"id": eid, "lang": lg, "alias": alias})
        self._write("curated.aliases.tsv", [r for r in self._rows("curated.aliases.tsv")
                                            if not (r["id"] == eid and r["alias"] == alias)])
        if self.store:
            self.store.remove_alias(eid, alias)
        return len(langs)

    def rename(self, eid: str, label: str) -> None:
        if not label.strip():
            raise CurationError("a label cannot be empty")
        self._upsert_entity(eid, label=label.strip())
        if self.store:
            self.store.update_entity(eid, label=label.strip())

    def set_wikidata(self, eid: str, qid: str) -> None:
        if not _QID.match(qid):
            raise CurationError(f"{qid!r} is not a Wikidata id (Q followed by digits, e.g. Q1234)")
        self._upsert_entity(eid, wikidata=qid)
        if self.store:
            self.store.update_entity(eid, wikidata=qid)

    # -- moving corrections between installations ----------------------------
    def export(self, target: str) -> list[str]:
        """The overlay, plus the entities learned from text (with their aliases), as a folder."""
        out = Path(target)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in FILES:
            if (self.folder / name).exists():
                shutil.copyfile(self.folder / name, out / name)
                written.append(name)
        if self.store:
            ents, aliases = _queries().learned_entities(self.store)
            Curator(folder=str(out))._write_learned(ents, aliases)
            written += ["learned.entities.tsv", "learned.aliases.tsv"]
        return written

    def _write_learned(self, ents: list[dict], aliases: list[dict]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, rows, cols in (("learned.entities.tsv", ents, FILES["curated.entities.tsv"]),
                                 ("learned.aliases.tsv", aliases, FILES["curated.aliases.tsv"])):
            with (self.folder / name).open("w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, fieldnames=cols, delimiter="\t", quoting=csv.QUOTE_NONE,
                                   lineterminator="\n", escapechar="\\")
                w.writeheader()
                w.writerows(rows)

    def import_(self, source: str) -> list[str]:
        src = Path(source)
        if not src.is_dir():
            raise CurationError(f"{source}: not a folder exported by `communique kb export`")
        from . import KnowledgeBase, data_dir
        KnowledgeBase([data_dir(), src])  # validate before touching the overlay
        done = []
        for name in [*FILES, "learned.entities.tsv", "learned.aliases.tsv"]:
            if not (src / name).exists():
                continue
            with (src / name).open(encoding="utf-8", newline="") as f:
                incoming = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
            target = name.replace("learned.", "curated.")
            rows = self._rows(target)
            rows += [r for r in incoming if r not in rows]
            if target == "curated.entities.tsv":  # one row per id, imported rows win
                by_id = {r["id"]: r for r in rows}
                by_id.update({r["id"]: r for r in incoming if r["type"] in TYPES})
                rows = list(by_id.values())
            self._write(target, rows)
            done.append(name)
        return done


def _queries():
    # the storage layer imports the knowledge base: read through it only when a store is given
    from ..storage import queries
    return queries
