"""When an article without a publication date was written: weekdays, the lead's day, known
occasions, and the precision a date keeps (hand-written sentences, not the gold articles)."""
import datetime as dt

import pytest

from communique import lang
from communique.document import Document
from communique.lang.dates import find_dates
from communique.registry import Config, build

AZ_PRES, KZ_PRES = "person:ilham-aliyev", "person:kassym-jomart-tokayev"


def _doc(pipeline, text, published=None):
    doc = pipeline(Document("t", text, published=published))
    assert doc.failure is None, doc.failure
    return doc


@pytest.mark.parametrize("code, text, weekday", [
    ("kk", "Бейсенбі, 20 желтоқсан күні жарлық жарияланды.", 4),
    ("kk", "20 желтоқсан, жұма күні жарлық жарияланды.", 5),
    ("ru", "В четверг, 20 декабря, указ опубликован.", 4),
    ("ru", "В среду, 14 ноября, указ опубликован.", 3),
    ("az", "20 dekabr, cümə axşamı fərman dərc olunub.", 4),
    ("az", "Cümə, 20 dekabr fərman dərc olunub.", 5),
])
def test_a_weekday_next_to_a_day_and_month_is_read(code, text, weekday):
    dates = find_dates(text, lang.load(code))
    assert [(d.weekday, d.year) for d in dates] == [(weekday, None)]


def test_a_weekday_far_from_the_date_is_not_its_weekday():
    dates = find_dates("Бейсенбі күні делегация келді, ал 20 желтоқсан күні жарлық шықты.", lang.load("kk"))
    assert [d.weekday for d in dates if d.month] == [None]


def test_a_range_of_days_is_marked():
    dates = find_dates("2024-cü il yanvarın 15-20-də", lang.load("az"))
    assert [(d.value(), d.ranged) for d in dates] == [("2024-01-15", True)]


@pytest.mark.parametrize("code, text", [
    ("ru", "Конференция пройдет 15—20 января 2024 года."),
    ("ru", "Конференция пройдет 15 – 20 января 2024 года."),
    ("kk", "Конференция 2024 жылғы 15–20 қаңтарда өтеді."),
    ("az", "Konfrans 2024-cü il 15 — 20 yanvar tarixlərində keçiriləcək."),
])
def test_a_range_of_days_split_at_a_dash_starts_at_its_first_day(code, text):
    dates = find_dates(text, lang.load(code))
    assert [(d.value(), d.ranged) for d in dates] == [("2024-01-15", True)]


def test_two_days_that_are_no_range_keep_the_day_next_to_the_month():
    dates = find_dates("Пункт 20 — 15 января 2024 года.", lang.load("ru"))
    assert [(d.value(), d.ranged) for d in dates] == [("2024-01-15", False)]


def test_weekday_and_the_officials_named_fix_the_year(pipeline):
    # 14 November was a Wednesday in 2001, 2007, 2012 and 2018; Erdoğan has been president since 2014
    doc = _doc(pipeline, "В среду, 14 ноября, президент Турции Реджеп Тайип Эрдоган подписал указ. "
                         "Послом Турции в Казахстане назначен Невзат Уянык.")
    assert [e.date for e in doc.events if e.type == "APPOINT"] == ["2018-11-14"]


def test_a_weekday_that_fits_several_years_fixes_nothing(pipeline):
    doc = _doc(pipeline, "В среду, 14 ноября, Джейхун Байрамов встретился с Сергеем Лавровым.")
    assert [e.date for e in doc.events if e.type == "MEET"] == [None]


def test_the_officials_terms_alone_fix_the_year_of_a_day_and_month(pipeline, kb):
    # Kosherbayev has been minister since September 2025, Lavrov since 2004; the knowledge base's last
    # date (the default "as of") is in November 2025
    doc = _doc(pipeline, "22 октября министр иностранных дел Казахстана Ермек Кошербаев провел переговоры с "
                         "министром иностранных дел России Сергеем Лавровым.")
    assert [e.date for e in doc.events if e.type == "MEET"] == ["2025-10-22"]
    from communique.stages.when import terms_year
    assert terms_year(doc, kb, as_of=dt.date(2025, 10, 1)) is None  # no 22 October in his term yet


