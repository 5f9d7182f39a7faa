"""Reading articles: plain text, HTML, JSON Lines, RSS/Atom, folders, gzip, stdin.

Every reader yields either a ``Document`` or an ``InputError`` naming the file
(and line) and the problem, so one bad file never stops a batch.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import io
import json
import os
import re
import stat
import sys
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from collections.abc import Iterator
from html import unescape as _unescape_html
from html.entities import html5 as _HTML5_ENTITIES
from pathlib import Path

from ..document import Document
from ..errors import InputError, escape_controls
from ..headline import clean_title
from ..lang import alphabet

MAX_BYTES = 64 * 1024 * 1024
MAX_ID = 512  # the length of the documents.id column
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")  # "kk", "KK", "az-Latn", "ru_RU"
_BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
_CYR_LOWER = re.compile(f"[{alphabet('ru')}]")
_CYR_UPPER = re.compile(f"[{alphabet('ru').upper()}]")
Item = Document | InputError


def decode(data: bytes, source: str) -> str:
    """Bytes to text: BOM, UTF-8, UTF-16 without BOM, then cp1251 or KOI8-R."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"declares {enc} by its byte-order mark but is not valid {enc}: {exc.reason}")
    text = _utf8_with_letters(data) or _utf16_without_bom(data)
    if text is None and b"\x00" in data[:4096]:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    if text is None and data.isascii():
        text = data.decode("ascii")
    # control bytes are counted in the text as decoded (UTF-16 is full of 0x00 and 0x04 bytes)
    sample = text[:65536].encode("utf-8", "replace") if text is not None else data
    if _control_ratio(sample) > 0.05:
        raise InputError(source, "binary file (control bytes), not text in a known encoding")
    if text is not None:
        return text
    lines = data.split(b"\n")
    utf8 = [_utf8_line(line) for line in lines]
    if any(t is not None and not t.isascii() for t in utf8):
        return _decode_mixed(lines, utf8, source)
    return _decode_single_byte(data, source)


def _decode_single_byte(data: bytes, source: str) -> str:
    """Single-byte Cyrillic: the right code page gives mostly lower-case letters."""
    best = max(("cp1251", "koi8_r"), key=lambda enc: _lower_share(data.decode(enc, errors="replace")))
    text = data.decode(best, errors="replace")
    if text.count("\ufffd") > len(text) // 100:
        raise InputError(source, "unknown encoding: not UTF-8, UTF-16, cp1251 or KOI8-R")
    return text


