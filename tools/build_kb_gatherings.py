#!/usr/bin/env python3
"""Write the gathering files of the knowledge base.

    python tools/build_kb_gatherings.py

Writes ``src/communique/kb/data/gatherings.entities.tsv``, ``gatherings.aliases.tsv``
and ``gatherings.tsv``. The numbered series with a regular naming (UN General
Assembly sessions, UNFCCC COPs) are generated; the other gatherings are listed by
hand in the tables below. Edit this script, not the generated files, then re-run it.
Only facts we are sure of: a date is given to the precision we are sure of
(YYYY, YYYY-MM or YYYY-MM-DD) and left empty otherwise.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "communique" / "kb" / "data"

# --- ordinals ---------------------------------------------------------------

_EN_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_EN_UNITS_CARD = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_TENS_ORD = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                "eightieth", "ninetieth"]
_EN_TEENS_ORD = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                 "seventeenth", "eighteenth", "nineteenth"]


def en_ord(n: int) -> str:
    """47 -> '47th', 61 -> '61st', 72 -> '72nd', 13 -> '13th'."""
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def en_ord_words(n: int) -> str:
    """76 -> 'Seventy-sixth' (1..99)."""
    if n < 10:
        w = _EN_UNITS[n]
    elif n < 20:
        w = _EN_TEENS_ORD[n - 10]
    elif n % 10 == 0:
        w = _EN_TENS_ORD[n // 10]
    else:
        w = f"{_EN_TENS[n // 10]}-{_EN_UNITS[n % 10]}"
    return w[:1].upper() + w[1:]


# Azerbaijani ordinal suffix after digits ("76-cı"): the vowel harmony of the last
# non-zero number word decides (bir, iki, üç, dörd, beş, altı, yeddi, səkkiz, doqquz;
# on, iyirmi, otuz, qırx, əlli, altmış, yetmiş, səksən, doxsan; yüz).
_AZ_UNITS = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
_AZ_TENS = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}


def az_ord(n: int) -> str:
    if n % 10:
        return f"{n}-{_AZ_UNITS[n % 10]}"
    if n % 100:
        return f"{n}-{_AZ_TENS[(n % 100) // 10]}"
    return f"{n}-cü"  # yüz, min


# Kazakh ordinal after digits ("76-шы"): back vowel -> -шы, front vowel -> -ші, by the
# last non-zero number word (бір, екі, үш, төрт, бес, алты, жеті, сегіз, тоғыз; он,
# жиырма, отыз, қырық, елу, алпыс, жетпіс, сексен, тоқсан; жүз).
_KK_UNITS = {1: "ші", 2: "ші", 3: "ші", 4: "ші", 5: "ші", 6: "шы", 7: "ші", 8: "ші", 9: "шы"}
_KK_TENS = {1: "шы", 2: "шы", 3: "шы", 4: "шы", 5: "ші", 6: "шы", 7: "ші", 8: "ші", 9: "шы"}


def kk_ord(n: int) -> str:
    if n % 10:
        return f"{n}-{_KK_UNITS[n % 10]}"
    if n % 100:
        return f"{n}-{_KK_TENS[(n % 100) // 10]}"
    return f"{n}-ші"  # жүз


# --- hand-listed facts --------------------------------------------------------

# UNFCCC Conferences of the Parties: number -> (start, end, location). Dates to the
# precision we are sure of. COP29's end is the scheduled closing day (the final
# plenary ran on into 24 November 2024).
COPS = {
    1: ("1995-03-28", "1995-04-07", "loc:berlin"),
    2: ("1996-07", "1996-07", "loc:geneva"),
    3: ("1997-12", "1997-12", "loc:kyoto"),
    4: ("1998-11", "1998-11", "loc:buenos-aires"),
    5: ("1999-10", "1999-11", "loc:bonn"),
    6: ("2000-11", "2000-11", "loc:the-hague"),
    7: ("2001-10", "2001-11", "loc:marrakesh"),
    8: ("2002-10", "2002-11", "loc:new-delhi"),
    9: ("2003-12", "2003-12", "loc:milan"),
    10: ("2004-12", "2004-12", "loc:buenos-aires"),
    11: ("2005-11", "2005-12", "loc:montreal"),
    12: ("2006-11", "2006-11", "loc:nairobi"),
    13: ("2007-12", "2007-12", "loc:bali"),
    14: ("2008-12", "2008-12", "loc:poznan"),
    15: ("2009-12-07", "2009-12-18", "loc:copenhagen"),
    16: ("2010-11", "2010-12", "loc:cancun"),
    17: ("2011-11", "2011-12", "loc:durban"),
    18: ("2012-11", "2012-12", "loc:doha"),
    19: ("2013-11", "2013-11", "loc:warsaw"),
    20: ("2014-12", "2014-12", "loc:lima"),
    21: ("2015-11-30", "2015-12-12", "loc:paris"),
    22: ("2016-11-07", "2016-11-18", "loc:marrakesh"),
    23: ("2017-11-06", "2017-11-17", "loc:bonn"),
    24: ("2018-12-02", "2018-12-15", "loc:katowice"),
    25: ("2019-12-02", "2019-12-15", "loc:madrid"),
    26: ("2021-10-31", "2021-11-13", "loc:glasgow"),
    27: ("2022-11-06", "2022-11-20", "loc:sharm-el-sheikh"),
    28: ("2023-11-30", "2023-12-13", "loc:dubai"),
    29: ("2024-11-11", "2024-11-22", "loc:baku"),
    30: ("2025-11-10", "2025-11", "loc:belem"),
}
COP_YEAR = {n: int(v[0][:4]) for n, v in COPS.items()}

UNGA_SESSIONS = [47, *range(55, 81)]

# (id, label, organization, number, start, end, location, aliases[(lang, alias, kind)])
Gathering = tuple[str, str, str, str, str, str, str, list[tuple[str, str, str]]]


def _cica_summits() -> list[Gathering]:
    facts = {
        1: ("2002-06", "2002-06", "loc:almaty"),
        2: ("2006-06", "2006-06", "loc:almaty"),
        3: ("2010-06", "2010-06", "loc:istanbul"),
        4: ("2014-05-20", "2014-05-21", "loc:shanghai"),
        5: ("2019-06-15", "2019-06-15", "loc:dushanbe"),
        6: ("2022-10-12", "2022-10-13", "loc:astana"),
    }
    out = []
    for n, (s, e, loc) in facts.items():
        out.append((f"gathering:cica-summit-{n}", f"{en_ord(n)} CICA Summit", "org:cica", str(n), s, e, loc, [
            ("en", f"{en_ord(n)} Summit of the Conference on Interaction and Confidence Building Measures in Asia", "name"),
            ("az", f"AQEM-in {az_ord(n)} Zirvə görüşü", "name"),
            ("az", f"AQEM-in {az_ord(n)} sammiti", "name"),
            ("ru", f"{n}-й саммит СВМДА", "name"),
        ]))
    return out


def _ots_summits() -> list[Gathering]:
    # Numbered summits of the Turkic Council (Cooperation Council of Turkic Speaking
    # States), renamed Organization of Turkic States at the 8th summit (Istanbul 2021).
    facts = {
        1: ("2011-10", "2011-10", "loc:almaty"),
        2: ("2012-08", "2012-08", "loc:bishkek"),
        3: ("2013-08", "2013-08", "loc:gabala"),
        4: ("2014-06", "2014-06", "loc:bodrum"),
        5: ("2015-09", "2015-09", "loc:astana"),
        6: ("2018-09", "2018-09", "loc:cholpon-ata"),
        7: ("2019-10-15", "2019-10-15", "loc:baku"),
        8: ("2021-11-12", "2021-11-12", "loc:istanbul"),
        9: ("2022-11-11", "2022-11-11", "loc:samarkand"),
        10: ("2023-11-03", "2023-11-03", "loc:astana"),
        11: ("2024-11", "2024-11", "loc:bishkek"),
        12: ("2025-10-07", "2025-10-07", "loc:gabala"),
    }
    out = []
    for n, (s, e, loc) in facts.items():
        if n >= 8:
            label = f"{en_ord(n)} OTS Summit"
            al = [("en", f"{en_ord(n)} Summit of the Organization of Turkic States", "name"),
                  ("az", f"Türk Dövlətləri Təşkilatının {az_ord(n)} Zirvə görüşü", "name"),
                  ("ru", f"{n}-й саммит ОТГ", "name"),
                  ("ru", f"{n}-й саммит Организации тюркских государств", "name")]
        else:
            label = f"{en_ord(n)} Turkic Council Summit"
            al = [("en", f"{en_ord(n)} Summit of the Turkic Council", "name"),
                  ("az", f"Türk Şurasının {az_ord(n)} Zirvə görüşü", "name"),
                  ("ru", f"{n}-й саммит Тюркского совета", "name")]
        out.append((f"gathering:ots-summit-{n}", label, "org:ots", str(n), s, e, loc, al))
    return out


def _nam_summits() -> list[Gathering]:
    facts = {
        12: ("1998-09", "1998-09", "loc:durban"),
        13: ("2003-02", "2003-02", "loc:kuala-lumpur"),
        14: ("2006-09", "2006-09", "loc:havana"),
        15: ("2009-07", "2009-07", "loc:sharm-el-sheikh"),
        16: ("2012-08", "2012-08", "loc:tehran"),
        17: ("2016-09", "2016-09", ""),  # Porlamar, Margarita Island (Venezuela)
        18: ("2019-10-25", "2019-10-26", "loc:baku"),
        19: ("2024-01-19", "2024-01-20", "loc:kampala"),
    }
    out = []
    for n, (s, e, loc) in facts.items():
        out.append((f"gathering:nam-summit-{n}", f"{en_ord(n)} NAM Summit", "org:nam", str(n), s, e, loc, [
            ("en", f"{en_ord(n)} Summit of the Non-Aligned Movement", "name"),
            ("az", f"Qoşulmama Hərəkatının {az_ord(n)} Zirvə görüşü", "name"),
            ("ru", f"{n}-й саммит Движения неприсоединения", "name"),
        ]))
    return out


def _yearly_summits(key: str, acronym: str, facts: dict[int, tuple[str, str, str]]) -> list[Gathering]:
    """A body's summits named by their year, not numbered officially: ``gathering:<key>-summit-<year>``."""
    return [(f"gathering:{key}-summit-{y}", f"{y} {acronym} Summit", f"org:{key}", "", s, e, loc, [])
            for y, (s, e, loc) in facts.items()]