def test_officials_in_office_for_years_fix_no_year(pipeline):
    doc = _doc(pipeline, "22 октября министр иностранных дел России Сергей Лавров встретился с Джейхуном Байрамовым.")
    assert [e.date for e in doc.events if e.type == "MEET"] == [None]


def test_weekday_years_stop_at_the_date_given_as_of(pipeline, kb):
    from communique.stages.when import terms_year
    doc = _doc(pipeline, "В среду, 14 ноября, президент Турции Реджеп Тайип Эрдоган подписал указ.")
    assert terms_year(doc, kb, as_of=dt.date(2018, 11, 20)) == "2018"
    assert terms_year(doc, kb, as_of=dt.date(2018, 11, 1)) is None  # 2012 is before his presidency
    assert terms_year(doc, kb, as_of=dt.date(2030, 1, 1)) is None  # 14 November 2029 is a Wednesday too


def test_without_an_as_of_the_weekday_years_stop_at_the_knowledge_bases_last_date(pipeline, kb, tmp_path):
    from communique.kb import KnowledgeBase, data_dir
    from communique.stages.when import known_until, terms_year
    doc = _doc(pipeline, "В среду, 14 ноября, президент Турции Реджеп Тайип Эрдоган подписал указ.")
    assert terms_year(doc, kb) == terms_year(doc, kb, as_of=known_until(kb)) == "2018"
    # a knowledge base that records a later occasion knows the open terms to run later: 2029 fits too
    (tmp_path / "occasions.tsv").write_text("id\tdate\tkind\tparticipants\tlocation\tlabel\n"
                                            "occasion:later\t2030-01\tvisit\tcountry:tr,country:az\t\tLater\n",
                                            encoding="utf-8")
    later = KnowledgeBase([data_dir(), tmp_path])
    assert known_until(later) == dt.date(2030, 1, 1) and terms_year(doc, later) is None


@pytest.mark.parametrize("text", [
    "Ильхам Алиев посетит Казахстан с государственным визитом.",
    "İlham Əliyev Qazaxıstana dövlət səfəri edəcək.",
    "Ілхам Әлиев Қазақстанға мемлекеттік сапармен келеді.",
])
def test_a_plan_without_a_date_of_its_own_is_news_of_its_month(pipeline, text):
    # the month it is announced in, not the day (the annotators' reading of such plans)
    doc = _doc(pipeline, text, "2024-05-10")
    assert [(e.date, e.modality) for e in doc.events] == [("2024-05", "planned")]


@pytest.mark.parametrize("text", [
    "Ильхам Алиев примет участие в конференции COP29 в Баку.",
    "Prezident İlham Əliyev Bakıda keçiriləcək COP29 konfransında iştirak edəcək.",
])
def test_a_plan_to_attend_a_gathering_the_knowledge_base_dates_takes_its_month(pipeline, text):
    doc = _doc(pipeline, text, "2024-05-10")
    assert [(e.date, e.modality) for e in doc.events if e.type == "CONVENE"] == [("2024-11", "planned")]


@pytest.mark.parametrize("text", [
    "Бүгін Қасым-Жомарт Тоқаев ТМД мемлекеттері басшылары кеңесінің отырысына қатысты. Айта кетейік, 2023 жылы "
    "ТМД мемлекеттері басшылары кеңесінің отырысы Бішкекте өтеді.",
    "Сегодня Касым-Жомарт Токаев принял участие в заседании Совета глав государств СНГ. Отметим, что в 2023 году "
    "заседание Совета глав государств СНГ пройдет в Бишкеке.",
])
def test_a_gathering_announced_for_a_year_given_does_not_date_the_news(pipeline, text):
    doc = _doc(pipeline, text)
    attended = [e for e in doc.events if e.type == "CONVENE" and KZ_PRES in e.participants]
    assert attended and not (attended[0].date or "").startswith("2023")  # not the summit to come's month


