"""Facts: who holds which position (from titles before names), who chairs what, which state is a
member or an observer of which organisation."""
from __future__ import annotations

from ..document import Document, Evidence, Fact
from ..kb import KnowledgeBase
from ..lang import LangData, PatternIndex, _patterns, _rows, data_dir
from ..ontology import entity_type
from .context import SentenceContext, parties_only, prose
from .events import add_inferred_entities

_TITLE_REACH = 5  # tokens between the end of a title and the name it qualifies
_BEFORE_REACH = 2  # words between a qualifier and the title after it ("теперь уже бывший заместитель")


def qualifiers(ld: LangData) -> tuple[PatternIndex, PatternIndex, tuple[tuple[str, str], ...]]:
    """A language's former/acting words (``lang/<code>/qualifiers.tsv``), read once per process: those
    before a title, those after it, and the (prefix, kind) pairs joined to a title by a hyphen."""
    got = ld.memo.get("qualifiers")
    if got is None:
        rows = _rows(data_dir(ld.code) / "qualifiers.tsv", 3)
        by = {pos: [[kind, pat] for kind, where, pat in rows if where == pos] for pos in ("before", "after")}
        prefixes = tuple((pat.rstrip("*"), kind) for kind, where, pat in rows if where == "prefix")
        got = ld.memo["qualifiers"] = (PatternIndex(_patterns(by["before"], 0, 1)),
                                       PatternIndex(_patterns(by["after"], 0, 1)), prefixes)
    return got


class FactStage:
    name = "facts"
    requires = ("entities", "events")
    provides = ("facts",)

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    @parties_only
    def __call__(self, doc: Document) -> Document:
        # A chairmanship is of a body: a CHAIR naming only states ("Azerbaijan, Kazakhstan") says nothing
        # that can be stored as a fact and is dropped here, where chairmanships become facts.
        doc.events = [e for e in doc.events if e.type != "CHAIR" or self._has_body(e)]
        facts: list[Fact] = []
        fallback = doc.published or next((e.date for e in doc.events if e.date), None)
        for sent in prose(doc):
            ctx = SentenceContext.build(doc, sent)
            date = next((e.date for e in doc.events if e.evidence.start == sent.start and e.date), fallback)
            facts += self._positions(ctx, date)
            facts += self._chairs(ctx, doc)
            facts += self._members(ctx, date)
        doc.facts = _unique(facts)
        add_inferred_entities(doc, self.kb, [x for f in doc.facts for x in (f.subject, f.of)])
        return doc

    def _positions(self, ctx: SentenceContext, date: str | None) -> list[Fact]:
        out = []
        for person, p, a, b, kind in _titled_persons(ctx):
            k = ctx.token_index(person.start)
            of = self._of(ctx, person, a)
            role = p.label
            if role == "ambassador" and of:
                host = self._host(ctx, a, k, of)
                role = f"ambassador to {self.kb.label(host)}" if host else role
            if of is None:  # a former office: held at some time, not necessarily at the article's date
                held = [r.of for r in self.kb.roles_of(person.entity_id)
                        if r.role == role and (kind == "former" or r.active(date))]
                of = held[0] if held else None
            out.append(Fact("holds_position", person.entity_id, f"acting {role}" if kind == "acting" else role, of,
                            date, Evidence(ctx.sent.start, ctx.sent.end, ctx.doc.text[ctx.sent.start:ctx.sent.end]),
                            former=kind == "former"))
        return out

    def _has_body(self, ev) -> bool:
        return bool(ev.framework) or any(entity_type(p, self.kb) in ("organization", "gathering")
                                         for p in ev.participants)

    def _of(self, ctx: SentenceContext, person, title_start: int) -> str | None:
        window_start = ctx.toks[max(0, title_start - 6)].start
        cands = [m for m in ctx.of_type("country", "organization") if not ctx.is_locative(m)
                 and window_start <= m.start < person.start and ctx.qualified_person(m) is person]
        # "главой МИД Кыргызстана": the state, not its ministry, is whose official the person is
        cands.sort(key=lambda m: m.type != "country")
        return cands[0].entity_id if cands else None

    def _host(self, ctx: SentenceContext, a: int, k: int, of: str) -> str | None:
        lo = ctx.toks[max(0, a - 6)].start
        hosts = [m.entity_id for m in ctx.of_type("country") if lo <= m.start and m.entity_id != of
                 and m.start < ctx.toks[min(k, len(ctx.toks) - 1)].start]
        located = [h for h in hosts if any(m.entity_id == h and ctx.is_locative(m) for m in ctx.mentions)]
        hosts = located or hosts
        return hosts[-1] if hosts else None

    def _chairs(self, ctx: SentenceContext, doc: Document) -> list[Fact]:
        out = []
        for ev in doc.events:
            if ev.type == "CHAIR" and ev.evidence.start == ctx.sent.start:
                states = [p for p in ev.participants if p.startswith("country:")]
                orgs = [p for p in ev.participants if p.startswith("org:")]
                for s in states[:1]:
                    for o in orgs[:1]:
                        out.append(Fact("chairs", s, None, o, ev.date, ev.evidence))
        return out


    @staticmethod
    def _members(ctx: SentenceContext, date: str | None) -> list[Fact]:
        """"Küveyt AQEM-in 28-ci üzv dövləti olub", "АӨСШК-нің бақылаушы мемлекеті болып табылатын
        Беларусь": the state nearest the membership words, of the organisation nearest them."""
        out = []
        for p, a, b in ctx.matches(ctx.ld.membership):
            lo, hi = ctx.toks[a].start, ctx.toks[b - 1].end

            def distance(m, lo=lo, hi=hi) -> int:
                return lo - m.end if m.end <= lo else m.start - hi if m.start >= hi else 0
            orgs = sorted(ctx.of_type("organization"), key=distance)
            states = sorted((m for m in ctx.of_type("country") if not ctx.is_locative(m)), key=distance)
            if orgs and states:
                out.append(Fact("member_of", states[0].entity_id, "observer" if p.label == "observer" else None,
                                orgs[0].entity_id, date,
                                Evidence(ctx.sent.start, ctx.sent.end, ctx.doc.text[ctx.sent.start:ctx.sent.end])))
        return out


