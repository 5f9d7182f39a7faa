"""Scoring against gold annotations, as defined in shared/eval/GOLD.md.

Entities are aligned by mention overlap; events match one-to-one, strictly
(same participants) or leniently (at least two gold participants, or the only
one, and no more extra gold entities than the gold event has participants);
dates, locations, frameworks and modality are scored on matched events; the
same gold key must get the same system id across articles.
"""
from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .errors import InputError
from .stages.ingest import iso_date


@dataclass
class GoldArticle:
    gold: dict
    text: str
    published: str | None = None  # the publication date the articles file gives (input metadata, not gold)

    @property
    def id(self) -> str:
        return self.gold["id"]


def _record(line: str, where: str, required: tuple[str, ...]) -> dict:
    """One JSON Lines record, an object with the ``required`` fields, or an error naming file and line."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON: {exc.msg}") from exc
    if not isinstance(rec, dict):
        raise InputError(where, "not a JSON object")
    missing = [k for k in required if k not in rec]
    if missing:
        raise InputError(where, "missing field " + ", ".join(repr(k) for k in missing))
    return rec


def load_gold(gold_paths: list[str], texts: list[str]) -> list[GoldArticle]:
    """Gold lines with their article text, from text folders or articles JSONL files."""
    by_id: dict[str, dict] = {}
    folders: list[Path] = []
    for t in texts:
        p = Path(t)
        if p.is_dir():
            folders.append(p)
        elif p.is_file():
            for n, line in enumerate(p.read_text(encoding="utf-8").split("\n"), 1):
                if line.strip():
                    rec = _record(line, f"{p}:{n}", ("id", "text"))
                    by_id[str(rec["id"])] = rec
        else:
            raise InputError(t, "no such file or folder")
    out = []
    for gp in gold_paths:
        if not Path(gp).is_file():
            raise InputError(gp, "no such gold file")
        for n, line in enumerate(Path(gp).read_text(encoding="utf-8").split("\n"), 1):
            if not line.strip():
                continue
            g = _record(line, f"{gp}:{n}", ("id",))
            text, published = None, None
            if g.get("file"):
                for base in folders + [Path(gp).parent]:
                    if (base / g["file"]).is_file():
                        text = (base / g["file"]).read_text(encoding="utf-8")
                        break
            elif g["id"] in by_id:
                rec = by_id[g["id"]]
                text = rec["text"]
                # the gold's own kind wins: an articles file of unlabelled news carries none
                g = {**g, "kind": g.get("kind") or rec.get("kind"), "url": rec.get("url")}
                published = iso_date(rec.get("published"))
            if text is None:
                raise InputError(f"{gp}:{n}", f"no text for gold article {g['id']!r}; pass --texts")
            out.append(GoldArticle(g, text, published))
    return out


def gold_document(a: GoldArticle) -> Document:
    """What the system is given: the text, and the URL and publication date the articles file gives
    (metadata a feed or page carries, read as `communique extract` reads them), never the gold
    annotations; the language is left to identify."""
    return Document(id=a.id, text=a.text, url=a.gold.get("url"), published=a.published)


def read_pairs(pipe, pairs: list[tuple[str, str]]):
    """Each gold article of (gold file, texts) pairs read by ``pipe``: the article, the system's
    document, its record and the alignment of its entities to the gold's (what the gold tools in
    ``tools/`` count over)."""
    for gold_path, texts in pairs:
        for a in load_gold([gold_path], [texts]):
            doc = pipe(gold_document(a))
            sd = doc.to_dict()
            yield a, doc, sd, align(a.gold, a.text, sd)


def sentences_naming(doc: Document, amap: dict[str, str], parties) -> list:
    """The document's sentences that name a gold event's parties by the entity alignment: two of
    them, or its only one (what the lenient match asks of an event)."""
    parts = set(parties)
    need = min(2, len(parts))
    return [s for s in doc.sentences
            if len({amap[m.entity_id] for m in doc.mentions if s.start <= m.start < s.end and m.entity_id in amap}
                   & parts) >= need]


# -- alignment ------------------------------------------------------------------
def _occurrences(text: str, s: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(s), text)] if s else []


def align(gold: dict, text: str, sysdoc: dict) -> dict[str, str]:
    """System entity id -> gold key, by mention overlap."""
    spans = {e["key"]: [o for m in e.get("mentions", []) for o in _occurrences(text, m)]
             for e in gold.get("entities", [])}
    out = {}
    for e in sysdoc.get("entities", []):
        votes: Counter = Counter()
        for m in e["mentions"]:
            for key, occ in spans.items():
                # overlap weighted by how well the spans agree, so "AQEM" inside
                # "AQEM Gənclər Şurası" votes for CICA, not for the Youth Council
                best = max((_iou(a, b, m["start"], m["end"]) for a, b in occ), default=0.0)
                if best > 0:
                    votes[key] += best
        if votes:
            out[e["id"]] = votes.most_common(1)[0][0]
    return out


def _iou(a: int, b: int, c: int, d: int) -> float:
    inter = min(b, d) - max(a, c)
    return inter / (max(b, d) - min(a, c)) if inter > 0 else 0.0


def _lenient(sys_keys: set[str], gold_parts: set[str], all_gold: set[str], gatherings: set[str] = frozenset()) -> bool:
    """At least two gold participants (or the only one), no catch-all list; a CONVENE event
    naming the gold event's gathering matches on that alone (GOLD.md, Scoring)."""
    if gold_parts & gatherings & sys_keys:
        return len((sys_keys & all_gold) - gold_parts) <= len(gold_parts)
    common = sys_keys & gold_parts
    enough = len(common) >= 2 or (len(gold_parts) == 1 and common == gold_parts)
    extra = len((sys_keys & all_gold) - gold_parts)
    return enough and extra <= len(gold_parts)


