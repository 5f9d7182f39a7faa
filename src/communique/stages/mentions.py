"""Mentions of persons, countries, organisations, places and gatherings.

Per language: knowledge-base aliases matched through the suffix rules (az,
kk) or lemmas (ru); natasha's NER for Russian names the knowledge base lacks;
title cues and the izafet construction for az/kk names it lacks.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from urllib.parse import urlsplit

from babel.core import get_global
from rapidfuzz import fuzz

from .. import lang as langdata
from ..document import ALONE, REGION, SOURCE, Document, Mention, Sentence
from ..kb import KnowledgeBase
from ..lang.dates import forms_index, ordinal
from ..lang.grammar import grammar, russian_vocab
from ..lang.morph import (bare_genitive, base_form, candidates, compound_head_base, ends_in_case,
                          ends_in_possessive, possessed_with_case, pronominal_tails)
from ..names.tagger import MIN_CONFIDENCE, NameTagger, shipped_model
from ..text import Token, fold, given_name_agrees, initial_agrees, lower, script_of, slug, tokenize, translit_key
from .context import endings, prose, sentence_code, sentence_tokens, token_folds
from .gatherings import ministers_meeting
from .linking import new_entity_id

_LOWER_KINDS = ("adjective", "demonym")
_TYPE_RANK = {"person": 0, "gathering": 1, "organization": 2, "country": 3, "location": 4}
_CACHE_LIMIT = 200_000
_ALIKE = 60  # percent: translit keys of one given name spelled in two scripts ("teiub", "taib")
_DOMAIN = re.compile(r"\w\.(az|kz|kg|uz|ru|com|org|net|info|news)\b", re.I)
_BARE_NUMBER = re.compile(r"^(\d{1,3})$")
_SIGNATURE = re.compile(r"\s[-–—|]\s*(«[^»\n]{1,60}»[^\n.!?«»]{0,60})[ \t]*$", re.M)


class AliasMatcher:
    """Longest-match of knowledge-base aliases over a sentence's tokens.

    Only the last word of a multi-word name inflects in az/kk; ``stems`` gives
    the forms a word may stand for (suffix candidates, or a Russian lemma).
    """

    def __init__(self, kb: KnowledgeBase, stems, key_of=fold, genitive: tuple[str, ...] = ()):
        self.kb = kb
        self.key_of = key_of
        # "AQEM-in Gənclər Şurası" is "AQEM Gənclər Şurası": a hyphenated genitive on the first word
        self.genitive = tuple("-" + g for g in genitive)
        self.index: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.first_len: dict[str, int] = {}
        self._cache = langdata.Memo(stems, _CACHE_LIMIT)  # a word's stems
        self._one_word: dict[str, tuple[list[tuple[str, str]], str] | None] = {}

    def add(self, key: tuple[str, ...], hits: list[tuple[str, str]]) -> None:
        self._one_word.clear()
        bucket = self.index.setdefault(key, [])
        bucket.extend(h for h in hits if h not in bucket)
        if len(key) > 1:
            self.first_len[key[0]] = max(self.first_len.get(key[0], 0), len(key))

    def _stems(self, word: str) -> list[str]:
        return self._cache[word]

    def match(self, toks: list[Token]) -> list[tuple[int, int, list[tuple[str, str]], str]]:
        """(first token, last token + 1, hits, stem of the last token)."""
        keys = [self.key_of(t.text) for t in toks]
        out, i = [], 0
        while i < len(toks):
            found = self._match_at(toks, keys, i)
            if self.genitive and keys[i].endswith(self.genitive):
                head = keys[i][:keys[i].rindex("-")]
                if self.first_len.get(head, 1) > 1:
                    longer = self._match_at(toks, [*keys[:i], head, *keys[i + 1:]], i, min_words=2)
                    found = longer or found
            if found:
                out.append(found)
                i = found[1]
            else:
                i += 1
        return out

    def _match_at(self, toks: list[Token], keys: list[str], i: int, min_words: int = 1):
        """The longest name starting at token i, of at least ``min_words`` words."""
        for n in range(min(self.first_len.get(keys[i], 1), len(toks) - i), min_words - 1, -1):
            if n == 1:
                one = self._one_word_name(toks[i].text)
                return (i, i + 1, *one) if one else None
            head = tuple(keys[i:i + n - 1])
            for stem in self._stems(toks[i + n - 1].text):
                hits = self.index.get(head + (stem,))
                if hits and _case_ok(toks[i].text, hits):
                    return (i, i + n, hits, stem)
        return None

    def _one_word_name(self, word: str) -> tuple[list[tuple[str, str]], str] | None:
        """(hits, stem) of the first stem of a word that is a one-word name, remembered per word
        (most words are looked up this way, and vocabulary repeats)."""
        if word in self._one_word:
            return self._one_word[word]
        got = None
        for stem in self._stems(word):
            hits = self.index.get((stem,))
            if hits and _case_ok(word, hits):
                got = (hits, stem)
                break
        if len(self._one_word) > _CACHE_LIMIT:
            self._one_word.clear()
        self._one_word[word] = got
        return got


@functools.lru_cache(maxsize=1)
def _hyphen_endings() -> frozenset[str]:
    """The case endings of the languages that write them after a hyphen or an apostrophe on a name
    ("AZƏRTAC-a", "TASS-ın", "Kazinform-ға"; lang/<code>/suffixes.tsv)."""
    return frozenset(s.text for code in langdata.LANGS if grammar(code).names_inflect
                     for s in langdata.load(code).suffixes)


def _case_ending(word: str) -> bool:
    """A case ending, or a plural or possessive one and a case ending after it ("-ları", "-ının")."""
    endings = _hyphen_endings()
    return word in endings or any(word[:k] in endings and word[k:] in endings for k in range(1, len(word)))


_BOUNDARY = re.compile(r"\b")


def _after_boundary(rx: re.Pattern) -> re.Pattern | None:
    """The rest of a pattern that opens on a word boundary for all of it ("\\b(TASS|ТАСС)\\b"; not
    "\\bA|B"), else None. Searched for alone, its opening literal is found by the engine's fast scan,
    where a leading boundary makes the engine try every position (most of the time the agencies'
    scan took)."""
    if not rx.pattern.startswith(r"\b"):
        return None
    depth, escaped, in_set = 0, False, False
    for ch in rx.pattern[2:]:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_set or ch == "[":
            in_set = ch != "]" if in_set else True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None  # the boundary opens the first alternative only
    return re.compile(rx.pattern[2:], rx.flags)


def _matches(rx: re.Pattern, tail: re.Pattern | None, text: str):
    """``rx.finditer(text)``: with ``tail`` (``_after_boundary``), the rest searched and the boundary
    checked where it matched; where there is none the next search starts one character on, so the
    matches are the same."""
    if tail is None:
        yield from rx.finditer(text)
        return
    pos = 0
    while (x := tail.search(text, pos)) is not None:
        if _BOUNDARY.match(text, x.start()):
            yield x
            pos = x.end() if x.end() > x.start() else x.start() + 1
        else:
            pos = x.start() + 1


def _case_ok(first_word: str, hits) -> bool:
    if first_word[:1].isupper() or first_word[:1].isdigit():
        return True
    return any(kind in _LOWER_KINDS for _, kind in hits)


def turkic_matcher(kb: KnowledgeBase, ld) -> AliasMatcher:
    def stems(word: str) -> list[str]:
        return [c.replace("ı", "i") for c in candidates(lower(word), ld)]
    m = AliasMatcher(kb, stems, genitive=endings(ld, "gen"))
    for key in kb.keys():
        m.add(key, kb.lookup(key))
    return m


class RussianMorph:
    """Lemmas from natasha's pymorphy vocabulary, cached per word.

    A capitalised word prefers a surname reading, then a first name, so that
    "Токаева" is "токаев" (genitive), not the woman's name "Токаева"."""

    _PREFER = ("Surn", "Name", "Patr", "Geox", "Orgn")

    def __init__(self):
        self.vocab = russian_vocab()
        self._cache = langdata.Memo(self._analyse, _CACHE_LIMIT)  # a word's lemmas
        self._bases: dict[tuple[str, bool], str] = {}
        # Russian surname morphology from lang/ru/grammar.tsv, which the dictionary lacks for many
        # Central Asian names; consonants are the alphabet's letters that are no vowels
        words, ld = grammar("ru").words, langdata.load("ru")
        stems, cases, foreign = ("|".join(map(re.escape, words[k])) for k in ("surname_ending", "surname_case", "foreign_case"))
        consonants = "".join(sorted(set(langdata.alphabet("ru")) - set(ld.vowels) - {"ъ", "ь", "й"}))
        self._surname = re.compile(rf"^(\w+(?:{stems}))(?:{cases})$")
        self._surname_base = re.compile(rf"^\w+(?:{stems})$")
        self._foreign_case = re.compile(rf"^(\w+[{consonants}])(?:{foreign})$")

    def lemmas(self, word: str) -> list[str]:
        """Possible lemmas, the most likely first."""
        return self._cache[word]

    def lemma(self, word: str) -> str:
        return self.lemmas(word)[0]

    def may_be_name(self, word: str) -> bool:
        """Whether the dictionary reads a word as a first name, or does not know it."""
        import pymorphy2
        f = fold(word)
        if not pymorphy2.MorphAnalyzer.word_is_known(self.vocab, f):
            return True
        return any("Name" in p.tag for p in pymorphy2.MorphAnalyzer.parse(self.vocab, f)[:8])

    def _analyse(self, word: str) -> list[str]:
        import pymorphy2
        f = fold(word)
        if not any("а" <= c <= "я" for c in f):
            return [f]
        parses = pymorphy2.MorphAnalyzer.parse(self.vocab, f)[:8]
        out: list[str] = []
        if word[:1].isupper() and not any("Geox" in p.tag for p in parses):
            # Russian surname morphology, which the dictionary lacks for many Central Asian names
            # (but "Украина" is a place, not a woman named Украин).
            m = self._surname.match(f)
            if m:
                out.append(m.group(1))
            elif self._surname_base.match(f):
                out.append(f)
            elif not pymorphy2.MorphAnalyzer.word_is_known(self.vocab, f):
                # a foreign name the dictionary lacks: "Дюпоном" -> "дюпон" (consonant stems only)
                m = self._foreign_case.match(f)
                if m:
                    out.append(m.group(1))
        if word[:1].isupper():
            def rank(p) -> int:
                return next((i for i, g in enumerate(self._PREFER) if g in p.tag), len(self._PREFER))
            parses = sorted(parses, key=rank)
        for p in parses:
            n = p.normal_form.replace("ё", "е")
            if n not in out:
                out.append(n)
        return out or [f]

    def base(self, surface: str, person: bool = True) -> str:
        """Nominative of a name: "Русланом Казакбаевым" -> "Руслан Казакбаев". The words of a name
        agree in case: before a surname in its nominative ("Кошанов") a given name the dictionary
        may read as itself stays as written ("Ерлан", not the guessed "Ерлана"). Remembered: names
        recur from article to article, and reading one asks the dictionary several times."""
        key = (surface, person)
        got = self._bases.get(key)
        if got is None:
            if len(self._bases) > _CACHE_LIMIT:
                self._bases.clear()
            got = self._bases[key] = self._base(surface, person)
        return got

    def _base(self, surface: str, person: bool) -> str:
        out = []
        toks = tokenize(surface)
        if not person and len(toks) > 1 and (phrase := self._phrase_nominative([t.text for t in toks])):
            return _respaced(surface, toks, phrase)
        # a surname in its nominative last, or a patronymic in its nominative last (the official order
        # "Исабаев Бейбит Оксикбаевич"): the name is in the nominative as written
        patronymic = len(toks) == 3 and fold(toks[-1].text).endswith(grammar("ru").words["patronymic_nominative"])
        if patronymic:
            return " ".join(t.text for t in toks)
        nominative = len(toks) > 1 and bool(self._surname_base.match(fold(toks[-1].text)))
        agreed = self._agreeing([t.text for t in toks]) if 1 < len(toks) <= 3 else None
        for k, t in enumerate(toks):
            keep = nominative and k < len(toks) - 1
            if person and k == len(toks) - 1 and k and self._indeclinable(t.text):
                out.append(t.text)  # "Меджидом Керими": a foreign surname in a vowel does not decline
                continue
            parts = [fold(p) if keep and fold(p) in self.lemmas(p) else self.lemma(p) for p in t.text.split("-")]
            if agreed and agreed[k]:
                parts = [agreed[k]]
            out.append("-".join(_cased(t.text, p) for p in parts))
        return " ".join(out)

    def _phrase_nominative(self, words: list[str]) -> list[str] | None:
        """A body's or a place's name in the nominative: its head noun (the first noun) in the nominative
        of its number, the adjectives before it agreeing with it, the words after it as written, its
        genitives ("Министерства труда и социальной защиты населения" -> "Министерство труда и ...",
        "Нагорного Карабаха" -> "Нагорный Карабах", "Вооруженных Сил" -> "Вооруженные Силы"); not
        each word's dictionary form ("Совет министр иностранный дело"). None where the dictionary reads
        no noun after adjectives alone, or cannot inflect them."""
        import pymorphy2
        parses = [pymorphy2.MorphAnalyzer.parse(self.vocab, fold(w))[:4] if w.isalpha() else [] for w in words]

        def adjective(ps):  # an adjective's or a participle's reading ("Атырауской" the dictionary lacks)
            return next((p for p in ps if {"ADJF", "PRTF"} & set(p.tag.grammemes)), None)
        head = next((k for k, ps in enumerate(parses)
                     if any("NOUN" in p.tag for p in ps) and not adjective(ps[:2])), None)
        if head is None or not all(adjective(ps) for ps in parses[:head]):
            return None
        noun = next(p for p in parses[head] if "NOUN" in p.tag)
        number = noun.tag.number or "sing"
        inflect = pymorphy2.analyzer.Parse.inflect  # the dictionary's own, not natasha's (UD tags)
        nominative = inflect(noun, {"nomn", number} if number == "plur" else {"nomn"})
        if nominative is None:
            return None
        agree = {"nomn", number} | ({noun.tag.gender} if number == "sing" and noun.tag.gender else set())
        out = []
        for w, ps in zip(words[:head], parses[:head]):
            form = inflect(adjective(ps), agree)
            if form is None:
                return None
            out.append(_cased(w, form.word))
        inflected = out + [_cased(words[head], nominative.word)]
        # the dictionary writes "ё" ("Вооружённые"), the news mostly "е": as written
        return [x if "ё" in w else x.replace("ё", "е") for x, w in zip(inflected, words)] + words[head + 1:]

    def _indeclinable(self, word: str) -> bool:
        """A surname ending in a vowel that does not decline (grammar.tsv ``indeclinable_ending``: "Керими",
        "Каландадзе", "Мурадли"), unless it is a Russian-style surname with its case ending ("Путине") or
        the genitive of a surname in -а (``genitive_i_ending``: "Баттулги")."""
        f, words = fold(word), grammar("ru").words
        return f.endswith(words["indeclinable_ending"]) and not f.endswith(words["genitive_i_ending"]) \
            and not self._surname.match(f) and "-" not in word and not self._declined_surname(f)

    def _declined_surname(self, f: str) -> bool:
        """A surname the dictionary knows in one of its case forms, one that declines ("Жириновского",
        "Врублевскому", "Гоголю": an adjective's or a noun's ending, not a foreign vowel that stays)."""
        import pymorphy2
        return any(p.is_known and "Surn" in p.tag and "Fixd" not in p.tag and p.normal_form != f
                   for p in pymorphy2.MorphAnalyzer.parse(self.vocab, f)[:4])

    def _agreeing(self, words: list[str]) -> list[str | None] | None:
        """The words of a name agree in gender and case: where the readings of its name words (given
        name, patronymic, surname) agree only as a woman's, each word's feminine nominative ("Марии
        Захаровой" -> "Мария Захарова", not the masculine "Захаров" the dictionary gives every
        surname); None for a word that does not decline, None for all where the gender is open
        ("Валентина Матвиенко": a woman, or a man's genitive) or a man's."""
        import pymorphy2
        readings = []
        for w in words:
            if "-" in w or not w[:1].isupper():
                return None
            parses = [p for p in pymorphy2.MorphAnalyzer.parse(self.vocab, fold(w))[:8]
                      if {"Name", "Surn", "Patr"} & set(p.tag.grammemes)]
            readings.append(parses)
        fixed = [r for r in readings if r and any(p.tag.gender for p in r)]
        if len(fixed) < 2:
            return None
        agree = set.intersection(*({(p.tag.gender, p.tag.case) for p in r if p.tag.gender} for r in fixed))
        if {g for g, _ in agree} != {"femn"}:
            return None  # a man's name: the dictionary's lemmas are masculine already
        out: list[str | None] = []
        for r in readings:
            fit = [p for p in r if (p.tag.gender, p.tag.case) in agree]
            if not fit:
                out.append(None)
                continue
            nominative = pymorphy2.analyzer.Parse.inflect(fit[0], {"nomn"})
            out.append((nominative.word if nominative else fit[0].normal_form).replace("ё", "е"))
        return out


