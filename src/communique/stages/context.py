"""What event and fact extraction need to know about one sentence."""
from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

from .. import lang as langdata
from ..document import NO_PARTY, Document, Mention, Sentence
from ..lang.dates import DateMatch, find_dates
from ..lang.grammar import Grammar, endings, grammar
from ..text import Token, fold, lower, tokenize

# Between a country and the person it qualifies ("министр иностранных дел Азербайджана
# Джейхун Байрамов") there is no list separator and no conjunction.
_QUALIFIER_REACH = 90
_SPEAKERS = ("person", "organization")
_COORDINATED_GAP = 3  # a conjunction and a title of two words between two names of a list
_SAID = ("person", "organization", "country")  # names in what a speaker says
# a quotation closing on a comma and a dash, the attribution after it ("», — сказал", "”, - deyə", "», - деді")
_QUOTE_END = re.compile(r"[»”\"],?\s*[—–-]\s")
_BREAK = frozenset(",;:()")
_UNREAD = object()  # no reading remembered yet (None is one)


def sentence_tokens(doc: Document, start: int, end: int) -> list[Token]:
    """The tokens of ``doc.text[start:end]``, made once per run (mentions, events and facts ask)."""
    cache = doc.scratch.of(doc.text).tokens
    got = cache.get((start, end))
    if got is None:
        got = cache[(start, end)] = tokenize(doc.text, start, end)
    return got


def token_folds(toks: list[Token]) -> list[str]:
    """The folded words of a sentence's tokens, remembered for the last token list asked: the mention
    finders each match their patterns against the same sentence's (a list of their own once cost a
    tenth of a finder's time). The list is shared; read it, do not change it."""
    global _FOLDS
    got = _FOLDS  # replaced whole, never changed: read once, another thread's sentence cannot slip in
    if got[0] is not toks:  # the token list itself is held, so its id cannot be reused meanwhile
        got = _FOLDS = (toks, [fold(t.text) for t in toks])
    return got[1]


_FOLDS: tuple[list, list[str]] = ([], [])


def parties_only(call):
    """A stage that finds events and facts sees none of the names that are no party (``NO_PARTY``): a
    person named by one word alone says too little of who; an outlet or agency reports the news. They
    are kept for what they are, names in the text."""
    @functools.wraps(call)
    def run(self, doc: Document) -> Document:
        alone = [m for m in doc.mentions if m.kind in NO_PARTY]
        if not alone:
            return call(self, doc)
        ids = {m.entity_id for m in alone} - {m.entity_id for m in doc.mentions if m.kind not in NO_PARTY}
        entities = [e for e in doc.entities if e.id in ids]
        doc.mentions = [m for m in doc.mentions if m.kind not in NO_PARTY]
        doc.entities = [e for e in doc.entities if e.id not in ids]
        try:
            return call(self, doc)
        finally:
            doc.mentions = sorted(doc.mentions + alone, key=lambda m: (m.start, -m.end))
            doc.entities += entities
    return run


def mentions_from(doc: Document, start: int, end: int) -> list[Mention]:
    """The mentions that start in ``start..end``, in ``doc.mentions`` order. The stages keep
    ``doc.mentions`` sorted by start, so it is a slice found by bisection (a sentence context is built
    per sentence and stage: a scan of every mention each time made long articles quadratic); a list
    found unsorted is scanned."""
    mentions = doc.mentions
    cache = doc.scratch.of(doc.text).mention_order
    if cache.get("list") is not mentions or cache.get("length") != len(mentions):
        # the list itself is kept, so its id cannot be reused by another list while this is cached
        cache.update(list=mentions, length=len(mentions),
                     sorted=all(a.start <= b.start for a, b in zip(mentions, mentions[1:])))
    if not cache["sorted"]:
        return [m for m in mentions if start <= m.start <= end]
    return mentions[bisect_left(mentions, start, key=_start):bisect_right(mentions, end, key=_start)]


_start = attrgetter("start")  # a mention's start, read without a Python call (68k bisections a run)


def sentence_code(doc: Document, sent: Sentence) -> str | None:
    """The language whose object reads a sentence (``lang.route``): its own, else the document's;
    None for a language without an object."""
    return langdata.route(sent.lang, doc.lang)