def match_events(gold: dict, sysdoc: dict, amap: dict[str, str], strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index): strict matches first, then lenient ones;
    among several candidates the one agreeing on more arguments wins."""
    all_gold = {p for e in gold.get("events", []) for p in e["participants"]}
    all_gold |= {e["key"] for e in gold.get("entities", [])}
    gatherings = {e["key"] for e in gold.get("entities", []) if e.get("type") == "gathering"}
    sys_events = sysdoc.get("events", [])
    pairs, used_g, used_s = [], set(), set()
    for lenient_pass in ((False,) if strict else (False, True)):
        for gi, ge in enumerate(gold.get("events", [])):
            if gi in used_g:
                continue
            gp = set(ge["participants"])
            cands = []
            for si, se in enumerate(sys_events):
                if si in used_s or se["type"] != ge["type"]:
                    continue
                keys = {amap[p] for p in se["participants"] if p in amap}
                named = gatherings if ge["type"] == "CONVENE" else frozenset()
                if keys == gp or (lenient_pass and _lenient(keys, gp, all_gold, named)):
                    cands.append((-_agreement(ge, se, amap), si))
            if cands:
                si = min(cands)[1]
                pairs.append((gi, si))
                used_g.add(gi)
                used_s.add(si)
    return sorted(pairs)


def _agreement(ge: dict, se: dict, amap: dict[str, str]) -> int:
    return ((ge.get("date") == se.get("date")) + (ge.get("modality") == se.get("modality"))
            + (ge.get("location") == amap.get(se.get("location") or "", se.get("location")))
            + (ge.get("framework") == amap.get(se.get("framework") or "", se.get("framework"))))


# -- scores ---------------------------------------------------------------------
@dataclass(frozen=True)
class ArticleCounts:
    """One article's event counts: what `eval --json` lists per article, and the unit the bootstrap
    resamples (events of one article are not independent)."""
    id: str
    lang: str
    kind: str  # "negative": its system events are the row's neg-ev
    gold_events: int
    sys_events: int
    lenient: int  # lenient true positives
    strict: int


@dataclass
class Scores:
    docs: int = 0
    gold_events: int = 0
    sys_events: int = 0
    lenient: int = 0
    strict: int = 0
    attr: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    types: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # gold, extracted, lenient
    negative_events: int = 0
    gold_participants: int = 0
    found_participants: int = 0
    gold_facts: int = 0
    sys_facts: int = 0
    matched_facts: int = 0
    gold_state_facts: int = 0
    sys_state_facts: int = 0
    matched_state_facts: int = 0

    def prf(self, n: int) -> tuple[float, float, float]:
        p = n / self.sys_events if self.sys_events else (1.0 if not self.gold_events else 0.0)
        r = n / self.gold_events if self.gold_events else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def acc(self, name: str) -> float | None:
        ok, n = self.attr[name]
        return ok / n if n else None


def score(articles: list[GoldArticle], sysdocs: dict[str, dict]) -> dict:
    per_lang: dict[str, Scores] = defaultdict(Scores)
    instances: dict[str, list[str]] = defaultdict(list)  # gold key -> system ids, one per article
    sys_keys: dict[str, set[str]] = defaultdict(set)  # system id -> gold keys
    reports: list[StoryReport] = []
    counts: list[ArticleCounts] = []
    for a in articles:
        g, sd = a.gold, sysdocs[a.id]
        lang = g.get("lang") or sd.get("lang") or "und"
        amap = align(g, a.text, sd)
        counts.append(_score_article(per_lang[lang], g, sd, amap, lang))
        for sid, key in amap.items():
            sys_keys[sid].add(key)
        by_key: dict[str, Counter] = defaultdict(Counter)
        for e in sd.get("entities", []):
            if e["id"] in amap:
                by_key[amap[e["id"]]][e["id"]] += len(e["mentions"])
        for key, c in by_key.items():
            instances[key].append(c.most_common(1)[0][0])
        reports += _story_reports(a, sd, amap)
    return {"langs": dict(per_lang), "linking": _linking(instances, sys_keys), "stories": story_scores(reports),
            "articles": counts}


def _story_reports(a: GoldArticle, sd: dict, amap: dict[str, str]) -> list[StoryReport]:
    matched = dict(match_events(a.gold, sd, amap, strict=False))
    lang = a.gold.get("lang") or sd.get("lang") or "und"
    return [StoryReport(a.id, lang, ge.get("story"), sd["events"][si].get("cluster") if si is not None else None,
                        si is not None, ge["type"], ge.get("date"))
            for gi, ge in enumerate(a.gold.get("events", [])) for si in [matched.get(gi)]]


def _score_article(s: Scores, g: dict, sd: dict, amap: dict[str, str], lang: str) -> ArticleCounts:
    """Adds the article to its language's scores; returns its own event counts."""
    pairs = match_events(g, sd, amap, strict=False)
    counts = ArticleCounts(g["id"], lang, g.get("kind") or "event", len(g.get("events", [])),
                           len(sd.get("events", [])), len(pairs), len(match_events(g, sd, amap, strict=True)))
    s.docs += 1
    s.gold_events += counts.gold_events
    s.sys_events += counts.sys_events
    if counts.kind == "negative":
        s.negative_events += counts.sys_events
    s.strict += counts.strict
    s.lenient += counts.lenient
    for e in g.get("events", []):
        s.types[e["type"]][0] += 1
    for e in sd.get("events", []):
        s.types[e["type"]][1] += 1
    for gi, _ in pairs:  # a match is of one type
        s.types[g["events"][gi]["type"]][2] += 1
    for gi, si in pairs:
        ge, se = g["events"][gi], sd["events"][si]
        _attr(s, "date", ge.get("date"), se.get("date"))
        if ge.get("date_from") in ("text", "published"):  # the date reading can supply
            _attr(s, "date_text", ge.get("date"), se.get("date"))
        _attr(s, "location", ge.get("location"), amap.get(se.get("location") or "", se.get("location")))
        _attr(s, "framework", ge.get("framework"), amap.get(se.get("framework") or "", se.get("framework")))
        _attr(s, "modality", ge.get("modality"), se.get("modality"))
    _score_facts(s, g, sd, amap)
    found = set(amap.values())
    parts = {p for e in g.get("events", []) for p in e["participants"]}
    s.gold_participants += len(parts)
    s.found_participants += len(parts & found)
    return counts


