"""The knowledge base: entities, multilingual aliases, roles with dates.

Read from the TSV files in ``kb/data/`` (see its README) and optionally from
further folders with the same layout (an analyst's curated overlay).

``load`` is called only at the composition roots (the CLI commands, the API
app factory, ``registry.build`` and the batch runners); everything else is
given the knowledge base, or a function returning it, through its constructor
or its arguments (``tests/kb/test_kb_roots.py`` keeps it that way).
"""
from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DataError
from ..text import fold, script_of, tokenize, translit_key

TYPES = ("person", "country", "organization", "location", "gathering")


@dataclass
class Alias:
    text: str
    lang: str
    kind: str

    @property
    def script(self) -> str:
        return script_of(self.text)


@dataclass
class Role:
    person: str
    role: str
    of: str
    start: str
    end: str

    def active(self, date: str | None) -> bool:
        if not date:
            return not self.end
        d = date[: max(len(self.start), 4)] if self.start else date
        return (not self.start or self.start[: len(d)] <= d) and (not self.end or date[: len(self.end)] <= self.end)


@dataclass(frozen=True)
class Occasion:
    """A well-known dated occasion (a state visit, a signing, an air crash): an article that names it
    without a year is dated by it."""
    id: str
    date: str
    kind: str
    participants: frozenset[str]
    location: str
    label: str


@dataclass
class KBEntity:
    id: str
    type: str
    label: str
    wikidata: str = ""
    aliases: list[Alias] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)


_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def data_dir() -> Path:
    return Path(str(resources.files("communique.kb").joinpath("data")))


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(rows, 2):
        if None in row or any(v is None for v in row.values()):
            raise DataError(f"{path}:{n}: wrong number of columns")
    return [{k: unicodedata.normalize("NFC", (v or "").strip()) for k, v in r.items()} for r in rows]