def russian_matcher(kb: KnowledgeBase, morph: RussianMorph) -> AliasMatcher:
    m = AliasMatcher(kb, morph.lemmas, key_of=morph.lemma)
    for ent in kb.entities.values():
        for alias in ent.aliases:
            toks = tokenize(alias.text)
            if toks and (alias.lang in ("ru", "en") or alias.kind == "acronym" or alias.script == "Latn"):
                key = tuple(morph.lemma(t.text) for t in toks)
                m.add(key, [(ent.id, alias.kind)])
                # a name in the nominative the dictionary takes for another word's form ("Пашинян" as
                # the genitive plural of "пашинянин"): its inflected forms lemmatise to the name itself
                written = tuple(fold(t.text) for t in toks)
                if written != key and toks[-1].text[:1].isupper():
                    m.add(written, [(ent.id, alias.kind)])
    return m


def _cased(written: str, word: str) -> str:
    """``word`` in the capitals of the word written ("СОВЕТА" -> "СОВЕТ", "Совета" -> "Совет")."""
    if written.isupper() and len(written) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def _respaced(surface: str, toks, words: list[str]) -> str:
    """The words in place of the tokens of ``surface``, its spaces and marks between them kept."""
    out, at = [], 0
    for t, w in zip(toks, words):
        out.append(surface[at:t.start] + w)
        at = t.end
    return "".join(out) + surface[at:]


class NatashaNER:
    TYPES = {"PER": "person", "LOC": "location", "ORG": "organization"}

    def __init__(self, morph: RussianMorph):
        from natasha import NewsEmbedding, NewsNERTagger
        self.tagger = NewsNERTagger(NewsEmbedding())
        self.morph = morph

    def spans(self, text: str, start: int, end: int) -> list[Mention]:
        chunk = text[start:end]
        if not chunk.strip():
            return []
        out = []
        # the tagger's markup alone: natasha's Doc would also segment the chunk into its own tokens
        # and sentences (a tenth of the stage's time), which only its span objects use
        for sp in self.tagger(chunk).spans:
            a = sp.start
            if sp.type == "PER" and (before := _surname_before(chunk, sp.start, sp.stop)) is not None:
                a = before  # "Султангазиев | Марат Елеусизович": the surname opens a name in official order
            surface = chunk[a:sp.stop]
            if sum(c.isalpha() for c in surface) < 2:
                continue  # a lone letter is an initial or a word cut short, no name ("Д" -> "Далее")
            person = sp.type == "PER"
            base = surface if person and self._after_nominative_title(chunk, a) else self.morph.base(surface, person)
            out.append(Mention(start + a, start + sp.stop, surface,
                               self.TYPES.get(sp.type, "organization"), base=base, source="ner"))
        return out

    def _after_nominative_title(self, chunk: str, at: int) -> bool:
        """Whether a name at ``at`` stands in apposition to a title in the nominative ("Посол Японии
        Акира Ямада", "Глава МИД Японии Йоко Камикава прибыла"): a name agrees in case with its
        title, so it is in the nominative as written, whatever the dictionary guesses of a foreign
        name in -а (the genitive of "Акир", "Камикав"). Between the title and the name only the title's
        capitalised qualifiers stand ("Японии в Казахстане")."""
        ld = langdata.load("ru")
        toks = tokenize(chunk, max(0, at - _TITLE_REACH_CHARS), at)
        folds = [fold(t.text) for t in toks]
        ends = [(a, b) for _, a, b in ld.titles.find(folds)]
        if not ends:
            return False
        a, b = max(ends, key=lambda x: (x[1], x[1] - x[0]))
        between = toks[b:]
        if len(between) > _TITLE_QUALIFIERS or not all(
                t.text[:1].isupper() or fold(t.text) in grammar("ru").words["locative"] for t in between):
            return False
        head = toks[a].text
        return head.replace("-", "").isalpha() and self.morph.lemma(head) == fold(head)


# A title's qualifiers before the name it introduces: its state or body, where it serves ("Посол
# Японии в Республике Казахстан Акира Ямада"), in at most this many words and characters
_TITLE_QUALIFIERS = 4
_TITLE_REACH_CHARS = 120

_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s\-–—]))([^\W\d_]+) $")


def _surname_before(chunk: str, start: int, stop: int) -> int | None:
    """Where a surname starts right before a given name and patronymic in the nominative (the order
    of decrees and lists: "Султангазиев Марат Елеусизович"), which natasha leaves out; None if none."""
    words = chunk[start:stop].split()
    if len(words) != 2 or not fold(words[1]).endswith(grammar("ru").words["patronymic_nominative"]):
        return None
    m = _WORD_BEFORE.search(chunk, max(0, start - 40), start)
    return m.start(1) if m and m.group(1)[:1].isupper() and not m.group(1).isupper() else None