def _utf8_line(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_mixed(lines: list[bytes], utf8: list[str | None], source: str) -> str:
    """A file whose lines are partly UTF-8 and partly a single-byte code page (files joined together),
    decoded line by line. A UTF-8 line with broken bytes rejects the file: any reading of it would
    garble or drop letters."""
    other = [n for n, t in enumerate(utf8) if t is None]
    for n in other:
        if (at := _broken_utf8(lines[n])) is not None:
            raise InputError(source, f"line {n + 1} is broken UTF-8 (byte 0x{lines[n][at]:02x} at byte {at + 1} "
                                     f"of the line) in a file of UTF-8 lines; repair the line or re-save the file")
    single = _decode_single_byte(b"\n".join(lines[n] for n in other), source).split("\n")
    for n, text in zip(other, single):
        utf8[n] = text
    return "\n".join(utf8)


def _broken_utf8(line: bytes) -> int | None:
    """Where UTF-8 with a few bad bytes (more well-formed multi-byte letters than bad bytes) first goes
    wrong, or None: cp1251 and KOI8-R text, whose letters are single high bytes, hardly ever forms even
    one UTF-8 sequence."""
    text = line.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if sum(not ch.isascii() for ch in text) - bad <= bad:
        return None
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def _utf8_with_letters(data: bytes) -> str | None:
    """Valid UTF-8 with multi-byte letters is UTF-8: UTF-16 of these scripts never is (its high bytes
    0x00-0x04 cannot follow a lead byte), while short UTF-8 Cyrillic can look like UTF-16 pairs."""
    if data.isascii() or b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has one byte of each pair from a handful of values (0x00 for
    Latin, 0x04 for Cyrillic); other encodings spread both bytes."""
    head = data[:4000]
    if len(head) < 8:
        return None
    for enc, high in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        common = Counter(high).most_common(3)
        top = sum(n for _, n in common)
        # the commonest high byte is 0x00 (Latin, spaces, digits) or 0x04 (Cyrillic)
        if top / len(high) < 0.9 or len(set(head)) < 4 or common[0][0] not in (0x00, 0x04):
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text[:2000])
        if printable / max(1, len(text[:2000])) > 0.95:
            return text
    return None


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _control_ratio(data: bytes) -> float:
    return (len(data) - len(data.translate(None, _CONTROL))) / max(1, len(data))


def _lower_share(text: str) -> float:
    lo, up = len(_CYR_LOWER.findall(text)), len(_CYR_UPPER.findall(text))
    return lo / max(1, lo + up)


def sniff(text: str, name: str) -> str:
    name = name.lower()
    head = text.lstrip()[:500].lower()
    if name.endswith((".jsonl", ".ndjson")) or (head.startswith("{") and not name.endswith((".txt", ".html"))):
        return "jsonl"
    if name.endswith((".rss", ".atom")) or "<rss" in head or "<feed" in head or ("<?xml" in head and "<html" not in head):
        return "feed"
    if name.endswith((".html", ".htm")) or head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "text"


def _too_large(source: str, size: int | None = None) -> InputError:
    got = f"{size // 2**20} MiB > " if size is not None else "over the "
    return InputError(source, f"too large ({got}{MAX_BYTES // 2**20} MiB limit); split it")


def _gunzip(data: bytes, source: str) -> bytes:
    """Decompressed gzip data, stopping just past the size limit (a small file can unpack to gigabytes)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"broken gzip data: {exc}") from exc
    if len(out) > MAX_BYTES:
        raise InputError(source, f"too large when decompressed (> {MAX_BYTES // 2**20} MiB limit); split it")
    return out


def read_bytes(data: bytes, source: str, doc_id: str) -> Iterator[Item]:
    """Documents (or input errors) in one file's bytes; a document whose strings cannot be stored
    (NUL, unpaired surrogates, an over-long id) becomes an input error."""
    for item in _read_bytes(data, source, doc_id):
        problem = _invalid_text(item) if isinstance(item, Document) else None
        yield InputError(item.origin or source, problem) if problem else item


def _read_bytes(data: bytes, source: str, doc_id: str) -> Iterator[Item]:
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data, source)
        except InputError as exc:
            yield exc
            return
        source_name = source[:-3] if source.endswith(".gz") else source
    else:
        source_name = source
    if len(data) > MAX_BYTES:
        yield _too_large(source, len(data))
        return
    try:
        text = decode(data, source)
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError(source, "empty file (no text)")
        return
    kind = sniff(text, source_name)
    reader = {"jsonl": read_jsonl, "feed": read_feed, "html": read_html, "text": read_text}[kind]
    yield from reader(text, source, doc_id)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _invalid_text(doc: Document) -> str | None:
    """Why a document's strings cannot be stored (NUL, unpaired surrogates from JSON escapes), or None."""
    if len(doc.id) > MAX_ID:
        return f"id longer than {MAX_ID} characters; shorten it"
    for name in ("id", "text", "title", "url", "published", "source", "lang"):
        value = getattr(doc, name)
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            return f"{name} contains a NUL character (binary data?), which no database stores"
        if m := _SURROGATE.search(value):
            return (f"{name} contains an unpaired UTF-16 surrogate (\\u{ord(m.group()):04x}), which is not valid "
                    f"Unicode; fix the escaping where it was written")
    return None