def test_what_happened_without_a_date_of_its_own_is_news_of_the_day_published(pipeline):
    doc = _doc(pipeline, "Ильхам Алиев провел телефонный разговор с Касым-Жомартом Токаевым.", "2024-05-10")
    assert [e.date for e in doc.events] == ["2024-05-10"]


def test_appointments_reported_together_share_the_decree_date(pipeline):
    doc = _doc(pipeline, "Министр иностранных дел Казахстана Мурат Нуртлеу освобожден от должности. "
                         "26 сентября 2025 года Ермек Кошербаев назначен министром иностранных дел Казахстана.")
    assert sorted(e.date for e in doc.events if e.type == "APPOINT") == ["2025-09-26", "2025-09-26"]


def test_a_chairmanship_handed_over_at_a_summit_of_several_days_is_dated_to_its_month(pipeline):
    doc = _doc(pipeline, "Председательство в ГУАМ перейдет от Украины к Азербайджану на саммите 12-14 мая 2025 года.")
    assert [e.date for e in doc.events if e.type == "CHAIR"] == ["2025-05"]


def test_a_gathering_placed_in_this_year_gives_the_year_not_its_month(pipeline):
    doc = _doc(pipeline, "Қасым-Жомарт Тоқаев Ильхам Әлиевпен телефон арқылы сөйлесті. "
                         "Тоқаев Әзербайжанның биыл күзде COP29 конференциясын өткізуіне сәттілік тіледі.")
    assert [e.date for e in doc.events if e.type == "CALL"] == ["2024"]


def test_the_lead_day_dates_the_undated_news_of_an_article_without_publication_date(pipeline):
    doc = _doc(pipeline, "В среду, 14 ноября, президент Турции Реджеп Тайип Эрдоган прибыл в Баку.\n\n"
                         "Эрдоган провел переговоры с Ильхамом Алиевым.")
    assert [e.date for e in doc.events if e.type == "MEET"] == ["2018-11-14"]


# --- known occasions, from an overlay so the tests do not depend on the shipped list ------------

_OCCASIONS = ("id\tdate\tkind\tparticipants\tlocation\tlabel\n"
              "occasion:test-visit\t2016-03-17\tvisit\tperson:ilham-aliyev,person:kassym-jomart-tokayev,country:az,"
              "country:kz\tloc:astana\tA visit for the tests\n"
              "occasion:test-crash\t2017-06-02\tincident\tcountry:kz\t\tAn incident for the tests\n"
              "occasion:test-visit-to-kz\t2019-09\tvisit\tperson:ilham-aliyev,country:az,country:kz\tloc:astana\t"
              "A visit to Kazakhstan for the tests\n")
_KEYWORDS = "id\tlang\tpattern\noccasion:test-crash\tru\tкрушени\\w+ дирижабл\\w+\n"


