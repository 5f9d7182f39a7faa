"""Suffix handling for Turkic names: "Azərbaycanın" -> "Azərbaycan", "АӨСШК-тің" -> "АӨСШК".

Two uses: ``candidates`` lists every stem a word could have (a dictionary
lookup then decides), ``base_form`` strips only what the rules say is certainly
a suffix, for names no dictionary knows ("Bakı" is not "Bak", "Uqanda" is not
"Uqand").
"""
from __future__ import annotations

from ..text import lower
from . import LangData, Suffix
from .grammar import endings


def _grammar(ld: LangData):
    from .grammar import grammar  # lang.grammar reads lang.morph's LangData: imported late
    return grammar(ld.code)

_MAX_DEPTH = 2


def _is_vowel(ch: str, ld: LangData) -> bool:
    return ch in ld.vowels


def _last_vowel_class(stem: str, ld: LangData) -> set[str]:
    if stem.endswith(_grammar(ld).words["neutral_surname_ending"]):
        return {"back", "front"}  # "Мамажүсіпов-ті", "Тоқаев-тың": a borrowed surname suffix follows its root's harmony
    for ch in reversed(stem):
        if ch in ld.vowels:
            cls = ld.vowels[ch][0]  # a vowel of no class ("у", and kk "е", "и" of -ев/-ин names) takes both
            return {cls} if cls in ("back", "front") else {"back", "front"}
    return {"back", "front"}


def _fits(stem: str, suf: Suffix, ld: LangData, strict: bool) -> bool:
    if len(stem) < 2 or not any(c.isalpha() for c in stem):
        return False
    if not strict:
        return True
    last = stem[-1]
    # a glide closes a word as a consonant does (kk "Рау-дың", "Моди-дің")
    vowel = _is_vowel(last, ld) and last not in _grammar(ld).words["glide"]
    if suf.after == "V" and not vowel:
        return False
    if suf.after == "C" and (vowel or not last.isalpha()):
        return False
    if suf.after == "P" and not any(stem.endswith(s.text) for s in ld.suffixes if s.case == "poss3"):
        return False
    return suf.harmony == "*" or suf.harmony in _last_vowel_class(stem, ld)


def _strip_once(word: str, ld: LangData, strict: bool) -> list[tuple[str, str]]:
    out = []
    if "-" in word:  # "AQEM-in", "Uqanda-ya": a hyphen marks the suffix boundary for certain
        head, _, tail = word.rpartition("-")
        if any(s.text == tail for s in ld.suffixes) or _chain(tail, ld):
            out.append((head, tail))
    for suf in _by_last_letter(ld).get(word[-1:], ()):
        if word.endswith(suf.text) and len(word) > len(suf.text):
            stem = word[: -len(suf.text)]
            if stem.endswith("-"):
                continue
            if _fits(stem, suf, ld, strict):
                out.append((stem, suf.text))
    return out


def _by_last_letter(ld: LangData) -> dict[str, tuple[Suffix, ...]]:
    """The suffixes by their last letter, in file order: a word is tried only against those it ends in."""
    got = ld.memo.get("suffixes_by_last_letter")
    if got is None:
        index: dict[str, list[Suffix]] = {}
        for suf in ld.suffixes:
            if suf.text:
                index.setdefault(suf.text[-1], []).append(suf)
        got = ld.memo["suffixes_by_last_letter"] = {k: tuple(v) for k, v in index.items()}
    return got


def _chain(tail: str, ld: LangData) -> bool:
    """A hyphenated tail that is two suffixes in a row ("AQEM-indəki")."""
    return any(tail.startswith(s.text) and any(tail[len(s.text):] == t.text for t in ld.suffixes)
               for s in ld.suffixes)


