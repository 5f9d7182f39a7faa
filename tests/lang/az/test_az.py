import pytest

from communique import lang
from communique.lang.dates import find_dates
from communique.lang.morph import base_form, candidates, compound_head_base, possessed_with_case
from communique.stages.segment import Segmenter

AZ = lang.load("az")


@pytest.mark.parametrize("word, stem", [
    ("Azərbaycanın", "azərbaycan"), ("Bakıda", "bakı"), ("Qazaxıstandakı", "qazaxıstan"),
    ("AQEM-in", "aqem"), ("Uqanda-ya", "uqanda"), ("Nyu-Yorkda", "nyu-york"), ("Tokayevlə", "tokayev"),
    ("Əliyevin", "əliyev"), ("Sarıbaya", "sarıbay"),
])
def test_suffix_candidates_reach_the_stem(word, stem):
    assert stem in candidates(word.replace("İ", "i").replace("I", "ı").lower(), AZ)


@pytest.mark.parametrize("word, base", [
    ("Bakı", "Bakı"), ("Uqanda", "Uqanda"), ("Moskva", "Moskva"), ("Putin", "Putin"), ("Erdoğan", "Erdoğan"),
    ("Junhuanı", "Junhua"), ("Moratinosla", "Moratinos"), ("Sarıbayın", "Sarıbay"), ("AQEM-in", "AQEM"),
    ("Tokayevin", "Tokayev"), ("Bayramovla", "Bayramov"), ("Uqanda-da", "Uqanda"),
    # the accusative of a consonant stem is the vowel that is also the possessive ending
    ("Rəsulovu", "Rəsulov"), ("Quliyevi", "Quliyev"), ("Paşinyanı", "Paşinyan"),
])
def test_base_form_strips_only_certain_suffixes(word, base):
    assert base_form(word, AZ) == base


@pytest.mark.parametrize("word, base", [
    ("Qafarovanın", "Qafarova"), ("Paşayevanı", "Paşayeva"), ("Əliyevanın", "Əliyeva"),
    # a name in -n keeps it: the consonant reading stays the rule
    ("Paşinyanın", "Paşinyan"), ("Yerevanın", "Yerevan"), ("Putinin", "Putin"),
    # other surnames ending in a vowel: "-zadə", "-enko", "-oğlu" take "-nın" after it
    ("Əlizadənin", "Əlizadə"), ("Yesaulenkonun", "Yesaulenko"), ("Bülbüloğlunun", "Bülbüloğlu"),
    ("Stalinin", "Stalin"), ("Berlinin", "Berlin"),
])
def test_a_feminine_surname_ends_in_its_vowel(word, base):
    assert base_form(word, AZ) == base


@pytest.mark.parametrize("word, base", [
    ("Babayevə", "Babayev"), ("Putinə", "Putin"), ("Paşinyana", "Paşinyan"), ("Sərkisyana", "Sərkisyan"),
    # a feminine surname and a name ending in a vowel keep their vowel
    ("Bayramova", "Bayramova"), ("Əliyeva", "Əliyeva"), ("Junhua", "Junhua"),
])
def test_a_lone_vowel_after_a_surnames_consonant_stem_is_a_case_ending(word, base):
    assert base_form(word, AZ) == base


@pytest.mark.parametrize("word, base", [
    ("Komitəsinin", "Komitəsi"), ("Assambleyasına", "Assambleyası"), ("Palatasında", "Palatası"),
    ("Agentliyindən", "Agentliyi"), ("Fondunun", "Fondu"), ("Şurasını", "Şurası"), ("Bankı", "Bankı"),
    ("Azərbaycanın", "Azərbaycan"), ("Türkiyəyə", "Türkiyə"),
])
def test_compound_head_keeps_its_possessive(word, base):
    # the head of "Milli Təhlükəsizlik Şurasının": possessive + pronominal n + case, not stem + "-ın"
    assert compound_head_base(word, AZ) == base


@pytest.mark.parametrize("word, base", [("Palatasının", "Palatası"), ("Putinin", "Putin"), ("Fondunun", "Fondun")])
def test_compound_head_certain_only_keeps_to_the_buffered_possessive(word, base):
    assert compound_head_base(word, AZ, certain_only=True) == base


