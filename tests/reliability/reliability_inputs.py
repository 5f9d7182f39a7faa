"""Bad and hostile inputs, built at test time (no binary fixtures in the repository).

Each ``Case`` is one file: its bytes, and what reading it must give, either a
document whose text contains ``contains`` or an ``InputError`` whose message
contains ``problem``.
"""
from __future__ import annotations

import gzip
import json
import random
import zlib
from dataclasses import dataclass
from pathlib import Path

RU = ("Министр иностранных дел Казахстана Мурат Нуртлеу встретился в Баку с министром иностранных дел "
      "Азербайджана Джейхуном Байрамовым.")
KK = "Қазақстан Президенті Қасым-Жомарт Тоқаев Әзербайжан Президенті Ілхам Әлиевпен телефон арқылы сөйлесті."
AZ = "Azərbaycan Prezidenti İlham Əliyev Bakıda Qazaxıstan Prezidenti Kasım-Jomart Tokayev ilə görüşüb."
TEXTS = {"ru": RU, "kk": KK, "az": AZ}

# Every encoding the region's sites use: (codec, byte-order mark written by hand or None).
ENCODINGS = [
    ("utf-8", None), ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", None), ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", None), ("utf-16-be", b"\xfe\xff"),
    ("cp1251", None), ("koi8_r", None),
]
SINGLE_BYTE = ("cp1251", "koi8_r")  # Russian only: they have no Kazakh or Azerbaijani letters


@dataclass
class Case:
    name: str
    data: bytes
    contains: str | None = None  # a document whose text contains this
    problem: str | None = None  # or an InputError whose message contains this
    docs: int = 1  # documents expected (feeds and JSONL give several)
    errors: int = 0  # input errors expected besides ``problem``


def encoded(text: str, codec: str, bom: bytes | None) -> bytes:
    return (bom or b"") + text.encode(codec)


def encoding_cases() -> list[Case]:
    out = []
    for code, text in TEXTS.items():
        for codec, bom in ENCODINGS:
            if codec in SINGLE_BYTE and code != "ru":
                continue
            name = f"enc-{code}-{codec}{'-bom' if bom else ''}.txt"
            out.append(Case(name, encoded(text, codec, bom), contains=text))
    # a one-word headline: short UTF-8 Cyrillic once read as UTF-16 pairs
    out.append(Case("enc-short-headline.txt", "Казахстан".encode(), contains="Казахстан"))
    out.append(Case("enc-spaced-digits.txt", b"1 2 3 4 5 6 7 8 9 10 11 12", contains="1 2 3 4 5 6 7 8 9 10 11 12"))
    # files joined together: UTF-8 lines and lines in a Russian code page, each line read in its own
    for codec in SINGLE_BYTE:
        mixed = (KK + "\n").encode("utf-8") + (RU + "\n").encode(codec) + AZ.encode("utf-8")
        out.append(Case(f"enc-mixed-utf8-{codec}.txt", mixed, contains=f"{KK}\n{RU}\n{AZ}"))
    # a UTF-8 line with a broken byte: no reading of it would be right
    broken = (KK + "\n").encode("utf-8") + RU.encode("utf-8")[:-5] + b"\xd0 ."
    out.append(Case("enc-broken-utf8-line.txt", broken, problem="line 2 is broken UTF-8"))
    return out


def _page(body: str, title: str = "Визит", charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
            f"<nav><a href='/'>Главная</a> | <a href='/news'>Новости</a></nav>"
            f"<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>© 2024</footer></body></html>")


def html_cases() -> list[Case]:
    page = _page(RU)
    return [
        # the meta charset lies: the bytes decide
        Case("lie-cp1251-says-utf8.html", _page(RU, charset="utf-8").encode("cp1251"), contains=RU),
        Case("lie-utf8-says-cp1251.html", _page(RU, charset="windows-1251").encode("utf-8"), contains=RU),
        Case("lie-koi8-says-cp1251.html", _page(RU, charset="windows-1251").encode("koi8_r"), contains=RU),
        Case("lie-utf16-says-utf8.html", b"\xff\xfe" + _page(KK, title="Сапар").encode("utf-16-le"), contains=KK),
        Case("lie-az-utf8-says-koi8.html", _page(AZ, title="Səfər", charset="koi8-r").encode("utf-8"), contains=AZ),
        # truncated in the middle of a tag, and in the middle of the text after one good paragraph
        Case("truncated-in-tag.html", page[: page.index("</p>") + 6].encode("utf-8"), contains=RU),
        Case("truncated-in-text.html", page[: page.rindex("</p>") - 20].encode("utf-8"), contains=RU),
        Case("malformed.html", (f"<html><body><div><p>{RU}<p><b><i>{KK}</b></i><table><tr><td>{AZ}"
                                f"</div></span></html></body><<>>").encode(), contains=RU),
        Case("scripts-only.html", b"<html><head><script>var a = 1;</script></head><body><script>x()</script>"
                                  b"</body></html>", problem="no main text"),
        Case("tags-only.html", b"<html><body><div><span></span></div></body></html>", problem="no main text"),
    ]