def candidates(word: str, ld: LangData) -> list[str]:
    """Every possible stem of a lower-cased word, the word itself first, then longer stems first."""
    seen = [word]
    frontier = [word]
    for _ in range(_MAX_DEPTH):
        nxt = []
        for w in frontier:
            for stem, _ in _strip_once(w, ld, strict=False):
                if stem not in seen:
                    seen.append(stem)
                    nxt.append(stem)
        frontier = nxt
    return [seen[0]] + sorted(seen[1:], key=len, reverse=True)


# A person's name rarely stands in the locative ("Uqanda" is a name, not "Uqan" + -da),
# and a possessive ending is part of a name ("Respublikası"), not a case to strip.
_NOT_AFTER_PERSONS = ("loc", "rel", "poss3", "plural")


def base_form(word: str, ld: LangData) -> str:
    """Strip the case/possessive suffixes a person's name certainly carries, keeping its spelling
    (remembered per language: asked for most capitalised words)."""
    memo = ld.memo.setdefault("base_form", {})
    got = memo.get(word)
    if got is None:
        if len(memo) > 100_000:
            memo.clear()
        got = memo[word] = _base_form(word, ld)
    return got


def _base_form(word: str, ld: LangData) -> str:
    if not ld.suffixes:
        return word
    cur = word
    for _ in range(1):  # one case ending: a second strip cuts into the name ("Azərbaycanın")
        folded = lower(cur)
        cases = _cases(ld)
        # a lone vowel ending is taken only after a surname's consonant stem ("Babayev-ə", "Putin-i",
        # "Paşinyan-a"; grammar.tsv consonant_surname_ending), never off a feminine surname ("Bayramova")
        # or a name ending in a vowel ("Junhua")
        g = _grammar(ld).words
        feminine = g["vowel_surname_ending"]
        lone = bool(g["consonant_surname_ending"]) and not folded.endswith(feminine)
        options = [(s, t) for s, t in _strip_once(folded, ld, strict=True)
                   if (len(t) >= 2 or folded[len(s):len(s) + 1] == "-"
                       or (lone and s.endswith(g["consonant_surname_ending"]))) and len(s) >= 3
                   and (not cases.get(t, set()) <= set(_NOT_AFTER_PERSONS) or folded[len(s):len(s) + 1] == "-")]
        if not options:
            break
        # "Azərbaycan-ın" or "Azərbayca-nın"? Names ending in a consonant are the commoner reading,
        # but a feminine surname ends in a vowel ("Qafarova-nın", not "Qafarovan-ın"; grammar.tsv)
        stem, tail = min(options, key=lambda o: (not (feminine and o[0].endswith(feminine)), len(o[1])))
        cur = cur[: len(cur) - len(tail)].rstrip("-")
    return cur


def _cases(ld: LangData) -> dict[str, set[str]]:
    """The cases each suffix may be ("i": accusative or possessive)."""
    got = ld.memo.get("suffix_cases")
    if got is None:
        got = ld.memo["suffix_cases"] = {}
        for x in ld.suffixes:
            got.setdefault(x.text, set()).add(x.case)
    return got


def compound_head_base(word: str, ld: LangData, certain_only: bool = False) -> str:
    """The base of the last word of a multi-word name that is no person's (a compound noun's head):
    its 3rd-person possessive belongs to the name, the case after it does not, and that case takes a
    pronominal -n- ("Komissiyası-n-ın", "Fondu-n-un", "комиссиясы-н-да", "Кеңесі-н-е"), where
    ``base_form`` reads "-ın" after a stem in -n ("Komissiyasın"). After a vowel the possessive has a
    buffer -s- (az -sı/-si/-su/-sü, kk -сы/-сі): that chain is certain, whatever the name;
    ``certain_only`` keeps to it (a person's surname may end in -in: "Putin-in"). Else ``base_form``."""
    memo = ld.memo.setdefault(("compound_head_base", certain_only), {})
    got = memo.get(word)
    if got is None:
        if len(memo) > 100_000:
            memo.clear()
        got = memo[word] = _possessed_base(word, ld, certain_only) or base_form(word, ld)
    return got