def _sco_summits() -> list[Gathering]:
    # Meetings of the SCO Council of Heads of State; not numbered officially.
    facts = {
        2001: ("2001-06-15", "2001-06-15", "loc:shanghai"),
        2002: ("2002-06", "2002-06", "loc:saint-petersburg"),
        2003: ("2003-05", "2003-05", "loc:moscow"),
        2004: ("2004-06", "2004-06", "loc:tashkent"),
        2005: ("2005-07", "2005-07", "loc:astana"),
        2006: ("2006-06", "2006-06", "loc:shanghai"),
        2007: ("2007-08", "2007-08", "loc:bishkek"),
        2008: ("2008-08", "2008-08", "loc:dushanbe"),
        2009: ("2009-06", "2009-06", "loc:yekaterinburg"),
        2010: ("2010-06", "2010-06", "loc:tashkent"),
        2011: ("2011-06", "2011-06", "loc:astana"),
        2012: ("2012-06", "2012-06", "loc:beijing"),
        2013: ("2013-09", "2013-09", "loc:bishkek"),
        2014: ("2014-09", "2014-09", "loc:dushanbe"),
        2015: ("2015-07-09", "2015-07-10", "loc:ufa"),
        2016: ("2016-06", "2016-06", "loc:tashkent"),
        2017: ("2017-06-08", "2017-06-09", "loc:astana"),
        2018: ("2018-06-09", "2018-06-10", "loc:qingdao"),
        2019: ("2019-06-13", "2019-06-14", "loc:bishkek"),
        2020: ("2020-11-10", "2020-11-10", ""),  # by video link, Russian chairmanship
        2021: ("2021-09-16", "2021-09-17", "loc:dushanbe"),
        2022: ("2022-09-15", "2022-09-16", "loc:samarkand"),
        2023: ("2023-07-04", "2023-07-04", ""),  # by video link, Indian chairmanship
        2024: ("2024-07-03", "2024-07-04", "loc:astana"),
        2025: ("2025-08-31", "2025-09-01", "loc:tianjin"),
    }
    return _yearly_summits("sco", "SCO", facts)