def jsonl_case() -> Case:
    lines = [
        json.dumps({"id": "j-ok-1", "text": RU, "published": "2024-01-02"}, ensure_ascii=False),
        '{"id": "j-broken", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "j-no-text"}),
        json.dumps({"text": KK}, ensure_ascii=False),
        json.dumps({"id": "j-empty", "text": "  \n "}),
        json.dumps({"id": "j-nul", "text": "a\u0000b"}),
        '{"id": "j-surrogate", "text": "broken emoji \\ud83d here"}',
        json.dumps({"id": "x" * 600, "text": RU}, ensure_ascii=False),
        json.dumps({"id": "j-bad-lang", "text": RU, "lang": "russian language"}, ensure_ascii=False),
        "\x01\x02garbage{",
        json.dumps({"id": "j-ok-2", "text": KK, "published": "2024-02-30", "lang": "KK"}, ensure_ascii=False),
        json.dumps({"id": "j-ok-3", "text": AZ, "lang": "az-Latn"}, ensure_ascii=False),
    ]
    return Case("articles.jsonl", "\n".join(lines).encode("utf-8"), contains=RU, docs=3, errors=10)


def mixed_jsonl_case() -> Case:
    """Records appended by different programs, one of them writing cp1251."""
    lines = [json.dumps({"id": "m-az", "text": AZ}, ensure_ascii=False).encode("utf-8"),
             json.dumps({"id": "m-ru", "text": RU}, ensure_ascii=False).encode("cp1251")]
    return Case("mixed-encodings.jsonl", b"\n".join(lines), contains=AZ, docs=2)


def _feed(body: str, declared: str = "utf-8", items: str | None = None, link: str = "https://e.kz/1") -> str:
    item = items if items is not None else (
        f"<item><title>Визит</title><link>{link}</link><description>{body}</description></item>")
    return f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel><title>t</title>{item}</channel></rss>'


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                  + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
                  + ']><rss><channel><item><title>t</title><description>&i;</description></item></channel></rss>')
EXTERNAL_ENTITY = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   "<rss><channel><item><title>t</title><description>&x;</description></item></channel></rss>")


def feed_cases() -> list[Case]:
    return [
        Case("feed-cp1251-honest.rss", _feed(RU, "windows-1251", link="https://e.kz/2").encode("cp1251"), contains=RU),
        Case("feed-utf8-says-cp1251.rss", _feed(RU, "windows-1251", link="https://e.kz/3").encode("utf-8"), contains=RU),
        Case("feed-cp1251-says-utf8.rss", _feed(RU, "utf-8", link="https://e.kz/4").encode("cp1251"), contains=RU),
        Case("feed-koi8-says-nothing.xml", _feed(RU).replace(' encoding="utf-8"', "").encode("koi8_r"), contains=RU),
        Case("feed-unclosed.rss", _feed(RU)[:-30].encode("utf-8"), problem="not valid XML"),
        Case("feed-bad-tag.rss", _feed(RU).replace("</title>", "</titel>", 1).encode("utf-8"), problem="not valid XML"),
        Case("feed-no-items.rss", _feed(RU, items="").encode("utf-8"), problem="no <item>"),
        Case("feed-empty-item.rss", _feed(RU, items=f"<item><title>a</title></item><item><description>{KK}"
                                                    "</description><guid>g2</guid></item>").encode("utf-8"),
             contains=KK, errors=1),
        # HTML's named entities and a bare '&' written straight into the XML, where they are undefined
        Case("feed-html-entities.rss", _feed(f"&laquo;{RU}&raquo;&nbsp;AT&T", link="https://e.kz/5").encode("utf-8"),
             contains=f"«{RU}»\u00a0AT&T"),
        Case("feed-billion-laughs.rss", BILLION_LAUGHS.encode("utf-8"), problem="not valid XML"),
        Case("feed-external-entity.rss", EXTERNAL_ENTITY.encode("utf-8"), problem="not valid XML"),
    ]