def _possessed_base(word: str, ld: LangData, certain_only: bool) -> str | None:
    folded = lower(word)
    if len(folded) != len(word):
        return None
    # possessive -> whether the letter before it is a vowel (-sı after one) or a consonant (-ı); after
    # a plural ("Qoşun-lar-ı-nın", "әскер-лер-і-нің") the bare -ı is as certain: no name ends so
    possessives = [(s.text, s.after == "V") for s in ld.suffixes if s.case == "poss3"]
    plurals = endings(ld, "plural")
    for tail in pronominal_tails(ld):
        if not folded.endswith(tail):
            continue
        for poss, after_vowel in possessives:
            stem_len = len(folded) - len(tail) - len(poss)
            stem = folded[:stem_len]
            # the stem before the possessive: a word ("Şura", "комиссия"), not a short name ("Ya-si-n-ə")
            if stem_len >= 3 and folded[:-len(tail)].endswith(poss) \
                    and _is_vowel(folded[stem_len - 1], ld) == after_vowel \
                    and (after_vowel or not certain_only or stem.endswith(plurals) and len(stem) >= 5):
                return word[:stem_len + len(poss)]
    return None


def pronominal_tails(ld: LangData) -> tuple[str, ...]:
    """Case endings after the 3rd-person possessive, with its pronominal n, longest first: those
    listed with it ("-nın", "-nda", "-ның", "-нда") and n + a case ending that starts with a vowel
    ("-н-а", "-н-е", which the suffix list leaves out: as a bare row -на cuts Астана)."""
    got = ld.memo.get("pronominal_tails")
    if got is None:
        n = "н" if any("н" in s.text for s in ld.suffixes) else "n"
        listed = {s.text for s in ld.suffixes if s.text.startswith(n) and s.case not in ("poss3", "plural")}
        joined = {n + s.text for s in ld.suffixes if s.text[:1] in ld.vowels and s.case in ("dat", "acc", "gen")}
        got = ld.memo["pronominal_tails"] = tuple(sorted(listed | joined, key=len, reverse=True))
    return got


def possessed_with_case(word: str, ld: LangData, certain_only: bool = True) -> bool:
    """Whether a word is a possessed noun with a case ending after its possessive ("Administrasiyasının",
    "Комиссиясының"), which no given name is (a bare "-si" may end one: "Hulusi"). Not
    ``certain_only``: also the possessive after a consonant ("Sədrləri-n-in"), which a name may
    only look like ("Puti-n-in")."""
    return _possessed_base(word, ld, certain_only=certain_only) is not None


def ends_in_case(word: str, ld: LangData, cases: tuple[str, ...]) -> bool:
    """Whether a word ends in a suffix of one of ``cases`` after a stem of three letters or more."""
    low = lower(word)
    return any(low.endswith(s.text) and len(low) - len(s.text) >= 3 for s in ld.suffixes if s.case in cases)


def bare_genitive(word: str, ld: LangData) -> bool:
    """A genitive on a bare stem ("Qafarovanın", "Rusiyanın"): a possessor outside a compound name,
    whose genitive modifiers are possessed nouns themselves ("Konvensiyasının Tərəflər Konfransı")."""
    return ends_in_case(word, ld, ("gen",)) and not possessed_with_case(word, ld, certain_only=False)


def ends_in_possessive(word: str, ld: LangData) -> bool:
    """Whether a word ends in the 3rd-person possessive with its buffer -s- after a vowel, a case
    ending after it or none ("Komissiyası", "Şurasının", "комиссиясында"): the head of a compound
    noun, which no person's name is."""
    if _possessed_base(word, ld, certain_only=True):
        return True
    folded = lower(word)
    return any(folded.endswith(s.text) and len(folded) - len(s.text) >= 3
               and _is_vowel(folded[-len(s.text) - 1], ld)
               for s in ld.suffixes if s.case == "poss3" and s.after == "V")
