"""Each language's grammar object answers the stages' questions the same way for every language."""
import pytest

from communique.lang.grammar import grammar


@pytest.mark.parametrize("code, text, locative", [
    ("az", "Avstriyadakı səfir", True), ("az", "Avstriyanın səfiri", False),
    ("kk", "Украинадағы елші", True), ("kk", "Украинаның елшісі", False),
    ("ru", "посол в Австрии", True), ("ru", "посол Австрии", False),
    ("ru", "консул в городе Омске", True), ("ru", "мэр города Омска", False),
])
def test_a_place_where_something_is(code, text, locative):
    name = {"az": "Avstriya", "kk": "Украина", "ru": "Австрии" if "Австри" in text else "Омск"}[code]
    start = text.index(name)
    end = text.index(" ", start) if text.find(" ", start) > 0 else len(text)
    assert grammar(code).is_locative(text, start, end) is locative


@pytest.mark.parametrize("code, text, date, since", [
    ("az", "2018-ci ildən bəri", "2018-ci ildən", True),
    ("kk", "2019 жылдан бастап", "2019 жылдан", True),
    ("ru", "с апреля 2023 года", "апреля 2023 года", True),
    ("ru", "с 13 по 15 октября", "13", False),
    ("ru", "в апреле 2023 года", "апреле 2023 года", False),
])
def test_a_date_that_starts_a_period(code, text, date, since):
    start = text.index(date)
    assert grammar(code).is_since(text, start, start + len(date)) is since


@pytest.mark.parametrize("code, word, plural", [
    ("az", "görüşlər", True), ("az", "görüş", False),
    ("kk", "кездесулер", True), ("kk", "кездесу", False),
    ("ru", "встречи", True), ("ru", "встреча", False),
    # a verb's plural person: plural subjects, not several meetings
    ("az", "qarşıladılar", False), ("az", "görüşüblər", False), ("az", "görüşəcəklər", False),
    ("az", "görüşlərdə", True),
])
def test_a_meeting_word_in_the_plural(code, word, plural):
    assert grammar(code).is_plural(word) is plural


def test_word_order_facts():
    assert grammar("ru").genitive_after_head and not grammar("ru").verb_final
    assert all(not grammar(c).genitive_after_head and grammar(c).verb_final for c in ("az", "kk"))
    assert grammar("az").is_possessed("nümayəndəsi") and grammar("kk").is_possessed("өкілі")
    assert not grammar("ru").is_possessed("представитель")


@pytest.mark.parametrize("code, gap, two_parties", [
    ("az", " əmək və əhalinin sosial müdafiəsi naziri ", False),  # inside a title
    ("az", " və Türkiyənin xarici işlər naziri ", True),
    ("kk", " еңбек және халықты әлеуметтік қорғау министрі ", False),
    ("kk", " және Түркияның Сыртқы істер министрі ", True),
    ("ru", " труда и социальной защиты населения ", False),
    ("ru", " и премьер-министр Армении ", True),  # a name before the joining word
    ("ru", ", министр ", True),
])
def test_a_joining_word_between_lower_case_words_is_part_of_a_title(code, gap, two_parties):
    assert grammar(code).separates(gap) is two_parties


def test_an_ending_pattern_matches_a_word_with_a_stem_before_the_ending():
    from communique.lang import Pattern, PatternIndex
    index = PatternIndex([Pattern("planned", ("*acaq",)), Pattern("planned", ("*мақ", "…", "кездесу*")),
                          Pattern("MEET", ("görüş*",))])
    words = ["görüşəcək", "olacaq", "acaq", "бармақ", "және", "кездесуі"]
    assert [(p.tokens[0], a, b) for p, a, b in index.find(words)] == [
        ("*acaq", 1, 2), ("*мақ", 3, 6), ("görüş*", 0, 1)]  # "acaq" alone has no stem


@pytest.mark.parametrize("code, pattern, words, plural", [
    # the plural "işlər", "істер" names the ministry's field; the head noun decides
    ("az", "xarici işlər naziri*", "xarici işlər naziri", False),
    ("az", "xarici işlər naziri*", "xarici işlər nazirlərinin", True),
    ("az", "dövlət başçıları*", "dövlət başçıları", True),  # plural, then the possessive
    ("kk", "сыртқы істер министрі*", "сыртқы істер министрі", False),
    ("kk", "сыртқы істер министр*", "сыртқы істер министрлерінің", True),
    ("kk", "мемлекет басшылары*", "мемлекет басшылары", True),
    ("ru", "министр* иностранных дел", "министр иностранных дел", False),
    ("ru", "министров иностранных дел", "министров иностранных дел", True),
])
def test_a_title_is_plural_by_its_head_noun(code, pattern, words, plural):
    assert grammar(code).plural_title(tuple(pattern.split()), words.split()) is plural


def test_grammar_words_hold_their_folded_form_too():
    # the stages compare with folded words, where the dotless ı is i ("tapşırığına" -> "tapşiriğina")
    words = grammar("az").words["topic_noun"]
    assert "tapşırığ" in words and "tapşiriğ" in words


def test_a_gap_pattern_skips_up_to_lang_gap_words_and_no_more():
    from communique.lang import GAP, Pattern
    pattern = Pattern("SIGN", ("құжат*", "…", "қол", "қойды"))
    words = lambda n: ["құжатқа", *["сөз"] * n, "қол", "қойды"]  # noqa: E731
    assert GAP == 12
    assert pattern.find(words(GAP)) == [(0, GAP + 3)]
    assert pattern.find(words(GAP + 1)) == []


@pytest.mark.parametrize("code, word, opens", [
    ("ru", "запланированная", True),  # a full participle
    ("ru", "состоявшейся", True),
    ("ru", "которая", True),
    ("ru", "отменена", False),  # a short participle is a predicate
    ("ru", "встреча", False),
    ("az", "planlaşdırılan", False),  # az and kk put such clauses before their noun, with no commas
    ("kk", "жоспарланған", False),
])
def test_a_word_opening_a_clause_inserted_between_commas(code, word, opens):
    assert grammar(code).opens_insertion(word) is opens


@pytest.mark.parametrize("code, words, pluperfect", [
    ("az", ["azərbaycana", "səfər", "etmişdi"], True),
    ("az", ["qazaxıstana", "gəlmişdilər"], True),
    ("az", ["azərbaycana", "səfər", "edib"], False),
    ("az", ["təyin", "olunmuş", "səfir"], False),  # a participle alone describes
    ("kk", ["қазақстанға", "келген", "еді"], True),  # a participle and the auxiliary
    ("kk", ["тағайындалған", "елші"], False),
    ("ru", ["приезжал", "в", "казахстан"], False),  # Russian has no such tense
])
def test_a_clause_in_the_pluperfect(code, words, pluperfect):
    assert grammar(code).is_pluperfect(words) is pluperfect
