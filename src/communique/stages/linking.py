"""Mentions to entities: knowledge-base ids, short references resolved within the
article, and deterministic ids for names the knowledge base lacks.

A new entity's id is derived from the script-neutral key of its name, so
"Migel Moratinos" in Azerbaijani and "Мигель Моратинос" in Russian get the
same id in every article and run.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
from bisect import bisect_left, bisect_right
from collections import defaultdict

from ..document import ALONE, Document, Entity, Mention
from ..kb import KnowledgeBase
from ..lang.grammar import grammar
from ..text import initial_agrees, slug, translit_key


_MAX_SLUG = 100


def new_entity_id(type_: str, base: str) -> str:
    key = slug(base)
    if len(key) > _MAX_SLUG:  # ids are stored in bounded columns; keep them short and still unique
        key = key[:_MAX_SLUG - 9].rstrip("-") + "-" + hashlib.sha1(key.encode()).hexdigest()[:8]
    return f"new:{type_}:{key}"


def _doc_key(doc_id: str) -> str:
    """A short key of the article: a name of one word is a person of that article only (two
    "Азамат" in two articles are no one person)."""
    return hashlib.sha1(doc_id.encode()).hexdigest()[:8]


class LinkingStage:
    name = "linking"
    requires = ("mentions",)
    provides = ("entities",)

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def __call__(self, doc: Document) -> Document:
        shorts, initialled = [], []
        for m in doc.mentions:
            if m.source == "short":
                shorts.append(m)
            elif m.source == "initials":
                initialled.append(m)
            elif m.source in ("kb", "subdivision", "deixis", "composed", "region"):  # a subdivision's id is
                # composed from its place's, another state's body from its state's; "our country" is the state
                # the article is written from; a region's is the knowledge base's
                m.entity_id = m.candidates[0]
            else:
                m.entity_id = self._link_name(m)
        for m in doc.mentions:
            if m.entity_id:
                m.entity_id = self.kb.canonical(m.entity_id)  # curated merges
        _shortened_names(doc)
        persons = self._doc_persons(doc)
        self._surnames_of_others(doc, persons)
        kept = [m for m in doc.mentions if m.source not in ("short", "initials")]
        for m in initialled:
            # "С.Лебедев": the Sergey Lebedev the article names in full, else a name of its own; not
            # a person whose given name the initial contradicts ("Р.Ескалиев" is no Yermek Eskaliyev)
            initial, _, rest = m.base.rpartition(".")
            surname = dataclasses.replace(m, base=rest.strip())
            first = initial.split(".")[0].strip()
            target = _resolve_short(surname, {p: keys for p, keys in persons.items()
                                              if initial_agrees(first, self._given(doc, p))})
            m.entity_id = self.kb.canonical(target) if target else self.kb.canonical(self._link_name(m))
            kept.append(m)
        for m in shorts:
            target = _resolve_short(m, persons)
            if target:  # a fuller name completes it: no name alone any more
                m.entity_id, m.type, m.kind = self.kb.canonical(target), "person", "name" if m.kind == ALONE else m.kind
                kept.append(m)
        kept += self._role_mentions(doc, kept)
        for m in shorts:
            if m.entity_id is None and m.kind == ALONE:
                m.entity_id = f"{new_entity_id('person', m.base)}~{_doc_key(doc.id)}"
                kept.append(m)
        doc.mentions = sorted(kept, key=lambda m: (m.start, -m.end))
        doc.entities = self._entities(doc.mentions)
        return doc

    def _role_mentions(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """"Мемлекет басшысы ... қабылдады", "the foreign minister of Kazakhstan": an official
        named only by title is the person holding that office at the article's date, when the
        text says which state (a qualifying country, else the state the article is about)."""
        from .context import prose
        article = _Article(doc, mentions)
        out = []
        for sent in prose(doc):
            titles = _SentenceTitles(doc, sent, article.local(sent))
            out += [_title_mention(doc, *titles.span(a, b), person) for p, a, b in titles.titles
                    if (person := self._title_person(article, titles, p, a, b))]
        return out

    def _title_person(self, article: _Article, titles: _SentenceTitles, p, a: int, b: int) -> str | None:
        """Whom the title at a..b names: the one person the text makes certain, else none."""
        role = _ROLE_OF_TITLE.get(p.label)
        if titles.names_none(p, a, b):
            return None
        start, end = titles.span(a, b)
        # the article's bearer of a title, where its own sentence does not name him (the title
        # introduces his name there, further on: "Посол Казахстана в Австрии Кайрат Сарыбай"), nor
        # another title joins it (titles joined introduce one name after both: "Baş katibinin müavini
        # və ... nümayəndəsi Migel Moratinos")
        present = titles.persons()
        alone = not titles.joined(b)
        # "президентом МККК Петером Маурером": the title of an organisation's officer (the organisation's
        # name follows the title in Russian, stands before it in az and kk): the officer the article names
        # with that title of that organisation, if one
        if (body := titles.body(start, end)) is not None:
            got = article.bearers()[p.label, body.entity_id]
            return next(iter(got)) if alone and len(got) == 1 and not got & present else None
        near = titles.states(start, end)
        if near is None:
            return None  # "главы МИД Армении и Азербайджана": one title for two states' officials
        # a state's own body inside the title is of that state ("Azərbaycan XİN başçısı")
        near = [m.entity_id for m in near] or [self.kb.national_bodies[m.entity_id] for m in titles.local
                                               if m.type == "organization" and m.entity_id in self.kb.national_bodies
                                               and m.start < end and start < m.end][:1]
        # a person the title's own sentence names as the counterpart is someone else ("Глава
        # государства провел телефонный разговор с президентом Турции Реджепом Тайипом Эрдоганом")
        others = titles.counterparts()
        if role is None:  # an office the knowledge base keeps no terms of: the one the article titles so
            # (of those it titles so, the one of the state beside the title: "Ресей елшісі" where the
            # article also names Kazakhstan's envoy)
            got = article.bearers()[p.label, near[0] if near else None] - others
            certain = alone and near and len(got) == 1
            return next(iter(got)) if certain and not got & present else None
        return self._holder(article, role, near, others)

    def _holder(self, article: _Article, role: str, near: list[str], others: set[str]) -> str | None:
        """The holder of a state's office (the knowledge base's terms) whom the article names: the state
        beside the title, else (no state beside it) the state of the first official the article names in
        that office, its protagonist ("Президент Шавкат Мирзиёев принял ... пресс-служба главы
        государства"), before the state it mentions most."""
        date = article.doc.published
        candidates = article.named - others
        state = near[0] if near else \
            self._protagonist_state(article.order, role, date, others) or article.home
        holders = sorted(set(self.kb.holders(role, state, date))) if state and date else []
        if not (len(holders) == 1 and holders[0] in candidates):
            # undated, or the state only guessed: who held the office is open, unless the
            # article names exactly one person who held it (on its date; undated: ever)
            # ("Мемлекет басшысы ... қабылдады" ... "Қасым-Жомарт Тоқаев ... айтты")
            state = near[0] if near else None
            holders = sorted(p for p in candidates if p and any(
                r.role == role and (state is None or r.of == state) and (not date or r.active(date))
                for r in self.kb.roles_of(p)))
        # only a person the article names elsewhere: then the text makes the referent certain
        return holders[0] if len(holders) == 1 and holders[0] in candidates else None

    def _protagonist_state(self, order: list[Mention], role: str, date: str | None,
                           others: set[str] = frozenset()) -> str | None:
        """The state of the first person the article names who held ``role`` (on its date), other than
        ``others`` (the title's counterparts)."""
        for m in order:
            if m.type == "person" and m.source != "role" and m.entity_id and m.entity_id not in others:
                for r in self.kb.roles_of(m.entity_id):
                    if r.role == role and (not date or r.active(date)):
                        return r.of
        return None

    def _surnames_of_others(self, doc: Document, persons: dict[str, list[str]]) -> None:
        """A known person's surname alone ("Bayramov") in an article that names someone else of that
        surname in full ("Niyazi Bayramov") and not the known person is that someone."""
        full = {m.entity_id for m in doc.mentions if m.type == "person" and m.entity_id
                and m.source not in ("short", "initials") and m.kind != "short"}
        others = {p: keys for p, keys in persons.items() if p in full}
        for m in doc.mentions:
            if m.source == "kb" and m.type == "person" and m.kind == "short" and m.entity_id not in full:
                target = _resolve_short(m, others)
                if target:
                    m.entity_id = target

    def _given(self, doc: Document, pid: str) -> frozenset[str]:
        """Given-name keys of a person of this article: the knowledge base's, else the words before
        the surname in the names the article gives it."""
        known = self.kb.given_names(pid)
        if known:
            return known
        return frozenset(w for m in doc.mentions if m.entity_id == pid and m.source not in ("short", "initials")
                         for w in translit_key(m.base).split()[:-1] if len(w) > 1)

    def _link_name(self, m: Mention) -> str:
        if m.type == "person":
            hits = self.kb.by_translit(m.base)
            if len(hits) == 1:
                return next(iter(hits))
            # another spelling of a known name (the surface form too: Russian lemmas of foreign
            # surnames go astray, "Мирзоен" -> "Мирзойный")
            near = None if hits else self.kb.fuzzy_person(m.base) or self.kb.fuzzy_person(m.text)
            if near:
                return near
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
                region = self.kb.regions.get(m.entity_id)
                e = by_id[m.entity_id] = Entity(
                    m.entity_id, kbe.type if kbe else m.type,
                    kbe.label if kbe else region["label"] if region else m.base,
                    wikidata=(kbe.wikidata or None) if kbe else None, new=kbe is None and region is None)
            elif e.new and len(m.base) > len(e.label) and m.source != "short":
                e.label = m.base
            e.mentions.append(m)
        return list(by_id.values())


class _Article:
    """What every title of an article is read against: its mentions in order, the persons it names,
    the state it is about and the persons it names after a title (read once, where a title needs them)."""

    def __init__(self, doc: Document, mentions: list[Mention]):
        self.doc = doc
        self.home = _home_country(mentions)
        self.named = {m.entity_id for m in mentions if m.type == "person"}
        self.order = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.order]
        self._longest = max((m.end - m.start for m in self.order), default=0)
        self.bearers = functools.cache(lambda: _bearers(doc))

    def local(self, sent) -> list[Mention]:
        """The mentions of a sentence (a scan of all of them per title made a long article quadratic)."""
        lo, hi = sent.start - self._longest, sent.end + 2
        return self.order[bisect_left(self._starts, lo):bisect_right(self._starts, hi)]