@pytest.mark.parametrize("text, value", [
    ("2023-cü il oktyabrın 25-də görüş keçirilib", "2023-10-25"),
    ("20-21 aprel 2011-ci il tarixlərində", "2011-04-20"),
    ("5 oktyabr 1992-ci ildə", "1992-10-05"),
    ("2021-ci ilin sentyabrında", "2021-09"),
    ("2024, 20 iyul", "2024-07-20"),
    ("2019-cu ildə", "2019"),
    ("date 2024-12 Prezident", "2024-12"),
    ("2011-12-ci illərdə", "2011"),  # a range of years, not December 2011
])
def test_dates(text, value):
    assert find_dates(text, AZ)[0].value() == value


def test_relative_date_uses_publication_date():
    d = find_dates("Prezident bu gün görüşüb", AZ)[0]
    assert d.value("2024-07-20") == "2024-07-20"


@pytest.mark.parametrize("text, found", [
    ("Prezident bu gün görüşüb", [("bu gün", 0)]),
    ("bugün və dünən", [("bugün", 0), ("dünən", -1)]),
    ("dünənki görüşdə", [("dünənki", -1)]),  # a form over four letters also begins an inflected word
    ("dünən bu gün", [("dünən", -1), ("bu gün", 0)]),
    ("bu", []),
    ("gün", []),
])
def test_relative_dates(text, found):
    assert [(text[d.start:d.end], d.relative) for d in find_dates(text, AZ)] == found


@pytest.mark.parametrize("text, published, value", [
    ("Gələn il sammit Bakıda keçiriləcək.", "2024-10-08", "2025"),
    ("Növbəti ildə saziş imzalanacaq.", "2024-10-08", "2025"),
    ("Keçən il nazirlər görüşüb.", "2024-10-08", "2023"),
    ("Prezident ötən ilin noyabrında Bakıya səfər edib.", "2024-10-08", "2023-11"),
    ("Saziş ötən il martın 3-də imzalanıb.", "2024-10-08", "2023-03-03"),
    ("Gələn ilin aprelində sammit keçiriləcək.", "2024-10-08", "2025-04"),
    ("Nazir ötən ay Astanada olub.", "2024-01-15", "2023-12"),
    ("Gələn ayda görüş keçiriləcək.", "2024-12-15", "2025-01"),
    ("Çərşənbə axşamı günü nazirlər görüşüb.", "2021-06-16", "2021-06-15"),
    ("Bazar ertəsi günü prezident qəbul edib.", "2021-06-16", "2021-06-14"),
    ("Çərşənbə günü saziş imzalanıb.", "2021-06-16", "2021-06-16"),  # the day of publication itself
])
def test_dates_counted_from_publication(text, published, value):
    assert [d.value(published) for d in find_dates(text, AZ)] == [value]


@pytest.mark.parametrize("text", [
    "Ötən illərdə görüşlər keçirilib.",  # no one year
    "Növbəti illərdə əməkdaşlıq genişlənəcək.",
    "Bazar iqtisadiyyatı inkişaf edir.",  # a bare weekday word is an ordinary word
    "Cümə namazı qılınıb.",
])
def test_no_date_counted_from_publication(text):
    assert find_dates(text, AZ) == []


def test_a_weekday_alone_is_marked_and_can_be_read_ahead():
    d = find_dates("Çərşənbə axşamı günü görüş keçiriləcək.", AZ)[0]
    assert d.weekday_alone and (d.value("2021-06-16"), d.value("2021-06-16", ahead=True)) == ("2021-06-15", "2021-06-22")


def test_year_inferred_from_publication():
    assert find_dates("sentyabrın 27-də", AZ)[0].value("2021-10-01") == "2021-09-27"


@pytest.mark.parametrize("text, n", [
    ("K.Sarıbay görüşüb. O bildirib.", 2),
    ("AQEM-in baş katibi K. Sarıbay çıxış edib. Görüşdə məsələlər müzakirə olunub.", 2),
    ("Konfrans 1992-ci il. oktyabrda keçirilib və s. Sonra iclas olub.", 2),
])
def test_sentences(text, n):
    assert len(Segmenter("az").split(text, 0, len(text))) == n


@pytest.mark.parametrize("word, possessed", [
    ("Qoşunlarının", True),  # plural, possessive, genitive: an institution's noun, no name
    ("Nazirlərinin", True),
    ("Administrasiyasının", True),
    ("Putinin", False),
    ("Əliyevin", False),
])
def test_a_possessive_after_a_plural_is_as_certain_as_after_a_vowel(word, possessed):
    assert possessed_with_case(word, AZ) == possessed