def read_text(text: str, source: str, doc_id: str) -> Iterator[Item]:
    yield Document(id=doc_id, text=text, origin=source)


# A run of line breaks or rules with nothing between them ("<br>" repeated a million times) carries
# no text; the HTML parsers build an element for each (4.5 GB and minutes for 20 MB of them).
# Each such tag followed by two more is dropped (one small match each: a single match over the whole
# run would hold the regex engine's state for every repetition).
_VOID_RUN = re.compile(r"<(?:br|hr|wbr)\b[^<>]{0,64}>\s*(?=<(?:br|hr|wbr)\b[^<>]{0,64}>\s*<(?:br|hr|wbr)\b)", re.I)


def read_html(html: str, source: str, doc_id: str, url: str | None = None) -> Iterator[Item]:
    import trafilatura
    html = _VOID_RUN.sub("", html)
    try:
        # trafilatura's own date is a guess where the page states none (a year in the text becomes
        # "YYYY-01-01"): the date is read from the page's metadata instead (page_date)
        result = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True,
                                             date_extraction_params={"extensive_search": False})
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many types on broken HTML
        yield InputError(source, f"HTML could not be parsed: {exc}")
        return
    body = (getattr(result, "text", None) if result is not None else None) or ""
    if not body.strip():
        yield InputError(source, "HTML page has no main text")
        return
    # the page's title (<title>, og:title or h1, as trafilatura reads them) without breadcrumbs or site name
    title = clean_title(getattr(result, "title", None), getattr(result, "sitename", None))
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    yield Document(id=doc_id, text=text, title=title, url=url or getattr(result, "url", None),
                   published=page_date(html), origin=source)


# Where a page states when it was published, most explicit first: Open Graph and Dublin Core meta
# tags, schema.org (microdata and JSON-LD), then a <time> element. A modified date is not a publication date.
_META_PUBLISHED = ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                   "publishdate", "publish-date", "publish_date", "publication_date", "dc.date.issued",
                   "dcterms.issued", "dc.date", "dcterms.date", "date")


def page_date(html: str) -> str | None:
    """The publication date an HTML page states in its markup, or None: never a date read from the
    prose, which is mostly about events."""
    import lxml.etree
    import lxml.html
    try:
        tree = lxml.html.fromstring(html.encode("utf-8", "replace"),
                                    parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return None
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        metas.setdefault(key, el.get("content") or "")
    for key in _META_PUBLISHED:
        if found := iso_date(metas.get(key)):
            return found
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        if found := iso_date(_json_ld_published(script.text or "")):
            return found
    for el in tree.xpath('//*[@itemprop="datePublished"]|//time[@pubdate]'):
        if found := iso_date(el.get("content") or el.get("datetime")):
            return found
    # a <time> without a mark: the article's first, or the page's only one (not one of a list of news)
    in_article, anywhere = tree.xpath("//article//time[@datetime]"), tree.xpath("//time[@datetime]")
    first = in_article[:1] or (anywhere if len(anywhere) == 1 else [])
    return iso_date(first[0].get("datetime")) if first else None


def _json_ld_published(text: str) -> str | None:
    """The first datePublished in a JSON-LD block (objects, lists and @graph)."""
    try:
        todo = [json.loads(text)]
    except ValueError:
        return None
    while todo:
        node = todo.pop(0)
        if isinstance(node, list):
            todo[:0] = node
        elif isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                return node["datePublished"]
            todo[:0] = [v for v in node.values() if isinstance(v, (dict, list))]
    return None


def read_jsonl(text: str, source: str, doc_id: str) -> Iterator[Item]:
    for n, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 may sit inside a JSON string
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno}); line skipped")
            continue
        if not isinstance(rec, dict):
            yield InputError(where, "a JSON object with \"id\" and \"text\" was expected")
            continue
        body, rid = rec.get("text"), rec.get("id")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "missing or empty \"text\"")
            continue
        if rid is None or isinstance(rid, (dict, list)) or str(rid).strip() == "":
            yield InputError(where, "missing \"id\"")
            continue
        lang = _str(rec.get("lang"))
        if lang is not None and not (m := _LANG.match(lang)):
            yield InputError(where, f"\"lang\" {lang[:40]!r} is not a language code such as az, kk or ru")
            continue
        yield Document(id=str(rid), text=body, url=_str(rec.get("url")), title=_str(rec.get("title")),
                       published=iso_date(rec.get("published")), source=_str(rec.get("source")),
                       lang=m.group(1).lower() if lang else None, origin=where)


