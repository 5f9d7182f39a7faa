"""The web pages in a real browser: navigation, filters, charts, keyboard, and
article markup that must stay text. Takes screenshots (see conftest.py)."""
from urllib.parse import quote

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

SCRIPT_TEXT = "<script>alert(1)</script>"


def _no_alert(browser) -> None:
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - raises when no dialog is open


def _click(browser, element) -> None:
    url = browser.current_url
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    # navigation starts asynchronously: wait for it (a loaded machine may take a moment)
    WebDriverWait(browser, 15).until(lambda b: b.current_url != url)
    WebDriverWait(browser, 15).until(lambda b: b.execute_script("return document.readyState") == "complete")


def test_web_dashboard_event_entity_document_journey(browser, server, screenshot):
    browser.get(server + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_elements(By.CSS_SELECTOR, ".cluster-list li") and browser.find_elements(By.CSS_SELECTOR,
                                                                                                "rect.bar")
    screenshot("dashboard")
    # the first cluster whose event names a person: from it to that person's page
    events = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".cluster-list .cluster-head a")]
    for href in events:
        browser.get(href)
        assert "/events/ev-" in browser.current_url
        assert browser.find_elements(By.CSS_SELECTOR, ".report mark.evidence")
        persons = browser.find_elements(By.CSS_SELECTOR, 'dl.summary a.ent[href*="person"]')
        if persons:
            break
    assert persons, "no event on the dashboard names a person"
    _click(browser, persons[0])
    assert "/entities/" in browser.current_url
    names = browser.find_element(By.CSS_SELECTOR, "table.names").text
    assert names and browser.find_element(By.ID, "pos-h").is_displayed()
    browser.get(server + "/entities/" + quote("person:kairat-sarybay", safe=":"))
    names = browser.find_element(By.CSS_SELECTOR, "table.names").text
    assert "Қайрат Сарыбай" in names and "Kayrat Sarıbay" in names
    screenshot("entity")
    document = browser.find_element(By.CSS_SELECTOR, "#doc-h ~ ul a")
    _click(browser, document)
    assert "/documents/" in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, ".article-text a.mention")
    assert browser.find_elements(By.CSS_SELECTOR, ".article-text mark.evidence")
    assert browser.find_element(By.CSS_SELECTOR, ".article-text").get_attribute("lang") == "kk"
    screenshot("document")


def test_web_event_list_filters_and_side_by_side_reports(browser, server, screenshot):
    browser.get(server + "/events")
    browser.find_element(By.NAME, "participant").send_keys("Nurtleu")
    Select(browser.find_element(By.NAME, "type")).select_by_visible_text("MEET")
    _click(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    assert "participant=Nurtleu" in browser.current_url and "type=MEET" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert rows and all("MEET" in r.text for r in rows)
    assert {r.find_element(By.CSS_SELECTOR, "abbr.lang").text for r in rows} >= {"az", "kk"}
    screenshot("events")
    _click(browser, rows[0].find_element(By.CSS_SELECTOR, "td.date a"))
    reports = browser.find_elements(By.CSS_SELECTOR, "article.report")
    assert len(reports) == 2
    assert {r.find_element(By.CSS_SELECTOR, ".article-text").get_attribute("lang") for r in reports} == {"az", "kk"}
    assert all(r.find_element(By.CSS_SELECTOR, "mark.evidence").is_displayed() for r in reports)
    left, right = (r.rect for r in reports)
    assert abs(left["y"] - right["y"]) < 5 and right["x"] > left["x"]  # side by side
    screenshot("event")


def test_web_network_and_timeline_draw_the_sample(browser, server, screenshot):
    browser.get(server + "/network")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg circle.node")) >= 4
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg .edges line")) >= 3
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "svg .nodes text")]
    assert "Jeyhun Bayramov" in labels
    screenshot("network")
    browser.get(server + "/timeline")
    bars = [b for b in browser.find_elements(By.CSS_SELECTOR, "rect.bar") if float(b.get_attribute("height")) > 0]
    assert len(bars) >= 3
    screenshot("timeline")


def test_web_article_markup_is_shown_as_text_on_every_page(browser, server):
    pages = ["/", "/events", "/clusters", "/documents", "/documents/markup-ru-1", "/search?q=alert",
             "/entities/person:sergey-lavrov", "/events?participant=Lavrov&since=2024-12"]
    for path in pages:
        browser.get(server + path)
        _no_alert(browser)
        assert SCRIPT_TEXT in browser.find_element(By.TAG_NAME, "main").text, path
        injected = browser.execute_script(
            "return document.querySelectorAll('main script, main img, main b, main i, a[href^=\"javascript:\"]')"
            ".length")
        assert injected == 0, path
    browser.get(server + "/events?participant=Lavrov&since=2024-12")
    _click(browser, browser.find_element(By.CSS_SELECTOR, "td.date a"))
    _no_alert(browser)
    assert SCRIPT_TEXT in browser.find_element(By.CSS_SELECTOR, ".report .article-text").text


def test_web_keyboard_skip_link_and_focus(browser, server):
    browser.get(server + "/events")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.text == "Skip to main content" and skip.is_displayed() and skip.rect["y"] >= 0
    outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    skip.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