def _cis_summits() -> list[Gathering]:
    # Regular meetings of the CIS Council of Heads of State (one a year, in the autumn since 2014;
    # the informal December summits are apart); not numbered officially.
    facts = {
        2014: ("2014-10-10", "2014-10-10", "loc:minsk"),
        2015: ("2015-10-16", "2015-10-16", "loc:burabay"),
        2016: ("2016-09", "2016-09", "loc:bishkek"),
        2017: ("2017-10-11", "2017-10-11", "loc:sochi"),
        2018: ("2018-09-28", "2018-09-28", "loc:dushanbe"),
        2019: ("2019-10-11", "2019-10-11", "loc:ashgabat"),
        2020: ("2020-12-18", "2020-12-18", ""),  # by video link
        2021: ("2021-10-15", "2021-10-15", "loc:minsk"),
        2022: ("2022-10-14", "2022-10-14", "loc:astana"),
        2023: ("2023-10-13", "2023-10-13", "loc:bishkek"),
        2024: ("2024-10-08", "2024-10-08", "loc:moscow"),
        2025: ("2025-10-10", "2025-10-10", "loc:dushanbe"),
    }
    return _yearly_summits("cis", "CIS", facts)


def _csto_summits() -> list[Gathering]:
    # Regular sessions of the CSTO Collective Security Council (heads of state); not numbered officially.
    facts = {
        2014: ("2014-12-23", "2014-12-23", "loc:moscow"),
        2015: ("2015-09-15", "2015-09-15", "loc:dushanbe"),
        2016: ("2016-10-14", "2016-10-14", "loc:yerevan"),
        2017: ("2017-11-30", "2017-11-30", "loc:minsk"),
        2018: ("2018-11-08", "2018-11-08", "loc:astana"),
        2019: ("2019-11-28", "2019-11-28", "loc:bishkek"),
        2020: ("2020-12-02", "2020-12-02", ""),  # by video link
        2021: ("2021-09-16", "2021-09-16", "loc:dushanbe"),
        2022: ("2022-11-23", "2022-11-23", "loc:yerevan"),
        2023: ("2023-11-23", "2023-11-23", "loc:minsk"),
        2024: ("2024-11-28", "2024-11-28", "loc:astana"),
        2025: ("2025-11-27", "2025-11-27", "loc:bishkek"),
    }
    return _yearly_summits("csto", "CSTO", facts)