class _SentenceTitles:
    """The titles of one sentence and what stands around each: the names it introduces, the body or
    states it is of, the counterparts the sentence names."""

    def __init__(self, doc: Document, sent, local: list[Mention]):
        from .. import lang as langdata
        from ..text import fold
        from .context import sentence_code, sentence_tokens
        self.doc, self.sent, self.local = doc, sent, local
        code = sentence_code(doc, sent)
        self.grammar = grammar(code)
        self.toks = sentence_tokens(doc, sent.start, sent.end)
        self.folds = [fold(t.text) for t in self.toks]
        self.titles = langdata.load(code).titles.find(self.folds)
        self._ctx = None  # built for the first title that needs it

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.toks[a].start, self.toks[b - 1].end

    def joined(self, b: int) -> bool:
        return b < len(self.folds) and self.folds[b] in self.grammar.words["conjunction"]

    def names_none(self, p, a: int, b: int) -> bool:
        """A title that names no one to resolve: inside a longer one, in the plural, the office taken,
        or introducing the name after it."""
        if any(x <= a and b <= y and (x, y) != (a, b) for _, x, y in self.titles):
            return True  # "премьер-министра" inside "заместитель премьер-министра"
        if self.grammar.plural_title(p.tokens, self.folds[a:b]):
            return True  # "сыртқы істер министрлерінің": several officials, no one person
        if b < len(self.folds) and self.folds[b] in self.grammar.words["capacity"]:
            return True  # "Бас хатшысы болып сайланды": the office taken, no one holding it
        start, _ = self.span(a, b)
        limit = self.toks[min(b + 2, len(self.toks) - 1)].end
        # a title after this one introduces the name after it ("Dövlət başçısı Türkiyə Prezidenti
        # Rəcəb Tayyib Ərdoğanla"): that name is not this title's
        nxt = min((self.toks[x].start for _, x, _ in self.titles if x >= b), default=len(self.doc.text))
        # the title introduces a name: nothing to resolve (another title is no name)
        return any(m.type == "person" and m.end > start and m.start <= limit and m.start < nxt for m in self.local)

    def persons(self) -> set[str]:
        return {m.entity_id for m in self.local if m.type == "person" and self.sent.contains(m)}

    def counterparts(self) -> set[str]:
        from .context import SentenceContext
        self._ctx = self._ctx or SentenceContext.build(self.doc, self.sent)
        return {m.entity_id for m in self.local if m.type == "person" and self.sent.contains(m)
                and self._ctx.is_counterpart(m)}

    def body(self, start: int, end: int) -> Mention | None:
        """The organisation beside the title on the side its genitive stands."""
        after = self.grammar.genitive_after_head
        return next((m for m in self.local if m.type == "organization"
                     and 0 <= (m.start - end if after else start - m.end) <= 2), None)

    def states(self, start: int, end: int) -> list[Mention] | None:
        """The state the title is of, nearest first; None for a title of two states."""
        toks, titles, sent = self.toks, self.titles, self.sent
        # the state stands before the title in az and kk ("ҚР Президентінің"), after it in
        # Russian ("Президент Казахстана"); in "Мемлекет басшысы Қытай Елшісін" it is the envoy's
        after = 25 if self.grammar.genitive_after_head else -1
        # a state belongs to the title it stands next to, not past another title: "премьер-министр
        # Армении и президент Азербайджана", "Azərbaycan Prezidenti və Ermənistanın baş naziri"
        after = min([after] + [toks[x].start - end for _, x, _ in titles if toks[x].start >= end])
        before = min([40] + [start - toks[y - 1].end for _, _, y in titles if toks[y - 1].end <= start])
        if self.grammar.genitive_after_head and before < 40:
            before = 1  # the state after the title before is that one's; an adjective is this one's
        # inside the title too: "глава азербайджанского внешнеполитического ведомства"
        near = [m for m in self.local if m.type == "country" and sent.contains(m)
                and (0 <= start - m.end <= before or 0 <= m.start - end <= after or start <= m.start < end)]
        near = _joined_to_title(near, start, end, toks, self.grammar.words["conjunction"])
        if len({m.entity_id for m in near}) >= 2:
            return None
        return sorted(near, key=lambda m: 0 if start <= m.start < end else min(abs(start - m.end), abs(m.start - end)))


