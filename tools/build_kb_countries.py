#!/usr/bin/env python3
"""Generate the country entity and alias tables of the knowledge base.

Writes, relative to the repository root:

    src/communique/kb/data/countries.entities.tsv
    src/communique/kb/data/countries.aliases.tsv

Sources:
  * pycountry: the list of ISO 3166-1 countries (plus Kosovo, ``XK``, which
    ISO does not list), English names and official long names;
  * babel (Unicode CLDR): territory names in az, kk, ru, en, tr, ky, uz;
  * the hand-written tables below: English Wikipedia labels, Wikidata ids,
    official long names, acronyms, common variants, former names, Russian and
    Kazakh adjectives and Azerbaijani demonyms for the states most present in
    the region's news.  Only standard, attested forms belong here; when in
    doubt leave a form out;
  * Azerbaijani demonyms and Kazakh adjectives of every one-word name, derived
    (``az_demonym``, ``kk_adjective``): the suffixes are productive and regular.

Run:  .venv/bin/python tools/build_kb_countries.py
The output is deterministic (sorted, deduplicated, NFC).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "communique" / "kb" / "data"
ENTITIES = DATA / "countries.entities.tsv"
ALIASES = DATA / "countries.aliases.tsv"

LANGS = ("az", "kk", "ru", "en", "tr", "ky", "uz")
KINDS = ("name", "short", "acronym", "former", "adjective", "demonym", "title")
# When the same (id, lang, alias) arrives with several kinds, keep the first
# in this order.
KIND_PRIORITY = {k: i for i, k in enumerate(KINDS)}

# --------------------------------------------------------------------------
# Labels: English common short name as in English Wikipedia, where it differs
# from pycountry's common_name / name.
# --------------------------------------------------------------------------
LABELS = {
    "AX": "Åland",
    "BN": "Brunei",
    "BO": "Bolivia",
    "BQ": "Caribbean Netherlands",
    "BS": "The Bahamas",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FK": "Falkland Islands",
    "FM": "Federated States of Micronesia",
    "GM": "The Gambia",
    "HK": "Hong Kong",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PN": "Pitcairn Islands",
    "PS": "Palestine",
    "RU": "Russia",
    "ST": "São Tomé and Príncipe",
    "SX": "Sint Maarten",
    "TL": "East Timor",
    "TR": "Turkey",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
    "XK": "Kosovo",
}

# --------------------------------------------------------------------------
# Wikidata ids: only for states we are sure of.
# --------------------------------------------------------------------------
WIKIDATA = {
    # post-Soviet states
    "AZ": "Q227", "KZ": "Q232", "RU": "Q159", "KG": "Q813", "UZ": "Q265",
    "TJ": "Q863", "TM": "Q874", "GE": "Q230", "AM": "Q399", "UA": "Q212",
    "BY": "Q184", "MD": "Q217", "LT": "Q37", "LV": "Q211", "EE": "Q191",
    # neighbours and main partners
    "TR": "Q43", "IR": "Q794", "CN": "Q148", "MN": "Q711", "AF": "Q889",
    "PK": "Q843", "IN": "Q668", "JP": "Q17", "KR": "Q884", "KP": "Q423",
    "US": "Q30", "GB": "Q145", "FR": "Q142", "DE": "Q183", "IT": "Q38",
    "ES": "Q29", "PL": "Q36", "HU": "Q28", "AT": "Q40", "CH": "Q39",
    "BE": "Q31", "NL": "Q55", "GR": "Q41", "CZ": "Q213", "SK": "Q214",
    "RO": "Q218", "BG": "Q219", "RS": "Q403", "FI": "Q33", "SE": "Q34",
    "NO": "Q20", "DK": "Q35", "PT": "Q45", "CA": "Q16", "VA": "Q237",
    # Middle East
    "IL": "Q801", "PS": "Q219060", "SA": "Q851", "AE": "Q878", "QA": "Q846",
    "KW": "Q817", "BH": "Q398", "OM": "Q842", "IQ": "Q796", "SY": "Q858",
    "JO": "Q810", "LB": "Q822", "EG": "Q79",
    # others
    "XK": "Q1246", "BR": "Q155", "AU": "Q408", "ID": "Q252", "MY": "Q833",
    "VN": "Q881",
}

# --------------------------------------------------------------------------
# Hand-written aliases: code -> lang -> [(alias, kind), ...]
# --------------------------------------------------------------------------
N, S, A, F, ADJ, DEM = "name", "short", "acronym", "former", "adjective", "demonym"

EXTRA: dict[str, dict[str, list[tuple[str, str]]]] = {
    "AZ": {
        "az": [("Azərbaycan Respublikası", N), ("azərbaycanlı", DEM)],
        "kk": [("Әзірбайжан Республикасы", N), ("Әзербайжан", N),
               ("Әзербайжан Республикасы", N),
               ("әзербайжандық", ADJ), ("әзірбайжандық", ADJ)],
        "ru": [("Азербайджанская Республика", N), ("азербайджанский", ADJ)],
        "en": [("Republic of Azerbaijan", N)],
        "tr": [("Azerbaycan Cumhuriyeti", N)],
        "ky": [("Азербайжан Республикасы", N)],
        "uz": [("Ozarbayjon Respublikasi", N)],
    },
    "KZ": {
        "az": [("Qazaxıstan Respublikası", N), ("qazaxıstanlı", DEM)],
        "kk": [("Қазақстан Республикасы", N), ("ҚР", A), ("қазақстандық", ADJ)],
        "ru": [("Республика Казахстан", N), ("РК", A), ("казахстанский", ADJ)],
        "en": [("Republic of Kazakhstan", N)],
        "tr": [("Kazakistan Cumhuriyeti", N)],
        "ky": [("Казакстан Республикасы", N)],
        "uz": [("Qozogʻiston Respublikasi", N)],
    },
    "RU": {
        "az": [("Rusiya Federasiyası", N), ("RF", A), ("rusiyalı", DEM)],
        "kk": [("Ресей Федерациясы", N), ("РФ", A), ("ресейлік", ADJ)],
        "ru": [("Российская Федерация", N), ("РФ", A), ("российский", ADJ)],
        "en": [("Russian Federation", N)],
        "tr": [("Rusya Federasyonu", N)],
        "ky": [("Россия Федерациясы", N), ("РФ", A)],
        "uz": [("Rossiya Federatsiyasi", N)],
    },
    "TR": {
        "az": [("Türkiyə Respublikası", N), ("Türkiyə Cümhuriyyəti", N),
               ("türkiyəli", DEM)],
        "kk": [("Түркия Республикасы", N), ("Түрік Республикасы", N),
               ("түркиялық", ADJ)],
        "ru": [("Турецкая Республика", N), ("Республика Турция", N),
               ("турецкий", ADJ)],
        "en": [("Turkey", N), ("Republic of Turkey", N), ("Republic of Türkiye", N)],
        "tr": [("Türkiye Cumhuriyeti", N)],
        "ky": [("Түркия Республикасы", N)],
        "uz": [("Turkiya Respublikasi", N)],
    },
    "KG": {
        "az": [("Qırğızıstan Respublikası", N), ("Qırğız Respublikası", N),
               ("qırğızıstanlı", DEM)],
        "kk": [("Қырғыз Республикасы", N), ("қырғызстандық", ADJ)],
        "ru": [("Кыргызская Республика", N), ("Кыргызстан", N), ("Киргизия", N),
               ("КР", A), ("кыргызский", ADJ), ("киргизский", ADJ),
               ("кыргызстанский", ADJ)],
        "en": [("Kyrgyz Republic", N)],
        "tr": [("Kırgız Cumhuriyeti", N)],
        "ky": [("Кыргыз Республикасы", N), ("КР", A)],
        "uz": [("Qirgʻiziston Respublikasi", N)],
    },
    "UZ": {
        "az": [("Özbəkistan Respublikası", N), ("özbəkistanlı", DEM)],
        "kk": [("Өзбекстан Республикасы", N), ("өзбекстандық", ADJ)],
        "ru": [("Республика Узбекистан", N), ("РУз", A), ("узбекский", ADJ),
               ("узбекистанский", ADJ)],
        "en": [("Republic of Uzbekistan", N)],
        "tr": [("Özbekistan Cumhuriyeti", N)],
        "ky": [("Өзбекстан Республикасы", N)],
        "uz": [("Oʻzbekiston Respublikasi", N)],
    },
    "TJ": {
        "az": [("Tacikistan Respublikası", N), ("tacikistanlı", DEM)],
        "kk": [("Тәжікстан Республикасы", N), ("тәжікстандық", ADJ)],
        "ru": [("Республика Таджикистан", N), ("таджикский", ADJ)],
        "en": [("Republic of Tajikistan", N)],
        "tr": [("Tacikistan Cumhuriyeti", N)],
        "ky": [("Тажикстан Республикасы", N)],
        "uz": [("Tojikiston Respublikasi", N)],
    },
    "TM": {
        "az": [("türkmənistanlı", DEM)],
        "kk": [("түрікменстандық", ADJ)],
        "ru": [("Туркмения", N), ("туркменский", ADJ)],
    },
    "GE": {
        "az": [("gürcüstanlı", DEM)],
        "kk": [("грузиялық", ADJ)],
        "ru": [("грузинский", ADJ)],
    },
    "AM": {
        "az": [("Ermənistan Respublikası", N), ("ermənistanlı", DEM)],
        "kk": [("Армения Республикасы", N), ("армениялық", ADJ)],
        "ru": [("Республика Армения", N), ("армянский", ADJ)],
        "en": [("Republic of Armenia", N)],
        "tr": [("Ermenistan Cumhuriyeti", N)],
    },
    "UA": {
        "az": [("ukraynalı", DEM)],
        "kk": [("украиналық", ADJ)],
        "ru": [("украинский", ADJ)],
    },
    "BY": {
        "az": [("Belarus Respublikası", N), ("belaruslu", DEM)],
        "kk": [("Беларусь Республикасы", N), ("беларусьтік", ADJ)],
        "ru": [("Республика Беларусь", N), ("Белоруссия", N),
               ("белорусский", ADJ)],
        "en": [("Republic of Belarus", N)],
        "tr": [("Beyaz Rusya", N), ("Belarus Cumhuriyeti", N)],
    },
    "MD": {
        "az": [("Moldova Respublikası", N), ("moldovalı", DEM)],
        "kk": [("Молдова Республикасы", N), ("молдовалық", ADJ)],
        "ru": [("Республика Молдова", N), ("Молдавия", N), ("молдавский", ADJ)],
        "en": [("Republic of Moldova", N)],
    },
    "LT": {"ru": [("литовский", ADJ)]},
    "LV": {"ru": [("латвийский", ADJ)]},
    "EE": {"ru": [("эстонский", ADJ)]},
    "CN": {
        "az": [("Çin Xalq Respublikası", N), ("ÇXR", A), ("çinli", DEM)],
        "kk": [("Қытай Халық Республикасы", N), ("ҚХР", A), ("қытайлық", ADJ)],
        "ru": [("Китайская Народная Республика", N), ("КНР", A),
               ("китайский", ADJ)],
        "en": [("People's Republic of China", N), ("PRC", A)],
        "tr": [("Çin Halk Cumhuriyeti", N), ("ÇHC", A)],
        "ky": [("Кытай Эл Республикасы", N), ("КЭР", A)],
        "uz": [("Xitoy Xalq Respublikasi", N), ("XXR", A)],
    },
    "IR": {
        "az": [("İran İslam Respublikası", N), ("İİR", A), ("iranlı", DEM)],
        "kk": [("Иран Ислам Республикасы", N), ("ирандық", ADJ)],
        "ru": [("Исламская Республика Иран", N), ("ИРИ", A), ("иранский", ADJ)],
        "en": [("Islamic Republic of Iran", N)],
        "tr": [("İran İslam Cumhuriyeti", N)],
        "ky": [("Иран Ислам Республикасы", N)],
        "uz": [("Eron Islom Respublikasi", N)],
    },
    "US": {
        "az": [("ABŞ", A), ("amerikalı", DEM)],
        "kk": [("АҚШ", A), ("американдық", ADJ)],
        "ru": [("США", A), ("Соединённые Штаты Америки", N),
               ("Соединённые Штаты", N), ("американский", ADJ)],
        "en": [("United States of America", N), ("US", A), ("USA", A),
               ("U.S.", A)],
        "tr": [("ABD", A)],
        "ky": [("Америка Кошмо Штаттары", N), ("АКШ", A)],
        "uz": [("AQSH", A)],
    },
    "GB": {
        "az": [("Böyük Britaniya", N), ("britaniyalı", DEM)],
        "kk": [("британдық", ADJ)],
        "ru": [("Соединённое Королевство", N), ("Британия", S),
               ("британский", ADJ)],
        "en": [("Great Britain", N), ("Britain", S), ("UK", A)],
        "tr": [("İngiltere", N), ("Büyük Britanya", N)],
    },
    "FR": {
        "az": [("Fransa Respublikası", N), ("fransalı", DEM)],
        "kk": [("франциялық", ADJ)],
        "ru": [("Французская Республика", N), ("французский", ADJ)],
    },
    "DE": {
        "az": [("Almaniya Federativ Respublikası", N), ("AFR", A),
               ("almaniyalı", DEM)],
        "kk": [("германиялық", ADJ)],
        "ru": [("Федеративная Республика Германия", N), ("ФРГ", A),
               ("германский", ADJ), ("немецкий", ADJ)],
        "tr": [("Almanya Federal Cumhuriyeti", N)],
    },
    "IT": {
        "az": [("italiyalı", DEM)],
        "kk": [("италиялық", ADJ)],
        "ru": [("Итальянская Республика", N), ("итальянский", ADJ)],
    },
    "IL": {
        "az": [("İsrail Dövləti", N), ("israilli", DEM)],
        "kk": [("израильдік", ADJ)],
        "ru": [("Государство Израиль", N), ("израильский", ADJ)],
    },
    "PS": {
        "az": [("Fələstin", N), ("Fələstin Dövləti", N)],
        "kk": [("Палестина", N)],
        "ru": [("Палестина", N), ("Государство Палестина", N)],
        "en": [("Palestine", N), ("State of Palestine", N)],
        "tr": [("Filistin", N)],
        "ky": [("Палестина", N)],
        "uz": [("Falastin", N)],
    },
    "PK": {
        "az": [("Pakistan İslam Respublikası", N), ("pakistanlı", DEM)],
        "kk": [("пәкістандық", ADJ)],
        "ru": [("Исламская Республика Пакистан", N), ("пакистанский", ADJ)],
    },
    "IN": {
        "az": [("Hindistan Respublikası", N), ("hindistanlı", DEM)],
        "kk": [("үндістандық", ADJ)],
        "ru": [("Республика Индия", N), ("индийский", ADJ)],
    },
    "AF": {
        "az": [("əfqanıstanlı", DEM)],
        "kk": [("ауғанстандық", ADJ)],
        "ru": [("афганский", ADJ)],
    },
    "MN": {
        "az": [("monqolustanlı", DEM)],
        "kk": [("моңғолиялық", ADJ)],
        "ru": [("монгольский", ADJ)],
    },
    "JP": {
        "az": [("yaponiyalı", DEM)],
        "kk": [("жапониялық", ADJ)],
        "ru": [("японский", ADJ)],
    },
    "KR": {
        "az": [("Koreya Respublikası", N)],
        "kk": [("Корея Республикасы", N)],
        "ru": [("Южная Корея", N), ("южнокорейский", ADJ)],
        "en": [("Republic of Korea", N)],
        "tr": [("Kore Cumhuriyeti", N)],
    },
    "KP": {
        "az": [("Koreya Xalq Demokratik Respublikası", N), ("KXDR", A)],
        "kk": [("КХДР", A)],
        "ru": [("Корейская Народно-Демократическая Республика", N),
               ("Северная Корея", N), ("северокорейский", ADJ)],
        "en": [("DPRK", A)],
    },
    "SA": {
        "az": [("Səudiyyə Ərəbistanı Krallığı", N)],
        "ru": [("Королевство Саудовская Аравия", N), ("саудовский", ADJ)],
    },
    "AE": {
        "az": [("BƏƏ", A)],
        "kk": [("БАӘ", A)],
        "ru": [("Объединённые Арабские Эмираты", N), ("эмиратский", ADJ)],
        "en": [("UAE", A)],
        "tr": [("BAE", A)],
    },
    "QA": {
        "az": [("qətərli", DEM)],
        "kk": [("катарлық", ADJ)],
        "ru": [("катарский", ADJ)],
    },
    "KW": {"ru": [("кувейтский", ADJ)]},
    "IQ": {"ru": [("иракский", ADJ)]},
    "SY": {"ru": [("сирийский", ADJ)]},
    "EG": {
        "az": [("Misir Ərəb Respublikası", N), ("misirli", DEM)],
        "kk": [("Египет", N), ("египеттік", ADJ)],
        "ru": [("Арабская Республика Египет", N), ("египетский", ADJ)],
    },
    "HU": {"az": [("macarıstanlı", DEM)], "ru": [("венгерский", ADJ)]},
    "PL": {"az": [("polşalı", DEM)], "ru": [("польский", ADJ)]},
    "AT": {"kk": [("Австрия", N)]},
    "NL": {
        "az": [("Hollandiya", N)],
        "ru": [("Голландия", S)],
        "en": [("Holland", S)],
    },
    "CZ": {
        "ru": [("Чешская Республика", N)],
        "en": [("Czech Republic", N)],
    },
    "CD": {
        "az": [("Konqo Demokratik Respublikası", N)],
        "ru": [("Демократическая Республика Конго", N), ("ДР Конго", S)],
        "en": [("DR Congo", S), ("DRC", A), ("Congo-Kinshasa", N)],
        "tr": [("Kongo Demokratik Cumhuriyeti", N)],
    },
    "CG": {
        "az": [("Konqo Respublikası", N)],
        "ru": [("Республика Конго", N)],
        "en": [("Congo-Brazzaville", N)],
        "tr": [("Kongo Cumhuriyeti", N)],
    },
    "HK": {
        "az": [("Honq Konq", N)],
        "kk": [("Гонконг", N)],
        "ru": [("Гонконг", N)],
        "en": [("Hong Kong", N)],
        "tr": [("Hong Kong", N)],
        "ky": [("Гонконг", N)],
        "uz": [("Gonkong", N)],
    },
    "MO": {
        "az": [("Makao", N)],
        "kk": [("Макао", N)],
        "ru": [("Макао", N)],
        "en": [("Macau", N), ("Macao", N)],
        "tr": [("Makao", N)],
        "ky": [("Макао", N)],
        "uz": [("Makao", N)],
    },
    "CI": {"en": [("Ivory Coast", N)]},
    "TL": {"en": [("East Timor", N)]},
    "SZ": {"en": [("Swaziland", F)], "ru": [("Свазиленд", F)]},
    "VA": {
        "en": [("Holy See", N), ("Vatican", S)],
        "ru": [("Святой Престол", N)],
    },
}

# CLDR names not used as aliases: CLDR-only disambiguation styles
# ("Congo - Kinshasa"), the bare "Конго" (ambiguous between CD and CG), and the
# long "SAR China" forms for Hong Kong and Macau (hand-written above instead).
CLDR_SKIP_CODES_FOR_QUALIFIED = {"HK", "MO"}

LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
CYRILLIC = re.compile(r"[Ѐ-ӿԀ-ԯ]")
CYRILLIC_LANGS = {"kk", "ru", "ky"}
APOSTROPHES = "‘’ʻʼ`"


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def cldr_forms(code: str, lang: str, name: str) -> list[tuple[str, str]]:
    """Turn one CLDR territory name into alias forms (alias, kind)."""
    if " - " in name or " – " in name:  # "Congo - Kinshasa"
        return []
    if code in ("CD", "CG") and name in ("Конго",):
        return []
    if code in CLDR_SKIP_CODES_FOR_QUALIFIED:
        # "Гонконг (САР)" -> "Гонконг"; drop the "SAR China" compounds.
        base = re.sub(r"\s*\([^)]*\)", "", name).strip()
        if re.search(r"SAR|ÖİB|XİR|Xüsusi|АӘА|ААА|MMH", base):
            return []
        return [(base, "name")]
    out: list[tuple[str, str]] = []
    m = re.fullmatch(r"(.+?)\s*\(([^)]+)\)", name)
    if code == "MM" and m:  # "Myanmar (Burma)" -> both names
        out.append((m.group(1), "name"))
        out.append((m.group(2), "name"))
        return out
    out.append((name, "name"))
    if lang == "ru" and ("о-в" in name or "о-ва" in name or "Св." in name):
        expanded = (name.replace("о-ва", "острова").replace("о-в", "остров")
                    .replace("Св. ", "Святой "))
        out.append((expanded, "name"))
    return out


_AZ_HARMONY = {"a": "ı", "ı": "ı", "e": "i", "ə": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}


def az_demonym(name: str) -> str:
    """"Monteneqro" -> "monteneqrolu": the suffix's vowel follows the name's last vowel."""
    low = name.replace("I", "ı").replace("İ", "i").lower()
    last = next((c for c in reversed(low) if c in _AZ_HARMONY), "a")
    return low + "l" + _AZ_HARMONY[last]


_KK_BACK, _KK_FRONT = set("аоұыуяёю"), set("әеөүіиэ")


def kk_adjective(name: str) -> str:
    """"Черногория" -> "черногориялық", "Ресей" -> "ресейлік", "Египет" -> "египеттік"."""
    low = name.lower()
    last = next((c for c in reversed(low) if c in _KK_BACK | _KK_FRONT), "а")
    front = last in _KK_FRONT or low.endswith("ь")
    end = low.rstrip("ь")[-1:]
    head = "л" if end in _KK_BACK | _KK_FRONT | set("рйу") else "д" if end in "лмнңзж" else "т"
    return low + head + ("ік" if front else "ық")


def variants(lang: str, alias: str) -> list[str]:
    """Spelling variants that are mechanical: apostrophes, ё."""
    out = [alias]
    if lang == "uz" and any(ch in alias for ch in APOSTROPHES):
        # oʻ/gʻ take the modifier letter ʻ (U+02BB); news often has plain '.
        out.append(re.sub(f"(?<=[oOgG])[{APOSTROPHES}]", "ʻ", alias))
        out.append(re.sub(f"[{APOSTROPHES}]", "'", alias))
    elif "’" in alias:
        out.append(alias.replace("’", "'"))
    if lang == "ru" and "ё" in alias:
        out.append(alias.replace("ё", "е").replace("Ё", "Е"))
    return out


def script_ok(lang: str, alias: str) -> bool:
    if lang in CYRILLIC_LANGS:
        return not LATIN.search(alias)
    return not CYRILLIC.search(alias)


def build() -> tuple[list[tuple[str, str, str, str]], list[tuple[str, str, str, str]]]:
    countries = {c.alpha_2: c for c in pycountry.countries}
    codes = sorted(set(countries) | {"XK"})

    entities = []
    for code in codes:
        c = countries.get(code)
        if code in LABELS:
            label = LABELS[code]
        else:
            label = getattr(c, "common_name", None) or c.name
        entities.append((f"country:{code.lower()}", "country", nfc(label),
                         WIKIDATA.get(code, "")))

    rows: dict[tuple[str, str, str], str] = {}
    rejected: list[str] = []

    def add(code: str, lang: str, alias: str, kind: str) -> None:
        assert lang in LANGS and kind in KINDS, (lang, kind)
        for form in variants(lang, nfc(alias)):
            form = nfc(form)
            if not form:
                continue
            if not script_ok(lang, form):
                rejected.append(f"{code}\t{lang}\t{form}")
                continue
            key = (f"country:{code.lower()}", lang, form)
            old = rows.get(key)
            if old is None or KIND_PRIORITY[kind] < KIND_PRIORITY[old]:
                rows[key] = kind

    # English label and pycountry names.
    for (eid, _type, label, _wd) in entities:
        code = eid.split(":")[1].upper()
        add(code, "en", label, "name")
        c = countries.get(code)
        if c is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if not v or "," in v or "(" in v:
                continue
            v = re.sub(r"^the ", "", v)
            add(code, "en", v, "name")

    # CLDR territory names.
    for lang in LANGS:
        terr = Locale(lang).territories
        for code in codes:
            name = terr.get(code)
            if not name:
                continue
            for alias, kind in cldr_forms(code, lang, name):
                add(code, lang, alias, kind)

    # Azerbaijani demonyms, derived: a one-word name takes -lı/-li/-lu/-lü after its last vowel
    # ("Monteneqro" -> "monteneqrolu", "Rumıniya" -> "rumıniyalı"); the suffix is fully productive.
    terr = Locale("az").territories
    for code in codes:
        name = terr.get(code) or ""
        if re.fullmatch(r"[^\W\d_]+", name) and not name.isupper():
            add(code, "az", az_demonym(name), DEM)

    # Kazakh adjectives, derived the same way: -лық/-лік after a vowel, р, й, у; -дық/-дік after л,
    # м, н, ң, з, ж; -тық/-тік after the rest ("Черногория" -> "черногориялық", "Иран" -> "ирандық").
    terr = Locale("kk").territories
    for code in codes:
        name = terr.get(code) or ""
        if re.fullmatch(r"[^\W\d_]+", name) and not name.isupper():
            add(code, "kk", kk_adjective(name), ADJ)

    # Hand-written forms.
    for code, by_lang in EXTRA.items():
        assert code in codes, code
        for lang, items in by_lang.items():
            for alias, kind in items:
                add(code, lang, alias, kind)

    if rejected:
        print("rejected (wrong script):", *rejected, sep="\n  ", file=sys.stderr)

    # Report (lang, alias) pairs shared by two countries.
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (eid, lang, alias) in rows:
        owners[(lang, alias)].add(eid)
    for (lang, alias), ids in sorted(owners.items()):
        if len(ids) > 1:
            print(f"ambiguous alias {lang} {alias!r}: {sorted(ids)}", file=sys.stderr)

    aliases = sorted((eid, lang, alias, kind) for (eid, lang, alias), kind in rows.items())
    return entities, aliases


def write(path: Path, header: tuple[str, ...], rows, comment: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {comment}\n")
        f.write("\t".join(header) + "\n")
        for row in rows:
            for cell in row:
                assert "\t" not in cell and "\n" not in cell, row
            f.write("\t".join(row) + "\n")


def main() -> int:
    entities, aliases = build()
    note = "Generated by tools/build_kb_countries.py from CLDR (babel) and pycountry; do not edit by hand."
    write(ENTITIES, ("id", "type", "label", "wikidata"), entities, note)
    write(ALIASES, ("id", "lang", "alias", "kind"), aliases, note)
    print(f"{ENTITIES.relative_to(ROOT)}: {len(entities)} rows")
    print(f"{ALIASES.relative_to(ROOT)}: {len(aliases)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
