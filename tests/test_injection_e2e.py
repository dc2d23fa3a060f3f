"""Hostile names and URL values in a real browser (Chromium): a database whose every locality,
agency, field and procedure name carries a link, a remote image, HTML, a Streamlit directive,
a formula, an icon and a spreadsheet formula; every request the browser makes is recorded.
Nothing may leave for another host, no link or image may point outside, no markup may be
drawn, and the names must read literally. An unreadable database shows no path."""
from urllib.parse import urlsplit

import pytest

from domain.plain import JOINER
from tests.browser import browser_page, require_chromium, served, streamlit_server, \
    wait_idle
from tests.test_injection import PAYLOAD, build_hostile

Q = "from=2024-01&to=2024-03&units=63"
PAGES = [
    f"/?{Q}",
    f"/province?province=01&{Q}",
    f"/province?province=B-TP&{Q}",
    f"/agency?agency=1&{Q}",
    f"/procedure?procedure=1.001193&{Q}",
    f"/procedure?procedure=1.001193&province=01&{Q}",
    f"/methodology?{Q}",
    # hostile values in the URL itself
    f"/province?province=%3Cimg%20src%3Dhttp%3A%2F%2Fevil.example%2Fq.png%3E&{Q}",
    f"/?metric=%21%5Bi%5D%28http%3A%2F%2Fevil.example%2Fm.png%29&{Q}",
    "/what_if?scope=01&cut=%5Bx%5D%28http%3A%2F%2Fevil.example%2F%29&sc=" + "%5B" * 5000,
]
NAMED = {PAGES[1], PAGES[2], PAGES[3], PAGES[4], PAGES[5]}  # pages titled with a hostile name


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory, "hostile", build_hostile) as base:
        yield base


def outside(base: str, url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob", "about") and \
        parts.netloc != urlsplit(base).netloc


def check_page(page, base: str, path: str, requests: list[str]) -> None:
    requests.clear()
    page.goto(base + path)
    wait_idle(page)
    page.wait_for_timeout(1500)  # images and fonts a markdown element might ask for
    assert not [u for u in requests if outside(base, u)], (path, requests)
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    # the app's own links only (a heading's anchor, whose slug repeats the title, included)
    assert not [h for h in hrefs if outside(base, h)], (path, hrefs)
    sources = page.eval_on_selector_all("img[src], image[href], source[src]",
                                        "els => els.map(e => e.src || e.href.baseVal)")
    assert not [s for s in sources if outside(base, s)], (path, sources)
    main = page.locator("[data-testid='stMain']")
    assert not main.locator(".katex").count(), path  # no formula drawn
    for drawn in ("b", "strong", "em", "code"):  # no element drawn from the data's markup
        assert "bold" not in [t.strip() for t in main.locator(drawn).all_inner_texts()], path
    icons = main.locator("[data-testid='stIconMaterial']").all_inner_texts()
    assert "warning" not in icons, (path, icons)
    text = main.inner_text().replace(JOINER, "")
    assert "🔥" not in text and "Traceback" not in text
    if path in NAMED:
        assert PAYLOAD in page.locator("h1").first.inner_text().replace(JOINER, "")
        assert PAYLOAD in text


def test_hostile_names_stay_text_and_nothing_leaves(server):
    requests: list[str] = []
    with browser_page(height=1400) as page:
        page.on("request", lambda r: requests.append(r.url))
        for path in PAGES:
            check_page(page, server, path, requests)


def test_an_unreadable_database_shows_no_path(tmp_path):
    require_chromium()
    secret = tmp_path / "secret_pid12345"
    secret.mkdir()
    path = secret / "broken.duckdb"
    path.write_bytes(b"not a database " * 1000)
    with streamlit_server(f"duckdb:///{path}") as base, browser_page() as page:
        page.goto(f"{base}/?{Q}")
        page.wait_for_selector("[data-testid='stAlertContentError']", timeout=60_000)
        text = page.locator("[data-testid='stApp']").inner_text()
        assert "Không đọc được cơ sở dữ liệu" in text
        for leak in (str(tmp_path), "secret", "12345", ".duckdb", "Traceback", "Error:"):
            assert leak not in text, leak