def _title_mention(doc: Document, start: int, end: int, person: str) -> Mention:
    return Mention(start, end, doc.text[start:end], "person", base=doc.text[start:end], source="role",
                   entity_id=person, kind="title")


def _bearers(doc: Document) -> dict[tuple[str, str | None], set[str]]:
    """(title, None) -> the persons the article names after that title; (title, state or body) -> those
    of them with that state or body beside the title ("Ресейдің Қазақстандағы елшісі Алексей
    Бородавкин", "Parlamentlərarası İttifaqın (İPU) prezidenti Duarte Paçeko")."""
    from .context import SentenceContext, prose
    out: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for sent in prose(doc):
        ctx = SentenceContext.build(doc, sent)
        for person, p, a, b in ctx.titled_persons():
            if person.source == "role" or not person.entity_id:
                continue
            out[p.label, None].add(person.entity_id)
            for m in ctx.of_type("country", "organization"):
                # not where he is posted ("Қазақстанның Ресейдегі елшісі": Kazakhstan's, in Russia)
                if a - _TITLE_REACH <= ctx.token_index(m.start) < b + _TITLE_REACH and not ctx.is_locative(m):
                    out[p.label, m.entity_id].add(person.entity_id)
    return out


_TITLE_REACH = 3  # tokens before or after a title where the state or body it is of stands
# Titles that name one office per state, resolvable through the knowledge base's roles.
_ROLE_OF_TITLE = {"head of state": "president", "president": "president", "prime minister": "prime minister",
                  "minister of foreign affairs": "minister of foreign affairs"}


