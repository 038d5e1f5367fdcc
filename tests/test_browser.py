"""The HTML report and the server's page in a real headless Chromium (Debian's, via Playwright).

Each test saves a screenshot under build/screenshots/ so a person can look at what was tested.
The browser is the system one (`tests/install-browser.sh` installs it; SOURCESCORE_CHROMIUM
points elsewhere): no test tool downloads a browser.
"""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import ROOT, SEEDS

from sourcescore.cli import cli

SCREENSHOTS = ROOT / "build" / "screenshots"
# Chromium's background services would try the network this machine does not have.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage"]

STORY = """Talks stall in Geneva

GENEVA (Reuters) - Kremlin spokesman Dmitry Peskov told reporters on Tuesday that "there is no
progress" in the talks, and he said the next round would depend on Kyiv.

Officials familiar with the talks said the delegations had not met since March.

<!-- sourcescore: ignore SRC302 -- critics named in the sidebar -->
Critics say the talks are doomed.

The collapse of the talks is widely seen as a game-changer for the region.

The plan will cost $4 billion and take a decade to complete.
"""


def chromium_path() -> str:
    path = os.environ.get("SOURCESCORE_CHROMIUM") or shutil.which("chromium") or \
        shutil.which("chromium-browser")
    if not path:
        pytest.fail("no Chromium found: run tests/install-browser.sh or set SOURCESCORE_CHROMIUM")
    return path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(),
                                              args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A page that records console errors, script errors and any request off the machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: m.type in ("error", "warning") and
           tab.problems.append(f"console {m.type}: {m.text}"))
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    tab.on("request", lambda r: r.url.startswith(("http://127.0.0.1", "file:", "data:",
                                                  "about:")) or
           tab.problems.append(f"network request: {r.url}"))
    yield tab
    context.close()


def screenshot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    tab.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("html")
    story = folder / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    target = folder / "report.html"
    result = CliRunner().invoke(cli, ["check", str(story), str(SEEDS[2]), "-f", "html",
                                      "-o", str(target)])
    assert result.exit_code in (0, 1), result.output
    return target


def test_report_loads_offline_without_errors_and_highlights_by_source_type(page, report_file):
    page.goto(report_file.as_uri())
    assert page.locator("section.file").count() == 2
    story = page.locator("#file-0")
    person = story.locator(".hl-source.t-person", has_text="Dmitry Peskov")
    assert person.count() == 1
    tip = person.get_attribute("title")
    assert "speaker: Kremlin spokesman Dmitry Peskov" in tip and "cue: told" in tip
    assert "type: person" in tip
    assert story.locator(".hl-source.t-anonymous", has_text="Officials").count() == 1
    assert story.locator(".mark-claim", has_text="$4 billion").count() >= 1
    assert story.locator(".mark-filler", has_text="game-changer").count() >= 1
    assert story.locator(".directive").count() == 1  # the exemption, greyed, with its reason
    bars = story.locator("svg.chart g.bar")
    assert bars.count() >= 5 and story.locator(".score").inner_text().isdigit()
    screenshot(page, "report.png")
    assert page.problems == []


def test_a_click_on_a_finding_scrolls_to_its_place(page, report_file):
    page.set_viewport_size({"width": 1280, "height": 420})
    page.goto(report_file.as_uri())
    links = page.locator("#file-1 aside a[data-goto]")
    last = links.nth(links.count() - 1)
    target = page.locator(f'[data-f~="{last.get_attribute("data-goto")}"]').first
    assert not _in_view(target)
    last.click()
    page.wait_for_function("() => document.querySelector('.flash') !== null")
    assert _in_view(target)
    assert "flash" in target.get_attribute("class")
    screenshot(page, "report-after-click.png")
    assert page.problems == []


def test_finding_numbers_show_whole_even_past_nine(page, report_file):
    """Every finding's number is on screen in full ("10.", not ".0."), left of its text."""
    page.goto(report_file.as_uri())
    numbers = page.locator("#file-1 aside li .n")
    assert numbers.count() >= 10
    tenth = numbers.nth(9)
    assert tenth.inner_text() == "10."
    box, aside = tenth.bounding_box(), page.locator("#file-1 aside").bounding_box()
    assert box["x"] >= aside["x"] and box["width"] + 1 >= tenth.evaluate("e => e.scrollWidth")
    assert page.problems == []


def test_printed_report_shows_every_finding(page, report_file):
    page.goto(report_file.as_uri())
    page.emulate_media(media="print")
    aside = page.locator("#file-1 aside")
    assert aside.evaluate("e => e.scrollHeight <= e.clientHeight + 1")  # nothing scrolled away
    assert aside.evaluate("e => getComputedStyle(e).overflowY") == "visible"
    assert page.problems == []


def test_a_narrow_screen_shows_every_sub_score(page, report_file):
    page.set_viewport_size({"width": 420, "height": 800})
    page.goto(report_file.as_uri())
    width = page.evaluate("() => document.documentElement.clientWidth")
    for number in page.locator("#file-1 svg.chart g.bar text:last-of-type").all():
        box = number.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width, box
    screenshot(page, "report-narrow.png")
    assert page.problems == []


def test_a_report_of_several_files_opens_with_an_index(page, report_file):
    page.goto(report_file.as_uri())
    rows = page.locator("nav.index tbody tr")
    assert rows.count() == 2
    assert rows.nth(1).locator("a").get_attribute("href") == "#file-1"
    assert rows.nth(1).locator("td.num").first.inner_text().isdigit()
    assert page.problems == []


def _in_view(locator) -> bool:
    return locator.evaluate("e => { const r = e.getBoundingClientRect();"
                            " return r.top >= 0 && r.bottom <= window.innerHeight; }")


def test_server_page_checks_a_pasted_story(page):
    from test_server import start_server

    server = start_server()
    try:
        page.goto(server.url + "/")
        page.fill("#text", STORY)
        page.click("#check")
        frame = page.frame_locator("#report")
        frame.locator(".score").wait_for(timeout=60_000)
        assert frame.locator(".hl-source.t-person", has_text="Dmitry Peskov").count() == 1
        assert frame.locator("aside li").count() >= 3
        screenshot(page, "serve.png")
        assert page.problems == []
    finally:
        server.process.terminate()
        server.process.wait(timeout=30)