def _str(v) -> str | None:
    return str(v) if v not in (None, "") else None


def iso_date(v) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD of a real calendar date, or None ("2024-02-30" is None)."""
    if not v:
        return None
    s = str(v).strip()
    if m := re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])", s):
        y, mo, d = (int(g) if g else 1 for g in m.groups())
        try:
            dt.date(y, mo, d)
        except ValueError:
            return None
        return m.group()
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(el, *names: str) -> str | None:
    for c in el:
        if _local(c.tag) in names:
            if _local(c.tag) == "link" and c.get("href"):
                return c.get("href")
            if c.text and c.text.strip():
                return c.text.strip()
    return None


def read_feed(text: str, source: str, doc_id: str) -> Iterator[Item]:
    try:
        # parse the decoded text: an encoding="..." declaration may lie, the bytes were decoded already
        root = _parse_feed(text.lstrip("\ufeff"))
    except ET.ParseError as exc:
        yield InputError(source, f"feed is not valid XML: {exc}")
        return
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    if not items:
        yield InputError(source, "feed has no <item> or <entry>")
    for n, it in enumerate(items, 1):
        title = _child_markup(it, "title")
        link = _child_text(it, "link")
        body = _child_markup(it, "encoded", "content", "description", "summary") or ""
        if not body.strip():
            yield InputError(f"{source}#{n}", "feed item has no text")
            continue
        text_ = f"{title}\n\n{body}" if title else body
        iid = _child_text(it, "guid", "id") or link or f"{doc_id}#{n}"
        yield Document(id=iid, text=text_, title=title, url=link, published=_item_date(it), origin=f"{source}#{n}")


def _parse_feed(xml: str) -> ET.Element:
    """The feed's root element. A feed that is not XML only because it writes HTML's named entities
    (``&laquo;``, ``&nbsp;``, which XML does not define) or a bare ``&`` is read as it means them."""
    try:
        return ET.fromstring(xml)
    except ET.ParseError as exc:
        repaired = _repair_references(xml)
        if repaired == xml:
            raise
        try:
            return ET.fromstring(repaired)
        except ET.ParseError:
            raise exc from None  # its line and column are those of the file as written


_XML_NAMED = frozenset(("amp;", "lt;", "gt;", "quot;", "apos;"))
_DECLARED = re.compile(r"<!ENTITY\s+(?:%\s+)?([^\s%\"'<>]{1,64})")
_MARK = re.compile(r"<!\[CDATA\[|<!--|&(#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};)?")


def _repair_references(xml: str) -> str:
    """HTML's named entities as numeric character references and any other ``&`` that starts no
    reference as ``&amp;`` (kept as written), outside CDATA sections and comments. Entities the
    document declares itself are left to the parser (and its limits on their expansion)."""
    declared = {name + ";" for name in _DECLARED.findall(xml)}
    out, pos = [], 0
    while m := _MARK.search(xml, pos):
        out.append(xml[pos:m.start()])
        if m.group().startswith("<"):  # copied up to its end (or the end of the text)
            close = xml.find("]]>" if m.group() == "<![CDATA[" else "-->", m.end())
            pos = len(xml) if close < 0 else close + 3
            out.append(xml[m.start():pos])
            continue
        ref, pos = m.group(1), m.end()
        if ref is None:
            out.append("&amp;")
        elif ref.startswith("#") or ref in _XML_NAMED or ref in declared:
            out.append(m.group())
        elif (chars := _HTML5_ENTITIES.get(ref)) is not None:
            out.append("".join(f"&#{ord(ch)};" for ch in chars))
        else:
            out.append("&amp;" + ref)
    out.append(xml[pos:])
    return "".join(out)


_ATOM = "{http://www.w3.org/2005/Atom}"
_HIDDEN = ("script", "style", "template")  # their contents are code, never text shown to a reader
# elements that end a line where they end: "<p>a</p><p>b</p>" is two lines, never the word "ab"
_BLOCKS = frozenset(("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
                     "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
                     "pre", "section", "table", "td", "th", "tr", "ul"))
_LINE_START = re.compile(r"[ \t]*[\r\n]")
_TAG = re.compile(r"<[A-Za-z!/]")


def _child_markup(el, *names: str) -> str | None:
    """The text of the first child of one of these names that has any, as plain text."""
    for c in el:
        if _local(c.tag) in names and (text := _markup_text(c)):
            return text
    return None


def _markup_text(el) -> str:
    """A feed element's text. Atom says how it is written (``type="text"``, ``"html"`` or ``"xhtml"``);
    RSS text is HTML escaped in the XML. The XML parser decoded one level of escaping; HTML's
    own (tags, entities) is decoded here, once. Markup written as XML elements was decoded already."""
    kind = (el.get("type") or "").lower()
    text = _element_text(el)
    if kind == "xhtml" or kind.endswith("xhtml+xml") or len(el):
        return text.strip()
    if el.tag.startswith(_ATOM) and kind in ("", "text", "text/plain") and not _TAG.search(text):
        return text.strip()
    return _html_text(text)


def _element_text(el) -> str:
    """The text inside an XML element and its descendants, without that of script and style elements
    (iterative: a deeply nested feed must not exhaust the stack)."""
    parts, todo = [], [el]
    while todo:
        node = todo.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        if node is not el and _local(node.tag) in _HIDDEN:
            continue
        parts.append(node.text or "")
        for child in reversed(node):
            todo += [_tail(_local(child.tag), child.tail), child]
    return "".join(parts)


def _tail(tag: str, tail: str | None) -> str:
    """The text after an element, on a line of its own after a block element (unless it starts one)."""
    tail = tail or ""
    return "\n" + tail if tag in _BLOCKS and not _LINE_START.match(tail) else tail


def _item_date(item) -> str | None:
    """A feed item's publication date: RSS <pubDate>, Atom <published> or Dublin Core <dc:date>; Atom
    <updated> (when it was last changed) only where none of them is given."""
    for name in ("pubDate", "published", "date", "updated"):
        if found := iso_date(_child_text(item, name)):
            return found
    return None


def _html_text(markup: str) -> str:
    """The text of an HTML fragment: tags dropped, with the contents of script and style elements;
    character references decoded."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    import lxml.html
    try:
        root = lxml.html.fromstring(f"<div>{markup}</div>")
    except Exception:  # noqa: BLE001 - malformed fragments fall back to a regex
        return _unescape_html(re.sub(r"<[^>]+>", " ", markup)).strip()
    for el in list(root.iter(*_HIDDEN)):
        el.drop_tree()  # keeps the text after it
    for el in root.iter(*_BLOCKS):
        el.tail = _tail(el.tag, el.tail)
    return root.text_content().strip()


