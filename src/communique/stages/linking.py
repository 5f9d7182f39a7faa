"""Mentions to entities: knowledge-base ids, short references resolved within the
article, and deterministic ids for names the knowledge base lacks.

A new entity's id is derived from the script-neutral key of its name, so
"Migel Moratinos" in Azerbaijani and "Мигель Моратинос" in Russian get the
same id in every article and run.
"""
from __future__ import annotations

from ..document import Document, Entity, Mention
from ..kb import KnowledgeBase
from ..text import slug, translit_key


def new_entity_id(type_: str, base: str) -> str:
    return f"new:{type_}:{slug(base)}"


class LinkingStage:
    name = "linking"
    requires = ("mentions",)
    provides = ("entities",)

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def __call__(self, doc: Document) -> Document:
        shorts = []
        for m in doc.mentions:
            if m.source == "short":
                shorts.append(m)
            elif m.source == "kb":
                m.entity_id = m.candidates[0]
            else:
                m.entity_id = self._link_name(m)
        for m in doc.mentions:
            if m.entity_id:
                m.entity_id = self.kb.canonical(m.entity_id)  # curated merges
        persons = self._doc_persons(doc)
        kept = [m for m in doc.mentions if m.source != "short"]
        for m in shorts:
            target = _resolve_short(m, persons)
            if target:
                m.entity_id, m.type = self.kb.canonical(target), "person"
                kept.append(m)
        doc.mentions = sorted(kept, key=lambda m: (m.start, -m.end))
        doc.entities = self._entities(doc.mentions)
        return doc

    def _link_name(self, m: Mention) -> str:
        if m.type == "person":
            hits = self.kb.by_translit(m.base)
            if len(hits) == 1:
                return next(iter(hits))
        return new_entity_id(m.type, m.base)

    def _doc_persons(self, doc: Document) -> dict[str, list[str]]:
        """Person id -> script-neutral keys of its surname forms seen or known."""
        out: dict[str, list[str]] = {}
        for m in doc.mentions:
            if m.type != "person" or not m.entity_id or m.source == "short":
                continue
            keys = out.setdefault(m.entity_id, [])
            names = [m.base]
            kbe = self.kb.get(m.entity_id)
            if kbe:
                names += [a.text for a in kbe.aliases] + [kbe.label]
            for n in names:
                parts = translit_key(n).split()
                if len(parts) > 1 and parts[-1] not in keys:
                    keys.append(parts[-1])
        return out

    def _entities(self, mentions: list[Mention]) -> list[Entity]:
        by_id: dict[str, Entity] = {}
        for m in mentions:
            e = by_id.get(m.entity_id)
            if e is None:
                kbe = self.kb.get(m.entity_id)
                e = by_id[m.entity_id] = Entity(
                    m.entity_id, kbe.type if kbe else m.type, kbe.label if kbe else m.base,
                    wikidata=(kbe.wikidata or None) if kbe else None, new=kbe is None)
            elif e.new and len(m.base) > len(e.label) and m.source != "short":
                e.label = m.base
            e.mentions.append(m)
        return list(by_id.values())


def _resolve_short(m: Mention, persons: dict[str, list[str]]) -> str | None:
    key = translit_key(m.base)
    if not key or " " in key:
        return None
    hits = [pid for pid, keys in persons.items()
            if any(key == k or (key.startswith(k) and len(key) - len(k) <= 3 and len(k) >= 4) for k in keys)]
    return hits[0] if len(hits) == 1 else None