@pytest.fixture(scope="module")
def occasions_pipeline(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kb")
    (folder / "occasions.tsv").write_text(_OCCASIONS, encoding="utf-8")
    (folder / "occasions.keywords.tsv").write_text(_KEYWORDS, encoding="utf-8")
    return build(Config(kb_folders=(str(folder),)))


def test_a_yearless_day_of_a_known_occasion_takes_its_year(occasions_pipeline):
    doc = _doc(occasions_pipeline, "17 марта Ильхам Алиев встретился с Касым-Жомартом Токаевым в Астане.")
    assert [e.date for e in doc.events if e.type == "MEET"] == ["2016-03-17"]


def test_the_same_day_without_the_occasions_participants_takes_no_year(occasions_pipeline):
    doc = _doc(occasions_pipeline, "17 марта Джейхун Байрамов встретился с Сергеем Лавровым.")
    assert [e.date for e in doc.events if e.type == "MEET"] == [None]


def test_an_occasion_named_by_its_keywords_gives_the_year_only(occasions_pipeline):
    doc = _doc(occasions_pipeline, "Касым-Жомарт Токаев провел телефонный разговор с Ильхамом Алиевым "
                                   "в связи с крушением дирижабля в Казахстане.")
    assert [e.date for e in doc.events if e.type == "CALL"] == ["2017"]


def test_an_occasion_naming_an_unknown_entity_is_a_data_error(tmp_path):
    from communique.errors import DataError
    from communique.kb import KnowledgeBase, data_dir
    (tmp_path / "occasions.tsv").write_text(_OCCASIONS.replace("country:kz\tloc", "country:zz\tloc"), encoding="utf-8")
    with pytest.raises(DataError, match="country:zz"):
        KnowledgeBase([data_dir(), tmp_path])


@pytest.mark.parametrize("text", [
    "24 сентября Джейхун Байрамов встретился с Сергеем Лавровым. В тот же день Байрамов встретился с Русланом Казакбаевым.",
    "Sentyabrın 24-də Ceyhun Bayramov Sergey Lavrov ilə görüşüb. Həmin gün Bayramov Ruslan Kazakbayev ilə görüşüb.",
])
def test_the_same_day_is_the_day_of_the_news_before(pipeline, text):
    doc = _doc(pipeline, text, "2021-09-25")
    assert [e.date for e in doc.events if e.type == "MEET"] == ["2021-09-24", "2021-09-24"]


def test_an_occasion_named_far_below_the_lead_is_a_memory_not_the_news(occasions_pipeline):
    filler = " ".join(f"Стороны обсудили вопрос номер {n} двусторонней повестки." for n in range(10))
    doc = _doc(occasions_pipeline, "Касым-Жомарт Токаев провел телефонный разговор с Ильхамом Алиевым. "
                                   f"{filler} Они вспомнили о крушении дирижабля в Казахстане.")
    assert [e.date for e in doc.events if e.type == "CALL"] == [None]


def test_a_president_and_his_own_state_are_one_side_of_an_occasion(occasions_pipeline):
    # the test visit has Aliyev and Tokayev; Tokayev with Kazakhstan alone is one side of it
    doc = _doc(occasions_pipeline, "17 марта Касым-Жомарт Токаев выступил в Казахстане с посланием народу.")
    from communique.stages.when import occasion_year
    assert occasion_year(doc, _kb_of(occasions_pipeline)) is None


def _kb_of(pipeline):
    return next(st.kb for st in pipeline.stages if hasattr(st, "kb"))


def test_a_month_and_a_visit_to_the_host_described_in_one_sentence_give_the_year(occasions_pipeline):
    doc = _doc(occasions_pipeline, "В сентябре Ильхам Алиев совершит государственный визит в Казахстан.")
    assert [e.date for e in doc.events if e.type == "MEET"] == ["2019-09"]


def test_a_visit_the_other_way_is_not_the_occasion(occasions_pipeline):
    doc = _doc(occasions_pipeline, "В сентябре Ильхам Алиев примет в Баку делегацию Казахстана.")
    from communique.stages.when import occasion_year
    assert occasion_year(doc, _kb_of(occasions_pipeline)) is None


def test_a_month_far_from_the_occasions_sides_gives_no_year(occasions_pipeline):
    doc = _doc(occasions_pipeline, "В сентябре в регионе прошло много встреч. "
                                   "Ильхам Алиев совершит государственный визит в Казахстан.")
    from communique.stages.when import occasion_year
    assert occasion_year(doc, _kb_of(occasions_pipeline)) is None


@pytest.mark.parametrize("text, published, date", [
    ("Во вторник Ильхам Алиев провел телефонный разговор с Касым-Жомартом Токаевым.", "2021-06-16", "2021-06-15"),
    ("Сейсенбі күні Қасым-Жомарт Тоқаев Ильхам Әлиевпен телефон арқылы сөйлесті.", "2021-06-16", "2021-06-15"),
    ("В мае прошлого года Ильхам Алиев провел телефонный разговор с Касым-Жомартом Токаевым.", "2024-10-08",
     "2023-05"),
    ("Prezident İlham Əliyev ötən ilin noyabrında Qasım-Jomart Tokayev ilə telefonla danışıb.", "2024-10-08",
     "2023-11"),
    ("В следующем году Ильхам Алиев посетит Казахстан с государственным визитом.", "2024-10-08", "2025"),
    # counted from a publication date the article does not have: no date
    ("Во вторник Ильхам Алиев провел телефонный разговор с Касым-Жомартом Токаевым.", None, None),
])
def test_an_event_dated_from_publication_keeps_its_precision(pipeline, text, published, date):
    assert [e.date for e in _doc(pipeline, text, published).events] == [date]


def test_a_day_in_a_city_of_a_known_gathering_gives_its_year(pipeline):
    doc = _doc(pipeline, "Çin Sədri Si Cinpin sentyabrın 15-də Səmərqənddə Azərbaycan Prezidenti İlham Əliyev ilə görüşüb.",
               None)
    assert [e.date for e in doc.events] == ["2022-09-15"]  # the SCO summit in Samarkand, 15-16 September 2022


def test_a_day_in_a_city_with_no_gathering_then_gives_no_year(pipeline):
    doc = _doc(pipeline, "Çin Sədri Si Cinpin sentyabrın 3-də Səmərqənddə Azərbaycan Prezidenti İlham Əliyev ilə görüşüb.",
               None)
    assert [e.date for e in doc.events] == [None]


@pytest.mark.parametrize("text, date", [
    ("2024 жылғы 26 желтоқсанда Тоқаев Санкт-Петербургке келді. Келесі жылы ТМД-ға төрағалық Тәжікстанға өтеді.",
     "2025"),
    ("26 декабря 2024 года Токаев прибыл в Санкт-Петербург. В следующем году председательство в СНГ перейдет "
     "Таджикистану.", "2025"),
])
def test_a_year_counted_from_publication_counts_from_the_articles_year_without_one(pipeline, text, date):
    doc = pipeline(Document("t", text))
    chair = [e for e in doc.events if e.type == "CHAIR"]
    assert chair and chair[0].date == date, [(e.type, e.date, e.trace) for e in doc.events]


@pytest.mark.parametrize("text", [
    "Турецкий лидер приглашён на 29-ю сессию Конференции сторон (COP29), которая запланирована 11—22 ноября в Баку.",
    "Түрік көшбасшысы 11-22 қарашада өтуі жоспарланған COP29 конференциясына шақырылды.",
])
def test_a_date_the_sentence_plans_for_lies_ahead(pipeline, text):
    doc = _doc(pipeline, text, "2024-05-08")
    assert [e.date for e in doc.events if e.type == "CONVENE"] == ["2024-11-11"], [(e.type, e.date) for e in doc.events]


@pytest.mark.parametrize("text, date", [
    # published on Wednesday 14 May 2025: a meeting held on a weekday was the last such day, one
    # planned for it the next (lang/*/on_weekday.tsv)
    ("Во вторник Ильхам Алиев встретился с Реджепом Тайипом Эрдоганом в Анкаре.", "2025-05-13"),
    ("Во вторник Ильхам Алиев встретится с Реджепом Тайипом Эрдоганом в Анкаре.", "2025-05-20"),
    ("В пятницу Ильхам Алиев встретится с Реджепом Тайипом Эрдоганом в Анкаре.", "2025-05-16"),
    ("Сейсенбіде Ильхам Әлиев Анкарада Реджеп Тайып Ердоғанмен кездеседі.", "2025-05-20"),
    ("Сейсенбіде Ильхам Әлиев Анкарада Реджеп Тайып Ердоғанмен кездесті.", "2025-05-13"),
    ("Çərşənbə axşamı İlham Əliyev Ankarada Rəcəb Tayyib Ərdoğanla görüşüb.", "2025-05-13"),
    ("Çərşənbə axşamı İlham Əliyev Ankarada Rəcəb Tayyib Ərdoğanla görüşəcək.", "2025-05-20"),
])
def test_a_weekday_alone_dates_a_meeting_held_back_and_a_planned_one_ahead(pipeline, text, date):
    doc = _doc(pipeline, text, "2025-05-14")
    assert [e.date for e in doc.events if e.type == "MEET"] == [date], [(e.type, e.date) for e in doc.events]


@pytest.mark.parametrize("text, date", [
    # published 14 May 2025: a day and month planned that are past in the year of publication are next
    # year's; one still ahead is this year's
    ("5-6 марта в Баку пройдет заседание Совета министров иностранных дел ОТГ.", "2026-03-05"),
    ("20 мая в Баку пройдет заседание Совета министров иностранных дел ОТГ.", "2025-05-20"),
    ("Martın 5-də Bakıda TDT Xarici İşlər Nazirləri Şurasının iclası keçiriləcək.", "2026-03-05"),
])
def test_a_planned_day_and_month_past_in_the_year_of_publication_is_next_years(pipeline, text, date):
    doc = _doc(pipeline, text, "2025-05-14")
    assert [e.date for e in doc.events if e.type == "CONVENE"] == [date], [(e.type, e.date) for e in doc.events]


@pytest.mark.parametrize("code, text", [
    ("ru", "в 2024-2025 годах"),
    ("ru", "В 2024–2025 годах"),
    ("kk", "2024-2025 жылдары"),
    ("az", "2024-2025-ci illərdə"),
])
def test_a_span_of_years_is_read_from_its_first_year(code, text):
    dates = find_dates(text, lang.load(code))
    assert [(d.year, d.ranged) for d in dates] == [(2024, True)]


@pytest.mark.parametrize("text", [
    "Qazaxıstan 2024-2025-ci illərdə ŞƏT-ə sədrlik edəcək.",
    "Қазақстан 2024-2025 жылдары ШЫҰ-ға төрағалық етеді.",
    "В 2024–2025 годах Казахстан председательствует в ШОС.",
])
def test_a_chairmanship_held_for_years_is_dated_to_its_first(pipeline, text):
    doc = _doc(pipeline, text, "2023-11-20")
    assert [e.date for e in doc.events if e.type == "CHAIR"] == ["2024"], [(e.type, e.date) for e in doc.events]


def test_a_span_of_years_dates_no_signing(pipeline):
    # the period a programme covers, not the day it was signed
    doc = _doc(pipeline, "Qazaxıstan və Özbəkistan 2024-2026-cı illər üzrə əməkdaşlıq proqramını imzalayıblar.",
               "2023-05-14")
    assert [e.date for e in doc.events if e.type == "SIGN"] == ["2023-05-14"], [(e.type, e.date) for e in doc.events]


@pytest.mark.parametrize("code, text, published, value", [
    ("ru", "на прошлой неделе", "2025-05-04", "2025-04"),
    ("ru", "на следующей неделе", "2025-05-14", "2025-05"),
    ("kk", "өткен аптада", "2025-05-14", "2025-05"),
    ("kk", "келесі аптада", "2025-05-28", "2025-06"),
    ("az", "keçən həftə", "2025-05-14", "2025-05"),
    ("az", "gələn həftə", "2025-12-29", "2026-01"),
])
def test_a_week_from_publication_dates_to_its_month(code, text, published, value):
    # a week names no day: the month its days fall in
    dates = find_dates(text, lang.load(code))
    assert [d.value(published) for d in dates] == [value]


@pytest.mark.parametrize("text", [
    "Токаев принял участие в 10-м саммите ОТГ.",
    "Тоқаев ТМҰ-ның 10-шы саммитіне қатысты.",
    "İlham Əliyev TDT-nin 10-cu Zirvə görüşündə iştirak edib.",
])
def test_a_summit_attended_that_the_knowledge_base_dates_before_the_report_is_dated_so(pipeline, text):
    # an undated report of the 10th OTS summit (Astana, 3 November 2023) in 2025 tells of that summit
    doc = _doc(pipeline, text, "2025-05-14")
    assert [e.date for e in doc.events if e.type == "CONVENE"] == ["2023-11-03"], [(e.type, e.date) for e in doc.events]