def binary_cases() -> list[Case]:
    rng = random.Random(7)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4000)
    return [
        Case("empty.txt", b"", problem="empty"),
        Case("blank.txt", b"  \n\t\r\n   \n", problem="empty"),
        Case("blank-utf16.txt", "   \n\n   ".encode("utf-16"), problem="empty"),
        Case("only-bom.txt", b"\xef\xbb\xbf", problem="empty"),
        Case("image.png", png, problem="binary"),
        Case("random.bin", rng.randbytes(8192), problem=""),
        Case("zeros.dat", bytes(4096), problem="binary"),
        Case("control-bytes.txt", bytes(range(1, 9)) * 500, problem="binary"),
        Case("bad-bom.txt", b"\xef\xbb\xbf" + b"\xff\xfe\xfd" * 20, problem="byte-order mark"),
        Case("broken.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + rng.randbytes(200), problem="broken gzip"),
        Case("truncated.txt.gz", gzip.compress(RU.encode("utf-8") * 20)[:40], problem="broken gzip"),
        Case("good.txt.gz", gzip.compress(KK.encode("utf-8")), contains=KK),
        Case("archive.zip", b"PK\x03\x04" + rng.randbytes(3000), problem=""),
    ]


def gzip_bomb(decompressed: int = 2**30) -> bytes:
    """A gzip file of about 1 MB that unpacks to ``decompressed`` bytes of spaces and letters."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = (RU.encode("utf-8") + b" ") * (2**20 // 256)
    chunk = chunk[: 2**20]
    parts = [comp.compress(chunk) for _ in range(decompressed // len(chunk))]
    return b"".join(parts) + comp.flush()


def write_huge_article(path: Path, size: int = 100 * 2**20) -> None:
    """A plain-text article of ``size`` bytes, written in 1 MiB pieces."""
    line = (RU + "\n").encode("utf-8")
    block = line * (2**20 // len(line) + 1)
    with path.open("wb") as f:
        left = size
        while left > 0:
            f.write(block[: min(left, len(block))])
            left -= len(block)


def all_cases() -> list[Case]:
    return encoding_cases() + html_cases() + [jsonl_case(), mixed_jsonl_case()] + feed_cases() + binary_cases()


def write_cases(folder: Path, cases: list[Case]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for c in cases:
        (folder / c.name).write_bytes(c.data)


# -- a corpus of short generated articles for the crash and concurrency tests --------------------------

_PEOPLE = {
    "ru": ["Джейхун Байрамов", "Мурат Нуртлеу", "Ильхам Алиев", "Касым-Жомарт Токаев", "Садыр Жапаров"],
    "kk": ["Қасым-Жомарт Тоқаев", "Ілхам Әлиев", "Мұрат Нұртілеу", "Жейхун Байрамов"],
    "az": ["İlham Əliyev", "Ceyhun Bayramov", "Kasım-Jomart Tokayev", "Murat Nurtleu"],
}
_TEMPLATES = {
    "ru": "{a} встретился в {place} с {b}. Стороны обсудили сотрудничество. Номер {n}.",
    "kk": "{a} {place} қаласында {b} кездесті. Тараптар ынтымақтастықты талқылады. Нөмір {n}.",
    "az": "{a} {place} şəhərində {b} ilə görüşüb. Tərəflər əməkdaşlığı müzakirə ediblər. Nömrə {n}.",
}
_PLACES = {"ru": ["Баку", "Астане", "Ташкенте"], "kk": ["Баку", "Астана", "Ташкент"], "az": ["Bakı", "Astana", "Daşkənd"]}


def articles(n: int, seed: int = 11, prefix: str = "art") -> dict[str, str]:
    """n short articles (doc id -> text) in az, kk and ru, each with people, a place and a meeting."""
    rng = random.Random(seed)
    out = {}
    for i in range(n):
        code = ("az", "kk", "ru")[i % 3]
        a, b = rng.sample(_PEOPLE[code], 2)
        out[f"{prefix}-{code}-{i:04d}"] = _TEMPLATES[code].format(a=a, b=b, place=rng.choice(_PLACES[code]), n=i)
    return out


def write_articles(folder: Path, docs: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in docs.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