def _joined_to_title(near: list[Mention], start: int, end: int, toks, joins) -> list[Mention]:
    """The states a title is of: those inside it, the one next to it (a word between at most:
    "Президент Республики Казахстан") and those joined to that one by a conjunction or a comma
    ("главы МИД Армении и Азербайджана"). A state past a verb or a preposition is another part of
    the sentence: "президент России посетил Туркмению", "Rusiyaya səfər edən Qazaxıstan Prezidenti"."""
    def words(a: int, b: int) -> list[str]:
        return [t.text.lower() for t in toks if t.start >= a and t.end <= b and any(c.isalnum() for c in t.text)]

    kept = [m for m in near if start <= m.start < end]
    after = sorted((m for m in near if m.start >= end), key=lambda m: m.start)
    before = sorted((m for m in near if m.end <= start), key=lambda m: -m.start)
    for side, forward in ((after, True), (before, False)):
        edge = end if forward else start  # where the last state kept (or the title) stops
        for k, m in enumerate(side):
            gap = words(edge, m.start) if forward else words(m.end, edge)
            if (len(gap) > 1) if k == 0 else any(w not in joins for w in gap):
                break
            kept.append(m)
            edge = m.end if forward else m.start
    return kept


def _home_country(mentions: list[Mention]) -> str | None:
    """The state an article is about: clearly the most mentioned one, or none."""
    from collections import Counter
    counts = Counter(m.entity_id for m in mentions if m.type == "country")
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return top[0][0]