def _score_facts(s: Scores, g: dict, sd: dict, amap: dict[str, str]) -> None:
    """holds_position: same person (after alignment), same role, same state or organisation."""
    def key(subject, role, of):
        return (subject, (role or "").lower(), of)
    gold = {key(f["subject"], f.get("role"), f.get("of")) for f in g.get("facts", [])
            if f["relation"] == "holds_position"}
    mine = {key(amap.get(f["subject"], f["subject"]), f.get("role"), amap.get(f.get("of") or "", f.get("of")))
            for f in sd.get("facts", []) if f["relation"] == "holds_position"}
    s.gold_facts += len(gold)
    s.sys_facts += len(mine)
    s.matched_facts += len(gold & mine)
    # chairs and member_of: the state, the organisation, and for membership member or observer
    def state_key(f, m=lambda x: x):
        return (f["relation"], m(f["subject"]), m(f.get("of") or ""),
                (f.get("role") or "member") if f["relation"] == "member_of" else "")
    gold_s = {state_key(f) for f in g.get("facts", []) if f["relation"] in ("chairs", "member_of")}
    mine_s = {state_key(f, lambda x: amap.get(x, x)) for f in sd.get("facts", [])
              if f["relation"] in ("chairs", "member_of")}
    s.gold_state_facts += len(gold_s)
    s.sys_state_facts += len(mine_s)
    s.matched_state_facts += len(gold_s & mine_s)