def iter_paths(paths: list[str]) -> Iterator[tuple[str, str, Path | None]]:
    """(source name, document id, path) for every file under the given paths; '-' is stdin."""
    for p in paths:
        if p == "-":
            yield "<stdin>", "stdin", None
            continue
        path = Path(p)
        if path.is_dir():
            # every entry but folders: read_file reports the special files it skips (FIFOs, sockets)
            for f in sorted(x for x in path.rglob("*") if not x.is_dir() and not x.name.startswith(".")):
                yield _printable(str(f)), _doc_id(f.relative_to(path)), f
        else:
            yield _printable(str(path)), _doc_id(Path(path.name)), path


def _printable(name: str) -> str:
    """A file name whose bytes are not UTF-8 ("\\xff.txt") or that holds control characters ("a\\nb.txt"),
    spelled with escapes so it can be stored and printed on one line."""
    return escape_controls(name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))


def _doc_id(rel: Path) -> str:
    name = _printable(rel.as_posix())
    for ext in (".gz", ".txt", ".html", ".htm", ".jsonl", ".xml", ".rss"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    return name


def _read_limited(stream) -> bytes:
    """At most MAX_BYTES + 1 bytes, in pieces (read(n) would set aside n bytes at once)."""
    parts, size = [], 0
    while size <= MAX_BYTES and (piece := stream.read(min(2**20, MAX_BYTES + 1 - size))):
        parts.append(piece)
        size += len(piece)
    return b"".join(parts)


_ONE_DOCUMENT = (".txt", ".html", ".htm")


def expected_documents(paths: list[str]) -> int | None:
    """How many documents ``read(paths)`` will give, counted cheaply for a progress bar's total
    and ETA (the lines of a JSON Lines file, one per text or HTML file); None when that cannot be
    known without reading it all (stdin, gzip, feeds, files of other kinds)."""
    total = 0
    for _, _, path in iter_paths(paths):
        if path is None or not path.is_file():
            return None
        if path.suffix == ".jsonl":
            with open(path, "rb") as f:
                total += sum(1 for line in f if line.strip())
        elif path.suffix in _ONE_DOCUMENT:
            total += 1
        else:
            return None
    return total


def read(paths: list[str]) -> Iterator[Item]:
    """Every document (or input error) under the given paths, streaming."""
    for source, doc_id, path in iter_paths(paths):
        yield from read_file(source, doc_id, path)


def read_file(source: str, doc_id: str, path: Path | None) -> Iterator[Item]:
    """One file (standard input when ``path`` is None), at most MAX_BYTES of it."""
    try:
        data = _read_limited(sys.stdin.buffer) if path is None else _read_path(path, source)
        if len(data) > MAX_BYTES:
            yield _too_large(source)
            return
    except InputError as exc:
        yield exc
        return
    except FileNotFoundError:
        broken_link = path is not None and path.is_symlink()
        yield InputError(source, "a symbolic link to a missing file" if broken_link else "no such file or folder")
        return
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, source, doc_id)


