import gzip
import json

import pytest

from communique.document import Document
from communique.errors import InputError
from communique.stages.ingest import decode, read

RU = "Министр иностранных дел встретился с коллегой. Стороны обсудили сотрудничество."
KK = "Сыртқы істер министрі әріптесімен кездесті."


def _read_one(path):
    items = list(read([str(path)]))
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8_r"])
def test_decode_detects_the_region_encodings(encoding):
    assert decode(RU.encode(encoding), "x") == RU


def test_decode_keeps_kazakh_letters_in_utf16():
    assert decode(KK.encode("utf-16"), "x") == KK


def test_plain_text_file_keeps_text_as_read(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(RU.encode("cp1251"))
    doc = _read_one(p)
    assert isinstance(doc, Document) and doc.text == RU and doc.id == "a"


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"   \n\t \n", "empty"),
    (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary"),
    (bytes(range(128, 256)) * 40 + b"\x01\x02\x03\x04\x05" * 200, "binary"),
])
def test_bad_files_give_a_one_line_reason(tmp_path, content, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    err = _read_one(p)
    assert isinstance(err, InputError)
    assert str(p) in str(err) and problem in str(err) and "\n" not in str(err)


def test_jsonl_keeps_ids_and_reports_broken_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "x1", "text": RU, "url": "https://e.org/2024/01/02/a", "published": "2024-01-02",
                    "source": "Trend", "title": "T"}, ensure_ascii=False),
        '{"id": "x2", "text": "unterminated',
        json.dumps({"id": "x3"}),
        json.dumps({"id": 4, "text": KK}, ensure_ascii=False),
    ]), encoding="utf-8")
    items = list(read([str(p)]))
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["x1", "4"]
    assert docs[0].url and docs[0].published == "2024-01-02" and docs[0].source == "Trend"
    assert [e.source for e in errs] == [f"{p}:2", f"{p}:3"]
    assert "malformed JSON" in str(errs[0]) and "text" in str(errs[1])