def prose(doc: Document):
    """The sentences the stages read: outside boilerplate, in a language with an object."""
    return (s for s in doc.sentences if not s.boilerplate and sentence_code(doc, s) is not None)


@dataclass
class _Base:
    """What a SentenceContext holds that does not depend on the mentions."""
    toks: list[Token]
    folds: list[str]
    dates: list[DateMatch]
    matches: dict
    ends: list[int]  # each token's end offset, increasing: ``token_index`` bisects it
    counterparts: dict = field(default_factory=dict)  # (start, end) -> whether joined as a counterpart
    derived: dict = field(default_factory=dict)  # other readings of the text alone (``of_text``)


def _reading(doc: Document, sent: Sentence, code: str, ld: langdata.LangData) -> _Base:
    """Tokens, dates and pattern matches depend on the text alone: the stages share them, made once
    per run. Mentions are taken afresh for each context (the events stage may add some)."""
    cache = doc.scratch.of(doc.text).readings
    base = cache.get((sent.start, sent.end, code))
    if base is None:
        toks = sentence_tokens(doc, sent.start, sent.end)
        joined = bool(grammar(code).words["ordinal_joiner"])
        base = cache[(sent.start, sent.end, code)] = _Base(
            toks, [_word_read(t.text, joined) for t in toks],
            find_dates(doc.text, ld, sent.start, sent.end, toks=toks), {}, [t.end for t in toks])
    return base


def _word_read(text: str, joined: bool) -> str:
    """A token as the patterns read it: folded; where the language joins an ordinal in digits to the
    noun it counts (grammar.tsv ``ordinal_joiner``), the noun alone ("79-сессиясына" is "сессиясына",
    its ordinal read off the token by the gatherings stage)."""
    word = fold(text)
    m = _JOINED_ORDINAL.match(word) if joined else None
    return m.group(1) if m else word


_JOINED_ORDINAL = re.compile(r"\d+-(\w*[^\W\d]\w*)$")


def sentence_dates(doc: Document, sent: Sentence) -> list[DateMatch]:
    """The dates of a sentence of prose, as its context has them, without a context built for its
    mentions (a rule reading the dates of every sentence needs none). Shared: read it, do not change it."""
    code = _object_code(doc, sent)
    return _reading(doc, sent, code, langdata.load(code)).dates


def _object_code(doc: Document, sent: Sentence) -> str:
    """The code of the language object that reads a sentence of prose."""
    code = sentence_code(doc, sent)
    if code is None:
        raise ValueError(f"sentence {sent.start}:{sent.end} is in a language without an object; read prose(doc)")
    return code


