import pytest

from communique import lang
from communique.lang.dates import find_dates
from communique.stages.segment import Segmenter

RU = lang.load("ru")


@pytest.mark.parametrize("text, value", [
    ("25 сентября 2021 года", "2021-09-25"),
    ("в сентябре 2021 года", "2021-09"),
    ("в 2019 году", "2019"),
])
def test_dates(text, value):
    assert find_dates(text, RU)[0].value() == value


def test_dateline_without_year_takes_publication_year():
    assert find_dates("БАКУ, 25 сен — Sputnik", RU)[0].value("2021-09-26") == "2021-09-25"


def test_relative_date():
    assert find_dates("Министры вчера встретились", RU)[0].value("2021-09-25") == "2021-09-24"


@pytest.mark.parametrize("text, n", [
    ("Встреча прошла в г. Баку. Стороны обсудили сотрудничество и т.д. Затем прошел брифинг.", 3),
    ("Глава МИД Ж. Байрамов встретился с коллегой. Они обсудили повестку.", 2),
    ("В 2021 г. министры встретились. Стороны договорились.", 2),
])
def test_sentences(text, n):
    assert len(Segmenter("ru").split(text, 0, len(text))) == n