class KnowledgeBase:
    def __init__(self, folders: list[Path] | None = None):
        self.entities: dict[str, KBEntity] = {}
        self.roles: list[Role] = []
        self._roles_seen: list[Role] | None = None  # the list _role_index was built from
        self._roles_count = 0
        self._roles_by: tuple[dict, dict] = ({}, {})
        self.memberships: list[dict[str, str]] = []
        self.chairs: list[dict[str, str]] = []
        self.gatherings: dict[str, dict[str, str]] = {}
        self.agencies: list[dict[str, str]] = []
        self.outlets: dict[str, str] = {}  # web host -> outlet name (outlets.tsv)
        self.occasions: dict[str, Occasion] = {}
        self.place_country: dict[str, str] = {}  # loc id -> the country it lies in
        self.national_bodies: dict[str, str] = {}  # org id -> the one state it is a body of
        self.regions: dict[str, dict[str, str]] = {}  # region id -> label, heads_of_state (regions.tsv)
        self.occasion_keywords: dict[str, list[tuple[str, re.Pattern]]] = defaultdict(list)  # lang -> (id, rx)
        self.same_as: dict[str, str] = {}  # merged id -> surviving id
        removed: set[tuple[str, str, str]] = set()
        for folder in folders or [data_dir()]:
            self._load(Path(folder), removed)
        for e in self.entities.values():
            e.aliases = [a for a in e.aliases if (e.id, a.lang, a.text) not in removed]
        for occ in self.occasions.values():
            unknown = [x for x in (*occ.participants, occ.location) if x and x not in self.entities]
            if unknown:
                raise DataError(f"occasions.tsv: {occ.id} names unknown entities {', '.join(sorted(unknown))}")
        for gone in list(self.same_as):
            old = self.entities.pop(gone, None)
            target = self.entities.get(self.canonical(gone))
            if old and target:  # a merged entity's names now find the survivor
                target.aliases += [a for a in old.aliases + [Alias(old.label, "en", "name")] if a not in target.aliases]
        self._by_key: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
        self._by_translit: dict[str, set[str]] = defaultdict(set)
        self._fuzzy_memo: dict[str, str | None] = {}
        for e in self.entities.values():
            for a in [Alias(e.label, "en", "name"), *e.aliases]:
                self._index(e.id, a)
        # the persons' names by their words' first letters: the only ones fuzzy_person compares
        self._by_initials: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for k in self._by_translit:
            self._by_initials[_initials(k)].append(k)

    def _load(self, folder: Path, removed: set) -> None:
        for path in sorted(folder.glob("*.entities.tsv")):
            for r in _read(path):
                if r["type"] not in TYPES:
                    raise DataError(f"{path}: {r['id']}: unknown type {r['type']!r}")
                old = self.entities.get(r["id"])  # a later folder (the curated overlay) overrides
                self.entities[r["id"]] = KBEntity(r["id"], r["type"], r["label"], r.get("wikidata", ""),
                                                  aliases=old.aliases if old else [])
        for path in sorted(folder.glob("*.aliases.tsv")):
            for r in _read(path):
                ent = self.entities.get(r["id"])
                if ent is None:
                    raise DataError(f"{path}: alias {r['alias']!r} names unknown entity {r['id']}")
                ent.aliases.append(Alias(r["alias"], r["lang"], r.get("kind", "name")))
        if (folder / "same_as.tsv").exists():
            for r in _read(folder / "same_as.tsv"):
                self.same_as[r["id"]] = r["same_as"]
        if (folder / "removed_aliases.tsv").exists():
            removed.update((r["id"], r["lang"], r["alias"]) for r in _read(folder / "removed_aliases.tsv"))
        if (folder / "roles.tsv").exists():
            self.roles += [Role(r["person"], r["role"], r["of"], r["start"], r["end"]) for r in _read(folder / "roles.tsv")]
        if (folder / "memberships.tsv").exists():
            self.memberships += _read(folder / "memberships.tsv")
        if (folder / "chairs.tsv").exists():
            self.chairs += _read(folder / "chairs.tsv")
        if (folder / "agencies.tsv").exists():
            self.agencies += _read(folder / "agencies.tsv")
        if (folder / "outlets.tsv").exists():
            self.outlets.update({r["host"].lower(): r["name"] for r in _read(folder / "outlets.tsv")})
        if (folder / "gatherings.tsv").exists():
            self.gatherings.update({r["id"]: r for r in _read(folder / "gatherings.tsv")})
        if (folder / "places.countries.tsv").exists():
            self.place_country.update({r["loc"]: r["country"] for r in _read(folder / "places.countries.tsv")})
        if (folder / "regions.tsv").exists():
            self.regions.update({r["id"]: r for r in _read(folder / "regions.tsv")})
        if (folder / "organizations.states.tsv").exists():
            self.national_bodies.update({r["organization"]: r["state"] for r in _read(folder / "organizations.states.tsv")})
        if (folder / "occasions.tsv").exists():
            for r in _read(folder / "occasions.tsv"):
                if not _DATE.fullmatch(r["date"]):
                    raise DataError(f"occasions.tsv: {r['id']}: date {r['date']!r} is not YYYY-MM or YYYY-MM-DD")
                parts = frozenset(p.strip() for p in r["participants"].split(",") if p.strip())
                self.occasions[r["id"]] = Occasion(r["id"], r["date"], r["kind"], parts, r["location"], r["label"])
        if (folder / "occasions.keywords.tsv").exists():
            for r in _read(folder / "occasions.keywords.tsv"):
                if r["id"] not in self.occasions:
                    raise DataError(f"occasions.keywords.tsv: unknown occasion {r['id']}")
                try:
                    self.occasion_keywords[r["lang"]].append((r["id"], re.compile(r["pattern"], re.I)))
                except re.error as e:
                    raise DataError(f"occasions.keywords.tsv: {r['id']}: bad pattern: {e}") from None

    def _index(self, eid: str, alias: Alias) -> None:
        key = tuple(fold(t.text) for t in tokenize(alias.text))
        if key and (eid, alias.kind) not in self._by_key[key]:
            self._by_key[key].append((eid, alias.kind))
        if self.entities[eid].type == "person" and alias.kind in ("name", "former"):
            self._by_translit[translit_key(alias.text)].add(eid)

    # -- lookups -----------------------------------------------------------
    def canonical(self, eid: str) -> str:
        """The surviving id of a merged entity (merges may chain)."""
        seen = set()
        while eid in self.same_as and eid not in seen:
            seen.add(eid)
            eid = self.same_as[eid]
        return eid

    def get(self, eid: str) -> KBEntity | None:
        return self.entities.get(self.canonical(eid))

    def lookup(self, key: tuple[str, ...]) -> list[tuple[str, str]]:
        """(entity id, alias kind) for a tuple of folded tokens."""
        return self._by_key.get(key, [])

    def keys(self):
        return self._by_key.keys()

    @property
    def max_alias_tokens(self) -> int:
        return max((len(k) for k in self._by_key), default=1)

    def by_translit(self, name: str) -> set[str]:
        return self._by_translit.get(translit_key(name), set())

    def fuzzy_person(self, name: str) -> str | None:
        """The one known person whose name is a near spelling of this one ("Мухтар Тлеуберди",
        "Mukhtar Tileuberdi"): as many words, each starting with the same letter, similarity at
        least 90 of 100, and no other person as close."""
        key = translit_key(name)
        memo = self._fuzzy_memo
        if key in memo:
            return memo[key]
        from rapidfuzz import fuzz, process
        words = key.split()
        found = None
        if len(words) >= 2 and len(key) >= 8:
            keys = self._by_initials.get(_initials(key), [])
            best = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=90, limit=3)
            ids = {eid for k, score, _ in best if score >= best[0][1] - 3 for eid in self._by_translit[k]} \
                if best else set()
            found = next(iter(ids)) if len(ids) == 1 else None
        if len(memo) > 50_000:
            memo.clear()
        memo[key] = found
        return found

    def given_names(self, eid: str) -> frozenset[str]:
        """Translit keys of a known person's given names (and patronymics): the words of its full
        names other than its surname, which its one-word aliases give ("Bayramov" for "Jeyhun
        Bayramov"; without one, the last word of each full name). Empty when no full name is known."""
        e = self.get(eid)
        if e is None or e.type != "person":
            return frozenset()
        names = [e.label] + [a.text for a in e.aliases if a.kind in ("name", "former")]
        surnames = {translit_key(a.text) for a in e.aliases if a.kind == "short" and " " not in a.text.strip()}
        out = set()
        for n in names:
            words = translit_key(n).split()
            if len(words) < 2:
                continue
            rest = [w for w in words if w not in surnames] if surnames & set(words) else words[:-1]
            out.update(w for w in rest if len(w) > 1)
        return frozenset(out)

    def holders(self, role: str, of: str, date: str | None) -> list[str]:
        return [r.person for r in self._role_index()[1].get((role, of), ()) if r.active(date)]

    def roles_of(self, person: str) -> list[Role]:
        return list(self._role_index()[0].get(person, ()))

    def state_served(self, person: str, date: str | None) -> str | None:
        """The state of the first office of a state a person held on that date (undated: one he
        still holds), if any."""
        return next((r.of for r in self._role_index()[0].get(person, ())
                     if r.of.startswith("country:") and r.active(date)), None)

    def _role_index(self) -> tuple[dict[str, list[Role]], dict[tuple[str, str], list[Role]]]:
        """Roles by person and by (role, of), in file order; rebuilt when ``roles`` is replaced or
        grows (asked for every person mention, so a scan of all roles each time adds up)."""
        if self._roles_seen is not self.roles or self._roles_count != len(self.roles):
            by_person: dict[str, list[Role]] = defaultdict(list)
            by_office: dict[tuple[str, str], list[Role]] = defaultdict(list)
            for r in self.roles:
                by_person[r.person].append(r)
                by_office[(r.role, r.of)].append(r)
            self._roles_by = (dict(by_person), dict(by_office))
            self._roles_seen, self._roles_count = self.roles, len(self.roles)
        return self._roles_by

    def outlet(self, host: str | None) -> str | None:
        """The outlet whose site ``host`` is (or is a subdomain of), by ``outlets.tsv``."""
        host = (host or "").lower().rstrip(".")
        while host:
            if host in self.outlets:
                return self.outlets[host]
            host = host.partition(".")[2]
        return None

    def label(self, eid: str) -> str:
        e = self.entities.get(eid)
        return e.label if e else self.regions.get(eid, {}).get("label", eid)


