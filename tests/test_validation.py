"""One set of checks for what may be stored, whichever way a document comes in."""
import pytest

from communique.batch.local import run
from communique.document import Document
from communique.storage import queries as Q
from communique.validation import (MAX_ID, InvalidValue, calendar_date, document_id, document_problems,
                                   language_code)

TEXT = "Министр иностранных дел Казахстана встретился с министром иностранных дел Азербайджана."


@pytest.mark.parametrize("value, expected", [("kk", "kk"), ("KK", "kk"), ("az-Latn", "az"), ("ru_RU", "ru"),
                                             ("und", "und")])
def test_language_code_keeps_the_iso_code(value, expected):
    assert language_code(value) == expected


@pytest.mark.parametrize("value", ["<script>", "k" * 100, "kazakh", "k", "kk-", "kk\x00", ""])
def test_language_code_refuses_what_is_not_one(value):
    with pytest.raises(InvalidValue, match="language code"):
        language_code(value)


@pytest.mark.parametrize("value", ["2024", "2024-02", "2024-02-29", "2023-12-31"])
def test_calendar_date_accepts_real_dates(value):
    assert calendar_date(value) == value


@pytest.mark.parametrize("value", ["2024-02-30", "2023-02-29", "2024-13", "2024-00", "2024-04-31", "2024-1-5",
                                   "24-01-01", "2024-01-01T10:00", "soon"])
def test_calendar_date_refuses_what_no_calendar_has(value):
    with pytest.raises(InvalidValue, match="date"):
        calendar_date(value)


@pytest.mark.parametrize("value, problem", [("", "empty"), ("  ", "empty"), ("x" * (MAX_ID + 1), "longer"),
                                            ("a\x00b", "NUL"), ("a\ud800b", "surrogate")])
def test_document_id_refuses_what_cannot_be_a_key(value, problem):
    with pytest.raises(InvalidValue, match=problem):
        document_id(value)


@pytest.mark.parametrize("fields, problem", [
    ({"id": "a\x00b"}, "id"), ({"text": TEXT + "\x00"}, "text"), ({"title": "\ud800"}, "title"),
    ({"lang": "KK"}, "lang"), ({"lang": "<script>"}, "lang"), ({"published": "2024-02-30"}, "published"),
])
def test_document_problems_name_the_field(fields, problem):
    doc = Document(**{"id": "doc", "text": TEXT, **fields})
    assert [name for name, _ in document_problems(doc)] == [problem]


def test_document_problems_none_for_a_storable_document():
    assert document_problems(Document("doc", TEXT, lang="kk", published="2024-02-29", title="T")) == []


def test_runner_rejects_what_cannot_be_stored_and_goes_on(sqlite_url, kb):
    """The batch runner (the command line's way in) applies the same checks as the API."""
    from communique.storage import open_store
    store = open_store(sqlite_url, kb)
    docs = [Document("bad-date", TEXT, published="2024-02-30", origin="in.jsonl:1"),
            Document("bad-lang", TEXT, lang="<script>", origin="in.jsonl:2"), Document("good", TEXT)]
    summary = run(iter(docs), store=store)
    assert summary.processed == 1 and [e.source for e in summary.rejected] == ["in.jsonl:1", "in.jsonl:2"]
    assert "published" in summary.rejected[0].problem and "lang" in summary.rejected[1].problem
    assert Q.doc_ids(store) == ["good"]