def test_gzip_and_folders_are_read_recursively(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "one.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "two.txt.gz").write_bytes(gzip.compress(KK.encode("utf-8")))
    docs = list(read([str(tmp_path)]))
    assert sorted(d.id for d in docs) == ["sub/deeper/two", "sub/one"]
    assert {d.text for d in docs} == {RU, KK}


def test_missing_path_is_reported_not_raised(tmp_path):
    err = _read_one(tmp_path / "nope.txt")
    assert isinstance(err, InputError) and "no such file" in str(err)


def test_rss_feed_items_become_documents(tmp_path):
    from importlib import resources
    feed = resources.files("communique").joinpath("sample/feed.xml").read_bytes()
    p = tmp_path / "feed.xml"
    p.write_bytes(feed)
    docs = list(read([str(p)]))
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    assert all(d.url and d.published and d.title and d.text.startswith(d.title) for d in docs)


def test_invalid_feed_is_rejected_with_reason(tmp_path):
    p = tmp_path / "bad.rss"
    p.write_text("<rss><channel><item><title>x</title></channel>", encoding="utf-8")
    err = _read_one(p)
    assert isinstance(err, InputError) and "not valid XML" in str(err)


def test_html_page_main_text_is_extracted(tmp_path):
    from importlib import resources
    html = resources.files("communique").joinpath("sample/page.html").read_bytes()
    p = tmp_path / "page.html"
    p.write_bytes(html)
    doc = _read_one(p)
    assert isinstance(doc, Document)
    assert "Гутерриш" in doc.text
    assert "<" not in doc.text  # markup is gone


def test_jsonl_line_separator_inside_a_string_does_not_split_the_record(tmp_path):
    p = tmp_path / "a.jsonl"
    text = "Birinci abzas.\u2028İkinci abzas.\u0085Üçüncü."
    p.write_text(json.dumps({"id": "s1", "text": text}, ensure_ascii=False) + "\r\n"
                 + json.dumps({"id": "s2", "text": KK}, ensure_ascii=False) + "\n", encoding="utf-8")
    docs = list(read([str(p)]))
    assert [d.id for d in docs] == ["s1", "s2"]
    assert docs[0].text == text


_BODY = "<p>" + " ".join([RU] * 6) + "</p>"


@pytest.mark.parametrize("head, body, expected", [
    ('<meta property="article:modified_time" content="2024-01-02T10:00:00">'
     '<meta property="article:published_time" content="2023-10-25T10:00:00+05:00">', _BODY, "2023-10-25"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, '
     '{"@type": "NewsArticle", "dateModified": "2022-05-01", "datePublished": "2022-03-04T08:00:00Z"}]}</script>',
     _BODY, "2022-03-04"),
    ('<meta name="pubdate" content="Wed, 08 May 2024 10:00:00 +0300">', _BODY, "2024-05-08"),
    ("", '<span itemprop="datePublished" content="2020-02-29"></span>' + _BODY, "2020-02-29"),
    ("", '<article><time datetime="2021-06-16T12:00">16 июня</time>' + _BODY + "</article>", "2021-06-16"),
    # dates in the prose are about events, and a list of other news carries their dates
    ("", "<article><p>Визит состоится 25 октября 2023 года.</p>" + _BODY + "</article>", None),
    ("", '<ul><li><time datetime="2021-06-16">a</time></li><li><time datetime="2021-06-15">b</time></li></ul>'
     + _BODY, None),
    ('<meta property="article:published_time" content="2024-02-30">', _BODY, None),
])
def test_html_publication_date_comes_from_the_page_metadata(tmp_path, head, body, expected):
    p = tmp_path / "page.html"
    p.write_text(f"<!doctype html><html><head><title>Визит</title>{head}</head><body>{body}</body></html>",
                 encoding="utf-8")
    doc = _read_one(p)
    assert isinstance(doc, Document) and doc.published == expected


_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Визит</title><id>e1</id><link href="https://example.org/a"/>
<updated>2024-05-10T09:00:00Z</updated><published>2024-05-08T09:00:00Z</published>
<summary>{text}</summary></entry>
<entry><title>Визит</title><id>e2</id><link href="https://example.org/b"/>
<updated>2024-05-10T09:00:00Z</updated><summary>{text}</summary></entry>
</feed>"""

_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
<item><title>Визит</title><link>https://example.org/c</link><pubDate>Wed, 08 May 2024 23:30:00 +0500</pubDate>
<description>{text}</description></item>
<item><title>Визит</title><link>https://example.org/d</link><dc:date>2024-05-07</dc:date>
<description>{text}</description></item>
</channel></rss>"""


@pytest.mark.parametrize("name, feed, expected", [
    ("feed.atom", _ATOM, ["2024-05-08", "2024-05-10"]),  # <published> before <updated>, wherever it stands
    ("feed.rss", _RSS, ["2024-05-08", "2024-05-07"]),  # the day where the item was published
])
def test_feed_items_take_their_publication_date(tmp_path, name, feed, expected):
    p = tmp_path / name
    p.write_text(feed.format(text=RU), encoding="utf-8")
    assert [d.published for d in read([str(p)])] == expected


# -- no silent loss or corruption -----------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_decode_reads_a_file_of_utf8_and_single_byte_lines_line_by_line(codec):
    # files joined together: a UTF-8 article, then one saved in a Russian code page, then UTF-8 again
    data = (RU + "\n" + KK + "\n").encode("utf-8") + (RU + "\r\n").encode(codec) + "Ещё раз.".encode("utf-8")
    assert decode(data, "x") == RU + "\n" + KK + "\n" + RU + "\r\nЕщё раз."


def test_decode_rejects_a_broken_utf8_line_rather_than_garble_the_file():
    data = (RU + "\n").encode("utf-8") + KK.encode("utf-8")[:-3] + b"\xd0 " + "кездесті.".encode("utf-8")
    with pytest.raises(InputError) as err:
        decode(data, "x")
    assert "line 2 is broken UTF-8 (byte 0xd0" in str(err.value)


def test_jsonl_records_in_different_encodings_keep_their_text(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(json.dumps({"id": "u", "text": KK}, ensure_ascii=False).encode("utf-8") + b"\n"
                  + json.dumps({"id": "c", "text": RU}, ensure_ascii=False).encode("cp1251") + b"\n")
    assert [(d.id, d.text) for d in read([str(p)])] == [("u", KK), ("c", RU)]


_RSS_ITEM = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
             '<item><title>{title}</title><link>https://example.org/a</link><description>{body}</description>'
             '</item></channel></rss>')
_ATOM_ENTRY = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
               '<entry><id>e1</id>{title}{body}</entry></feed>')


