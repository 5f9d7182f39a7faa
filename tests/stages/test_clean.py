import pytest

from communique.document import Document
from communique.stages.clean import CleanStage, url_date

ARTICLE = """Президент провел переговоры с коллегой
БАКУ, 25 сен — Sputnik.
Президенты встретились в столице и обсудили двустороннее сотрудничество.
Читайте также
Министры встретились в Ташкенте
Премьер встретился с послом
Поделиться
"""


def test_boilerplate_spans_cover_related_list_without_touching_text(kb):
    doc = CleanStage(kb)(Document("d", ARTICLE))
    marked = [ARTICLE[s.start:s.end] for s in doc.boilerplate]
    assert "Читайте также" in marked
    assert "Министры встретились в Ташкенте" in marked and "Поделиться" in marked
    assert not any("Президенты встретились" in m for m in marked)
    assert doc.text == ARTICLE


@pytest.mark.parametrize("text", [
    "Prezidentlər telefonla danışıb\n![Prezidentlər telefonla danışıb](/images/2009/08/28/a.jpg?2021-02-17+09%3A23)\nMətn.",
    "Президенттер телефон арқылы сөйлесті\n![Президенттер телефон арқылы сөйлесті](/img/a.jpg?2021-02-17)\nМәтін.",
    "Президенты поговорили по телефону\n![Президенты поговорили по телефону](/images/a.jpg?2021-02-17)\nТекст.",
])
def test_a_markdown_image_line_is_page_furniture(kb, text):
    doc = CleanStage(kb)(Document("d", text))
    assert [text[s.start:s.end].strip() for s in doc.boilerplate] == [text.split("\n")[1]]


def test_metadata_title_source_and_dateline(kb):
    doc = CleanStage(kb)(Document("d", ARTICLE, url="https://example.org/news/20210925/x.html"))
    assert doc.title == "Президент провел переговоры с коллегой"
    assert doc.source == "Sputnik"
    assert doc.published == "2021-09-25"


def test_published_from_turkic_dateline(kb):
    az = "Başlıq\n2024, 20 iyul\nMətn."
    kk = "Тақырып\n24 Қыркүйек, 2020\nМәтін."
    assert CleanStage(kb)(Document("a", az)).published == "2024-07-20"
    assert CleanStage(kb)(Document("k", kk)).published == "2020-09-24"


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.az/posts/sammit-basa-catib-2023-10-13-150926", "2023-10-13"),  # inside a slug
    ("https://example.ru/ampnews/2024/05/08/slug-of-the-news", "2024-05-08"),
    ("https://example.kz/2024/5/8/slug", "2024-05-08"),
    ("https://example.az/news_2021.06.16.html", "2021-06-16"),
    ("https://example.az/20171102/slug-412590168.html", "2017-11-02"),  # YYYYMMDD as a path segment
    ("https://example.az/news/20171102.html", "2017-11-02"),
    ("https://example.az/news/201711021530/slug", "2017-11-02"),  # with the time of day
    ("https://example.az/news/20210925045851456-slug-of-the-news", "2021-09-25"),  # and milliseconds
    ("https://example.az/news/20213925045851456-slug", None),
    ("https://example.kz/news/aktau-1735309058", "2024-12-27"),  # a Unix time ending the slug
    ("https://example.by/world/view/slug-166885-2015", None),  # a year alone is not a day
    ("https://example.by/world/2015/slug", None),
    ("https://example.az/2024/02/30/slug", None),  # not a calendar date
    ("https://example.az/2024-13-01-slug", None),
    ("https://example.az/news/1875-01-01", None),  # not a year of news
    ("https://example.az/news/2024050899", None),  # a number, not a date and time
    ("https://example.az/item1-2024-05-08x", None),  # not delimited
    ("https://example.az/?date=2024-05-08", None),  # the query is not the path
    ("https://example.az/2024/02/30/x-2024-03-01", "2024-03-01"),  # the first real date
    ("https://example.kz/2023/04/slug-of-the-news", "2023-04"),  # a year and a month: the month
    ("https://example.az/az/2021/9/slug", "2021-09"),
    ("https://example.az/2021/13/slug", None),
    ("https://example.az/2021/09/", None),  # a month's list of news, no article of it
    ("https://example.ru/world/2021/08/734760", "2021-08"),  # an article's number after the month
])
def test_published_from_a_date_in_the_url_path(url, expected):
    assert url_date(url) == expected