def current(kb: KnowledgeBase | Callable[[], KnowledgeBase]) -> KnowledgeBase:
    """The knowledge base given, or the one a function given for it returns now: a long-running
    process (the API server, ``watch``) hands its store ``load`` itself, so that corrections
    made while it runs apply at once; a one-shot command hands it what it loaded."""
    return kb() if callable(kb) else kb


def overlay_dir(folder: str | None = None) -> Path:
    """The analyst's curated overlay: --kb, else $COMMUNIQUE_KB, else ./communique-kb."""
    return Path(folder or os.environ.get("COMMUNIQUE_KB") or "communique-kb")


def load(folders: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus the curated overlay (if it exists) and any other folders."""
    overlay = overlay_dir()
    extra = ((str(overlay),) if overlay.is_dir() else ()) + tuple(f for f in folders if Path(f) != overlay)
    return _load_cached(extra, _stamp(extra))


def _stamp(folders: tuple[str, ...]) -> tuple:
    """Changes when a curated file changes, so a long-running process sees corrections."""
    return tuple((str(p), p.stat().st_mtime_ns) for f in folders for p in sorted(Path(f).glob("*.tsv")))


@lru_cache(maxsize=4)
def _load_cached(folders: tuple[str, ...], stamp: tuple) -> KnowledgeBase:
    return KnowledgeBase([data_dir(), *map(Path, folders)])


def _initials(translit: str) -> tuple[str, ...]:
    return tuple(w[:1] for w in translit.split())
