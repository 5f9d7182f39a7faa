import pytest

from communique import lang
from communique.lang.dates import find_dates
from communique.lang.morph import base_form, candidates
from communique.stages.segment import Segmenter

KK = lang.load("kk")


@pytest.mark.parametrize("word, stem", [
    ("қазақстанның", "қазақстан"), ("астанада", "астана"), ("аөсшк-тің", "аөсшк"), ("тоқаевпен", "тоқаев"),
    ("тоқаевтың", "тоқаев"), ("ұйымының", "ұйымы"), ("нью-йоркте", "нью-йорк"), ("бакуге", "баку"),
])
def test_suffix_candidates_reach_the_stem(word, stem):
    assert stem in candidates(word, KK)


@pytest.mark.parametrize("word, base", [
    ("Астана", "Астана"), ("Алматы", "Алматы"), ("Тоқаевпен", "Тоқаев"), ("Сарыбайдың", "Сарыбай"),
    ("АӨСШК-тің", "АӨСШК"), ("Қазақстанның", "Қазақстан"),
])
def test_base_form_strips_only_certain_suffixes(word, base):
    assert base_form(word, KK) == base


@pytest.mark.parametrize("text, value", [
    ("2020 жылғы 24 қыркүйекте", "2020-09-24"),
    ("2019 жылы маусымда", "2019-06"),
    ("24 Қыркүйек, 2020", "2020-09-24"),
    ("2019 жылдың 5 қаңтарында", "2019-01-05"),
])
def test_dates(text, value):
    assert find_dates(text, KK)[0].value() == value


def test_relative_date():
    assert find_dates("Президент бүгін кездесті", KK)[0].value("2020-09-24") == "2020-09-24"


@pytest.mark.parametrize("text, found", [
    ("алдыңғы күні кездесті", [("алдыңғы күні", -2)]),
    ("кешегі кездесу", [("кешегі", -1)]),
    ("кешелер", []),  # four letters are too few to be the start of an inflected word
    ("ертеңгі", [("ертеңгі", 1)]),
])
def test_relative_dates(text, found):
    assert [(text[d.start:d.end], d.relative) for d in find_dates(text, KK)] == found


@pytest.mark.parametrize("text, n", [
    ("М.Тілеуберді кездесті. Тараптар талқылады.", 2),
    ("ҚР СІМ басшысы М. Тілеуберді сөйлесті. Тараптар т.б. мәселелерді талқылады.", 2),
])
def test_sentences(text, n):
    assert len(Segmenter("kk").split(text, 0, len(text))) == n
