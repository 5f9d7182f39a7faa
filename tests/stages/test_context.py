"""A sentence's context finds tokens and mentions by bisection, with the answers a scan gives."""
from __future__ import annotations

import pytest

from communique.document import Document, Mention, Sentence
from communique.stages.context import SentenceContext, mentions_from, token_folds
from communique.text import fold, tokenize


def _scan_index(toks, offset: int) -> int:
    return next((i for i, t in enumerate(toks) if t.end > offset), len(toks))


def test_token_index_is_the_first_token_ending_after_the_offset():
    text = "Сергей Лавров встретился с Джейхуном Байрамовым в Москве."
    doc = Document("t", text, lang="ru", sentences=[Sentence(0, len(text), lang="ru")])
    ctx = SentenceContext.build(doc, doc.sentences[0])
    assert [_scan_index(ctx.toks, k) for k in range(-1, len(text) + 2)] == \
        [ctx.token_index(k) for k in range(-1, len(text) + 2)]


def _mention(start: int, end: int, entity_id: str | None = "x") -> Mention:
    return Mention(start, end, "", "person", entity_id=entity_id)


@pytest.mark.parametrize("mentions", [
    [_mention(0, 3), _mention(2, 9), _mention(5, 6), _mention(9, 12), _mention(12, 12), _mention(20, 25)],
    [_mention(9, 12), _mention(0, 3), _mention(5, 6), _mention(20, 25)],  # unsorted: scanned
    [],
])
def test_mentions_of_a_span_are_those_starting_in_it_in_list_order(mentions):
    doc = Document("t", "x" * 30, mentions=mentions)
    for start in range(0, 27):
        for end in range(start, 28):
            assert mentions_from(doc, start, end) == [m for m in mentions if start <= m.start <= end]


def test_mentions_of_a_span_follow_a_changed_list():
    doc = Document("t", "x" * 30, mentions=[_mention(0, 3), _mention(9, 12)])
    assert mentions_from(doc, 0, 10) == doc.mentions
    doc.mentions.append(_mention(5, 6))  # now unsorted
    assert mentions_from(doc, 4, 8) == [doc.mentions[2]]
    doc.mentions = sorted(doc.mentions, key=lambda m: m.start)
    assert mentions_from(doc, 4, 10) == doc.mentions[1:]


def test_token_folds_are_those_of_the_list_asked_whichever_was_asked_before():
    a, b = tokenize("Сергей ЛАВРОВ"), tokenize("İlham Əliyev")
    assert token_folds(a) == [fold(t.text) for t in a]
    assert token_folds(b) == [fold(t.text) for t in b]
    assert token_folds(a) == ["сергей", "лавров"]
    assert token_folds([]) == []


def test_a_counterpart_is_remembered_per_span_and_shared_by_the_sentences_copies():
    text = "Сергей Лавров встретился с Джейхуном Байрамовым в Москве."
    doc = Document("t", text, lang="ru", sentences=[Sentence(0, len(text), lang="ru")])
    lavrov = Mention(0, 13, "Сергей Лавров", "person", base="Сергей Лавров", entity_id="person:a")
    bayramov = Mention(27, 47, "Джейхуном Байрамовым", "person", base="Джейхун Байрамов", entity_id="person:b")
    doc.mentions = [lavrov, bayramov]
    ctx = SentenceContext.build(doc, doc.sentences[0])
    assert [ctx.is_counterpart(m) for m in (lavrov, bayramov)] == [False, True]
    again = SentenceContext.build(doc, doc.sentences[0])
    assert again.is_counterpart(bayramov) and not again.is_counterpart(lavrov)
    assert again._counterparts is ctx._counterparts


def test_a_name_coordinated_after_a_counterpart_is_one_too():
    # the preposition's case carries over the list ("с премьер-министром X и спикером Y"), whatever Y's
    # ending reads like
    text = "Джейхун Байрамов встретился с премьер-министром Али Асадовым и спикером Сахибой Гафаровой."
    doc = Document("t", text, lang="ru", sentences=[Sentence(0, len(text), lang="ru")])
    start = text.index("Сахибой")
    doc.mentions = [Mention(0, 16, "Джейхун Байрамов", "person", base="Джейхун Байрамов", entity_id="person:a"),
                    Mention(text.index("Али"), text.index(" и "), "Али Асадовым", "person", entity_id="person:b"),
                    Mention(start, len(text) - 1, "Сахибой Гафаровой", "person", entity_id="person:c")]
    ctx = SentenceContext.build(doc, doc.sentences[0])
    assert [ctx.is_counterpart(m) for m in doc.mentions] == [False, True, True]
