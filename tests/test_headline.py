"""Headlines without site chrome, and the source from the URL's host, in each language."""
import pytest

from communique.document import Document
from communique.headline import clean_title, headline
from communique.stages.ingest import read_html


@pytest.mark.parametrize("title, site, expected", [
    ("Главная > Siyasət > Astanada plenar iclas keçirilib", None, "Astanada plenar iclas keçirilib"),
    ("Басты бет » Саясат » Тоқаев Әлиевпен телефон арқылы сөйлесті", None,
     "Тоқаев Әлиевпен телефон арқылы сөйлесті"),
    ("Азербайджан и Кыргызстан договорились о сотрудничестве - ФОТО", None,
     "Азербайджан и Кыргызстан договорились о сотрудничестве"),
    ("Лавров назвал беседу с Помпео хорошей | РИА Новости", "РИА Новости", "Лавров назвал беседу с Помпео хорошей"),
    ("Report.az | Prezident İlham Əliyev Astanaya gəlib", "Report.az", "Prezident İlham Əliyev Astanaya gəlib"),
    ("«Орталық Азия – Қытай» форматындағы министрлердің кездесуі өтті", None,
     "«Орталық Азия – Қытай» форматындағы министрлердің кездесуі өтті"),
])
def test_clean_title(title, site, expected):
    assert clean_title(title, site) == expected


@pytest.mark.parametrize("lines, expected", [
    (["SON DƏQİQƏ: Azərbaycanla Özbəkistan müttəfiq oldularbackend", "SON DƏQİQƏ: Azərbaycanla Özbəkistan müttəfiq oldular"],
     "SON DƏQİQƏ: Azərbaycanla Özbəkistan müttəfiq oldular"),
    (["Все новости, 11:54, 1 янв 2016 (UTC+3 MSK)", "Азербайджан стал председателем ГУАМ"],
     "Азербайджан стал председателем ГУАМ"),
    (["Власть", "Глава МИД Казахстана освобожден от должности"], "Глава МИД Казахстана освобожден от должности"),
    (["Ел аумағында инфляция үдей түсті. Бұл туралы Ұлттық банк хабарлады. Сәуір айында инфляция өсті."],
     "Ел аумағында инфляция үдей түсті."),
    (["Sözün " * 60], None),  # a paragraph with no short first sentence is no headline
])
def test_headline_from_the_first_lines(lines, expected):
    assert headline(lines) == expected


def test_html_title_drops_breadcrumb_and_site_name():
    html = ("<html><head><title>Главная > Политика > Токаев провел переговоры с Алиевым | Kazinform</title>"
            "<meta property='og:site_name' content='Kazinform'></head><body><article><p>" + "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Ильхамом Алиевым. " * 5
            + "</p></article></body></html>")
    doc = next(read_html(html, "x.html", "x"))
    assert isinstance(doc, Document) and doc.title == "Токаев провел переговоры с Алиевым"


@pytest.mark.parametrize("url, source", [
    ("https://qaz.ulysmedia.kz/saraptama/1", "Ulys Media"),  # a subdomain of a known outlet
    ("https://president.az./az/articles/view/1", "President of Azerbaijan"),
    ("https://www.unknown-outlet.example/news/1", "unknown-outlet.example"),  # the host itself
])
def test_source_from_the_url_host(pipeline, url, source):
    doc = pipeline(Document("t", "Prezident İlham Əliyev Astanaya gəlib. Görüş keçirilib.", url=url))
    assert doc.source == source


def test_an_agency_named_in_the_text_wins_over_the_host(pipeline):
    doc = pipeline(Document("t", "АСТАНА. Kazinform – Токаев провел переговоры с Алиевым.",
                            url="https://www.zakon.kz/x/1"))
    assert doc.source == "Kazinform"