def _shortened_names(doc: Document) -> None:
    """A name the knowledge base does not know, given again by its first and last words ("Адель
    Ибрагим" after "Аделя Ибрагима Ахмеда Ибрагима", "Sultan Al-Jaber" after "Sultan Ahmad
    Al-Jaber"), is the one person the article names in full so."""
    words: dict[str, list[str]] = {}
    for m in doc.mentions:
        if m.type == "person" and m.entity_id and m.entity_id.startswith("new:") \
                and m.source not in ("short", "initials"):
            w = translit_key(m.base).split()
            words[m.entity_id] = max(words.get(m.entity_id, []), w, key=len)
    longer = {p: [q for q, v in words.items() if len(v) > len(w) and (v[0], v[-1]) == (w[0], w[-1])]
              for p, w in words.items() if len(w) >= 2}
    for m in doc.mentions:
        if len(longer.get(m.entity_id, ())) == 1:
            m.entity_id = longer[m.entity_id][0]


def _resolve_short(m: Mention, persons: dict[str, list[str]]) -> str | None:
    key = translit_key(m.base)
    if not key or " " in key:
        return None
    hits = [pid for pid, keys in persons.items()
            if any(key == k or (key.startswith(k) and len(key) - len(k) <= 3 and len(k) >= 4) for k in keys)]
    return hits[0] if len(hits) == 1 else None