def _caspian_summits() -> list[Gathering]:
    facts = {
        1: ("2002-04", "2002-04", "loc:ashgabat"),
        2: ("2007-10", "2007-10", "loc:tehran"),
        3: ("2010-11", "2010-11", "loc:baku"),
        4: ("2014-09", "2014-09", "loc:astrakhan"),
        5: ("2018-08-12", "2018-08-12", "loc:aktau"),
        6: ("2022-06-29", "2022-06-29", "loc:ashgabat"),
    }
    out = []
    for n, (s, e, loc) in facts.items():
        out.append((f"gathering:caspian-summit-{n}", f"{en_ord(n)} Caspian Summit", "org:caspian-summit", str(n),
                    s, e, loc, [
                        ("az", f"{az_ord(n)} Xəzər sammiti", "name"),
                        ("ru", f"{n}-й Каспийский саммит", "name"),
                    ]))
    return out


def _central_asia_china() -> list[Gathering]:
    fm = {
        1: ("2020-07", "2020-07", ""),  # by video link
        2: ("2021-05", "2021-05", "loc:xian"),
        3: ("2022-06", "2022-06", "loc:astana"),  # then named Nur-Sultan
        4: ("2023", "2023", ""),
        5: ("2024", "2024", ""),
    }
    out = []
    for n, (s, e, loc) in fm.items():
        out.append((f"gathering:central-asia-china-fmm-{n}", f"{en_ord(n)} Central Asia–China Foreign Ministers' Meeting",
                    "org:central-asia-china", str(n), s, e, loc, [
                        ("en", f"{en_ord(n)} China–Central Asia Foreign Ministers' Meeting", "name"),
                    ]))
    summits = {
        1: ("2023-05-18", "2023-05-19", "loc:xian"),
        2: ("2025-06", "2025-06", "loc:astana"),
    }
    for n, (s, e, loc) in summits.items():
        out.append((f"gathering:central-asia-china-summit-{n}", f"{en_ord(n)} China–Central Asia Summit",
                    "org:central-asia-china", str(n), s, e, loc, [
                        ("en", f"{en_ord(n)} Central Asia–China Summit", "name"),
                    ]))
    return out