_SPECIAL = {stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket",
            stat.S_IFDIR: "a folder"}


def _read_path(path: Path, source: str) -> bytes:
    """A regular file's bytes, or a FIFO's while something writes to it; any other kind of file is
    refused (a device may never end, a terminal would wait for typing)."""
    st = path.stat()
    if stat.S_ISREG(st.st_mode):
        if st.st_size > MAX_BYTES:
            raise _too_large(source, st.st_size)  # never read into memory
        with path.open("rb") as f:
            return _read_limited(f)
    if stat.S_ISFIFO(st.st_mode):
        return _read_pipe(path, source)
    kind = _SPECIAL.get(stat.S_IFMT(st.st_mode), "a special file")
    raise InputError(source, f"{kind}, not a regular file; skipped")


def _read_pipe(path: Path, source: str) -> bytes:
    """The bytes of a FIFO something is writing to (``ingest <(command)``). A FIFO nothing writes to is
    refused at once: opening it the usual way would wait for a writer forever."""
    with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb", buffering=0) as f:
        first = f.read(2**16)  # b"" at the end of the data: no writer; None: a writer that has sent nothing yet
        if first == b"":
            raise InputError(source, "a FIFO (named pipe) that nothing is writing to; skipped")
        os.set_blocking(f.fileno(), True)
        return (first or b"") + _read_limited(f)