def _attr(s: Scores, name: str, gold, system) -> None:
    s.attr[name][0] += gold == system
    s.attr[name][1] += 1


def _linking(instances: dict[str, list[str]], sys_keys: dict[str, set[str]]) -> dict:
    total = ok = 0
    for key, ids in instances.items():
        if len(ids) < 2:
            continue
        best = Counter(ids).most_common(1)[0][1]
        total += len(ids)
        ok += best
    merges = sorted(sid for sid, keys in sys_keys.items() if len(keys) > 1)
    return {"accuracy": ok / total if total else None, "instances": total, "false_merges": merges}


@dataclass(frozen=True)
class StoryReport:
    """One gold event as the story scorer sees it: its article, language, gold story (or None) and
    the cluster of the system event matched to it (None where nothing matched)."""
    doc: str
    lang: str
    story: str | None
    cluster: str | None
    matched: bool
    type: str = ""
    date: str | None = None


def story_scores(reports: list[StoryReport]) -> dict:
    """Pairwise story accuracy: of the pairs of gold events that share a story and both matched a
    system event, the share whose two system events are in one cluster; overall and per pair of
    languages ("az-kk", "az-az", ...). A cluster mixing stories holds matched events of two gold
    stories (an error); a cluster joining events the gold leaves without a story is listed for
    inspection only (the gold marks stories only where annotators chose to). Pairs with an
    unmatched side are counted apart: they measure extraction, not clustering."""
    pairs = {"all": [0, 0]}
    unmatched = 0
    by_story: dict[str, list[StoryReport]] = defaultdict(list)
    for r in reports:
        if r.story:
            by_story[r.story].append(r)
    for rs in by_story.values():
        for i, a in enumerate(rs):
            for b in rs[i + 1:]:
                if not (a.matched and b.matched):
                    unmatched += 1
                    continue
                same = a.cluster is not None and a.cluster == b.cluster
                for key in ("all", "-".join(sorted((a.lang, b.lang)))):
                    pairs.setdefault(key, [0, 0])
                    pairs[key][0] += same
                    pairs[key][1] += 1
    cluster_stories: dict[str, set[str]] = defaultdict(set)
    for k, r in enumerate(reports):
        if r.matched and r.cluster:
            cluster_stories[r.cluster].add(r.story or f"#{k}")
    mixed = sorted(c for c, st in cluster_stories.items() if len({x for x in st if not x.startswith("#")}) > 1)
    unlabelled = sorted(c for c, st in cluster_stories.items() if len(st) > 1 and c not in mixed)
    # stories whose matched reports all share one cluster (as before pairwise accuracy was counted)
    together = sum(1 for rs in by_story.values()
                   if len(cl := {r.cluster for r in rs if r.matched}) == 1 and None not in cl)
    return {"pairs": {k: {"together": ok, "pairs": n, "accuracy": ok / n if n else None}
                      for k, (ok, n) in sorted(pairs.items())},
            "pairs_unmatched": unmatched, "gold_stories": len(by_story), "one_cluster": together,
            "mixed_clusters": mixed, "joined_without_gold_story": unlabelled}