AZ_PAGE = ("Ərzaq ehtiyatı yaradıla bilər\nNazirlik bildirib ki, hazırda belə bir risk yoxdur. Məhsul yığımı davam "
           "edir.\nNigar Məmmədova\n\nBakıda eskalator qırıldı - Yaralılar var\nCeyhun Bayramov Kaya Kallas ilə görüşüb\n"
           "Ceyhun Bayramov Vyanada rumıniyalı həmkarı ilə görüşdü\n")


def test_other_articles_headlines_closing_a_page_are_furniture(kb):
    spans = CleanStage(kb).find_boilerplate(AZ_PAGE)
    marked = {AZ_PAGE[s.start:s.end] for s in spans}
    assert "Ceyhun Bayramov Kaya Kallas ilə görüşüb" in marked
    assert not any("risk yoxdur" in m for m in marked)


@pytest.mark.parametrize("text", [
    "Заголовок\nПо итогам переговоров подписаны документы:\nСоглашение о торговле\nМеморандум о туризме\n"
    "Программа сотрудничества\n",  # a list a colon announces
    "Заголовок\nСтрока вторая\nСтрока третья\nСтрока четвертая\n",  # short lines only, no page around them
])
def test_a_list_closing_an_article_is_no_headlines(kb, text):
    assert CleanStage(kb).find_boilerplate(text) == []


def test_a_date_line_among_closing_headlines_still_dates_the_page(kb):
    text = ("Başlıq\nPrezident Türkiyəyə rəsmi səfər edib.\nRePost.Az\nBaxış sayı: 2839 | Tarix: 25.04.2018\n"
            "Bizi Telegramda izləyin\n")
    doc = CleanStage(kb)(Document("d", text))
    assert doc.published == "2018-04-25" and doc.boilerplate


def test_a_datelines_day_comes_before_the_urls_month(kb):
    doc = CleanStage(kb)(Document("d", "Заголовок\n08.04.2023 | 10:15\nТекст.", url="https://example.kz/2023/04/slug"))
    assert doc.published == "2023-04-08"


def test_url_date_comes_before_the_dateline(kb):
    doc = CleanStage(kb)(Document("d", ARTICLE, url="https://example.org/news/slug-2022-01-02-123456"))
    assert doc.published == "2022-01-02"


def test_a_url_without_a_date_leaves_the_dateline(kb):
    az = "Başlıq\n2024, 20 iyul\nMətn."
    doc = CleanStage(kb)(Document("a", az, url="https://example.az/news/slug-2015"))
    assert doc.published == "2024-07-20"


@pytest.mark.parametrize("text, expected", [
    ("Заголовок\nПОЛИТИКА\n08.11.2022 | 10:15\n7 ноября министры встретились.", "2022-11-08"),
    ("Başlıq\n\nBakı/24.11.22/Turan: Baş nazir sammitdə iştirak edib.", "2022-11-24"),  # the year in two digits
    ("Ташкент, 16.07.21. /Кабар/. Президент принял министра.", "2021-07-16"),
    ("Тақырып\n22.09.2017\n2270\nМәтін.", "2017-09-22"),
    ("Заголовок\n14:25 06.12.2025 (обновлено: 14:39 06.12.2025)\nТекст.", "2025-12-06"),
    ("Заголовок\nВерсия 1.2.22 вышла.\nТекст.", None),  # a version number, no date
    ("Başlıq\nMətn birinci.\nMətn ikinci.\nKARUSEL / SİYASƏT\nTarix: 9-03-2023, 13:43", "2023-03-09"),  # the bottom, a label
    ("Заголовок\nТекст.\nТел: 12-34-56", None),  # a telephone number, no date
    ("Today: 20-11-2024\nЗаголовок\nТекст.", None),  # the page's clock, not the article's date
    ("Мәтін.\nСондай-ақ оқыңыз\nБасқа жаңалық\n08.12.2025, 20:31", None),  # a related headline's date
    ("Başlıq\n- 20-10-2020, 10:32\n- Cəmiyyət\nMətn.", "2020-10-20"),  # after a list's bullet
    (" date 2023-04 Bu gün səfir XİN-ə çağırılıb.\n\nMətn.", "2023-04"),  # an ISO date after a label
    ("Заголовок\nДата: 2024-11-20\nТекст.", "2024-11-20"),
    ("Заголовок\nВерсия 2024-13 вышла.\nТекст.", None),
    ("Başlıq\n2021.07.23 14:36 (UTC+04:00)\nMətn.", "2021-07-23"),  # the year first, in dots
    ("Заголовок\n2021/07/23\nТекст.", "2021-07-23"),
    ("Заголовок\nВерсия 2021.07.23.5 вышла.\nТекст.", None),
])
def test_published_from_a_date_in_digits_opening_a_line_at_the_top_or_bottom(kb, text, expected):
    assert CleanStage(kb)(Document("d", text)).published == expected


