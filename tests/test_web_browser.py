"""The chat page in a real browser: headless Chromium driven by selenium, against a real
`python -m bot web` process. Needs the Debian packages `chromium` and `chromium-driver`
(`.ci/run` installs them when it runs as root); skipped, saying why, where they are missing.

Timing is printed (first answer after Enter), never asserted.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

import pytest
from web_fixtures import WebServer

selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
PHONE = (390, 844)

if not (Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()):
    pytest.skip(
        f"headless Chromium not available: {CHROMIUM} or {CHROMEDRIVER} is missing "
        "(apt-get install -y chromium chromium-driver; .ci/run does this as root)",
        allow_module_level=True,
    )

# Installed by the test (not by the page): when Enter goes down, and when the first answer
# bubble appears in the log — both on the page's own clock.
TIMING_PROBE = """
window.__probe = {answers: []};
document.getElementById('q').addEventListener('keydown', function (e) {
  if (e.key === 'Enter') window.__probe.enter = performance.now();
}, true);
new MutationObserver(function () {
  var n = document.querySelectorAll('#log .msg.bot:not(.pending):not(.welcome)').length;
  while (window.__probe.answers.length < n) window.__probe.answers.push(performance.now());
}).observe(document.getElementById('log'), {childList: true, subtree: true, attributes: true,
                                             attributeFilter: ['class']});
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with WebServer(tmp_path_factory.mktemp("web-browser") / "data") as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="yiyang-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={PHONE[0]},{PHONE[1]}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser, server):
    """The chat page, fresh (a new session), at phone width, light theme."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 2, "mobile": True},
    )
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]}
    )
    browser.get(server.url + "/")
    browser.execute_script("window.sessionStorage.clear()")
    browser.get(server.url + "/")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#log .welcome .chip"))
    browser.execute_script(TIMING_PROBE)
    browser.get_log("browser")  # start each test with an empty console
    return browser


def wait(driver, condition, timeout: float = 10.0):
    return WebDriverWait(driver, timeout, poll_frequency=0.02).until(condition)


def bot_messages(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#log .msg.bot:not(.pending):not(.welcome)")


def ask(driver, text: str):
    """Type a question, press Enter, and wait for its answer; the answer element."""
    before = len(bot_messages(driver))
    box = driver.find_element(By.ID, "q")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    return wait(driver, lambda d: len(bot_messages(d)) > before and bot_messages(d)[before])


def no_horizontal_scroll(driver, width: int) -> tuple[int, int]:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": PHONE[1], "deviceScaleFactor": 2, "mobile": True},
    )
    return driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_enter_shows_the_answer_and_follow_up(page):
    answer = ask(page, "人民调解化解了多少纠纷")
    first_ms = page.execute_script("return window.__probe.answers[0] - window.__probe.enter")
    print(f"\nfirst answer shown {first_ms:.0f} ms after Enter (headless Chromium, real server)")
    assert "answer" in answer.get_attribute("class")
    assert answer.find_element(By.CSS_SELECTOR, ".head .value").text == "10816起"
    assert answer.find_element(By.CSS_SELECTOR, ".head .name").text == "人民调解化解纠纷数"
    # the source sentence and section are there, folded away until asked for
    details = answer.find_element(By.TAG_NAME, "details")
    assert details.get_attribute("open") is None
    quote = details.find_element(By.TAG_NAME, "blockquote")
    assert not quote.is_displayed()
    details.find_element(By.TAG_NAME, "summary").click()
    assert quote.is_displayed() and "指导人民调解化解纠纷10816起" in quote.text
    assert "出处：社会矛盾纠纷多元化解" in details.find_element(By.CLASS_NAME, "where").text
    mine = page.find_elements(By.CSS_SELECTOR, "#log .msg.mine")
    assert mine[-1].text == "人民调解化解了多少纠纷"
    assert page.find_element(By.ID, "q").get_attribute("value") == ""  # the box is cleared

    follow = ask(page, "那成功率呢")
    assert follow.find_element(By.CSS_SELECTOR, ".head .value").text == "93%"
    assert console_errors(page) == []


def test_clicking_a_suggestion_asks_it(page):
    # 您是想问: the options are buttons (asked first: no follow-up context yet)
    clarify = ask(page, "调解成功率")
    assert "clarify" in clarify.get_attribute("class") and "您是想问" in clarify.text
    options = clarify.find_elements(By.CSS_SELECTOR, ".chip")
    assert [o.text for o in options] == ["人民调解调处成功率是多少？", "诉前调解成功率是多少？"]
    before = len(bot_messages(page))
    options[1].click()
    wait(page, lambda d: len(bot_messages(d)) > before)
    assert bot_messages(page)[before].find_element(By.CSS_SELECTOR, ".head .value").text == "56.8%"

    # related questions under an answer
    answer = ask(page, "人民调解化解了多少纠纷")
    chips = answer.find_elements(By.CSS_SELECTOR, ".chips .chip")
    assert [c.text for c in chips][:2] == ["人民调解调处成功率是多少？", "诉前调解案件数是多少？"]
    before = len(bot_messages(page))
    chips[1].click()
    wait(page, lambda d: len(bot_messages(d)) > before)
    clicked = bot_messages(page)[before]
    assert clicked.find_element(By.CSS_SELECTOR, ".head .value").text == "13355件"
    assert page.find_elements(By.CSS_SELECTOR, "#log .msg.mine")[-1].text == "诉前调解案件数是多少？"
    assert console_errors(page) == []


def test_html_in_a_question_is_shown_as_text_and_runs_nothing(page):
    hostile = (
        '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script>'
        "<b onmouseover=alert(3)>粗体</b><svg onload=alert(4)></svg>"
    )
    ask(page, hostile)
    ask(page, '"><img src=x onerror=alert(5)>网上可办率')
    mine = page.find_elements(By.CSS_SELECTOR, "#log .msg.mine")
    assert mine[-2].get_attribute("textContent") == hostile
    assert (
        page.execute_script("return document.querySelectorAll('#log img, #log script, #log svg, #log b').length") == 0
    )
    assert page.execute_script("return window.__pwned") is None
    time.sleep(0.3)  # give an injected onerror handler every chance to fire
    with pytest.raises(NoAlertPresentException):
        page.switch_to.alert.text  # noqa: B018
    assert page.execute_script("return window.__pwned") is None


def test_no_horizontal_scroll_on_phones(page):
    ask(page, "人民调解化解了多少纠纷")
    ask(page, "a" * 300)  # one long unbroken word
    ask(page, "明天天气怎么样")
    summary = page.find_elements(By.CSS_SELECTOR, "#log details summary")[0]
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    summary.click()
    for width in (390, 360):
        scroll_width, client_width = no_horizontal_scroll(page, width)
        assert client_width == width and scroll_width <= client_width, (width, scroll_width)
    page.find_element(By.ID, "topics-toggle").click()
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#topics details"))
    page.execute_script("document.querySelectorAll('#topics details').forEach(function (d) { d.open = true; })")
    scroll_width, client_width = no_horizontal_scroll(page, 360)
    assert scroll_width <= client_width


def test_topic_browsing_asks_a_question(page):
    toggle = page.find_element(By.ID, "topics-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    panel = page.find_element(By.ID, "topics")
    wait(page, lambda d: panel.find_elements(By.CSS_SELECTOR, "details"))
    assert toggle.get_attribute("aria-expanded") == "true"
    sections = [s.text for s in panel.find_elements(By.CSS_SELECTOR, ":scope > details > summary")]
    assert sections[:3] == ["总体成效", "政府职能", "制度体系"]
    panel.find_element(By.CSS_SELECTOR, "details[data-topic='gov_functions'] > summary").click()
    panel.find_element(By.CSS_SELECTOR, "details[data-topic='gov_services'] > summary").click()
    question = next(
        b
        for b in panel.find_elements(By.CSS_SELECTOR, "details[data-topic='gov_services'] .chip")
        if b.text == "网上可办率是多少？"
    )
    before = len(bot_messages(page))
    question.click()
    wait(page, lambda d: len(bot_messages(d)) > before)
    assert not panel.is_displayed() and toggle.get_attribute("aria-expanded") == "false"
    assert bot_messages(page)[before].find_element(By.CSS_SELECTOR, ".head .value").text == "100%"


def test_fallback_offers_topics(page):
    answer = ask(page, "明天天气怎么样")
    assert "抱歉" in answer.text
    topic = next(b for b in answer.find_elements(By.CSS_SELECTOR, ".chip") if b.text.startswith("主题："))
    topic.click()
    panel = page.find_element(By.ID, "topics")
    wait(page, lambda d: panel.is_displayed() and panel.find_elements(By.CSS_SELECTOR, "details[open]"))
    opened = panel.find_elements(By.CSS_SELECTOR, "details[open]")
    assert any(d.get_attribute("data-topic") == "gov_services" for d in opened)


def test_thumbs_up_is_recorded(page, server):
    answer = ask(page, "网上可办率")
    up = next(b for b in answer.find_elements(By.CSS_SELECTOR, ".vote button") if "有帮助" in b.text)
    up.click()
    thanks = wait(page, lambda d: answer.find_elements(By.CLASS_NAME, "thanks"))
    assert thanks[0].text == "感谢您的肯定！" and not answer.find_elements(By.CSS_SELECTOR, ".vote")
    db = server.data_dir / "bot.sqlite3"
    deadline = time.monotonic() + 5
    rows = []
    while time.monotonic() < deadline and not rows:
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT entry_id, vote, channel FROM feedback").fetchall()
        time.sleep(0.05)
    assert ("online_rate", 1, "web") in rows


def _luminance(rgb: str) -> float:
    parts = [float(p) for p in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_readable_in_light_and_dark_theme(page, scheme):
    page.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )
    answer = ask(page, "网上可办率")
    colours = page.execute_script(
        """
        var s = function (el, p) { return getComputedStyle(el)[p]; };
        var a = arguments[0], chip = a.querySelector('.chip'), value = a.querySelector('.value');
        return {body: [s(document.body, 'color'), s(document.body, 'backgroundColor')],
                answer: [s(a, 'color'), s(a, 'backgroundColor')],
                value: [s(value, 'color'), s(a, 'backgroundColor')],
                chip: [s(chip, 'color'), s(chip, 'backgroundColor')]};""",
        answer,
    )
    background = _luminance(colours["body"][1])
    assert (background < 0.05) if scheme == "dark" else (background > 0.8), colours
    for name, (fg, bg) in colours.items():
        assert _contrast(fg, bg) >= 4.5, (scheme, name, fg, bg)


def test_labels_for_assistive_technology(page):
    box = page.find_element(By.ID, "q")
    label = page.find_element(By.CSS_SELECTOR, "label[for='q']")
    assert label.get_attribute("textContent") == "输入问题"
    assert box.get_attribute("maxlength") == "500"
    log = page.find_element(By.ID, "log")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    assert page.find_element(By.ID, "topics").get_attribute("aria-label") == "按主题浏览"
    assert page.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
