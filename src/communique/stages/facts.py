"""Facts: who holds which position (from titles before names), who chairs what, which state is a
member or an observer of which organisation."""
from __future__ import annotations

from ..document import Document, Evidence, Fact
from ..kb import KnowledgeBase
from .context import SentenceContext, prose
from .events import add_inferred_entities

_TITLE_REACH = 5  # tokens between the end of a title and the name it qualifies


class FactStage:
    name = "facts"
    requires = ("entities", "events")
    provides = ("facts",)

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def __call__(self, doc: Document) -> Document:
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
        for person, p, a, b in ctx.titled_persons(_TITLE_REACH):
            k = ctx.token_index(person.start)
            of = self._of(ctx, person, a)
            role = p.label
            if role == "ambassador" and of:
                host = self._host(ctx, a, k, of)
                role = f"ambassador to {self.kb.label(host)}" if host else role
            if of is None:
                held = [r.of for r in self.kb.roles_of(person.entity_id) if r.role == role and r.active(date)]
                of = held[0] if held else None
            out.append(Fact("holds_position", person.entity_id, role, of, date,
                            Evidence(ctx.sent.start, ctx.sent.end, ctx.doc.text[ctx.sent.start:ctx.sent.end])))
        return out

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


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        key = (f.relation, f.subject, f.role, f.of)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
