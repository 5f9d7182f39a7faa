"""One grammar object per language: how it marks what the stages read.

Azerbaijani and Kazakh mark case, plural and possession with suffixes (``lang/<code>/suffixes.tsv``),
put a genitive before its head ("Qazaxıstan Prezidenti") and the verb at the end of its clause.
Russian marks them with prepositions and endings (``lang/ru/grammar.tsv``), puts a genitive after
its head ("Президент Казахстана") and its verb anywhere in the clause. The stages ask the object of
the language ``route()`` chose (spaCy's ``Language.Defaults`` is the model), never a language code.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from . import LangData, Memo, _rows, data_dir, load
from ..text import fold, lower


_PUNCTUATION = re.compile(r"[,;:()«»\"“”]")


def endings(ld: LangData, *cases: str) -> tuple[str, ...]:
    """A language's suffixes of some cases, longest first (remembered: asked for every mention)."""
    key = ("endings", cases)
    got = ld.memo.get(key)
    if got is None:
        got = ld.memo[key] = tuple(s.text for s in ld.suffixes if s.case in cases)
    return got


class Grammar:
    genitive_after_head = False  # where a state stands beside a title: "ҚР Президенті", "Президент Казахстана"
    verb_final = True  # the clause's verb closes it: a few words after a nominal trigger finish the clause
    names_inflect = True  # names take case suffixes, read off by suffix rules (else by a lemmatiser)
    lemmatised = False  # words are read by the Russian dictionary's lemmatiser and names by natasha's tagger

    def __init__(self, data: LangData):
        self.data = data
        self.code = data.code
        self.words: dict[str, tuple[str, ...]] = defaultdict(tuple)
        self._separator: re.Pattern | None = None
        for key, word, *_ in _rows(data_dir(data.code) / "grammar.tsv", 2):
            # as written and as folded: the stages compare with lower-cased text and with folded
            # words ("çıxış" and "çixiş"; only the dotless ı folds differently)
            self.words[key] += tuple(dict.fromkeys(w for w in (word, fold(word)) if w not in self.words[key]))

    @property
    def separator(self) -> re.Pattern:
        """What stands between two names that are two parties, not a title's state and its person:
        punctuation, or a joining word ("ilə", "və", "мен", "и", "с")."""
        if self._separator is None:
            joining = "|".join(re.escape(w) for w in sorted(self.words["joining_word"], key=len, reverse=True))
            self._separator = re.compile(_PUNCTUATION.pattern + (rf"|\s(?:{joining})\s" if joining else ""), re.I)
        return self._separator

    def separates(self, gap: str) -> bool:
        """Whether the text between two names makes them two parties (``separator``). A joining word
        between two lower-case words joins the words of a title ("Azərbaycanın əmək və əhalinin sosial
        müdafiəsi naziri X", "министр труда и социальной защиты"), not two parties."""
        if not self.separator.search(gap):
            return False
        if _PUNCTUATION.search(gap):
            return True
        words, joins = gap.split(), self.words["joining_word"]
        return any(w.lower() in joins and not (k > 0 and words[k - 1][:1].islower()
                                               and k + 1 < len(words) and words[k + 1][:1].islower())
                   for k, w in enumerate(words))

    def is_locative(self, text: str, start: int, end: int) -> bool:
        """"Avstriyadakı", "Украинадағы", "в Австрии": a place where something is, not whose it is."""
        suffixes = endings(self.data, "loc", "rel")
        return bool(suffixes) and lower(text[start:end]).endswith(suffixes)

    def is_in_place(self, text: str, start: int, end: int) -> bool:
        """The locative proper ("Türkiyədə", "Түркияда", "в Турции"): where something happens, not the
        attributive locative of a title ("Azərbaycandakı səfir")."""
        suffixes = endings(self.data, "loc")
        return bool(suffixes) and lower(text[start:end]).endswith(suffixes)

    def is_attributive(self, text: str, start: int, end: int) -> bool:
        """The attributive locative ("Azərbaycandakı səfir", "Қазақстандағы елші"): where the noun
        after it is; Russian has no such case."""
        suffixes = endings(self.data, "rel")
        return bool(suffixes) and lower(text[start:end]).endswith(suffixes)

    def is_since(self, text: str, start: int, end: int) -> bool:
        """A date that starts a period: the ablative ("2018-ci ildən", "2019 жылдан")."""
        abl = endings(self.data, "abl")
        return bool(abl) and lower(text[start:end]).endswith(abl)

    def is_plural(self, word: str) -> bool:
        """A meeting word in the plural ("görüşlər", "кездесулер"): a plural suffix after its stem, not
        a verb's plural person ("qarşıladılar": plural subjects, one meeting)."""
        return any(p in word[3:] for p in endings(self.data, "plural")) and not word.endswith(self.words["verb_plural"])

    def plural_title(self, pattern: tuple[str, ...], words: list[str]) -> bool:
        """A title in the plural ("сыртқы істер министрлерінің", "dövlət başçıları"): a plural suffix
        after the stem of its head noun, the last word (a title is head-final: the plural "істер",
        "işlər" in "сыртқы істер министрі", "xarici işlər naziri" is the ministry's field, and the
        possessive or a case may follow the plural: "başçı-lar-ı")."""
        plurals = endings(self.data, "plural")
        return bool(plurals and words) and any(p in words[-1][3:] for p in plurals)

    def is_future(self, word: str) -> bool:
        """A finite verb of the future (Russian; az and kk mark it with suffixes, modality.tsv)."""
        return False

    def is_pluperfect(self, words: list[str]) -> bool:
        """A clause's verb in the pluperfect (grammar.tsv ``pluperfect_ending``; a participle, ``participle_ending``,
        and ``pluperfect_auxiliary``): what it tells happened before the occasion reported ("Qazaxıstana
        gəlmişdi", "Қазақстанға келген еді"); Russian has no such tense."""
        ends, aux, part = (self.words[k] for k in ("pluperfect_ending", "pluperfect_auxiliary", "participle_ending"))
        return any(e in w for w in words for e in ends) \
            or any(w in aux and k > 0 and words[k - 1].endswith(part) for k, w in enumerate(words) if part)

    def opens_insertion(self, word: str) -> bool:
        """A word that opens a participle or relative clause set off by commas inside another clause
        (Russian "Встреча, запланированная на 20 мая, отменена"; az and kk put such clauses before
        their noun, with no commas)."""
        return False

    def is_possessed(self, word: str) -> bool:
        """An izafet head noun ("nümayəndəsi", "өкілі"): a title before a name."""
        w = lower(word)
        return w[:1].islower() and len(w) > 4 and w.endswith(endings(self.data, "poss3"))


