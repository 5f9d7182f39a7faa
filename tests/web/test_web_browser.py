"""The web pages in a real browser: navigation, filters, charts, keyboard, and
article markup that must stay text. Takes screenshots (see conftest.py)."""
from urllib.parse import quote

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
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
    _network(browser)
    labels = _cy(browser, "return cy.nodes().map(function (n) { return n.data('label'); })")
    assert len(labels) >= 4 and "Jeyhun Bayramov" in labels
    assert _cy(browser, "return cy.edges().length") >= 3
    assert not browser.find_elements(By.ID, "network-svg")  # the server's drawing, replaced by the interactive one
    refused = [x["message"] for x in browser.get_log("browser") if "Content Security Policy" in x["message"]]
    assert not refused  # the vendored library works under the page's CSP
    screenshot("network")
    browser.get(server + "/timeline")
    bars = [b for b in browser.find_elements(By.CSS_SELECTOR, "rect.bar") if float(b.get_attribute("height")) > 0]
    assert len(bars) >= 3
    screenshot("timeline")


def _network(browser) -> None:
    """Wait until network.js has drawn the graph."""
    WebDriverWait(browser, 15).until(lambda b: b.execute_script("return !!window.communiqueNetwork"))


def _cy(browser, script: str, *args):
    """Run ``script`` with ``cy``, the page's cytoscape instance."""
    return browser.execute_script("var cy = window.communiqueNetwork; " + script, *args)


def test_web_network_zooms_and_a_click_on_a_node_filters_to_its_events(browser, server):
    browser.get(server + "/network")
    _network(browser)
    zoom = lambda: _cy(browser, "return cy.zoom()")
    before = zoom()
    browser.find_element(By.CSS_SELECTOR, "button[data-zoom=in]").click()
    assert zoom() > before * 1.3
    browser.find_element(By.CSS_SELECTOR, "button[data-zoom=fit]").click()
    assert abs(zoom() - before) < before * 0.05
    # a real click where the node is drawn on the canvas
    node = _cy(browser, "var n = cy.nodes().filter(function (n) { return n.data('label') === 'Jeyhun Bayramov'; })[0];"
                        "return {id: n.id(), x: n.renderedPosition('x'), y: n.renderedPosition('y')};")
    box = browser.find_element(By.ID, "network-graph")
    url = browser.current_url
    ActionChains(browser).move_to_element_with_offset(box, node["x"] - box.size["width"] / 2,
                                                      node["y"] - box.size["height"] / 2).click().perform()
    WebDriverWait(browser, 15).until(lambda b: b.current_url != url)
    assert "participant=" + quote(node["id"], safe="") in browser.current_url
    _network(browser)
    assert _cy(browser, "return cy.getElementById(arguments[0]).hasClass('focus')", node["id"])
    assert "Jeyhun Bayramov" in browser.find_element(By.CSS_SELECTOR, "p.focus").text
    rows = browser.find_elements(By.CSS_SELECTOR, "#net-ev-h ~ table.events tbody tr")
    assert rows and all("Jeyhun Bayramov" in r.text for r in rows)
    pairs = browser.find_elements(By.CSS_SELECTOR, "table.pairs tbody tr")
    assert pairs and _cy(browser, "return cy.nodes().length") < len(_everyone(server))
    _click(browser, browser.find_element(By.ID, "network-clear"))
    assert "participant" not in browser.current_url


def _everyone(server) -> list:
    import json
    import urllib.request
    with urllib.request.urlopen(server + "/api/network") as r:
        return json.load(r)["nodes"]


def test_web_map_draws_places_and_a_click_lists_their_events(browser, server, screenshot):
    browser.get(server + "/map")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.map path.country")) > 10
    circles = browser.find_elements(By.CSS_SELECTOR, "svg.map circle.place")
    assert len(circles) >= 4 and all(c.is_displayed() for c in circles)
    screenshot("map")
    baku = browser.find_element(By.CSS_SELECTOR, 'svg.map a[data-place="loc:baku"] circle')
    _click(browser, baku)
    assert "location=loc%3Abaku" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert rows and all("Baku" in r.find_elements(By.TAG_NAME, "td")[3].text for r in rows)


def test_web_language_switch_changes_the_interface_and_sticks(browser, server, screenshot):
    browser.get(server + "/events?participant=Nurtleu")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"  # Chromium asks for en-US
    try:
        _click(browser, browser.find_element(By.CSS_SELECTOR, 'nav.languages a[hreflang="kk"]'))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
        assert browser.find_element(By.TAG_NAME, "h1").text == "Оқиғалар"
        assert browser.find_element(By.NAME, "participant").get_attribute("value") == "Nurtleu"  # filters kept
        assert "оқиға хабары сәйкес" in browser.find_element(By.CSS_SELECTOR, "p.count").text
        screenshot("events-kk")
        browser.get(server + "/map")  # the choice is remembered
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
        assert browser.find_element(By.TAG_NAME, "h1").text == "Оқиға орындарының картасы"
        _click(browser, browser.find_element(By.CSS_SELECTOR, 'nav.languages a[hreflang="ru"]'))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Карта мест событий"
    finally:
        browser.delete_cookie("communique_hl")
    browser.get(server + "/map")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"


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
