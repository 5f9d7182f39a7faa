"""Ordinals written in digits: an ordinal ending makes one, a case ending makes the number a day."""
import pytest

from communique.lang.dates import ordinal


@pytest.mark.parametrize("word, number", [
    ("7-ci", 7), ("6-cı", 6), ("3-cü", 3), ("47-ші", 47), ("8-ші", 8), ("10-м", 10), ("6-ой", 6), ("76th", 76),
    ("VI", 6),
])
def test_an_ordinal_ending_makes_an_ordinal(word, number):
    assert ordinal(word) == number


@pytest.mark.parametrize("word", ["6-da", "5-də", "6-sı", "6-да", "6-сы", "25-нде"])
def test_a_case_ending_after_digits_makes_a_day_not_an_ordinal(word):
    assert ordinal(word) is None