@dataclass
class SentenceContext:
    doc: Document
    sent: Sentence
    code: str
    ld: langdata.LangData
    toks: list[Token]
    folds: list[str]
    mentions: list[Mention]
    dates: list[DateMatch] = field(default_factory=list)
    _matches: dict = field(default_factory=dict, repr=False)
    _ends: list[int] | None = field(default=None, repr=False)
    _counterparts: dict = field(default_factory=dict, repr=False)
    _derived: dict = field(default_factory=dict, repr=False)
    # the speaker's side of reported speech, tokens [a, b): no name or title there takes part
    speaker_side: tuple[int, int] | None = None
    # mention id -> (mention, the person it qualifies): a copy with other mentions starts afresh
    _qualified: dict = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def build(cls, doc: Document, sent: Sentence) -> "SentenceContext":
        code = _object_code(doc, sent)
        ld = langdata.load(code)
        start, end = sent.start, sent.end
        base = _reading(doc, sent, code, ld)
        # officials named only by title count too: linking gave them an id only where the text makes
        # the referent certain
        mentions = [m for m in mentions_from(doc, start, end) if m.end <= end and m.entity_id]
        return cls(doc, sent, code, ld, list(base.toks), list(base.folds), mentions, list(base.dates), base.matches,
                   base.ends, base.counterparts, base.derived)

    @property
    def grammar(self) -> Grammar:
        return grammar(self.code)

    def without_speaker(self, trigger_at: int) -> "SentenceContext":
        """The same sentence without the speaker of reported speech ("Kelli əlavə edib ki, Tramp …
        imzalayacaq": Kelly reports, Trump signs), when the trigger is on the reported side."""
        for p, a, b in self.matches(self.ld.speech):
            cut = self.toks[a].start
            # the speaker is a person or a body ("МИД России сообщил, что ..."): no party to what it reports
            if p.label == "before" and trigger_at >= b:
                keep = [m for m in self.mentions if m.start >= cut or m.type not in _SPEAKERS]
                side = (0, a)
            elif p.label == "after" and trigger_at < a:
                keep = [m for m in self.mentions if m.start < cut or m.type not in _SPEAKERS]
                side = (a, len(self.toks))
            elif p.label == "before" and trigger_at < a:
                # the trigger in the speaker's clause ("görüşündən öncə Putin deyib ki, ..."): what was
                # said names no party to the occasion it was said at
                end = self.toks[b - 1].end
                keep = [m for m in self.mentions if m.start < end or m.type not in _SAID]
                side = None
            elif p.label == "after" and trigger_at >= b:
                start = self.toks[a].start  # "«...», — деді Тоқаев кездесуде": the quotation before
                keep = [m for m in self.mentions if m.start >= start or m.type not in _SAID]
                side = None
            else:
                continue
            return dataclasses.replace(self, mentions=keep, speaker_side=side)
        return self

    def reported_titles(self) -> list:
        """The titles (titles.tsv) outside the speaker's side of reported speech."""
        side = self.speaker_side
        return [t for t in self.matches(self.ld.titles) if side is None or not side[0] <= t[1] < side[1]]

    def without_senders(self) -> "SentenceContext":
        """The same sentence without those whose greetings are conveyed (greetings.tsv: "передал ...
        приветствия от президента Путина", "Prezident İlham Əliyevin salamlarını çatdırıb"): they
        are not there; the one conveying them and the one greeted are. The sender stands `before` the
        greeting word (a genitive), `after` it up to the end of the clause, or right after it in the
        `genitive` ("приветствия президента Туркменистана Сердара Бердымухамедова")."""
        absent = self.senders()
        return dataclasses.replace(self, mentions=[m for m in self.mentions if id(m) not in absent]) if absent else self

    def senders(self) -> set[int]:
        """The ids of the mentions ``without_senders`` leaves out."""
        absent: set[int] = set()
        for p, a, b in self.matches(self.ld.greetings):
            if p.label == "before":
                absent |= {id(m) for m in self.of_type("person", "country") if self.token_index(m.end - 1) == a - 1}
            elif p.label == "genitive" and not (b < len(self.folds)
                                                and self.folds[b].endswith(self.grammar.words["genitive_ending"] or ("\0",))):
                continue  # "приветствия премьер-министру Турции": the one greeted, in the dative
            else:
                end = self.between(b, _BREAK)[1] if b < len(self.toks) else b
                absent |= {id(m) for m in self.of_type("person") if b <= self.token_index(m.start) < end}
        return absent

    def without_sources(self) -> "SentenceContext":
        """The same sentence without the bodies and persons a reporting frame names as the news'
        source (reporting.tsv: "сообщает Акорда", "по данным МИД", "Ақорда хабарлайды", "пишет
        Захарова"), known to the knowledge base or not: a source is no party to what it reports."""
        drop = {id(m) for p, a, b in self.matches(self.ld.reporting) for m in self.of_type("organization", "person")
                if (p.label == "after" and self.token_index(m.start) == b)
                or (p.label == "before" and self.token_index(m.end - 1) == a - 1)}
        return dataclasses.replace(self, mentions=[m for m in self.mentions if id(m) not in drop]) if drop else self

    def after_quote(self, trigger_at: int) -> "SentenceContext":
        """The attribution after a quotation, when the trigger stands there ("«Следующее заседание
        состоится ... в Астане», — сказал он, выступая на заседании ... в Санкт-Петербурге"): the
        quotation's names and dates are what was said, not this event's."""
        text = self.doc.text
        cut = max((m.end() for m in _QUOTE_END.finditer(text, self.sent.start, self.toks[trigger_at].start)), default=None)
        if cut is None:
            return self
        return dataclasses.replace(self, mentions=[m for m in self.mentions if m.start >= cut],
                                   dates=[d for d in self.dates if d.start >= cut])

    def breaks_before(self, k: int, marks: frozenset[str]) -> bool:
        """Whether one of ``marks`` stands between token k - 1 and token k."""
        return bool(marks & set(self.doc.text[self.toks[k - 1].end:self.toks[k].start]))

    def between(self, k: int, marks: frozenset[str]) -> tuple[int, int]:
        """Token range around token k between the nearest of ``marks`` on either side."""
        lo, hi = k, k + 1
        while lo > 0 and not self.breaks_before(lo, marks):
            lo -= 1
        while hi < len(self.toks) and not self.breaks_before(hi, marks):
            hi += 1
        return lo, hi

    def token_index(self, offset: int) -> int:
        """The first token that ends after ``offset`` (the one containing it, else the next);
        ``len(toks)`` past the last. Token ends increase, so a bisection finds it."""
        if self._ends is None or len(self._ends) != len(self.toks):
            self._ends = [t.end for t in self.toks]
        return bisect_right(self._ends, offset)

    def of_type(self, *types: str) -> list[Mention]:
        return [m for m in self.mentions if m.type in types]

    def qualified_person(self, m: Mention) -> Mention | None:
        """The person a country/organisation mention qualifies, if any (remembered per mention: the
        event and fact rules ask of the same mentions again and again)."""
        got = self._qualified.get(id(m))
        if got is None or got[0] is not m:
            got = self._qualified[id(m)] = (m, self._qualified_person(m))
        return got[1]

    def titled_states(self) -> list[tuple[Mention, Mention]]:
        """(state, person) for each state a person's title names ("ҚР Сыртқы істер министрі Мұхтар
        Тілеуберді", "Moldova Respublikasının ... naziri Aleksey Buzu"): the state whose official he is;
        a state in the locative is where he is, not whose."""
        return [(m, q) for m in self.of_type("country")
                if (q := self.qualified_person(m)) is not None and not self.is_locative(m)]

    def _qualified_person(self, m: Mention) -> Mention | None:
        text = self.doc.text
        persons = self.of_type("person")
        where = m.type == "country" and self._where(m, persons)
        # a title names one state or body, the one nearest the name: "министров ОТГ прошло под
        # председательством министра Турции Чавушоглу" qualifies him by Turkey, not by the OTS
        between = [x.start for x in self.of_type("country", "organization") if not self.is_locative(x)]
        # a state where one goes, comes from or is joined to ("Қазақстанға Владимир Путин келуі мүмкін")
        # names no one's state: only the nominative and the genitive do
        oblique = m.type == "country" and self.grammar.names_inflect and (
            self.is_dative(m) or self.is_ablative(m) or self.is_counterpart(m))
        for p in persons:
            if p.start <= m.start and m.end <= p.end:
                return p  # inside an official named by title: "председателя КНР", "ҚР Президенті"
            if p.source == "role" and self.grammar.genitive_after_head and 0 <= m.start - p.end \
                    and len(text[p.end:m.start].split()) <= 1 and not self.grammar.separates(text[p.end:m.start]):
                return p  # the state after the title it qualifies: "Президент [России] прибыл в Казахстан"
            if where and not any(m.end <= self.toks[a].start and self.toks[b - 1].end <= p.end
                                 for _, a, b in self.matches(self.ld.titles)):
                continue
            gap = p.start - m.end
            if 0 <= gap <= _QUALIFIER_REACH and not oblique and not (self.grammar.separates(text[m.end:p.start])
                                                     and not self._title_chain(m.end, p.start)) \
                    and not any(m.end <= x < p.start for x in between):
                return p
        return None

    def _title_chain(self, start: int, end: int) -> bool:
        """Whether the text between a state and a name is titles of one person joined by commas or
        dashes ("Қазақстан вице-премьері, ұлттық экономика министрі Серік Жұманғарин"): each comma
        or dash, and the name, comes right after a title."""
        text = self.doc.text
        spans = [(self.toks[a].start, self.toks[b - 1].end) for _, a, b in self.matches(self.ld.titles)
                 if start <= self.toks[a].start and self.toks[b - 1].end <= end]
        starts, ends = {x for x, _ in spans}, {y for _, y in spans}
        marks = [k for k in range(start, end) if text[k] in ",–—"]
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        return bool(marks) and first in starts and all(len(text[:k].rstrip()) in ends for k in marks + [end])

    def _where(self, m: Mention, persons: list[Mention]) -> bool:
        """Whether a state in the locative proper says where rather than whose: it does unless a title
        stands right before it ("посол России в Казахстане Алексей Бородавкин": the envoy's post). Saying
        where, it qualifies only a person whose title follows it, not a bare name ("Türkiyədə Ceyhun
        Bayramov ... görüşüb", "Мәулен Әшімбаев Ватиканда ...")."""
        if not self.in_place(m):
            return False
        at = self.token_index(m.start)
        return not any(at - 3 <= b <= at and not any(self.toks[b - 1].end <= p.start < m.start for p in persons)
                       for _, _, b in self.matches(self.ld.titles))

    def in_place(self, m: Mention) -> bool:
        """A name in the locative proper ("Түркияда", "в Турции"), its ending past the name itself
        ("Мальта" ends in -та and is no locative)."""
        return self.grammar.is_in_place(self.doc.text, m.start, m.end) and not (
            self.grammar.names_inflect and lower(m.text) == lower(m.base or m.text))

    def is_qualifier(self, m: Mention) -> bool:
        return m.type in ("country", "organization") and self.qualified_person(m) is not None

    def matches(self, patterns) -> list[tuple[object, int, int]]:
        """Every match of a pattern index in this sentence (cached: events and facts ask the same)."""
        key = id(patterns)
        got = self._matches.get(key)
        if got is None:
            got = self._matches[key] = patterns.find(self.folds)
        return got

    def of_text(self, key: tuple, make):
        """``make()``, remembered per sentence under ``key``: for a reading of the text alone (its tokens,
        folds and grammar), which every copy of the context, whatever its mentions, shares."""
        got = self._derived.get(key, _UNREAD)
        if got is _UNREAD:
            got = self._derived[key] = make()
        return got

    def is_counterpart(self, m: Mention) -> bool:
        """"Moratinos ilə", "Тоқаевпен", "с Лавровым": the name is joined to the verb as a counterpart
        (a reading of the text alone, remembered per span: every event rule asks who the subjects are)."""
        got = self._counterparts.get((m.start, m.end))
        if got is None:
            got = self._counterparts[(m.start, m.end)] = self._joined_as_counterpart(m)
        return got

    def _joined_as_counterpart(self, m: Mention) -> bool:
        suffixes = endings(self.ld, "com", "ins")
        if suffixes and lower(self.doc.text[m.start:m.end]).endswith(suffixes):
            return True
        i, j = self.token_index(m.start), self.token_index(m.end - 1) + 1
        for p in self.ld.comitative:
            if p.label == "after" and p.match_at(self.folds, j) is not None:
                return True
            if p.label == "before" and any(p.match_at(self.folds, k) is not None for k in range(max(0, i - 4), i)):
                # a preposition governs the names coordinated after the first ("с X и спикером Y")
                return True
        return any(p.label == "before" for p in self.ld.comitative) and self._coordinated_counterpart(i)

    def _coordinated_counterpart(self, i: int) -> bool:
        """The person named before token ``i`` is a counterpart and a conjunction, with at most a title
        after it, joins the two ("с премьер-министром X и спикером Y"): a preposition's case carries over
        the list."""
        before = [m for m in self.of_type("person") if self.token_index(m.end - 1) < i]
        if not before:
            return False
        prev = max(before, key=lambda m: m.end)
        gap = self.folds[self.token_index(prev.end - 1) + 1:i]
        return 1 <= len(gap) <= _COORDINATED_GAP and (gap[0] == "," or gap[0] in self.grammar.words["conjunction"]) \
            and self.is_counterpart(prev)

    def subjects(self) -> list[Mention]:
        """The persons named (not by title alone) in their base form, the nominative, and not joined to
        the verb as a counterpart: who the sentence says acts."""
        text = self.doc.text
        return [m for m in self.of_type("person") if m.source != "role" and m.base and not self.is_counterpart(m)
                and lower(text[m.start:m.end]) == lower(m.base)]

    def is_locative(self, m: Mention) -> bool:
        """"Avstriyadakı", "Украинадағы", "в Австрии": a state where something is, not whose it is."""
        return self.grammar.is_locative(self.doc.text, m.start, m.end)

    def is_dative(self, m: Mention) -> bool:
        """"Qazaxıstana", "ҚХР-ға": where one goes (in Russian "в Китай" reads as locative)."""
        suffixes = endings(self.ld, "dat")
        text, base = lower(self.doc.text[m.start:m.end]), lower(m.base or "")
        # the ending beyond the name's base form: "Астана" is a name, not "Аста" + dative
        tail = text[len(base):].lstrip("-'’") if base and text.startswith(base) else ""
        return bool(tail) and tail.endswith(suffixes)

    def is_ablative(self, m: Mention) -> bool:
        """"BMT-dən", "Украинадан": where something comes from or what it is compared with."""
        suffixes = endings(self.ld, "abl")
        return bool(suffixes) and lower(self.doc.text[m.start:m.end]).endswith(suffixes)

    def owns_counterpart(self, m: Mention, reach: int = 3) -> bool:
        """A possessor whose possessed noun, within ``reach`` words, is joined to the verb as the
        counterpart ("Ауғанстанның ресми өкілдерімен", "İranın səfiri ilə")."""
        suffixes = endings(self.ld, "com", "ins")
        k = self.token_index(m.end - 1)
        for j in range(k + 1, min(k + 1 + reach, len(self.toks))):
            if suffixes and lower(self.toks[j].text).endswith(suffixes):
                return True
            if any(p.label == "after" and p.match_at(self.folds, j + 1) is not None for p in self.ld.comitative):
                return True
        return False

    def is_genitive(self, m: Mention) -> bool:
        """"Tokayevin", "Тоқаевтың": the person owns what follows (its subject, not a counterpart)."""
        suffixes = endings(self.ld, "gen")
        return bool(suffixes) and lower(self.doc.text[m.start:m.end]).endswith(suffixes)

    def in_compound(self, m: Mention) -> bool:
        """A name joined by a hyphen to another into one word ("Azərbaycan-Türkiyə", "ЕС-Казахстан"):
        together they name a pair, mostly what a body, a format or a document is of."""
        text = self.doc.text
        return text[m.end:m.end + 1] == "-" or (m.start > 0 and text[m.start - 1] == "-")

    def is_attributive(self, m: Mention) -> bool:
        """A name in the attributive locative ("Қазақстандағы", "Azərbaycandakı"): where the noun after
        it is. Its ending past the name itself, as ``in_place`` reads it."""
        return self.grammar.is_attributive(self.doc.text, m.start, m.end) and not (
            self.grammar.names_inflect and lower(m.text) == lower(m.base or m.text))

    def is_topic_owner(self, m: Mention) -> bool:
        """Whether the name owns a statement, proposal or speech the sentence talks about (grammar.tsv
        ``topic_noun``): "Захарованың мәлімдемесін талқылады", "Zaxarovanın bəyanatını", "обсудили
        заявление Марии Захаровой", "по словам Захаровой": what is discussed or quoted, not a party."""
        nouns = self.grammar.words["topic_noun"]
        if not nouns:
            return False
        text = self.doc.text
        if self.grammar.genitive_after_head:  # the noun right before the name
            k = self.token_index(m.start) - 1
            return k >= 0 and self.folds[k].startswith(nouns) and not text[self.toks[k].end:m.start].strip()
        k = self.token_index(m.end - 1) + 1  # the name in the genitive right before the noun
        return k < len(self.folds) and self.is_genitive(m) and self.folds[k].startswith(nouns) \
            and not text[m.end:self.toks[k].start].strip()

    def titled_persons(self, reach: int = 5) -> list[tuple[Mention, object, int, int]]:
        """Each person with the title before it ("Türkiyə prezidenti Ərdoğan"): the title ending
        nearest the name, within ``reach`` tokens, the longest of those."""
        titles = self.matches(self.ld.titles)
        out = []
        for person in self.of_type("person"):
            if person.kind == "title":
                continue  # named by a title alone, it is its own title, not one before it
            k = self.token_index(person.start)
            near = [(p, a, b) for p, a, b in titles if 0 <= k - b <= reach]
            if near:
                out.append((person, *max(near, key=lambda t: (t[2], t[2] - t[1]))))
        return out

    def within_date(self, m: Mention) -> bool:
        return any(d.start <= m.start < d.end for d in self.dates)


def is_since(ctx: SentenceContext, d) -> bool:
    """A date that starts a period: the ablative ("2018-ci ildən", "2019 жылдан") or Russian
    "с ... года" / "с апреля" that is not the start of a range ("с 13 по 15 октября")."""
    return ctx.grammar.is_since(ctx.doc.text, d.start, d.end)