@pytest.mark.parametrize("text", [
    "Nazirlər görüşüb\n© Foto : Ayxan Məmmədov, \"Report\" Xarici İşlər Nazirləri Şurasının iclası, Bakı, 2024-cü ilin "
    "noyabrında keçirilmiş görüşdən bir an, nazirlər birgə bəyanatı imzalayırlar\nMətn.",
    "Министрлер кездесті\n© Photo : Ян Иванов, \"Ваяр\" Совместное заседание Совета министров иностранных дел, Совета "
    "министров обороны и Комитета секретарей советов безопасности ОДКБ в Минске\nМәтін.",
    "Министры встретились\n© Фото : Иван Петров, РИА Новости Совместное заседание Совета министров иностранных дел, "
    "Совета министров обороны и Комитета секретарей советов безопасности ОДКБ в Минске\nТекст.",
])
def test_a_line_opened_by_the_copyright_sign_is_a_credit_up_to_200_characters(kb, text):
    doc = CleanStage(kb)(Document("d", text))
    assert [text[s.start:s.end].strip() for s in doc.boilerplate] == [text.split("\n")[1]]


_MENU = "".join(f"Рубрика {k}\n" for k in range(8))


@pytest.mark.parametrize("text, expected", [
    (f"Заголовок\n{_MENU}• 12 Марта 2014\n" + "Текст статьи.\n" * 5, "2014-03-12"),
    (f"Тақырып\n{_MENU}Президент 16 Маусым, 2022\n" + "Мәтін.\n" * 5, "2022-06-16"),
    (f"Başlıq\n{_MENU}09.03.2023, 13:43\n" + "Mətn.\n" * 5, "2023-03-09"),
    # a date inside a line of prose is an event's, not the page's
    (f"Заголовок\n{_MENU}Встреча прошла 12 марта 2014 года.\n" + "Текст статьи.\n" * 5, None),
])
def test_a_line_that_is_a_date_alone_lower_in_a_long_header_dates_the_page(kb, text, expected):
    assert CleanStage(kb)(Document("d", text)).published == expected


@pytest.mark.parametrize("text, expected", [
    ("Başlıq - Xəbər\nBaxış: 345 Tarix: 23-05-2022 13:43\nMətn.", "2022-05-23"),  # after another label
    ("2021-7-5 12:00 |\nЗаголовок\nТекст.", "2021-07-05"),  # the year first, no leading zeros
    ("31 нау, 2022 жыл 10:58\n\nТақырып\n\nМәтін.", "2022-03-31"),  # CLDR's abbreviated month
    ("Қаң 15, 2022 10:58 Саясат/Шетел\nТақырып\nМәтін.", "2022-01-15"),  # the month first
    ("Jan 15, 2022 10:58 Siyasət/Dünya\nBaşlıq\nMətn.", "2022-01-15"),  # an English stamp
    ("Заголовок\n29 сентября 202110:51\nТекст.", "2021-09-29"),  # the year run into the clock
    ("Заголовок\nМосква, 5 октября, 2020, 10:00 — ИА Регнум. Президент провёл совещание с членами правительства, "
     "обсудив ход подготовки к зиме.\nТекст.", "2020-10-05"),  # opening a paragraph, the city in lower case
    ("Başlıq\n12 may 2022-ci il tarixdə Xəzər rayonunda yerləşən məktəbdə sakinlərlə görüş keçirilib və onların "
     "müraciətləri dinlənilib.\nMətn.", None),  # a paragraph opening on a date with no clock tells of an event
    ("Заголовок\nТел. 12.34.2021 10:00\nТекст.", None),  # no calendar date
])
def test_published_from_a_time_stamp_in_a_short_line_at_the_top_or_bottom(kb, text, expected):
    assert CleanStage(kb)(Document("d", text)).published == expected