def _titled_persons(ctx: SentenceContext) -> list[tuple]:
    """(person, title, first token, end token, "former" | "acting" | None) for each person a title
    qualifies: the title ending nearest before the name within reach, with no other person between them
    ("президент Тоқаев Көшербаевты ... тағайындады": the president is Tokayev, not Kosherbayev). A title
    joined to a qualifying prefix ("экс-посол") is read without it."""
    before, after, prefixes = qualifiers(ctx.ld)
    folds, fused = list(ctx.folds), {}
    for i, w in enumerate(folds):
        for prefix, kind in prefixes:
            if w.startswith(prefix) and len(w) > len(prefix):
                folds[i], fused[i] = w[len(prefix):], kind
    titles = ctx.ld.titles.find(folds) if fused else ctx.matches(ctx.ld.titles)
    persons = ctx.of_type("person")
    starts = [ctx.token_index(m.start) for m in persons]
    out = []
    for person, k in zip(persons, starts):
        near = [(p, a, b) for p, a, b in titles if 0 <= k - b <= _TITLE_REACH
                and not any(b <= j < k and other.entity_id != person.entity_id
                            for other, j in zip(persons, starts))]
        if near:
            p, a, b = max(near, key=lambda t: (t[2], t[2] - t[1]))
            out.append((person, p, a, b, _qualifier(ctx, before, after, fused, a, b)))
    return out


def _qualifier(ctx: SentenceContext, before: PatternIndex, after: PatternIndex, fused: dict, a: int,
               b: int) -> str | None:
    """"former" or "acting" where the words around the title (tokens a..b) say so."""
    if a in fused:
        return fused[a]
    for q, _, qb in ctx.matches(before):
        if a - _BEFORE_REACH <= qb <= a:
            return q.label
    for q, qa, _ in ctx.matches(after):
        if qa == b:
            return q.label
    return None


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        key = (f.relation, f.subject, f.role, f.of)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
