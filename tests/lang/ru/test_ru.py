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


@pytest.mark.parametrize("text, published, value", [
    ("В следующем году саммит пройдет в Астане.", "2024-10-08", "2025"),
    ("В будущем году стороны подпишут договор.", "2024-10-08", "2025"),
    ("В прошлом году министры встретились.", "2024-10-08", "2023"),
    ("В мае прошлого года министры встретились.", "2024-10-08", "2023-05"),
    ("5 мая прошлого года министры встретились.", "2024-10-08", "2023-05-05"),
    ("В марте следующего года пройдет саммит.", "2024-10-08", "2025-03"),
    ("В следующем месяце пройдет саммит.", "2024-12-08", "2025-01"),
    ("В прошлом месяце министры встретились.", "2024-01-08", "2023-12"),
    ("Во вторник министры встретились.", "2021-06-16", "2021-06-15"),
    ("Президент в пятницу провел переговоры.", "2021-06-16", "2021-06-11"),
    ("В среду министры встретились.", "2021-06-16", "2021-06-16"),  # the day of publication itself
])
def test_dates_counted_from_publication(text, published, value):
    assert [d.value(published) for d in find_dates(text, RU)] == [value]


@pytest.mark.parametrize("text", [
    "В прошлые годы министры встречались.",  # no one year
    "Среда обитания и охрана окружающей среды.",  # a bare weekday word is an ordinary word
])
def test_no_date_counted_from_publication(text):
    assert find_dates(text, RU) == []


@pytest.mark.parametrize("text, value", [
    ("Во вторник, 15 июня, министры встретились.", "2021-06-15"),
    ("В воскресенье, 13 июня 2021 года, министры встретились.", "2021-06-13"),
])
def test_a_weekday_with_its_date_is_not_read_alone_as_well(text, value):
    assert [(d.value("2021-06-16"), d.weekday_alone) for d in find_dates(text, RU)] == [(value, False)]


@pytest.mark.parametrize("text, value", [
    ("Министры вчера встретились", "2021-09"),  # a day near publication: its month, no more
    ("Путин в среду обсудил ситуацию", "2021-09"),
    ("В прошлом месяце министры встретились", "2021-08"),
    ("В следующем году саммит пройдет в Астане", "2022"),
])
def test_a_publication_known_to_the_month_dates_relative_words_to_that_precision(text, value):
    assert find_dates(text, RU)[0].value("2021-09") == value


def test_a_relative_date_needs_the_publication_date():
    assert [d.value(None) for d in find_dates("В прошлом году и во вторник", RU)] == [None, None]


@pytest.mark.parametrize("text, n", [
    ("Встреча прошла в г. Баку. Стороны обсудили сотрудничество и т.д. Затем прошел брифинг.", 3),
    ("Глава МИД Ж. Байрамов встретился с коллегой. Они обсудили повестку.", 2),
    ("В 2021 г. министры встретились. Стороны договорились.", 2),
])
def test_sentences(text, n):
    assert len(Segmenter("ru").split(text, 0, len(text))) == n


def test_a_day_run_into_the_time_of_day_before_it_is_read():
    # "10:15" and "7 ноября" with the line break between them lost
    (d,) = [d for d in find_dates("08.11.2022 | 10:157 ноября министры встретились", RU) if d.month and d.start > 0]
    assert (d.month, d.day) == (11, 7)
    assert [d.day for d in find_dates("в 10:157 участников", RU)] == []