class MentionStage:
    name = "mentions"
    requires = ("sents",)
    provides = ("mentions",)

    def __init__(self, kb: KnowledgeBase, name_models: dict[str, str] | None = None):
        self.kb = kb
        # language -> CRF name-tagger model (names/); None: the models the package ships
        self._name_models = name_models
        self._name_taggers: dict[str, NameTagger | None] = {}
        self._matchers: dict[str, AliasMatcher] = {}
        self._morph: RussianMorph | None = None
        self._ner: NatashaNER | None = None
        self._series: dict[tuple[str, int], str] | None = None
        self._series_orgs: set[str] = set()
        self._assemblies: set[str] | None = None
        self._gathering_words: dict[str, GatheringWords] = {}
        self._person_words: frozenset[str] | None = None
        # language -> the stem a place's adjective is made from -> (its id, the name's kind, the name)
        self._place_stems: dict[str, dict[str, tuple[str, str, str]]] = {}

    # Resources are built on first use, once per process and language.
    @property
    def morph(self) -> RussianMorph:
        if self._morph is None:
            self._morph = RussianMorph()
        return self._morph

    @property
    def ner(self) -> NatashaNER:
        if self._ner is None:
            self._ner = NatashaNER(self.morph)
        return self._ner

    @property
    def person_words(self) -> frozenset[str]:
        """The words of the knowledge base's persons' names, folded (a surname alone: "Qafarova")."""
        if self._person_words is None:
            self._person_words = frozenset(fold(t.text) for e in self.kb.entities.values() if e.type == "person"
                                           for a in e.aliases for t in tokenize(a.text) if len(t.text) > 2)
        return self._person_words

    @functools.cached_property
    def thing_words(self) -> frozenset[str]:
        """The words of the knowledge base's names of states, places, bodies and gatherings, folded
        ("Қорғаныс" of "Қорғаныс министрлігі", "Федералдық" of "Федералдық жиналыс")."""
        return frozenset(fold(t.text) for e in self.kb.entities.values() if e.type != "person"
                         for a in e.aliases for t in tokenize(a.text) if len(t.text) > 2)

    def name_tagger(self, code: str) -> NameTagger | None:
        """The statistical name tagger of a language, where one is configured or shipped."""
        if code not in self._name_taggers:
            if self._name_models is None:
                path = shipped_model(code)
                path = path if path.is_file() else None
            else:
                path = self._name_models.get(code)
            self._name_taggers[code] = NameTagger.load(code, path) if path else None
        return self._name_taggers[code]

    def matcher(self, code: str) -> AliasMatcher:
        if code not in self._matchers:
            if not grammar(code).names_inflect:  # lemmatised (Russian), not read off by suffixes
                self._matchers[code] = russian_matcher(self.kb, self.morph)
            else:
                ld = langdata.load(code)
                self._matchers[code] = turkic_matcher(self.kb, ld)
        return self._matchers[code]

    def __call__(self, doc: Document) -> Document:
        doc.mentions = []
        ner_chunks: list[Sentence] = []
        ordinary: set[tuple[int, int]] = set()  # sentence-initial words common in lower case
        for sent in prose(doc):
            code = sentence_code(doc, sent)
            toks = sentence_tokens(doc, sent.start, sent.end)
            if toks and fold(toks[0].text) in langdata.load(code).common:
                ordinary.add((toks[0].start, toks[0].end))
            found = self._numbered(doc.text, toks, self._kb_mentions(doc.text, toks, code), code)
            found = self._subdivisions(doc.text, toks, found, code)
            found = official_state_names(doc.text, toks, found, code)
            found = self._bodies_of_named_states(doc.text, toks, found, code)
            found = self._bodies_by_kind(doc.text, toks, found, code)
            found = self._home(doc, sent, toks, found, code)
            found = self._other_bearers(doc.text, toks, found, code)
            found = kind_named_mentions(doc.text, sent, toks, found, code)
            found = gathering_acronym_mentions(doc.text, toks, found, code)
            found = headed_name_mentions(doc.text, toks, found, code,
                                         None if grammar(code).names_inflect else self.morph.lemma,
                                         self.person_words if grammar(code).names_inflect else frozenset())
            tagger = self.name_tagger(code)
            if tagger and toks:
                found = tagger_mentions(doc.text, sent, toks, found, tagger, self._is_outlet, self.thing_words)
            found = shaped_name_mentions(doc.text, toks, found, code)
            found += cue_mentions(doc.text, toks, found, code)
            found = official_order_mentions(doc.text, toks, found, code)
            found = self._given_names_joined(doc.text, found, code)
            found = self._particles_joined(doc.text, toks, found, code)
            found = _sources_marked(toks, found, langdata.load(code), self.thing_words)
            found = _regions_named(doc.text, toks, found, langdata.load(code))
            found = _without_eponyms(toks, found, langdata.load(code))
            found = _without_languages(doc.text, toks, found, code)
            # an outlet named in the text ("Azattyq Rýhy") is who reports, never a person
            found = [_as_source(m, outlet=True) if m.type == "person" and m.source != "kb" and self._is_outlet(m.text)
                     else m for m in found]
            doc.mentions += found
            if grammar(code).lemmatised:  # natasha's tagger reads these sentences too, after the loop
                ner_chunks.append(sent)
        if ner_chunks:
            self._add_ner(doc, ner_chunks)
            for sent in ner_chunks:  # natasha's names, read after the sentences: the same for sources
                inside = [m for m in doc.mentions if sent.contains(m)]
                toks = sentence_tokens(doc, sent.start, sent.end)
                code = sentence_code(doc, sent)
                ld = langdata.load(code)
                kept = _without_eponyms(toks, _without_regions(toks, _sources_marked(toks, inside, ld, self.thing_words), ld), ld)
                kept = self._given_names_joined(doc.text, self._particles_joined(doc.text, toks, kept, code), code)
                if [id(m) for m in kept] != [id(m) for m in inside]:
                    gone = {id(m) for m in inside}
                    doc.mentions = [m for m in doc.mentions if id(m) not in gone] + kept
        # A capitalised word first in its sentence that the language writes in lower case elsewhere
        # ("Далее", "Аким", "Bundan") is no name on its own, whichever reader took it for one
        # (natasha, the tagger, a lone capitalised word); a name the knowledge base knows stays.
        doc.mentions = [m for m in doc.mentions if m.source == "kb" or (m.start, m.end) not in ordinary]
        # a line closing on a dash and a quoted name ("... аяқталды - «Qazaqstan» Ұлттық телеарнасы")
        # signs the page with its outlet, which reports and takes no part
        signed = [(x.start(1), x.end(1)) for x in _SIGNATURE.finditer(doc.text)]
        if signed:
            def signs(m: Mention) -> bool:
                return m.type not in ("country", "location") and any(a <= m.start and m.end <= b for a, b in signed)
            # a lone word of a longer name there ("Ұлттық" of "Ұлттық телеарнасы") is no outlet's name
            doc.mentions = [_as_source(m) if signs(m) else m for m in doc.mentions
                            if not (signs(m) and m.source == "short" and fold(m.text) in self.thing_words)]
        # a generic institution noun ("МИД", "СМИ", "Үкімет", "KİV") names no particular body: its state,
        # where named, makes the known one ("МИД Казахстана"); alone it is no new organisation
        generic = _generic_bodies()
        doc.mentions = [m for m in doc.mentions if m.source in ("kb", "composed") or fold(m.text) not in generic]
        doc.mentions = self._agencies_named(doc)
        doc.mentions.sort(key=lambda m: (m.start, -m.end))
        self._assembly_sessions(doc)
        return doc

    def _agencies_named(self, doc: Document) -> list[Mention]:
        """A news agency the knowledge base lists (agencies.tsv) reports wherever the prose names it
        ("AZƏRTAC-a bildiriblər"): a source, under its one name in every script ("ТАСС", "TASS"), so
        that one outlet is one entity."""
        out, spans = [], [(m.start, m.end) for m in doc.mentions]
        for m in doc.mentions:
            name = self._agency_of(m.text) if m.source != "kb" else None
            out.append(dataclasses.replace(_as_source(m, outlet=True), base=name) if name else m)
        sents = list(prose(doc))
        ends = [s.end for s in sents]
        # a pass of the text each (one alternation of them all is slower)
        for (name, rx), tail in zip(self._agency_patterns, self._agency_tails):
            for x in _matches(rx, tail, doc.text):
                k = bisect.bisect_right(ends, x.start())
                if k < len(sents) and sents[k].start <= x.start() and x.end() <= sents[k].end \
                        and not any(a < x.end() and x.start() < b for a, b in spans):
                    out.append(Mention(x.start(), x.end(), x.group(), "organization", base=name, source="cue",
                                       kind=SOURCE))
                    spans.append((x.start(), x.end()))
        return sorted(out, key=lambda m: (m.start, -m.end))

    @functools.cached_property
    def _agency_patterns(self) -> list[tuple[str, re.Pattern]]:
        return [(a["name"], re.compile(a["pattern"])) for a in self.kb.agencies]

    @functools.cached_property
    def _agency_tails(self) -> list[re.Pattern | None]:
        return [_after_boundary(rx) for _, rx in self._agency_patterns]

    def _agency_of(self, text: str) -> str | None:
        """The agency a name is, a case ending after a hyphen or an apostrophe aside ("AZƏRTAC-a";
        remembered per name: every name found is asked)."""
        return self._agencies_seen[text]

    @functools.cached_property
    def _agencies_seen(self) -> langdata.Memo:
        return langdata.Memo(self._agency_named, _CACHE_LIMIT)

    def _agency_named(self, text: str) -> str | None:
        for name, rx in self._agency_patterns:
            x = rx.match(text)
            rest = text[x.end():] if x else None
            if rest is not None and (not rest or rest[0] in "-'’" and _case_ending(lower(rest[1:]))):
                return name
        return None

    def _assembly_sessions(self, doc: Document) -> None:
        """"на полях 76-й сессии Генассамблеи ООН" ... "на полях Генассамблеи ООН": in an article that
        names one session of an assembly, the assembly named alone is that session."""
        sessions: dict[str, set[str]] = {}
        for m in doc.mentions:
            if m.type == "gathering" and m.candidates and m.candidates[0] in self.kb.gatherings:
                org = self.kb.gatherings[m.candidates[0]].get("organization")
                if org in self.assemblies:
                    sessions.setdefault(org, set()).add(m.candidates[0])
        for k, m in enumerate(doc.mentions):
            one = sessions.get(m.candidates[0], ()) if m.type == "organization" and m.candidates else ()
            if m.source == "kb" and len(one) == 1:
                doc.mentions[k] = dataclasses.replace(m, type="gathering", candidates=list(one))

    def _kb_mentions(self, text: str, toks: list[Token], code: str) -> list[Mention]:
        matcher = self.matcher(code)
        out = self._alias_mentions(text, toks, matcher.match(toks), code)
        # names joined by a hyphen into one word ("Ermənistan-Azərbaycan sülh sazişi", "Совет
        # сотрудничества ЕС-Казахстан", "Avropa İttifaqı-Qazaxıstan"): each part is a name of its own
        # where the whole word is none (not "Санкт-Петербург") and every part is capitalised (not
        # an acronym's ending, "BMT-nin")
        joined = {k: pieces for k, t in enumerate(toks) if "-" in t.text and _HYPHENATED_NAMES.fullmatch(t.text)
                  and not any(m.start <= t.start and t.end <= m.end for m in out) and (pieces := _hyphen_parts(t))}
        if not joined:
            return out
        parts = [p for k, t in enumerate(toks) for p in joined.get(k, [t])]
        split = {t for pieces in joined.values() for t in pieces}
        more = [x for x in matcher.match(parts) if any(t in split for t in parts[x[0]:x[1]])]
        return sorted(out + self._alias_mentions(text, parts, more, code), key=lambda m: m.start)

    def _alias_mentions(self, text: str, toks: list[Token], matches, code: str) -> list[Mention]:
        out = []
        ld = langdata.load(code)
        for i, j, hits, stem in matches:
            ids = sorted({h[0] for h in hits}, key=lambda e: (_TYPE_RANK[self.kb.entities[e].type], e))
            ent = self.kb.entities[ids[0]]
            start, end = toks[i].start, toks[j - 1].end
            surface = text[start:end]
            base = _turkic_base(text, toks, i, j, ld) if grammar(code).names_inflect else surface
            if grammar(code).names_inflect and ent.type != "person" and fold(toks[j - 1].text).startswith(stem):
                # a place or body: the form its alias matched ("Ватиканда" -> "Ватикан", "Мальта" stays)
                base = text[start:toks[j - 1].start] + toks[j - 1].text[:len(stem)]
            kind = next(k for e, k in hits if e == ids[0])
            if kind in _LOWER_KINDS and surface[:1].isupper() and i > 0:
                continue  # "Американского еврейского комитета": part of an organisation's name
            if kind == "acronym" and sum(c.isupper() for c in surface) < 2 and len(surface) > 2 \
                    and any(c.islower() for c in surface):
                continue  # acronyms are written in capitals: "ЕС-ке", "ЕврАзЭС", "G20", not "Еске" ("let us recall")
            out.append(Mention(start, end, surface, ent.type, base=base, source="kb", candidates=ids, kind=kind))
        return out

    def _bodies_of_named_states(self, text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
        """A state's body named by the name every state's has ("Xarici İşlər Nazirliyi", "Сенат": the
        home state's in the knowledge base) right beside another state, on the side its genitive
        stands ("Qazaxıstanın Xarici İşlər Nazirliyi", "АҚШ Сенаты", "Совет Федерации ... России" is
        its own), is that state's: the knowledge base's body of that state whose name ends so, else
        a body of its own."""
        bodies = self.kb.national_bodies
        if not any(m.candidates and m.candidates[0] in bodies for m in found):
            return found
        after = grammar(code).genitive_after_head
        out = list(found)
        merged: set[int] = set()
        for n, m in enumerate(found):
            own = bodies.get(m.candidates[0]) if m.candidates and m.source == "kb" else None
            if own is None:
                continue
            near = found[n + 1] if after and n + 1 < len(found) else found[n - 1] if not after and n > 0 else None
            state = near.candidates[0] if near is not None and near.candidates else None
            between = text[min(m.end, near.end):max(m.start, near.start)].split() if near is not None else []
            # in az and kk the words of a longer official name may stand between ("Түркия Ұлы Ұлттық
            # Мәжілісі", "Иран Ислам Кеңесі Мәжілісі"): still that state's body, not the home state's
            named_between = not after and len(between) <= _NAME_BETWEEN and all(w[:1].isupper() and w.isalpha()
                                                                               for w in between)
            if state is None or near.type != "country" or (between and not named_between):
                continue
            if state == own:
                if not after and not between:
                    # its own state before it is part of its full name ("Azərbaycan Respublikasının
                    # Dövlət Gömrük Komitəsi"), as the knowledge base writes the foreign ministries'
                    out[n] = dataclasses.replace(m, start=near.start, text=text[near.start:m.end])
                    merged.add(n - 1)
                continue
            words = fold(m.base or m.text)
            theirs = next((b for b, st in bodies.items() if st == state and any(
                a.lang == code and fold(a.text).endswith(words) for a in self.kb.entities[b].aliases)), None)
            body = theirs or self._composed_body(_STATE_IN_LABEL.sub("", self.kb.label(m.candidates[0])), state)
            out[n] = dataclasses.replace(m, candidates=[body], source="kb" if theirs else "composed", kind="name")
        return [x for k, x in enumerate(out) if k not in merged]

    def _composed_body(self, kind: str, state: str) -> str:
        """The id of a state's body the knowledge base lacks, from the kind of body (a known body's
        English label without its state) and the state: "Ministry of Foreign Affairs (Turkmenistan)",
        one id in every language."""
        return "new:organization:" + slug(f"{kind} {self.kb.label(state)}")

    @functools.cached_property
    def _body_kinds(self) -> dict[tuple[str, ...], str]:
        """The kinds of a state's bodies in Russian, read off the knowledge base's names of the bodies it
        knows: a Russian name without its state's ("Министерство обороны | Казахстана", "МИД | России")
        -> the body's English label without its state ("Ministry of Defence")."""
        kinds: dict[tuple[str, ...], str] = {}
        states = {fold(a.text) for e in self.kb.entities.values() if e.type == "country"
                  for a in e.aliases if a.lang == "ru"}
        for body in self.kb.national_bodies:
            label = _STATE_IN_LABEL.sub("", self.kb.label(body))
            if label == self.kb.label(body):
                continue  # a body with no state in its label ("Kremlin") is one of a kind
            for a in self.kb.entities[body].aliases:
                words = a.text.split()
                # the state last, by any of its Russian names ("Казахстана", "РК")
                if a.lang == "ru" and len(words) > 1 and fold(self.morph.lemma(words[-1])) in states:
                    kinds.setdefault(tuple(fold(self.morph.lemma(w)) for w in words[:-1]), label)
        return kinds

    @functools.cached_property
    def _body_kind_ends(self) -> frozenset[str]:
        return frozenset(k[-1] for k in self._body_kinds)

    def _bodies_by_kind(self, text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
        """A kind of state body the knowledge base knows for some state, named in Russian before a state
        it knows none of that kind for ("Министерство иностранных дел Таджикистана", "МИД
        Туркменистана"): that state's body, its id composed from the kind and the state as in the
        other languages ("Ministry of Foreign Affairs (Turkmenistan)")."""
        if not grammar(code).lemmatised or not any(m.type == "country" for m in found):
            return found
        kinds, last = self._body_kinds, self._body_kind_ends
        longest = max((len(k) for k in kinds), default=0)
        starts = [t.start for t in toks]
        covered: set[int] | None = None
        out = list(found)
        for m in found:
            if m.type != "country" or not m.candidates:
                continue
            k = bisect.bisect_left(starts, m.start)
            if k == 0 or fold(self.morph.lemma(toks[k - 1].text)) not in last:
                continue  # no kind's last word before the state: most states named
            covered = _covered(starts, found) if covered is None else covered
            if k - 1 in covered:
                continue
            lemmas = {x: fold(self.morph.lemma(toks[x].text)) for x in range(max(0, k - longest), k)}
            for n in range(min(longest, k), 0, -1):
                span = range(k - n, k)
                if any(x in covered for x in span) \
                        or any(text[toks[x].end:toks[x + 1].start] != " " for x in span):
                    continue
                kind = kinds.get(tuple(lemmas[x] for x in span))
                if kind:
                    body = self._composed_body(kind, m.candidates[0])
                    start, end = toks[k - n].start, toks[k - 1].end
                    out.append(Mention(start, end, text[start:end], "organization", base=text[start:end],
                                       source="composed", candidates=[body], kind="name"))
                    covered.update(span)
                    break
        return sorted(out, key=lambda x: x.start) if len(out) > len(found) else found

    def _subdivisions(self, text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
        """A place's name before a noun of subdivision (subdivisions.tsv: "Almatı vilayəti", "Алматы
        облысы", in Russian the place's adjective: "Алматинской области", also each adjective of a
        list sharing the noun: "Карагандинской и Кызылординской областях") names the region or district
        around the place, not the place: one location whose id is composed from the place's and the
        kind, so it is the same entity in every language ("new:location:almaty-region"). A region that
        keeps a city's former name is named by it (Akmola Region around Astana, once Akmola). A state's
        name makes a region's only after a word of the compass (compass.tsv: "Шығыс Қазақстан облысы",
        "Восточно-Казахстанская область": "new:location:east-kz-region")."""
        ld, g = langdata.load(code), grammar(code)
        marks = ld.subdivisions.find(token_folds(toks))
        if not marks:
            return found
        starts = [t.start for t in toks]
        places = {bisect.bisect_left(starts, m.end): m for m in found
                  if m.type in ("location", "country") and m.source == "kb" and m.candidates}
        compass, joins = ld.compass, g.words["conjunction"]
        out, taken = list(found), set()
        for p, a, b in marks:
            named = []  # (first token's start, place id, the alias's kind, the alias, a direction)
            place = places.get(a)
            if place is not None and p.label in _ITSELF:
                continue  # a city or settlement is the place of that name itself ("Бурабай кенті"), not one around it
            k = bisect.bisect_left(starts, place.start) if place is not None else 0
            # a state is a region's name only with a direction: "Шығыс Қазақстан облысы"
            side = compass.get(fold(toks[k - 1].text)) if place is not None and place.type == "country" and k else None
            if place is not None and toks[a].start - place.end <= 1 and (place.type == "location" or side):
                start = toks[k - 1].start if side else place.start
                named.append((start, place.candidates[0], place.kind, place.base or place.text, side))
                taken.add(id(place))
            elif not g.names_inflect:
                k = a - 1
                while k >= 0 and (hit := self._adjective_place(toks[k].text, code)):
                    named.append((toks[k].start, *hit))
                    if not (k >= 2 and fold(toks[k - 1].text) in joins):
                        break
                    k -= 2  # "Карагандинской и Кызылординской областях"
            elif place is None and (unknown := self._unknown_place(toks, a, out, ld)) is not None:
                # a name the knowledge base lacks before the noun ("Ordabası rayonu", "Ордабасы ауданының"):
                # a district or region of that name, uninflected before the noun in az and kk; the name
                # alone is the mention, as KazNERD marks a district's ("Баянауыл | ауданы"). A city's
                # name is the city ("Абай қаласы": the id any new place of that name has). The noun in
                # the plural is shared by the name joined before ("Балқаш пен Райымбек аудандарында").
                names = [unknown]
                if g.plural_title((), [fold(toks[a].text)]) and unknown >= 2 \
                        and fold(toks[unknown - 1].text) in g.words["joining_word"] \
                        and (other := self._unknown_place(toks, unknown - 1, out, ld)) is not None:
                    names.append(other)
                for k in names:
                    where = toks[k].text
                    base, eid = (where, new_entity_id("location", where)) if p.label == "city" \
                        else (f"{where} {p.label}", region_id(slug(where), p.label))
                    out.append(Mention(toks[k].start, toks[k].end, where, "location", base=base,
                                       source="subdivision", candidates=[eid]))
            end = toks[b - 1].end
            for n, (start, eid, kind, alias, side) in enumerate(named):
                # the adjective next to the noun takes it in; one further up the list stands alone
                stop = end if n == 0 else toks[bisect.bisect_left(starts, start)].end
                if any(m.start < stop and start < m.end and id(m) not in taken for m in out):
                    continue  # inside a longer name already read
                # a region that kept a city's older name is named by it (Akmola Region around Astana, once
                # Akmola); an older spelling of the same name is the city's ("Актюбинская" is Aktobe's)
                label = self.kb.label(eid)
                older = kind == "former" and slug(alias)[:_SAME_NAME] != slug(label)[:_SAME_NAME]
                where, name = (slug(alias), self._english(eid, alias)) if older else (eid.split(":", 1)[1], label)
                if side:
                    where, name = f"{side}-{where}", f"{side.capitalize()} {name}"
                out.append(Mention(start, stop, text[start:stop], "location", base=f"{name} {p.label}",
                                   source="subdivision", candidates=[region_id(where, p.label)]))
        return sorted((m for m in out if id(m) not in taken), key=lambda m: m.start)

    @staticmethod
    def _unknown_place(toks: list[Token], a: int, found: list[Mention], ld) -> int | None:
        """The capitalised word right before token ``a``, where no mention covers it and it is no common
        word opening the sentence: a place's name the knowledge base lacks (one word: the one before
        may be a person's surname, "Оралбаев Ордабасы ауданының")."""
        k = a - 1
        if k < 0 or not _is_name_token(toks[k]) or any(m.start <= toks[k].start < m.end for m in found) \
                or (k == 0 and fold(toks[0].text) in ld.common):
            return None
        return k

    def _home(self, doc: Document, sent: Sentence, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
        """"Our country" (home.tsv: "елімізге", "ölkəmizin", "в нашу страну") names the state the
        article is written from (``home_state``). Not inside a quotation: the one quoted may speak
        for another state."""
        marks = langdata.load(code).home.find(token_folds(toks))
        state = home_state(doc.url, code, self.kb) if marks else None
        if state is None:
            return found
        text = doc.text
        quoted = [(q.start(), q.end()) for q in _QUOTATION.finditer(text, sent.start, sent.end)]
        out = list(found)
        for _, a, b in marks:
            start, end = toks[a].start, toks[b - 1].end
            if any(m.start < end and start < m.end for m in out) or any(x < start < y for x, y in quoted):
                continue
            out.append(Mention(start, end, text[start:end], "country", base=self.kb.label(state),
                               source="deixis", candidates=[state], kind="deixis"))
        return sorted(out, key=lambda m: m.start)

    def _english(self, eid: str, name: str) -> str:
        """The English spelling the knowledge base gives of one of an entity's names, else the name."""
        entity = self.kb.entities.get(eid)
        return next((a.text for a in (entity.aliases if entity else ()) if a.lang == "en" and slug(a.text) == slug(name)), name)

    def _adjective_place(self, word: str, code: str) -> tuple[str, str, str, str | None] | None:
        """The known place a relational adjective is made from (grammar.tsv relational_suffix,
        adjective_ending), with the kind and text of the name it is made from: the name without a
        final vowel, a suffix and an ending ("Алматы" -> "алматинской", "Туркестан" ->
        "туркестанской", "Актюбинск" -> "актюбинской")."""
        ld, words = langdata.load(code), grammar(code).words
        if code not in self._place_stems:
            stems = self._place_stems[code] = {}
            for e in self.kb.entities.values():
                for a in e.aliases if e.type in ("location", "country") else ():
                    name = lower(a.text)
                    if a.lang == code and name.isalpha():
                        stems.setdefault(name[:-1] if name[-1] in ld.vowels else name, (e.id, a.kind, a.text))
        w, stems = lower(word), self._place_stems[code]
        first, _, rest = w.partition("-")
        side = ld.compass.get(first) if rest else None  # "восточно-казахстанской": a direction and a state
        w = rest if side else w
        for ending in sorted(words["adjective_ending"], key=len, reverse=True):
            if w.endswith(ending):
                stem = w[:len(w) - len(ending)]
                for suffix in (*words["relational_suffix"], ""):
                    hit = stems.get(stem[:len(stem) - len(suffix)]) if stem.endswith(suffix) else None
                    if hit and (side or hit[0].startswith("loc:")):  # a state only with a direction
                        return (*hit, side)
        return None

    def _particles_joined(self, text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
        """A new person's name goes on past a name particle and the capitalised words after it
        ("Риккардо Патерно ди Монтекупомен", "Təmim bin Həməd Al Tani"; grammar.tsv 'name_particle'),
        taking in a new name read there on its own."""
        g = grammar(code)
        particles = g.words["name_particle"]
        if not particles:
            return found
        if not any(m.type == "person" and m.source != "kb" for m in found):
            return found  # most sentences: no new person's name to grow
        starts = [t.start for t in toks]
        owner = {k: m for m in found for k, t in enumerate(toks) if m.start <= t.start < m.end}
        absorbed: set[int] = set()
        grown: dict[int, Mention] = {}
        for m in found:
            if m.type != "person" or m.source == "kb":
                continue
            k, end = bisect.bisect_left(starts, m.end), None
            while k + 1 < len(toks) and fold(toks[k].text) in particles and toks[k].start - (end or m.end) <= 1 \
                    and k not in owner and _is_name_token(toks[k + 1]) \
                    and getattr(owner.get(k + 1), "source", "") != "kb":
                k += 2
                while k < len(toks) and _is_name_token(toks[k]) and toks[k].start - toks[k - 1].end <= 1 \
                        and getattr(owner.get(k), "source", "") != "kb":
                    k += 1
                end = toks[k - 1].end
            if end is None:
                continue
            absorbed |= {id(o) for o in found if o is not m and m.end <= o.start and o.end <= end}
            surface, last = text[m.start:end], toks[k - 1].text
            base = surface[:len(surface) - len(last)] + base_form(last, langdata.load(code)) if g.names_inflect \
                else self.morph.base(surface)
            grown[id(m)] = dataclasses.replace(m, end=end, text=surface, base=base)
        return [grown.get(id(m), m) for m in found if id(m) not in absorbed]

    def _given_names_joined(self, text: str, found: list[Mention], code: str) -> list[Mention]:
        """A new name written right before a known person's surname whose words are that person's
        given names, however spelled ("Режеп Тайип Ердоған", "Rəcəb Teyyub Ərdoğanla"), is part of
        the known name, a patronymic between them too ("Қасым-Жомарт Кемелұлы Тоқаевқа"): one mention,
        not a second person ("Niyazi Bayramov" stays someone else)."""
        known = {m.start: m for m in found if m.source == "kb" and m.type == "person" and m.candidates}
        origin = {id(m): m for m in known.values()}  # a grown mention -> the known one it grew from
        grown: dict[int, Mention] = {}  # id of a known mention -> it with the given names before it
        joined: set[int] = set()
        # right to left, so that each given name of several ("Қасым -Жомарт") joins the name after it
        for m in sorted(found, key=lambda m: -m.start):
            if m.type != "person" or m.source == "kb":
                continue
            n = next((known[x] for x in range(m.end, m.end + 3) if x in known), None)
            given = self.kb.given_names(n.candidates[0]) if n is not None else None
            patronymic = grammar(code).words["patronymic_ending"]
            # a compound given name's hyphen may stand apart ("Қасым -Жомарт Тоқаевтың")
            if given and text[m.end:n.start].strip() in ("", "-") \
                    and all(_spelled_alike(w, given) or (patronymic and lower(w).endswith(patronymic))
                            for w in m.text.replace("-", " ").split()):
                first = origin[id(n)]
                wider = dataclasses.replace(n, start=m.start, text=text[m.start:n.end], kind="name")
                grown[id(first)] = wider
                origin[id(wider)] = first
                known[m.start] = wider
                joined.add(id(m))
        return [grown.get(id(m), m) for m in found if id(m) not in joined]

    def _other_bearers(self, text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
        """A known person's surname alone matched ("Bayramov", "Көшербаев") where the text writes a
        given name or an initial before it that is not that person's ("Niyazi Bayramov",
        "Қырымбек Көшербаев", "Р.Ескалиев"): the full name is someone else, a name of its own
        (linking finds its id). A given name that agrees ("Джейхуна Байрамова") keeps the link."""
        shorts = [m for m in found if m.source == "kb" and m.type == "person" and m.kind == "short"]
        if not shorts:
            return found  # most sentences have no surname alone to read
        ld, inflect = langdata.load(code), grammar(code).names_inflect
        starts = [t.start for t in toks]
        covered = _covered(starts, found)
        in_title = {x for _, a, b in ld.titles.find(token_folds(toks)) for x in range(a, b)}
        out = list(found)

        def given_like(word: str) -> bool:
            # not a word the language writes in lower case ("Далее"); az/kk: no case ending (only a
            # name's last word inflects); ru: a word the dictionary reads as a first name, or does
            # not know ("Назначить" is a verb)
            if fold(word) in ld.common:
                return False
            return base_form(word, ld) == word if inflect else self.morph.may_be_name(word)

        for m in shorts:
            k = bisect.bisect_left(starts, m.start)
            given = self.kb.given_names(m.candidates[0])
            lo, initial = _before_surname(text, toks, k, covered | in_title, given_like)
            if lo == k:
                continue
            words = [toks[x].text for x in range(lo, k)]
            start = toks[lo].start
            if initial:
                if initial_agrees(words[0], given):  # the first initial is the given name's ("С.В.")
                    continue
                source = "initials"
            elif any(given_name_agrees(w, given) for w in words):
                continue
            else:
                source = "cue"
            surname = base_form(m.text, ld) if inflect else m.text
            base = text[start:m.start] + surname if inflect or initial else self.morph.base(text[start:m.end])
            out[out.index(m)] = Mention(start, m.end, text[start:m.end], "person", base=base, source=source)
        return out

    @property
    def series(self) -> dict[tuple[str, int], str]:
        """(convening organisation, ordinal) -> gathering id, from gatherings.tsv."""
        if self._series is None:
            self._series = {(g["organization"], int(g["number"])): gid for gid, g in self.kb.gatherings.items()
                            if g.get("organization") and g.get("number", "").isdigit()}
            self._series_orgs = {o for o, _ in self._series}
        return self._series

    @property
    def assemblies(self) -> set[str]:
        """Bodies whose numbered gatherings are their own sessions (the UN General Assembly)."""
        if self._assemblies is None:
            self._assemblies = {g["organization"] for gid, g in self.kb.gatherings.items()
                                if g.get("organization") and " session of " in self.kb.label(gid)}
        return self._assemblies

    def gathering_words(self, code: str) -> GatheringWords:
        if code not in self._gathering_words:
            self._gathering_words[code] = GatheringWords(langdata.load(code))
        return self._gathering_words[code]

    def _numbered(self, text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
        """"76-й сессии Генассамблеи ООН", "AQEM-in 6-cı Zirvə toplantısı", "VI саммитіне",
        "47 сессиясында": an ordinal next to a convening body names that body's numbered
        session or summit. The gathering mention covers the ordinal and the gathering word;
        the body keeps its own mention."""
        words = self.gathering_words(code)

        def is_gathering_word(i: int) -> bool:
            return i < len(toks) and words.match(toks[i].text)

        out = list(found)
        starts = [t.start for t in toks]
        taken = _covered(starts, found)
        series, orgs = self.series, self._series_orgs
        spelled: dict[int, tuple[int, int]] | None = None  # token -> (number, last token) of "бесінші", "он екінші"
        ministerial: set[int] = set()
        for m in found:
            org = m.candidates[0] if m.source == "kb" and m.candidates else None
            if not org or org not in orgs:
                continue
            if spelled is None:
                ld = langdata.load(code)
                folds = token_folds(toks)
                spelled = {i: (int(p.label), j - 1) for p, i, j in forms_index(ld, "ordinals").find(folds)}
                # an ordinal in or right before a meeting of ministers numbers that meeting, not the
                # body's summit ("сыртқы істер министрлерінің алтыншы кездесуі"): stages/gatherings.py
                ministerial = {x for p, i, j in ld.gatherings.find(folds) if ministers_meeting(p.label)
                               for x in range(i - 1, j)}
                # any ministers' numbered meeting, whatever their portfolio ("enerji nazirlərinin 2-ci
                # iclası", "2-е заседание министров энергетики"): a minister's title in the plural next to
                # it (the heads of state's are the summit: "мемлекеттер басшыларының жетінші саммиті")
                g = grammar(code)
                ministerial |= {x for p, i, j in ld.titles.find(folds) if p.label.startswith("minister")
                                and g.plural_title(p.tokens, folds[i:j]) for x in range(i - 3, j + 3)}
            k = bisect.bisect_left(starts, m.start)  # the first token of the mention
            e = bisect.bisect_left(starts, m.end) - 1  # its last
            # a spelled ordinal may stand after the body's description ("«Орталық Азия – Қытай»
            # форматындағы сыртқы істер министрлерінің бесінші кездесуі") when a gathering word follows
            for j in [*range(max(0, k - 4), k), *range(e + 1, min(len(toks), e + 7))]:
                if j in taken or j in ministerial:
                    continue
                near = j <= e + 4  # digits and Roman numerals stand right by the body's name
                number = ordinal(toks[j].text) if near else None
                last = j
                # a spelled ordinal before a gathering word, or right before a body named as a meeting
                # ("пятой Консультативной встрече глав государств")
                if number is None and j in spelled and (spelled[j][1] + 1 == k or words.match_any(
                        toks[spelled[j][1] + 1].text if spelled[j][1] + 1 < len(toks) else "")):
                    number, last = spelled[j]
                if number is None and near and _BARE_NUMBER.match(toks[j].text) and is_gathering_word(j + 1):
                    number = int(toks[j].text)
                gid = number and series.get((org, number))
                if not gid:
                    continue
                hi = last
                while hi + 1 < len(toks) and hi + 1 not in taken and hi - j < 2 and is_gathering_word(hi + 1):
                    hi += 1
                start, end = toks[j].start, toks[hi].end
                out.append(Mention(start, end, text[start:end], "gathering", base=text[start:end], source="kb",
                                   candidates=[gid], kind="name"))
                if org in self.assemblies and (j == e + 1 or hi + 1 == k):
                    # an assembly's session is named after it ("БҰҰ Бас Ассамблеясының 47 сессиясында"):
                    # its name there is the session's, not a second participant
                    out[out.index(m)] = dataclasses.replace(m, type="gathering", candidates=[gid])
                taken.update(range(j, hi + 1))
                break
        return sorted(out, key=lambda x: x.start)

    def _add_ner(self, doc: Document, chunks: list[Sentence]) -> None:
        """NER over the span the Russian sentences cover, in windows of whole sentences
        (``_windows``: natasha batches its own sentences far faster than one call each, and its
        memory grows with a call), keeping names inside those sentences."""
        taken = sorted(doc.mentions, key=lambda m: m.start)
        starts = [m.start for m in taken]
        named = [m for a, b in _windows(doc.text, chunks) for m in self.ner.spans(doc.text, a, b)]
        guessed = set()  # a lone word read as a surname, inside a longer name ("Костанайской области", "РИА Новости")
        for m in named:
            if not any(s.contains(m) for s in chunks):
                continue
            if self._is_outlet(m.text):
                m = _as_source(m, outlet=True)
            k = bisect.bisect_left(starts, m.end)
            near = [t for t in taken[max(0, k - 8):k] if t.overlaps(m)]
            if near and (m.type == "location" or m.kind == SOURCE) and all(t.source == "short" and m.contains(t)
                                                     and m.end - m.start > t.end - t.start for t in near):
                guessed.update(id(t) for t in near)
                near = []
            places = [t for t in near if t.type in ("location", "country")]
            if m.type == "person" and len(places) == 1 and _given_name_place(doc.text, places[0], m) \
                    and all(t in places or (t.type == "person" and m.contains(t)) for t in near):
                guessed.update(id(t) for t in near)  # "Париж Ахметов": the place's name is his given name
                near = []
            if not near:
                doc.mentions.append(m)
        doc.mentions = [m for m in doc.mentions if id(m) not in guessed]

    def _is_outlet(self, name: str) -> bool:
        """News agencies and sites report events; they do not take part in them (remembered per name:
        every name found is asked)."""
        return self._outlets_seen[name]

    @functools.cached_property
    def _outlets_seen(self) -> langdata.Memo:
        return langdata.Memo(lambda name: bool(_DOMAIN.search(name)) or lower(name) in self._outlet_names
                             or any(rx.fullmatch(name) for _, rx in self._agency_patterns), _CACHE_LIMIT)

    @functools.cached_property
    def _outlet_names(self) -> frozenset[str]:
        return frozenset(lower(n) for n in self.kb.outlets.values())


# Characters natasha reads in one call: its tagger's memory grows with what one call holds (about
# 6 KB a character: 100,000 initials "А." in one "sentence" took 1.3 GB); a few calls an article
# cost no measurable time (`bench -n 300 --lang ru`: 25-28 articles/s either way).
_NER_WINDOW = 4_000


def _windows(text: str, chunks: list[Sentence]) -> list[tuple[int, int]]:
    """Spans of consecutive sentences of at most ``_NER_WINDOW`` characters; a longer sentence
    cut at the last space before the limit."""
    out: list[tuple[int, int]] = []
    for sent in chunks:
        a = sent.start
        while sent.end - a > _NER_WINDOW:
            cut = text.rfind(" ", a + 1, a + _NER_WINDOW)
            cut = cut if cut > a else a + _NER_WINDOW
            out.append((a, cut))
            a = cut
        if out and a == sent.start and a - out[-1][0] + (sent.end - a) <= _NER_WINDOW:
            out[-1] = (out[-1][0], sent.end)  # joined to the sentences before it
        else:
            out.append((a, sent.end))
    return out


def _one_word_triggers(ld: langdata.LangData, labels: tuple[str, ...]) -> tuple[set[str], tuple[str, ...]]:
    """The one-word triggers of these types: exact words, and the prefixes of those ending in '*'."""
    heads = [p.tokens[0] for p in ld.triggers if p.label in labels and len(p.tokens) == 1]
    return {h for h in heads if h != "…" and not h.endswith("*")}, tuple(h[:-1] for h in heads if h.endswith("*"))


class GatheringWords:
    """One-word CONVENE triggers ("sammit", "сессия*"): the word after an ordinal that makes it a
    numbered gathering. Answers per folded word are remembered (asked for every ordinal)."""

    def __init__(self, ld: langdata.LangData):
        self.exact, self.prefixes = _one_word_triggers(ld, ("CONVENE",))
        self._memo: dict[str, bool] = {}
        # after a spelled ordinal a meeting word also names a numbered gathering ("бесінші кездесуі")
        self.any_exact, self.any_prefixes = _one_word_triggers(ld, ("MEET", "CONVENE"))

    def match_any(self, word: str) -> bool:
        w = fold(word)
        return bool(w) and (w in self.any_exact or w.startswith(self.any_prefixes))

    def match(self, word: str) -> bool:
        got = self._memo.get(word)
        if got is None:
            w = fold(word)
            got = w in self.exact or w.startswith(self.prefixes)
            if len(self._memo) > _CACHE_LIMIT:
                self._memo.clear()
            self._memo[word] = got
        return got


def _covered(starts: list[int], found: list[Mention]) -> set[int]:
    """Indexes of the tokens (by start offset, ascending) that begin inside a mention."""
    out: set[int] = set()
    for m in found:
        out.update(range(bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end)))
    return out


_HYPHENATED_NAMES = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W\d_][^\W_]*)+")


def _hyphen_parts(tok: Token) -> list[Token]:
    """The capitalised parts of a word joined by hyphens, each a token of its own; none if a part
    is in lower case."""
    out, start = [], tok.start
    for part in tok.text.split("-"):
        if not part[:1].isupper():
            return []
        out.append(Token(start, start + len(part), part))
        start += len(part) + 1
    return out


def _turkic_base(text: str, toks: list[Token], i: int, j: int, ld, person: bool = True) -> str:
    """The base of an az/kk name: only its last word inflects; the head of a compound that names no
    person keeps its possessive ("Mərkəzi Seçki Komissiyasının" -> "... Komissiyası")."""
    last = toks[j - 1].text
    head = base_form(last, ld) if person or j - i < 2 else compound_head_base(last, ld)
    return text[toks[i].start:toks[j - 1].start] + head


def _initials(text: str, toks: list[Token], k: int) -> int:
    """How many initials ("Б.", "Н.Б.", "S. ") start at token k: capital letters each followed by a dot."""
    n = 0
    while k + n < len(toks) and n < 2 and len(toks[k + n].text) == 1 and toks[k + n].text.isupper() \
            and text[toks[k + n].end:toks[k + n].end + 1] == ".":
        n += 1
    return n


def _spelled_alike(word: str, given: frozenset[str]) -> bool:
    """A given name as one script or another spells it ("Teyyub", "Тайип", "Tayyip"): it agrees
    (text.given_name_agrees) or differs by a vowel or two (translit keys at least 60% alike)."""
    key = translit_key(word)
    return given_name_agrees(word, given) or any(fuzz.ratio(key, g) >= _ALIKE for g in given)


def _before_surname(text: str, toks: list[Token], k: int, taken: set[int], given_like) -> tuple[int, bool]:
    """The first token of the initials or the given name written right before the surname at token k,
    and whether they are initials; (k, False) when there are none. A given name is one plain word
    that ``given_like`` accepts and that starts its run of capitalised words: in "Сергей Викторович
    Лавров" or "Muxtar Babayev Quterreş" which word is whose is not certain, and nothing is changed."""
    n = 0
    while n < 2 and k - n - 1 >= 0 and len(toks[k - n - 1].text) <= 2 and toks[k - n - 1].text.isupper() \
            and text[toks[k - n - 1].end:toks[k - n].start] in (".", ". ") and k - n - 1 not in taken:
        n += 1  # "Р.Ескалиев", "Дж. Байрамов", "N.B. Ermekbayev"
    if n:
        return k - n, True
    g = k - 1
    if g < 0 or g in taken or not _plain_name_word(toks[g].text) or text[toks[g].end:toks[k].start] != " " \
            or not given_like(toks[g].text):
        return k, False
    if g > 0 and g - 1 not in taken and _is_name_token(toks[g - 1]) and text[toks[g - 1].end:toks[g].start] == " ":
        return k, False
    return g, False


def _without_marked(toks: list[Token], found: list[Mention], marks, hit) -> list[Mention]:
    """The mentions less those ``hit(mention, its first token, its last token)`` says a mark of the
    sentence (a PatternIndex's matches) makes no party."""
    marked = _marked(toks, found, marks, hit)
    return [m for m in found if id(m) not in marked] if marked else found


def _marked(toks: list[Token], found: list[Mention], marks, hit) -> set[int]:
    """The ids of the mentions ``hit(mention, its first token, its last token)`` says a mark touches."""
    if not marks:
        return set()
    starts = [t.start for t in toks]
    return {id(m) for m in found if hit(m, bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end) - 1)}


def _sources_marked(toks: list[Token], found: list[Mention], ld, things: frozenset[str]) -> list[Mention]:
    """A new name an agency word or a reporting frame introduces (reporting.tsv: "ИА REGNUM", "как
    сообщает Trend", "Report agentliyi", "деп хабарлайды Zakon.kz") is the source of the news, never
    a party to it (kind ``SOURCE``). Names the knowledge base knows, countries and places stay as they are."""
    marks = ld.reporting.find(token_folds(toks))
    sources = _marked(toks, found, marks, lambda m, i, j: m.source != "kb" and m.type not in ("country", "location")
                      and any((p.label == "after" and a <= i <= b) or (p.label == "before" and a == j + 1)
                              for p, a, b in marks))
    if not sources:
        return found
    # one word of a longer name ("Ұлттық", "Министерство") or a common word is no source's name
    return [_as_source(m) if id(m) in sources else m for m in found
            if id(m) not in sources or m.source != "short" or (w := fold(m.text)) not in ld.common and w not in things]


def _as_source(m: Mention, outlet: bool = False) -> Mention:
    """The mention as the name of who reports. An outlet ("Sputnik", a one-word name a reporting
    frame introduces) is an organisation, whatever else it was read as; a person named in full who
    reports ("Anna Kelli") stays a person."""
    org = outlet or m.source == "short"
    return dataclasses.replace(m, kind=SOURCE, type="organization" if org and m.type == "person" else m.type,
                               source="cue" if m.source == "short" else m.source)


def _without_eponyms(toks: list[Token], found: list[Mention], ld) -> list[Mention]:
    """A person's name made part of an institution's or a place's name (eponyms.tsv: "Heydər Əliyev
    adına", "атындағы", "имени ...") names no one acting there, known to the knowledge base or not."""
    marks = ld.eponyms.find(token_folds(toks))
    inflect = grammar(ld.code).names_inflect

    def before(a: int, j: int) -> bool:
        # right before the word, or its possessor in the genitive with attributes between ("Heydər
        # Əliyevin Tbilisi və Rustavidəki abidələrini"): the compound's head is the word
        # right after it with nothing but a space between ("Babayev, Mərkəzi Bankın" is a list)
        return (a == j + 1 and toks[a].start - toks[j].end <= 1) \
            or (inflect and 0 < a - j - 1 <= _EPONYM_GAP and ends_in_case(toks[j].text, ld, ("gen",)))
    genitive = grammar(ld.code).words["genitive_ending"]

    def of(j: int) -> bool:  # "орден Гейдара Алиева", not its recipient ("вручил премию Токаеву")
        return lower(toks[j].text).endswith(genitive)
    return _without_marked(toks, found, marks, lambda m, i, j: m.type == "person" and any(
        (p.label == "before" and before(a, j)) or (p.label == "after" and b == i)
        or (p.label == "of" and b == i and of(j)) for p, a, b in marks))


_EPONYM_GAP = 4  # words between a possessor in the genitive and the monument word it owns


def _region_spans(toks: list[Token], ld) -> list[tuple[int, int, str]]:
    """(start, end, region id) of each region's name in the sentence (regions.tsv)."""
    return [(toks[a].start, toks[b - 1].end, p.label) for p, a, b in ld.regions.find(token_folds(toks))]


def _without_regions(toks: list[Token], found: list[Mention], ld,
                     spans: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """A region's name (regions.tsv: "Mərkəzi Asiya", "Орталық Азия") is no new person or organisation,
    however capitalised or placed after a title, nor a new place: a gathering's place is a city or
    a state, and a region next to one names whose heads of state meet."""
    spans = _region_spans(toks, ld) if spans is None else spans
    if not spans:
        return found
    return [m for m in found if m.source == "kb" or m.kind == REGION
            or not any(m.start < e and s < m.end for s, e, _ in spans)]


def _regions_named(text: str, toks: list[Token], found: list[Mention], ld) -> list[Mention]:
    """The mentions less those a region's name holds (``_without_regions``), and the region itself
    where no other name covers it (kb/data/regions.tsv id), one place in every language, of kind
    ``REGION``: named, and no party nor an event's place."""
    spans = _region_spans(toks, ld)
    out = _without_regions(toks, found, ld, spans)
    # the longest name first: "Dağlıq Qarabağ", not the "Qarabağ" in it
    for s, e, rid in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if not any(m.start < e and s < m.end for m in out):
            out = [*out, Mention(s, e, text[s:e], "location", base=text[s:e], source="region", kind=REGION,
                                 candidates=[rid])]
    return out


def _without_languages(text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
    """A state's name in the nominative right before the word for language names the language, not
    the state ("Azərbaycan dilində", "Azərbaycan dili"; grammar.tsv ``language_noun``); its genitive
    owns one ("Azərbaycanın dövlət dili")."""
    nouns = grammar(code).words["language_noun"]
    if not nouns:
        return found
    starts = [t.start for t in toks]

    def names_language(m: Mention) -> bool:
        k = bisect.bisect_left(starts, m.end)
        return m.type == "country" and k < len(toks) and fold(toks[k].text).startswith(nouns) \
            and not text[m.end:toks[k].start].strip() and fold(m.text) == fold(m.base or m.text)
    return [m for m in found if not names_language(m)]


_OBLIQUE = ("com", "ins", "abl", "loc", "dat")


def _oblique(word: str, ld) -> bool:
    """A word that ends in a case a name's first word never carries ("Жарлығымен", "Астанада")."""
    return ends_in_case(word, ld, _OBLIQUE) and base_form(word, ld) != word


@functools.lru_cache(maxsize=1)
def _generic_bodies() -> frozenset[str]:
    """Every language's generic institution nouns (grammar.tsv generic_body), the scripts apart."""
    return frozenset(w for code in langdata.LANGS for w in grammar(code).words["generic_body"])


def _names_place(toks: list[Token], k: int, code: str) -> bool:
    """A capitalised word right before a place's head noun names the place ("Берік Уәли | Абай
    облысының әкімі"; grammar.tsv place_head), not a person."""
    heads = grammar(code).words["place_head"]
    return bool(heads) and k + 1 < len(toks) and fold(toks[k + 1].text).startswith(heads)


def _plain_name_word(w: str) -> bool:
    """A capitalised word in lower case after its capital, each part of a hyphenated one too
    ("Қасым-Жомарт"); not "КолывановаСергей", two words run together by a lost line break."""
    return all(p[:1].isupper() and p[1:].islower() for p in w.split("-"))


def _kind_noun(word: str, code: str) -> bool:
    """A noun of an institution's kind ("Komissiyanın", "Agentliyinin"; grammar.tsv org_kind): one of
    its stems (``candidates``, the endings of suffixes.tsv taken off) is the kind's, not a surname that
    only begins like one ("Askerov")."""
    kinds = grammar(code).words["org_kind"]
    return bool(kinds) and any(stem in kinds for stem in candidates(lower(word), langdata.load(code)))


def _is_name_token(t: Token) -> bool:
    w = t.text
    return w[:1].isupper() and any(c.islower() for c in w) and not any(c.isdigit() for c in w)


# Lower-case words that may follow a Russian organisation's head noun: genitive adjectives and nouns,
# not verbs ("Комитет поддержал ..."), prepositions or conjunctions
_ORG_SPAN = 5


def headed_name_mentions(text: str, toks: list[Token], found: list[Mention], code: str, lemma=None,
                         person_words: frozenset[str] = frozenset()) -> list[Mention]:
    """Organisations and gatherings the knowledge base lacks, from the head noun of their name
    (org_heads.tsv, gathering_heads.tsv). The capitalised words before a head stop at a title
    ("Azərbaycan Prezidenti | Münxen ...") and at a word of a known person's name ("Qafarova | Avropa
    Parlament Sədrlərinin Konfransında"): the subject named right before, not part of the name."""
    folds = token_folds(toks)
    ld = langdata.load(code)
    kinds = [(heads, type_) for index, type_ in ((ld.org_heads, "organization"), (ld.gathering_heads, "gathering"))
             if (heads := index.find(folds))]
    if not kinds:
        return found  # most sentences name no head noun: nothing more to read
    stops = {k for _, a, b in ld.titles.find(folds) for k in range(a, b)}
    if grammar(code).names_inflect:
        stops |= {k for k, t in enumerate(toks) if _is_name_token(t) and bare_genitive(t.text, ld)}
        # a word ending as surnames do ("Серіказы Оразалиев | облыстық қаржы басқармасы") is a person's,
        # not an institution's first word, unless it is a known place's ("Берлин университеті")
        places = {k for m in found if m.type in ("country", "location")
                  for k, t in enumerate(toks) if m.start <= t.start < m.end}
        surname = grammar(code).words["surname_ending"]
        stops |= {k for k, t in enumerate(toks) if k not in places and _is_name_token(t)
                  and fold(base_form(t.text, ld)).endswith(surname)}
    if person_words:
        stops |= {k for k, t in enumerate(toks) if _is_name_token(t) and fold(base_form(t.text, ld)) in person_words}
    for heads, type_ in kinds:
        found = _headed_names(text, toks, found, code, heads, type_, lemma, frozenset(stops))
    return found


def _headed_names(text: str, toks: list[Token], found: list[Mention], code: str, found_heads, type_: str,
                  lemma=None, stops: frozenset[int] = frozenset()) -> list[Mention]:
    """Names of ``type_`` ending in a head noun: "Amerika Yəhudi Komitəsi", "Münxen Təhlükəsizlik
    Konfransı" (capitalised words ending in the head), "Коалиции американских еврейских организаций"
    (a capitalised head, then lower-case genitives). A country adjective or name inside becomes
    part of the name. An organisation's own gathering ("BRİKS Parlament Forumu") is left to the
    gatherings stage, which composes it from the organisation."""
    ld, g = langdata.load(code), grammar(code)
    heads = [a for p, a, b in found_heads]
    stems = {a: p.tokens[0].rstrip("*") for p, a, b in found_heads}
    if not heads:
        return found
    owner = {}
    for m in found:
        for k, t in enumerate(toks):
            if m.start <= t.start < m.end:
                owner[k] = m

    def joined(i: int, j: int) -> bool:  # nothing but spaces between tokens i and j
        return not text[toks[i].end:toks[j].start].strip()

    out = list(found)
    first_only = g.words["name_capitals"] == ("first",)
    # the head noun's stem, then the 3rd-person possessive: a compound's head ("әкімдіг-і-мен", "қоры-на"),
    # not an adjective made of it ("академия-лық") or its plural
    possessed = {h: _after_possessive(lower(toks[h].text), stem, ld) for h, stem in stems.items()}
    for h in sorted(set(heads)):
        if h in owner or not (_is_name_token(toks[h]) or first_only and toks[h].text.isalpha() and toks[h].text.islower()):
            continue
        if g.genitive_after_head:
            lo = hi = h
            while hi + 1 < len(toks) and hi + 1 - h < _ORG_SPAN and joined(hi, hi + 1):
                w = toks[hi + 1].text
                m = owner.get(hi + 1)
                if not w.isalpha() or not w.islower() or w in g.words["function_word"] \
                        or w.endswith(g.words["verb_ending"]) or not w.endswith(g.words["genitive_ending"]) \
                        or (m is not None and m.kind not in _LOWER_KINDS):
                    break
                hi += 1
        else:
            lo = hi = h
            while _is_name_token(toks[h]) and lo - 1 >= 0 and h - (lo - 1) < _ORG_SPAN and joined(lo - 1, lo) \
                    and _is_name_token(toks[lo - 1]) and lo - 1 not in stops \
                    and getattr(owner.get(lo - 1), "type", "country") in ("country", "location"):
                lo -= 1
            if lo == 0 < h and fold(toks[0].text) in ld.common:
                lo = 1  # "Біз Одақ ...": a sentence's first word written in lower case elsewhere is no name's
            if lo == h and first_only and possessed[h] and type_ == "organization":
                lo = _first_capital(toks, h, owner, stops, ld, joined, g.words["joining_word"])
        if hi == lo:
            continue
        head = toks[hi].text
        if g.names_inflect and not (possessed.get(hi) or ends_in_case(head, ld, ("poss3",))
                                    or possessed_with_case(head, ld, certain_only=False)) \
                and any(ends_in_case(toks[k].text, ld, ("gen",)) for k in range(lo, hi)):
            # a genitive before the head wants the head possessed ("Respublikasının Təşkilatı"); a bare
            # head ("Azərbaycan Respublikasının Təşkilata sədrliyi") is a common noun, no name's head
            continue
        if type_ == "gathering" and (m := owner.get(lo - 1)) is not None and m.type == "organization":
            continue
        start, end = toks[lo].start, toks[hi].end
        inside = [m for m in out if start <= m.start and m.end <= end]
        if any(m.start < start < m.end or m.start < end < m.end for m in out):
            continue  # would cut a name in two
        for m in inside:
            if type_ != "gathering" or m.type not in ("country", "location"):
                out.remove(m)  # a gathering's name keeps its place: where it is held ("Antalya Diplomatiya Forumu")
        if not g.names_inflect:
            base = lemma(toks[h].text).capitalize() + text[toks[h].end:end]
        else:
            base = text[start:toks[hi].start] + _possessed_head(toks[hi].text, stems.get(hi, ""), ld)
        out.append(Mention(start, end, text[start:end], type_, base=base, source="cue", kind="name"))
        for k in range(lo, hi + 1):
            owner[k] = out[-1]
    return sorted(out, key=lambda m: m.start)


# a state in parentheses closing a body's English label ("Ministry of Defence (Kazakhstan)")
_STATE_IN_LABEL = re.compile(r"\s*\(.*\)$")

_QUOTATION = re.compile(r"«[^«»]{1,600}»|“[^“”]{1,600}”|„[^„“]{1,600}“|\"[^\"\n]{1,600}\"")


def home_state(url: str | None, code: str, kb: KnowledgeBase) -> str | None:
    """The state an article is written from: the country of its site's two-letter domain, where
    CLDR (babel) counts one of the languages read among that country's (".kz", ".az"; not ".tv" or
    ".fm", sold to sites anywhere), else the one state where the article's language is official
    (CLDR: Kazakh in Kazakhstan, Azerbaijani in Azerbaijan; Russian is official in four)."""
    host = (urlsplit(url).hostname or "") if url else ""
    tld = host.rpartition(".")[2].lower() if "." in host else ""
    if len(tld) == 2 and f"country:{tld}" in kb.entities and tld.upper() in _speaking_ours():
        return f"country:{tld}"
    state = _official_state(code)
    return state if state in kb.entities else None


@functools.lru_cache(maxsize=1)
def _speaking_ours() -> frozenset[str]:
    """The territories where CLDR counts one of the languages read."""
    return frozenset(t for t, langs in get_global("territory_languages").items() if set(langs) & set(langdata.LANGS))


@functools.lru_cache(maxsize=None)
def _official_state(code: str) -> str | None:
    """``country:xx`` of the one territory where CLDR has ``code`` official, else None."""
    official = [t for t, langs in get_global("territory_languages").items()
                if (langs.get(code) or {}).get("official_status") == "official"]
    return f"country:{official[0].lower()}" if len(official) == 1 else None


_NAME_BETWEEN = 3  # capitalised words of a body's longer official name between its state and its noun
_ITSELF = ("settlement", "city")  # subdivisions.tsv kinds naming the place of the name itself
_SAME_NAME = 3  # first letters a city's older spelling shares with its name ("Aktyubinsk", "Aktobe")

_NAME_INNER_CASES = ("com", "ins", "abl", "loc", "dat", "acc")


def _after_possessive(word: str, stem: str, ld) -> bool:
    """Whether ``word`` is ``stem`` with the 3rd-person possessive and at most a case ending."""
    rest, poss = word[len(stem):], endings(ld, "poss3")
    if rest.startswith(poss):
        return True
    cases = ld.memo.get("case_endings")
    if cases is None:
        cases = ld.memo["case_endings"] = frozenset(x.text for x in ld.suffixes if x.case not in ("poss3", "plural")) \
            | frozenset(pronominal_tails(ld))
    return stem.endswith(poss) and (rest == "" or rest in cases)


def _first_capital(toks: list[Token], h: int, owner: dict, stops: frozenset[int], ld, joined,
                   joining: tuple[str, ...]) -> int:
    """Where a name that ends in head noun ``h`` starts, in a language that writes only its first
    word in capitals ("Азаматтық авиация комитеті", "Түркістан облысының әкімдігі", "Қазақстан
    халқы Ассамблеясы"): the words before the head back to a capitalised one, none of them in a case
    a compound's modifier does not take (a place in the locative, an object), a title or a person's
    name, nor a conjunction. A sentence's first word written in lower case elsewhere ("Ол",
    "Азаматтық") starts none: its capital tells nothing. ``h`` where no name starts."""
    capitals, k = [], h
    while k - 1 >= 0 and h - (k - 1) < _ORG_SPAN + 1 and joined(k - 1, k) and k - 1 not in stops \
            and getattr(owner.get(k - 1), "type", "country") in ("country", "location") \
            and toks[k - 1].text.replace("-", "").isalpha() and lower(toks[k - 1].text) not in joining:
        k -= 1
        if _in_case(toks[k], owner.get(k), ld, _NAME_INNER_CASES):
            break  # "Алматыда", "жобасын": no modifier of the head
        m = owner.get(k)
        if m is not None and m.start == toks[k].start and _in_case(toks[k], m, ld, ("gen", "rel")):
            break  # "Алматының орталығы", "Ұлыбританиядағы университеті": a place owns or holds it
        if _is_name_token(toks[k]) and not (k == 0 and fold(toks[0].text) in ld.common):
            capitals.append(k)
    # a state's name as the only capitalised words is the state's, a lower-case head a common noun
    # ("Германия компаниясы", "Қазақстан аймақтық қаржы орталығы"; not "Қазақстан халқы Ассамблеясы")
    if not capitals or all(getattr(owner.get(c), "type", "") == "country" for c in capitals) and toks[h].text.islower():
        return h
    return capitals[-1]


def _in_case(tok: Token, m: Mention | None, ld, cases: tuple[str, ...]) -> bool:
    """Whether a word ends in a suffix of ``cases``; a known name's by what follows its base form
    ("Қарағанды" is the city, not an accusative; "Қарағандыда" a locative)."""
    word = tok.text
    if m is not None and m.end == tok.end and m.base and fold(m.text).startswith(fold(m.base)):
        rest = lower(m.text)[len(m.base):]
        return bool(rest) and rest.endswith(endings(ld, *cases))
    if ends_in_case(word, ld, cases) and base_form(word, ld) != word:
        return True
    # after the possessive a case takes a pronominal n ("халқы-на"), which the suffix list leaves out
    return "gen" not in cases and possessed_with_case(word, ld, certain_only=False) and not ends_in_case(word, ld, ("gen",))


_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"\n]{1,80}?)[»”“\"]")
_KIND_SPAN = 5  # words of a quoted name at most
_KIND_GAP = 2  # lower-case words between a quoted name and its kind noun at most ("«X» акционерлік қоғамы")
_BARE_SPAN = 3  # words of an acronym's or a foreign-script name beside a kind noun at most


def kind_named_mentions(text: str, sent: Sentence, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
    """Organisations named by a proper name beside the common noun that says what they are
    (grammar.tsv ``org_kind``): a quoted name ("«Хабар» агенттігі", "«Yeni Azərbaycan» Partiyası",
    "компания «Газпром»"), an acronym or a name in another script ("NASDAQ биржасы", "КПРФ
    командасы"). The name alone is the organisation, the kind noun not (KazNERD's convention); a
    place or state inside it ("«Yeni Azərbaycan»") is part of the name, no party of its own. A
    quoted name beside any other noun (a project, a book, a campaign) is none."""
    kinds = _kind_nouns(code)
    kind_at = [k for k, t in enumerate(toks) if kinds.match(t.text)]
    if not kind_at:
        return found  # most sentences name no kind noun
    names = _quoted_kind_names(text, sent, toks, kinds) + _bare_kind_names(text, toks, found, kinds, kind_at)
    out = list(found)
    for i, j in names:
        start, end = toks[i].start, toks[j - 1].end
        if any(m.start < start < m.end or m.start < end < m.end or m.start < start and end < m.end for m in out):
            continue  # inside a longer name
        if any(m.start == start and m.end == end and m.type == "organization" for m in out):
            continue  # a name the knowledge base knows
        out = [m for m in out if not (start <= m.start and m.end <= end)]
        out.append(Mention(start, end, text[start:end], "organization", base=text[start:end], source="cue", kind="name"))
    return sorted(out, key=lambda m: m.start)


@dataclasses.dataclass(frozen=True)
class _KindNouns:
    """A language's kind nouns (grammar.tsv ``org_kind``) and where they stand beside the name."""
    short: frozenset[str]  # acronyms ("АҚ", "ООО"), written in capitals
    long: tuple[str, ...]  # stems ("агенттіг", "компани")
    owned: tuple[str, ...]  # the possessive after a stem, or the plural and the possessive; () in Russian
    before: bool  # the kind noun before the name ("компания «Газпром»"), else after it
    joining: tuple[str, ...]  # words joining two names that share one kind noun
    # each word's answer (every word of every sentence is asked)
    _seen: langdata.Memo = dataclasses.field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_seen", langdata.Memo(self._match, _CACHE_LIMIT))

    def match(self, surface: str) -> bool:
        """"агенттігі", "ASC-nin"; names joined share one kind noun in the plural ("агенттіктері")."""
        return self._seen[surface]

    def _match(self, surface: str) -> bool:
        surface = surface.split("-")[0]
        word = lower(surface)
        if word in self.short:
            return surface.isupper()
        return word.startswith(self.long) and any(
            word.startswith(kind) and (not self.owned or word[len(kind):].startswith(self.owned)) for kind in self.long)


@functools.lru_cache(maxsize=None)
def _kind_nouns(code: str) -> _KindNouns:
    g, ld = grammar(code), langdata.load(code)
    kinds = g.words["org_kind"]
    poss = endings(ld, "poss3") if g.names_inflect else ()
    return _KindNouns(frozenset(k for k in kinds if len(k) <= 3), tuple(k for k in kinds if len(k) > 3),
                      poss + tuple(pl + p for pl in endings(ld, "plural") for p in poss), g.genitive_after_head,
                      g.words["conjunction"] + g.words["joining_word"])


def _quoted_kind_names(text: str, sent: Sentence, toks: list[Token], kinds: _KindNouns) -> list[tuple[int, int]]:
    """The quoted names right beside a kind noun (a few lower-case words may stand before one after
    the name: "«Самұрық-Энерго» акционерлік қоғамы"), and those joined to one by a conjunction."""
    starts = [t.start for t in toks]

    def kind_near(i: int, j: int) -> bool:  # the kind noun beside the name's words i .. j - 1
        if kinds.before:
            return i > 0 and kinds.match(toks[i - 1].text)
        for k in range(j, min(j + _KIND_GAP + 1, len(toks))):
            if kinds.match(toks[k].text):
                return True
            if not toks[k].text.isalpha() or not toks[k].text.islower():
                return False
        return False

    names: list[tuple[int, int]] = []
    quotes = list(_QUOTED.finditer(text, sent.start, sent.end))
    if not kinds.before:  # the kind noun after the last of joined names: read back from it
        quotes.reverse()
    kinded = None  # the quote just read, if a kind noun names it
    for q in quotes:
        i, j = bisect.bisect_left(starts, q.start(1)), bisect.bisect_left(starts, q.end(1))
        if kinds.before:  # nothing but a space between the name and its kind noun
            gap = text[toks[i - 1].end:q.start()] if i > 0 else "-"
            joined = kinded is not None and _joins(text[kinded.end():q.start()], kinds.joining)
        else:
            gap = text[q.end():toks[j].start] if j < len(toks) else "-"
            joined = kinded is not None and _joins(text[q.end():kinded.start()], kinds.joining)
        named = 0 < j - i <= _KIND_SPAN and toks[i].text[:1].isupper() \
            and (not gap.strip() and kind_near(i, j) or joined)
        if named:
            names.append((i, j))
        kinded = q if named else None
    return names


def _bare_kind_names(text: str, toks: list[Token], found: list[Mention], kinds: _KindNouns,
                     kind_at: list[int]) -> list[tuple[int, int]]:
    """Acronyms and names in another script right beside a kind noun ("NASDAQ биржасы", "компания
    Bek Air"): a known name only in another script ("Astana LRT"), never a known state ("АҚШ банкі")."""
    script = "Cyrl" if any(script_of(t.text) == "Cyrl" for t in toks) else "Latn"
    covered = _covered([t.start for t in toks], found)

    def bare_name(n: int, beside: int) -> bool:
        if not 0 <= n < len(toks) or text[toks[min(n, beside)].end:toks[max(n, beside)].start].strip():
            return False
        foreign = script_of(toks[n].text) not in ("", script)
        return (n not in covered or foreign) and (foreign and _is_name_token(toks[n]) or _acronym(toks[n].text))

    names = []
    for k in kind_at:
        if kinds.before:
            i = j = k + 1
            while j - k <= _BARE_SPAN and bare_name(j, j - 1):
                j += 1
        else:
            i = j = k
            while k - i < _BARE_SPAN and bare_name(i - 1, i):
                i -= 1
        if i < j:
            names.append((i, j))
    return names


def _joins(gap: str, joining: tuple[str, ...]) -> bool:
    """Whether only a comma or a conjunction stands between two quoted names ("«A» және «B»")."""
    words = gap.replace(",", " ").split()
    return len(words) <= 1 and all(w.lower() in joining for w in words)


def gathering_acronym_mentions(text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
    """An acronym the knowledge base lacks right before a gathering noun in az and kk names the body
    holding it ("SPECA sammitində", "СПЕКА саммитіне"), as the genitive after it does in Russian ("саммите
    СПЕКА", which natasha finds): an organisation, whose gathering the gatherings stage composes."""
    if grammar(code).genitive_after_head:
        return found
    heads = grammar(code).words["gathering_noun"]
    folds = token_folds(toks)
    covered = _covered([t.start for t in toks], found)
    out = list(found)
    for k in range(1, len(toks)):
        # (not a line in capitals, "... İLƏ BAĞLI İCLAS", nor a Roman ordinal, "I форум")
        if folds[k].startswith(heads) and not toks[k].text.isupper() and k - 1 not in covered \
                and _acronym(toks[k - 1].text) and not _ROMAN.fullmatch(toks[k - 1].text) \
                and not text[toks[k - 1].end:toks[k].start].strip():
            t = toks[k - 1]
            out.append(Mention(t.start, t.end, t.text, "organization", base=t.text, source="cue", kind="name"))
    return sorted(out, key=lambda m: m.start) if len(out) > len(found) else found


_ROMAN = re.compile(r"[IVXLCDMІХ]+")  # Roman numerals, in Latin and Cyrillic letters


def _acronym(word: str) -> bool:
    """"ОПЕК", "NASDAQ", "КПРФ": capitals only, two letters or more."""
    return len(word) > 1 and word.isalpha() and word.isupper()


def _possessed_head(word: str, head: str, ld) -> str:
    """The head of a Turkic compound name carries the 3rd-person possessive ("Komitəsi", "Қоры"):
    its base is the shortest suffix-stripped form of the head noun that ends in it ("Komitəsinin",
    "Təşkilatını" -> "Komitəsi", "Təşkilatı")."""
    poss = endings(ld, "poss3")
    low = lower(word)
    fits = [c for c in candidates(low, ld) if poss and c.startswith(head) and c.endswith(poss)]
    if fits and len(low) == len(word):
        return word[:len(min(fits, key=len))]
    return compound_head_base(word, ld)


def cue_mentions(text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
    """Capitalised names after a title ("xarici işlər naziri Ceyhun Bayramov") and lone
    capitalised words that may be short references (resolved or dropped by linking)."""
    ld, inflect = langdata.load(code), grammar(code).names_inflect
    covered = _covered([t.start for t in toks], found)
    folds = token_folds(toks)
    titled, in_title = set(), set()
    genitive = endings(ld, "gen")
    for _, a, b in ld.titles.find(folds):
        in_title.update(range(a, b))  # "Xarici İşlər naziri": capitalised words of a title
        # "Baş katibinin Yaxın Şərq ... köməkçisi": a title in the genitive qualifies a later title
        if not (genitive and lower(toks[b - 1].text).endswith(genitive)):
            titled.add(b)
            if b < len(folds) and folds[b] in grammar(code).words["capacity"]:  # "Елшісі болып Мехмет Сурея Эр тағайындалды"
                titled.add(b + 1)
    # a military rank or an honorific stands before a name, after a title or alone ("komandanı,
    # general-polkovnik Elçin Quliyevin", "naziri cənab Yaşar Gülerlə")
    before_name = {*grammar(code).words["rank"], *grammar(code).words["honorific"]}
    titled.update(k + 1 for k, f in enumerate(folds) if f in before_name)
    out, k = [], 0
    while k < len(toks):
        if k not in covered and (n := _initials(text, toks, k)) and k + n < len(toks) \
                and k + n not in covered and _is_name_token(toks[k + n]):
            # "Б.Саидов", "Н.Б.Ермекбаев", "S. Mukhammetdurdyev": initials make the next word a person's name
            start, end = toks[k].start, toks[k + n].end
            base = text[start:toks[k + n].start] + (base_form(toks[k + n].text, ld) if inflect else toks[k + n].text)
            out.append(Mention(start, end, text[start:end], "person", base=base, source="initials"))
            k += n + 1
            continue
        if k in covered or k in in_title or not _is_name_token(toks[k]):
            k += 1
            continue
        e = k
        while e + 1 < len(toks) and e + 1 not in covered and e + 1 not in in_title \
                and _is_name_token(toks[e + 1]) and e - k < 3 \
                and not text[toks[e].end:toks[e + 1].start].strip(" ") and not _names_place(toks, e + 1, code) \
                and not (inflect and e + 1 - k >= 2 and _oblique(toks[e].text, ld)):
            e += 1  # only a name's last word inflects: "Cefri Pyattla | Enerji Həftəsi"
        cue = k in titled or (k > 0 and k - 1 not in covered and grammar(code).is_possessed(toks[k - 1].text))
        if cue and inflect and e - k >= 2 and _oblique(toks[k].text, ld):
            k += 1  # "Жарлығымен Берік Уәли": only a name's last word inflects
        start, end = toks[k].start, toks[e].end
        if cue and inflect and any(possessed_with_case(toks[x].text, ld) for x in range(k, e)):
            pass  # "Administrasiyasının Xarici ...": a possessive and a case inside the run end an institution's name
        elif cue and e > k and inflect:
            # a possessive with its buffer and a case after it ends a compound noun ("Mərkəzi Seçki
            # Komissiyasının", "Ынтымақтастық Кеңесінің"), which names an institution: no person's name
            # takes the 3rd-person possessive
            # "Hökumətlərarası Komissiyanın", "Sosial Xidmətlər Agentliyinin": nor one ending in a noun of
            # an institution's kind (grammar.tsv org_kind), whatever its possessive
            type_ = "organization" if ends_in_possessive(toks[e].text, ld) or _kind_noun(toks[e].text, code) \
                else "person"
            head = compound_head_base(toks[e].text, ld, certain_only=True)
            base = text[start:toks[e].start] + head
            out.append(Mention(start, end, text[start:end], type_, base=base, source="cue"))
        elif e == k:
            base = base_form(toks[k].text, ld) if inflect else toks[k].text
            out.append(Mention(start, end, text[start:end], "person", base=base, source="short"))
        k = e + 1
    return out


# The tagger's places are names like any other; those the knowledge base lacks are mostly regions
# named in passing ("Орталық Азияда орнықты даму"), which the event stage does not take for where a
# meeting was held (kk dev: event location 0.88 -> 0.71 when it did).
_TAGGED_TYPES = {"PERSON": "person", "ORGANISATION": "organization", "GPE": "location", "LOCATION": "location"}


_STATE_FORM_REACH = 2  # capitalised words between a state's name and its form of government ("İslam")


def official_state_names(text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
    """A state's name followed by its form of government, a few capitalised words apart
    ("Əfqanıstan İslam Respublikasındakı", "Ауғанстан Ислам Республикасының"; grammar.tsv
    ``state_form``), is the state's official name: one mention of the state, whose case ending, on
    the last word, is the state's (where a state serves, whose it is). The name itself in the
    nominative: only the last word of a name inflects."""
    forms = grammar(code).words["state_form"]
    if not forms or not any(m.type == "country" and m.kind == "name" for m in found):
        return found
    ld = langdata.load(code)
    starts = [t.start for t in toks]
    covered = _covered(starts, found)
    out = list(found)
    for n, m in enumerate(found):
        if m.type != "country" or m.kind != "name":
            continue
        e = bisect.bisect_left(starts, m.end) - 1
        if fold(base_form(toks[e].text, ld)) != fold(toks[e].text):
            continue  # inflected: the name ends here
        for k in range(e + 1, min(e + 2 + _STATE_FORM_REACH, len(toks))):
            if k in covered or not _plain_name_word(toks[k].text) or text[toks[k - 1].end:toks[k].start] != " ":
                break
            if fold(toks[k].text).startswith(forms):
                out[n] = dataclasses.replace(m, end=toks[k].end, text=text[m.start:toks[k].end])
                break
            if fold(base_form(toks[k].text, ld)) != fold(toks[k].text):
                break
    return out if out != found else found


def shaped_name_mentions(text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
    """A person the knowledge base lacks, named with no title before: two or three capitalised
    words side by side whose last, its case ending aside, ends as surnames do (grammar.tsv
    ``surname_ending``: "Elçin Quliyev", "Rəşad Məmmədovu", "Nərgiz Həsənova"), or a name with a
    patronymic word ("Rəşad Nəbi oğlu Məmmədov", "Məmmədov Rəşad Nəbi oğlu"; ``patronymic_ending``).
    Only the last word of a name inflects: a word in an oblique case ends it. Known names, titles
    and words the language writes in lower case elsewhere are no part of one."""
    g = grammar(code)
    ending, patronymic = g.words["surname_ending"], g.words["patronymic_ending"]
    if not ending or not g.names_inflect:
        return found
    ld = langdata.load(code)
    covered = _covered([t.start for t in toks], found)
    folds = token_folds(toks)

    def surname(k: int) -> bool:  # an institution's head noun carries the possessive: no surname
        return fold(base_form(toks[k].text, ld)).endswith(ending) and not ends_in_possessive(toks[k].text, ld)

    if not any(k not in covered and (folds[k] in patronymic or (toks[k].text[:1].isupper()
                                                                and _plain_name_word(toks[k].text) and surname(k)))
               for k in range(1, len(toks))):
        return found  # most sentences name no one so: the titles are not read
    in_title = {k for _, a, b in ld.titles.find(folds) for k in range(a, b)}

    def free_name(k: int) -> bool:
        return k < len(toks) and k not in covered and k not in in_title and _plain_name_word(toks[k].text) \
            and folds[k] not in ld.common

    def apart(k: int) -> bool:  # one space between words k and k + 1
        return text[toks[k].end:toks[k + 1].start] == " "

    out, k = list(found), 0
    while k < len(toks):
        if not free_name(k):
            k += 1
            continue
        e, father = k, False
        while e + 1 < len(toks) and e - k < 3 and apart(e) and not _oblique(toks[e].text, ld):
            if free_name(e + 1):
                e += 1
            elif folds[e + 1] in patronymic and e > k:
                e, father = e + 1, True  # "Nəbi oğlu", ending the official order or before the surname
            else:
                break
        if father and toks[e].text[:1].islower() and not surname(k):
            e = e - 1 if e - 1 > k else k  # a patronymic word with no surname on either side
            father = False
        if not father:  # the name ends at its surname: "Elçin Quliyev | Dövlət Sərhəd Xidmətinin rəisi"
            e = next((x for x in range(e, k, -1) if surname(x)), e)
        if e > k and (surname(e) or father):
            start, end = toks[k].start, toks[e].end
            # "Hökumətlərarası Komissiya-nın" ends as "Paşinyan-ın" does: an institution, no person
            body = not father and _kind_noun(toks[e].text, code)
            last = compound_head_base(toks[e].text, ld, certain_only=True) if body else base_form(toks[e].text, ld)
            out.append(Mention(start, end, text[start:end], "organization" if body else "person",
                               base=text[start:toks[e].start] + last, source="cue", kind="name"))
            covered.update(range(k, e + 1))
        k = e + 1
    return sorted(out, key=lambda m: m.start) if len(out) > len(found) else found


def official_order_mentions(text: str, toks: list[Token], found: list[Mention], code: str) -> list[Mention]:
    """A name in the official order of decrees and lists, surname first and a patronymic in the
    nominative last ("Кертаев Ринат Думанұлы", grammar.tsv ``patronymic_nominative``, the surname
    ending as surnames do, ``surname_ending``), is one person in the nominative, whatever a reader
    made of its words ("Жарлығымен Кертаев" and a title). A name the knowledge base knows stays as it is."""
    g = grammar(code)
    if not g.words["patronymic_nominative"] or not g.names_inflect:
        return found  # Russian: natasha's names, read with the official order (``_surname_before``)
    ends = [k for k in range(2, len(toks)) if fold(toks[k].text).endswith(g.words["patronymic_nominative"])
            and all(_plain_name_word(toks[x].text) for x in range(k - 2, k + 1))]
    if not ends:
        return found  # most sentences name no patronymic
    ld = langdata.load(code)
    titled = {k for _, a, b in ld.titles.find(token_folds(toks)) for k in range(a, b)}
    out = found
    for k in ends:
        if not _surname_first(text, toks, k, found, titled, ld, g):
            continue
        start, end = toks[k - 2].start, toks[k].end
        if any(m.source == "kb" and m.start < end and start < m.end for m in out):
            continue
        out = [m for m in out if not (m.start < end and start < m.end)]
        out.append(Mention(start, end, text[start:end], "person", base=text[start:end], source="cue"))
    return sorted(out, key=lambda m: m.start) if out is not found else found


def _surname_first(text: str, toks: list[Token], k: int, found: list[Mention], titled: set[int], ld, g) -> bool:
    """Whether the word two before the patronymic at ``k`` is a surname opening the name: one word
    apart each, ending as surnames do, in no case, no title ("Елбасы", a possessed noun) nor a word
    written in lower case elsewhere ("Сондықтан"); and no surname follows the patronymic (the usual
    order, "Нұрсұлтан Әбішұлы Назарбаев")."""
    i, word = k - 2, toks[k - 2].text
    if text[toks[i].end:toks[k].start].count(" ") != 2 or i in titled or base_form(word, ld) != word \
            or not fold(word).endswith(g.words["surname_ending"]) or _oblique(word, ld) \
            or ends_in_possessive(word, ld) or fold(word) in ld.common:
        return False
    after = k + 1 < len(toks) and _is_name_token(toks[k + 1]) and text[toks[k].end:toks[k + 1].start] == " "
    return not after or any(m.type != "person" and m.start <= toks[k + 1].start < m.end for m in found)


def region_id(where: str, kind: str) -> str:
    """The id of a region or district composed around a place ("almaty", "region"), the same in every
    language: "new:location:almaty-region"."""
    return f"new:location:{where}-{kind}"


def region_place(eid: str) -> str | None:
    """The known place a region's id was composed around ("new:location:almaty-region" -> "loc:almaty")."""
    where = eid.removeprefix("new:location:").rpartition("-")[0] if eid.startswith("new:location:") else ""
    return f"loc:{where}" if where else None


def _given_name_place(text: str, place: Mention, person: Mention) -> bool:
    """A known place's name in its own form opening a person's name natasha reads, one word before a
    surname ("Багдад Амреев", "Дания Еспаева"; grammar.tsv ``surname_ending``, the feminine's final -а
    too): the given name, not the place."""
    if place.type not in ("location", "country") or place.source != "kb" or place.start != person.start \
            or lower(place.text) != lower(place.base or "") or " " in place.text:
        return False
    rest = text[place.end:person.end].split()
    last = fold((person.base or person.text).split()[-1])
    ends = grammar("ru").words["surname_ending"]
    return len(rest) == 1 and rest[0][:1].isupper() and (last.endswith(ends) or last[:-1].endswith(ends))


def _place_as_given_name(text: str, inside: list[Mention], free: list[int], toks: list[Token], i: int, j: int,
                         ld, code: str) -> Mention | None:
    """The known place or state a tagged person's name opens, where that name is a given name ("Дания
    Еспаева", "Бағдат Мусин"): one word, in its own form (not "Данияда"), the words after it free and the
    last of them a surname or a patronymic (grammar.tsv ``surname_ending``, ``patronymic_ending``)."""
    words = grammar(code).words
    if len(inside) != 1 or free != list(range(i + 1, j)) or not free:
        return None
    place, last = inside[0], fold(base_form(toks[j - 1].text, ld))
    if place.type not in ("location", "country") or place.source != "kb" \
            or (place.start, place.end) != (toks[i].start, toks[i].end) or lower(place.text) != lower(place.base or ""):
        return None
    return place if last.endswith(words["surname_ending"] + words["patronymic_ending"]) else None


def _takes_in(label: str, inside: list[Mention], free: list[int], toks: list[Token], i: int, j: int) -> bool:
    """Whether a tagged body's or place's name is a longer name around the known places in it, and
    so another entity: a body named with its state or city ("Қазақстан Республикасының Сыртқы істер
    министрлігі", "Егемен Қазақстан"), a region named after its centre ("Қарағанды облысы"). A
    state stays itself where only a word after it makes the longer place ("Қазақстан
    Республикасы"); a modifier before it makes another ("Солтүстік Қазақстан облысы")."""
    if label not in ("ORGANISATION", "GPE", "LOCATION") or not free or not inside \
            or any(m.type not in ("country", "location") for m in inside) \
            or len(free) + sum(1 for m in inside for k in range(i, j) if m.start <= toks[k].start < m.end) != j - i:
        return False
    return label == "ORGANISATION" or all(m.type != "country" or toks[free[0]].start < m.start for m in inside)


def _alone(word: str, ld, things: frozenset[str] = frozenset()) -> str:
    """The kind of a one-word person the tagger finds: a name alone (kept as a person even where no
    fuller name completes it), unless the language writes the word in lower case ("Төрағасына"), it
    is in capitals (an acronym, "ШҚО") or a word of a thing's name the knowledge base knows
    ("Қорғаныс", "Федералдық": the first word of a body's name, capitalised)."""
    w = fold(word)
    return "name" if word.isupper() or w in ld.common or w in things else ALONE


def tagger_mentions(text: str, sent: Sentence, toks: list[Token], found: list[Mention], tagger: NameTagger,
                    is_outlet, things: frozenset[str] = frozenset()) -> list[Mention]:
    """The mentions found, with the persons, organisations and places a statistical tagger is sure of
    where no other mention stands, or around the known places a longer name holds (``_takes_in``),
    so every sentence is tagged, its first word and known names included: the
    tagger says that a span is a name and of which type, linking says whose. A one-word person is a
    short reference, resolved within the article or dropped, as a lone capitalised word is. Outlets
    ("Zakon.kz", a known agency) report, they take no part."""
    starts = [t.start for t in toks]
    covered = _covered(starts, found)
    ld = langdata.load(tagger.lang)
    out = []
    replaced: set[int] = set()
    for start, end, label in tagger.tag_text(text, sent.start, sent.end, MIN_CONFIDENCE):
        i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)  # its words: i .. j - 1
        if i >= j or label not in _TAGGED_TYPES or _DOMAIN.match(text, end - 1):
            continue
        if is_outlet(text[start:end]):
            if not any(k in covered for k in range(i, j)):
                out.append(Mention(start, end, text[start:end], "organization", base=text[start:end], source="tagger",
                                   kind=SOURCE))
            continue
        free = [k for k in range(i, j) if k not in covered]  # (words starting inside a known name are covered)
        inside = [m for m in found if start <= m.start and m.end <= end]
        if _takes_in(label, inside, free, toks, i, j):
            replaced.update(id(m) for m in inside)
            out.append(Mention(toks[i].start, toks[j - 1].end, text[toks[i].start:toks[j - 1].end],
                               _TAGGED_TYPES[label], base=_turkic_base(text, toks, i, j, ld, person=False),
                               source="tagger"))
            continue
        if label == "PERSON" and (place := _place_as_given_name(text, inside, free, toks, i, j, ld, tagger.lang)):
            free = list(range(i, j))  # "Дания Еспаева", "Бағдат Мусин": the place's name is her given name
            replaced.add(id(place))
        if len(free) < j - i:
            # a person's name runs into a known name ("Мұрат Нұртілеу Бейжіңде"): the words before or
            # after it; anything else that overlaps a known name is not taken
            if label != "PERSON" or not free or free[-1] - free[0] + 1 != len(free) or i < free[0] < j - len(free):
                continue
            i, j = free[0], free[-1] + 1
        type_ = _TAGGED_TYPES[label]
        initialled = bool((n := _initials(text, toks, i)) and j - i == n + 1)
        if initialled:
            # "М.Сердалиннің": initials and one word are a person's name, whatever the type tagged, and
            # the person the article names in full with them, as the initials the cues find
            type_ = "person"
        if type_ == "person" and j - i > 2 and (_names_place(toks, j - 1, tagger.lang)
                                                 or ld.titles.find([fold(base_form(toks[j - 1].text, ld))])):
            j -= 1  # "Ернар Жаркешов | Елшіге": a title after a name, capitalised in respect, is no part of it
        if type_ == "person" and j - i > 2 and _oblique(toks[i].text, ld):
            i += 1  # "Жарлығымен Берік Уәли": only a name's last word inflects; an oblique first word is no name's
        out.append(Mention(toks[i].start, toks[j - 1].end, text[toks[i].start:toks[j - 1].end], type_,
                           base=_turkic_base(text, toks, i, j, ld, person=type_ == "person"),
                           source="initials" if initialled else
                           "short" if type_ == "person" and j - i == 1 else "tagger",
                           kind=_alone(toks[i].text, ld, things) if type_ == "person" and j - i == 1 else "name"))
    return [m for m in found if id(m) not in replaced] + out