def _central_asia_consultative() -> list[Gathering]:
    # Consultative Meetings of the Heads of State of Central Asia (the C5 leaders' own summit).
    facts = {
        1: ("2018-03-15", "2018-03-15", "loc:astana"),
        2: ("2019-11-29", "2019-11-29", "loc:tashkent"),
        3: ("2021-08-06", "2021-08-06", "loc:avaza"),
        4: ("2022-07-21", "2022-07-21", "loc:cholpon-ata"),
        5: ("2023-09-14", "2023-09-15", "loc:dushanbe"),
        6: ("2024-08-09", "2024-08-09", "loc:astana"),
        7: ("2025-11", "2025-11", "loc:tashkent"),
    }
    return [(f"gathering:central-asia-consultative-{n}",
             f"{en_ord(n)} Consultative Meeting of the Heads of State of Central Asia",
             "org:central-asia-consultative", str(n), s, e, loc, [
                 ("az", f"Mərkəzi Asiya dövlət başçılarının {az_ord(n)} Məşvərət görüşü", "name"),
                 ("ru", f"{n}-я Консультативная встреча глав государств Центральной Азии", "name"),
             ]) for n, (s, e, loc) in facts.items()]


RECURRING: list[Gathering] = [
    ("gathering:hlpf", "High-level Political Forum on Sustainable Development", "org:ecosoc", "", "", "",
     "loc:new-york", [
         ("en", "HLPF", "acronym"),
         ("en", "High-Level Political Forum", "short"),
         ("az", "Yüksək Səviyyəli Siyasi Forum", "short"),
         ("kk", "Жоғары деңгейдегі саяси форум", "short"),
         ("ru", "Политический форум высокого уровня", "short"),
         ("ru", "Политический форум высокого уровня по устойчивому развитию", "name"),
     ]),
    ("gathering:astana-international-forum", "Astana International Forum", "", "", "", "", "loc:astana", [
        ("en", "AIF", "acronym"),
        ("az", "Astana Beynəlxalq Forumu", "name"),
        ("kk", "Астана халықаралық форумы", "name"),
        ("ru", "Астанинский международный форум", "name"),
        ("ru", "АМФ", "acronym"),
    ]),
    ("gathering:baku-global-forum", "Global Baku Forum", "org:nizami-ganjavi-international-center", "", "", "",
     "loc:baku", [
         ("en", "Baku Global Forum", "name"),
         ("az", "Qlobal Bakı Forumu", "name"),
         ("ru", "Глобальный Бакинский форум", "name"),
     ]),
    # yearly conferences where the region's leaders meet on the sidelines
    ("gathering:munich-security-conference", "Munich Security Conference", "", "", "", "", "loc:munich", [
        ("az", "Münxen Təhlükəsizlik Konfransı", "name"),
        ("kk", "Мюнхен қауіпсіздік конференциясы", "name"),
        ("ru", "Мюнхенская конференция по безопасности", "name"),
        ("ru", "Мюнхенская конференция", "short"),
    ]),
    ("gathering:antalya-diplomacy-forum", "Antalya Diplomacy Forum", "", "", "", "", "loc:antalya", [
        ("az", "Antalya Diplomatiya Forumu", "name"),
        ("kk", "Анталья дипломатиялық форумы", "name"),
        ("ru", "Анталийский дипломатический форум", "name"),
    ]),
    ("gathering:spief", "St. Petersburg International Economic Forum", "", "", "", "", "loc:saint-petersburg", [
        ("en", "SPIEF", "acronym"),
        ("az", "Sankt-Peterburq Beynəlxalq İqtisadi Forumu", "name"),
        ("kk", "Санкт-Петербург халықаралық экономикалық форумы", "name"),
        ("kk", "Петербург халықаралық экономикалық форумы", "name"),
        ("ru", "Петербургский международный экономический форум", "name"),
        ("ru", "ПМЭФ", "acronym"),
    ]),
]