class Russian(Grammar):
    genitive_after_head = True
    verb_final = False  # "Встреча … не состоялась": the verb may stand anywhere before the comma
    names_inflect = False
    lemmatised = True

    def _word_before(self, text: str, start: int) -> str:
        before = lower(text[max(0, start - 4):start]).split()
        return before[-1] if before else ""

    def is_locative(self, text: str, start: int, end: int) -> bool:
        """"в Омске", and past a place noun in apposition: "в городе Омске"."""
        before = lower(text[max(0, start - 24):start]).split()
        if before and before[-1] in self.words["place_apposition"]:
            before = before[:-1]
        return bool(before) and before[-1] in self.words["locative"]

    def is_in_place(self, text: str, start: int, end: int) -> bool:
        return self.is_locative(text, start, end)

    def is_since(self, text: str, start: int, end: int) -> bool:
        """"с апреля 2023 года", not the start of a range ("с 13 по 15 октября")."""
        after = lower(text[end:end + 12]).split()
        return self._word_before(text, start) in self.words["since"] \
            and not (after and after[0] in self.words["range_end"])

    def is_plural(self, word: str) -> bool:
        return word in self.words["plural_meeting"]

    def plural_title(self, pattern: tuple[str, ...], words: list[str]) -> bool:
        """A plural ending on the title's first word ("министров иностранных дел")."""
        return bool(pattern) and pattern[0].rstrip("*").endswith(self.words["plural_title"])

    def is_possessed(self, word: str) -> bool:
        return False

    def is_future(self, word: str) -> bool:
        """"пройдет", "посетит", "подпишут", "будет": the dictionary's likeliest reading of the word is a
        verb in the future (a perfective verb's present form, or "быть")."""
        if not (word.isalpha() and word.islower()):
            return False
        pos, tense, _ = _READING[word]
        return pos == "VERB" and tense == "futr"

    def opens_insertion(self, word: str) -> bool:
        """A full participle ("запланированная", "прошедшая") or a relative pronoun in any form (grammar.tsv
        ``relative_pronoun``: "который")."""
        if not (word.isalpha() and word.islower()):
            return False
        pos, _, lemma = _READING[word]
        return pos == "PRTF" or lemma in self.words["relative_pronoun"]


def _first_reading(word: str) -> tuple[str | None, str | None, str]:
    """The dictionary's likeliest reading of a word: part of speech, tense, lemma."""
    import pymorphy2
    parse = pymorphy2.MorphAnalyzer.parse(russian_vocab(), word)[0]
    return parse.tag.POS, parse.tag.tense, parse.normal_form


_READING = Memo(_first_reading, 100_000)  # each word read once, whichever question is asked of it


@lru_cache(maxsize=1)
def russian_vocab():
    """natasha's dictionary (pymorphy's, bundled), loaded once for every reader of Russian words."""
    from natasha import MorphVocab
    return MorphVocab()


_FAMILIES = {"ru": Russian}


@lru_cache(maxsize=None)
def grammar(code: str) -> Grammar:
    """The grammar of a language with an object of its own (az, kk, ru)."""
    return _FAMILIES.get(code, Grammar)(load(code))