def story_table(st: dict) -> str:
    """The story figures: pairwise accuracy overall and per language pair, mixed clusters."""
    p = st["pairs"]
    per = "; ".join(f"{k} {v['together']}/{v['pairs']}" for k, v in p.items() if k != "all")
    return (f"stories: pairwise {_fmt(p['all']['accuracy'])} ({p['all']['together']}/{p['all']['pairs']} pairs of "
            f"matched reports in one cluster; {st['pairs_unmatched']} pairs with a report not extracted)"
            f"{'; by languages: ' + per if per else ''}\n"
            f"clusters mixing two gold stories: {len(st['mixed_clusters'])}; gold stories with their matched "
            f"reports in one cluster: {st['one_cluster']}/{st['gold_stories']}; clusters joining reports the gold "
            f"gives no story: "
            f"{len(st['joined_without_gold_story'])}")


def table(result: dict) -> str:
    head = ("lang", "docs", "gold", "sys", "len-P", "len-R", "len-F1", "str-P", "str-R", "str-F1",
            "date", "date-t", "loc", "frame", "modal", "ent-found", "neg-ev", "pos-P", "pos-R", "org-P", "org-R")
    rows = [head]
    langs = dict(result["langs"])
    if len(langs) > 1:
        langs["all"] = _total(langs.values())
    for code in sorted(langs, key=lambda c: (c == "all", c)):
        s = langs[code]
        lp, lr, lf = s.prf(s.lenient)
        sp, sr, sf = s.prf(s.strict)
        rows.append((code, s.docs, s.gold_events, s.sys_events, *(f"{x:.2f}" for x in (lp, lr, lf, sp, sr, sf)),
                     *(_fmt(s.acc(n)) for n in ("date", "date_text", "location", "framework", "modality")),
                     _fmt(s.found_participants / s.gold_participants if s.gold_participants else None),
                     s.negative_events,
                     _fmt(s.matched_facts / s.sys_facts if s.sys_facts else None),
                     _fmt(s.matched_facts / s.gold_facts if s.gold_facts else None),
                     _fmt(s.matched_state_facts / s.sys_state_facts if s.sys_state_facts else None),
                     _fmt(s.matched_state_facts / s.gold_state_facts if s.gold_state_facts else None)))
    lines = _aligned(rows)
    link, st = result["linking"], result["stories"]
    lines.append("")
    lines.append(f"cross-document linking accuracy: {_fmt(link['accuracy'])} over {link['instances']} mentions "
                 f"of entities in 2+ articles; false merges: {len(link['false_merges'])}")
    lines.append(story_table(st))
    return "\n".join(lines)


def _total(parts) -> Scores:
    out = Scores()
    for s in parts:
        for f in dataclasses.fields(Scores):
            if f.name not in ("attr", "types"):
                setattr(out, f.name, getattr(out, f.name) + getattr(s, f.name))
        for name, (ok, n) in s.attr.items():
            out.attr[name][0] += ok
            out.attr[name][1] += n
        for name, counts in s.types.items():
            out.types[name] = [a + b for a, b in zip(out.types[name], counts)]
    return out


def by_type(result: dict) -> dict[str, dict[str, float]]:
    """Lenient P/R/F1 per event type, all languages together, and F1 per language: where the
    extraction is weak (a type few events of which are found) shows here, not in the overall row."""
    langs = result["langs"]
    total = _total(langs.values())
    out = {}
    for type_ in sorted(total.types):
        gold, got, matched = total.types[type_]
        p = matched / got if got else 0.0
        r = matched / gold if gold else 0.0
        row = {"gold": gold, "sys": got, "lenient": matched, "p": p, "r": r, "f1": 2 * matched / (gold + got) if gold + got else 0.0}
        for code in sorted(langs):
            g, x, m = langs[code].types.get(type_, (0, 0, 0))
            row[f"f1_{code}"] = 2 * m / (g + x) if g + x else None
        out[type_] = row
    return out


def type_table(result: dict) -> str:
    codes = sorted(result["langs"])
    rows = [("type", "gold", "sys", "len-P", "len-R", "len-F1", *(f"F1-{c}" for c in codes))]
    for type_, r in by_type(result).items():
        rows.append((type_, r["gold"], r["sys"], f"{r['p']:.2f}", f"{r['r']:.2f}", f"{r['f1']:.2f}",
                     *(_fmt(r[f"f1_{c}"]) for c in codes)))
    return "\n".join(_aligned(rows))