@pytest.mark.parametrize("feed, title, body", [
    # RSS text is HTML escaped in the XML: its entities are decoded once (&amp;amp; stays an &amp;)
    (_RSS_ITEM.format(title="&amp;laquo;Визит&amp;raquo; &amp;amp;laquo;", body="Министр&amp;nbsp;прибыл."),
     "«Визит» &laquo;", "Министр\u00a0прибыл."),
    # HTML's named entities written straight into the XML, where they are undefined, and a bare '&'
    (_RSS_ITEM.format(title="&laquo;Визит&raquo; AT&T", body="Министр &ndash; прибыл &foo; &#1040;."),
     "«Визит» AT&T", "Министр – прибыл &foo; А."),
    # script and style elements are code, not text
    (_RSS_ITEM.format(title="Визит", body="&lt;script&gt;var a = '&lt;p&gt;';&lt;/script&gt;&lt;style&gt;p {}"
                                          "&lt;/style&gt;&lt;p&gt;Министр прибыл.&lt;/p&gt;"),
     "Визит", "Министр прибыл."),
    (_RSS_ITEM.format(title="Визит", body="<![CDATA[<p>Министр <style>.a{}</style>прибыл.</p>]]>"),
     "Визит", "Министр прибыл."),
    # Atom says how its text is written
    (_ATOM_ENTRY.format(title='<title type="html">&lt;b&gt;Визит&lt;/b&gt; &amp;laquo;x&amp;raquo;</title>',
                        body='<summary type="html">&lt;p&gt;Министр&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</summary>'),
     "Визит «x»", "Министр"),
    (_ATOM_ENTRY.format(title='<title type="text">AT&amp;T &amp;laquo;</title>', body="<summary>Министр</summary>"),
     "AT&T &laquo;", "Министр"),
    (_ATOM_ENTRY.format(title='<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Визит <b>x</b></div>'
                              '</title>',
                        body='<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Министр</p>'
                             "<script>x()</script><p>прибыл.</p></div></content>"),
     "Визит x", "Министр\nприбыл."),
])
def test_feed_text_is_decoded_once_without_code(tmp_path, feed, title, body):
    p = tmp_path / "feed.xml"
    p.write_text(feed, encoding="utf-8")
    doc = _read_one(p)
    assert isinstance(doc, Document), doc
    assert (doc.title, doc.text) == (title, f"{title}\n\n{body}")


def test_feed_with_an_undefined_entity_keeps_every_item(tmp_path):
    items = "".join(f"<item><title>t{i}</title><link>https://example.org/{i}</link><description>Министр{ent}"
                    f"</description></item>" for i, ent in enumerate(["", "&laquo;", "&bogus;", ""]))
    p = tmp_path / "feed.rss"
    p.write_text(f'<?xml version="1.0"?><rss><channel>{items}</channel></rss>', encoding="utf-8")
    assert [d.text for d in read([str(p)])] == ["t0\n\nМинистр", "t1\n\nМинистр«", "t2\n\nМинистр&bogus;",
                                                 "t3\n\nМинистр"]


def _in_thread(fn, timeout: float = 20.0):
    """fn()'s result, or a failure where it does not return in time (a reader that waits forever)."""
    import threading
    out: list = []
    worker = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    worker.start()
    worker.join(timeout)
    return out[0] if out else pytest.fail(f"no result within {timeout} s")


def test_fifos_and_devices_are_skipped_with_a_reason(tmp_path):
    import os
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(RU, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    try:
        items = _in_thread(lambda: list(read([str(folder), str(folder / "pipe.txt"), "/dev/null"])))
    finally:
        try:  # a reader stuck in open() is let go
            os.close(os.open(folder / "pipe.txt", os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "InputError"]
    assert [str(e) for e in items[1:]] == [f"{folder}/pipe.txt: a FIFO (named pipe) that nothing is writing to; "
                                           f"skipped"] * 2 + ["/dev/null: a character device, not a regular file; "
                                                              "skipped"]


def test_a_pipe_something_writes_to_is_read(tmp_path):
    import os
    r, w = os.pipe()
    os.write(w, RU.encode("utf-8"))
    os.close(w)
    try:
        doc = _read_one(f"/dev/fd/{r}")  # what `communique ingest <(command)` names
    finally:
        os.close(r)
    assert isinstance(doc, Document) and doc.text == RU


def test_file_names_with_control_characters_are_escaped(tmp_path):
    p = tmp_path / "a\nb\x1b[31m.txt"
    p.write_bytes(b"")
    err = _read_one(p)
    assert isinstance(err, InputError)
    assert str(err) == f"{tmp_path}/a\\nb\\x1b[31m.txt: empty file (no text)"