def _unga() -> list[Gathering]:
    out = []
    for n in UNGA_SESSIONS:
        y = 1945 + n
        out.append((f"gathering:unga-{n}", f"{en_ord(n)} session of the UN General Assembly", "org:unga", str(n),
                    f"{y}-09", f"{y + 1}-09", "loc:new-york", [
                        ("en", f"{en_ord(n)} session of the United Nations General Assembly", "name"),
                        ("en", f"{en_ord_words(n)} session of the United Nations General Assembly", "name"),
                        ("en", f"UNGA {n}", "short"),
                        ("en", f"UNGA{n}", "short"),
                        ("az", f"BMT Baş Assambleyasının {az_ord(n)} sessiyası", "name"),
                        ("kk", f"БҰҰ Бас Ассамблеясының {n}-сессиясы", "name"),
                        ("kk", f"БҰҰ Бас Ассамблеясының {kk_ord(n)} сессиясы", "name"),
                        ("ru", f"{n}-я сессия Генеральной Ассамблеи ООН", "name"),
                        ("ru", f"{n}-я сессия Генассамблеи ООН", "name"),
                        ("ru", f"{n}-я сессия ГА ООН", "name"),
                    ]))
    return out


def _cops() -> list[Gathering]:
    out = []
    for n, (s, e, loc) in COPS.items():
        al = [
            ("en", f"COP{n}", "short"),
            ("en", f"COP-{n}", "short"),
            ("en", f"COP {n}", "short"),
            ("en", f"{COP_YEAR[n]} United Nations Climate Change Conference", "name"),
            ("ru", f"КС-{n}", "short"),
            ("ru", f"{n}-я Конференция сторон РКИК ООН", "name"),
        ]
        if n == 29:
            al.append(("az", "BMT-nin İqlim Dəyişmələri üzrə Çərçivə Konvensiyası Tərəflər Konfransının "
                             f"{az_ord(n)} sessiyası", "name"))
        out.append((f"gathering:cop{n}", f"COP{n}", "org:unfccc", str(n), s, e, loc, al))
    return out


def gatherings() -> list[Gathering]:
    return [*_unga(), *_cops(), *_cica_summits(), *_ots_summits(), *_nam_summits(), *_sco_summits(),
            *_cis_summits(), *_csto_summits(), *_caspian_summits(), *_central_asia_china(),
            *_central_asia_consultative(), *RECURRING]


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def main() -> None:
    gs = gatherings()
    ids = [g[0] for g in gs]
    assert len(ids) == len(set(ids)), "duplicate gathering id"
    note = "# Generated by tools/build_kb_gatherings.py: edit the script, not this file.\n"
    ents = sorted((g[0], "gathering", g[1], "") for g in gs)
    aliases = sorted({(g[0], lang, _nfc(a), kind) for g in gs for lang, a, kind in g[7]})
    details = sorted(g[:1] + g[2:7] for g in gs)
    files = {
        "gatherings.entities.tsv": ("id\ttype\tlabel\twikidata", ents),
        "gatherings.aliases.tsv": ("id\tlang\talias\tkind", aliases),
        "gatherings.tsv": ("id\torganization\tnumber\tstart\tend\tlocation", details),
    }
    for name, (header, rows) in files.items():
        with (DATA / name).open("w", encoding="utf-8", newline="\n") as f:
            f.write(note + header + "\n")
            for r in rows:
                f.write(_nfc("\t".join(r)) + "\n")
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