def _aligned(rows: list[tuple]) -> list[str]:
    """Rows as lines of left-aligned columns two spaces apart."""
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def figures(result: dict) -> dict[str, dict[str, float]]:
    """Flat numbers per language, for the quality gate."""
    out = {}
    for code, s in result["langs"].items():
        lp, lr, lf = s.prf(s.lenient)
        sp, sr, sf = s.prf(s.strict)
        out[code] = {"lenient_f1": lf, "strict_f1": sf, "lenient_p": lp, "lenient_r": lr,
                     **{n: s.acc(n) or 0.0 for n in ("date", "location", "framework", "modality")},
                     "date_text": s.acc("date_text") if s.acc("date_text") is not None else 1.0,
                     "entities_found": s.found_participants / s.gold_participants if s.gold_participants else 1.0,
                     "negative_events": float(s.negative_events),
                     "positions_p": s.matched_facts / s.sys_facts if s.sys_facts else 0.0,
                     "positions_r": s.matched_facts / s.gold_facts if s.gold_facts else 0.0,
                     "state_facts_p": s.matched_state_facts / s.sys_state_facts if s.sys_state_facts else 0.0,
                     "state_facts_r": s.matched_state_facts / s.gold_state_facts if s.gold_state_facts else 0.0}
    return out


def report(result: dict, types: bool = False, bootstrap: dict | None = None) -> dict:
    """What `eval --json` prints: the figures per language, linking and stories, optionally the figures
    per event type and the bootstrap intervals, and each article's counts (for `eval-diff`)."""
    out = {"figures": figures(result), "linking": result["linking"], "stories": result["stories"]}
    if types:
        out["by_type"] = by_type(result)
    if bootstrap:
        out["bootstrap"] = bootstrap
    return {**out, "articles": [dataclasses.asdict(c) for c in result["articles"]]}


def details(articles: list[GoldArticle], sysdocs: dict[str, dict]) -> str:
    """Per article: gold events, system events mapped to gold keys, and which matched."""
    lines, reports = [], []
    for a in articles:
        g, sd = a.gold, sysdocs[a.id]
        amap = align(g, a.text, sd)
        reports += _story_reports(a, sd, amap)
        pairs = dict(match_events(g, sd, amap, strict=False))
        strict = dict(match_events(g, sd, amap, strict=True))
        matched_sys = set(pairs.values())
        lines.append(f"== {a.id} ({g.get('lang')}, {g.get('kind') or 'event'}) published={sd.get('published')}")
        for gi, ge in enumerate(g.get("events", [])):
            mark = "ok " if gi in strict else "ok~" if gi in pairs else "MISS"  # ok~: lenient only
            lines.append(f"  {mark} gold {ge['type']} {ge['participants']} {ge.get('date')} "
                         f"loc={ge.get('location')} fw={ge.get('framework')} {ge.get('modality')}")
            if gi in pairs:
                se = sd["events"][pairs[gi]]
                lines.append(f"       sys  {[amap.get(p, p) for p in se['participants']] if gi not in strict else ''}"
                             f" {se.get('date')} loc={amap.get(se.get('location') or '', se.get('location'))} "
                             f"fw={amap.get(se.get('framework') or '', se.get('framework'))} {se.get('modality')}")
        missing = sorted({p for e in g.get("events", []) for p in e["participants"]} - set(amap.values()))
        if missing:
            lines.append(f"  NOT FOUND {missing}")
        for si, se in enumerate(sd.get("events", [])):
            if si not in matched_sys:
                keys = [amap.get(p, p) for p in se["participants"]]
                lines.append(f"  EXTRA sys {se['type']} {keys} {se.get('date')} {se.get('modality')} "
                             f"| {se['evidence']['text'][:100]!r}")
    return "\n".join(lines + _split_stories(reports))


def _split_stories(reports: list[StoryReport]) -> list[str]:
    """Gold stories whose matched reports the system put in more than one cluster, report by report."""
    by_story: dict[str, list[StoryReport]] = defaultdict(list)
    for r in reports:
        if r.story:
            by_story[r.story].append(r)
    lines = []
    for story, rs in sorted(by_story.items()):
        if len({r.cluster for r in rs if r.matched}) > 1:
            lines.append(f"== story {story} split")
            lines += [f"  {r.doc} {r.type} {r.date} -> {r.cluster if r.matched else 'not extracted'}" for r in rs]
    return lines
