import pytest

from communique import lang
from communique.lang.dates import find_dates
from communique.lang.morph import base_form, candidates, compound_head_base
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
    # a borrowed surname suffix takes its root's harmony: front endings after "-ов" too
    ("Мамажүсіповті", "Мамажүсіпов"), ("Финогеновті", "Финогенов"), ("Тоқаевты", "Тоқаев"),
    # a glide closes a word as a consonant does: "у" [w] and "и" [j] take the consonants' suffixes
    ("Раудың", "Рау"), ("Османидің", "Османи"), ("Шойгуды", "Шойгу"), ("Модидің", "Моди"),
])
def test_base_form_strips_only_certain_suffixes(word, base):
    assert base_form(word, KK) == base


@pytest.mark.parametrize("word, base", [
    ("Палатасының", "Палатасы"), ("Ассамблеясына", "Ассамблеясы"), ("Агенттігінде", "Агенттігі"),
    ("Кеңесінен", "Кеңесі"), ("Қорына", "Қоры"), ("Астананың", "Астана"), ("Қазақстанның", "Қазақстан"),
])
def test_compound_head_keeps_its_possessive(word, base):
    # "Ұлттық Кеңесінің" -> "Ұлттық Кеңесі": possessive + pronominal н + case
    assert compound_head_base(word, KK) == base


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


@pytest.mark.parametrize("text, published, value", [
    ("Келесі жылы саммит Астанада өтеді.", "2024-10-08", "2025"),
    ("Келер жылы төрағалық Тәжікстанға өтеді.", "2024-10-08", "2025"),
    ("Өткен жылы министрлер кездесті.", "2024-10-08", "2023"),
    ("Былтыр министрлер кездесті.", "2024-10-08", "2023"),
    ("Былтырғы сапар кезінде келісілді.", "2024-10-08", "2023"),
    ("Өткен жылдың қараша айында келісім жасалды.", "2024-10-08", "2023-11"),
    ("Былтыр наурызда келісім күшіне енді.", "2024-10-08", "2023-03"),
    ("Келесі жылдың 5 тамызында саммит өтеді.", "2024-10-08", "2025-08-05"),
    ("Өткен айда делегация келді.", "2024-01-10", "2023-12"),
    ("Сейсенбі күні министрлер кездесті.", "2021-06-16", "2021-06-15"),
    ("Жексенбі күні сайлау өтті.", "2021-06-16", "2021-06-13"),
])
def test_dates_counted_from_publication(text, published, value):
    assert [d.value(published) for d in find_dates(text, KK)] == [value]


@pytest.mark.parametrize("text", [
    "Өткен жылдары кездесулер болды.",  # no one year
    "Жұма намазынан кейін жиналды.",  # a bare weekday word is an ordinary word
    "Бір жұма ішінде жиналды.",
])
def test_no_date_counted_from_publication(text):
    assert find_dates(text, KK) == []


def test_a_weekday_with_its_date_is_not_read_alone_as_well():
    dates = find_dates("15 қарашада, жұма күні шара өтеді.", KK)
    assert [(d.day, d.weekday, d.weekday_alone) for d in dates] == [(15, 5, False)]


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
