"""The big-screen mode in real Chromium on the hand-made fixture: at 1920 × 1080 no sidebar,
headline figures of at least 48 px and labels of at least 24 px, the verdict, the figures and
the ranking all on the first screen, the data's end date shown; the slides move on by
themselves, pause holds them, next moves on; at 1280 × 720 nothing overflows sideways; a new
load shows on the screen without reloading the page."""
import time
from datetime import date, datetime

import pandas as pd
import pytest

from data_access import schema
from data_access.db import Database, bulk_insert
from domain.present import INTERVAL_MIN
from tests import fixture_data
from tests.browser import browser_page, require_chromium, streamlit_server

Q1 = "from=2024-01&to=2024-03"
TITLE = ".st-key-present_title [data-testid='stText']"
COUNTER = ".st-key-present_counter [data-testid='stText']"
NATION = "Toàn quốc · Chỉ số chính"
BOTTOM = "Toàn quốc · 3 đơn vị cuối bảng so với chỉ tiêu"
TOP = "Toàn quốc · 3 đơn vị dẫn đầu so với chỉ tiêu"


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    require_chromium()
    url = f"duckdb:///{tmp_path_factory.mktemp('e2e_present') / 'present.duckdb'}"
    fixture_data.build(Database(url))
    return url


@pytest.fixture(scope="module")
def server(database):
    with streamlit_server(database) as base:
        yield base


def settle(page, timeout_s: float = 90) -> None:
    """Wait for a slide, then until Streamlit has finished running (no status widget for a
    second), and no exception on the page."""
    page.wait_for_selector(TITLE, timeout=timeout_s * 1000)
    deadline, quiet = time.monotonic() + timeout_s, 0
    while time.monotonic() < deadline and quiet < 3:
        quiet = quiet + 1 if page.locator("[data-testid='stStatusWidget']").count() == 0 else 0
        page.wait_for_timeout(300)
    assert not page.locator("[data-testid='stException']").count()


def title(page) -> str:
    return page.locator(TITLE).inner_text().strip()


def sizes(page, selector: str) -> list[float]:
    return page.locator(selector).evaluate_all(
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")


def bottom(page, selector: str) -> float:
    return max(b["y"] + b["height"] for b in (
        page.locator(selector).nth(i).bounding_box()
        for i in range(page.locator(selector).count())))


def wait_title(page, wanted: str, within_s: float) -> float:
    """Seconds until the slide's title reads `wanted` (fails after within_s)."""
    start = time.monotonic()
    while title(page) != wanted:
        assert time.monotonic() - start < within_s, f"still {title(page)!r}, not {wanted!r}"
        page.wait_for_timeout(250)
    return time.monotonic() - start


def test_first_screen_read_from_a_distance(server):
    with browser_page(1920, 1080) as page:
        page.goto(f"{server}/?present=1&{Q1}&interval=600&views=nation,bottom10")
        settle(page)
        assert title(page) == NATION
        page.wait_for_selector("[data-testid='stVegaLiteChart'] svg text", timeout=30_000)
        for hidden in ("stSidebar", "stHeader", "stSidebarCollapsedControl"):
            box = page.locator(f"[data-testid='{hidden}']")
            assert box.count() == 0 or not box.first.is_visible(), hidden
        values = sizes(page, "[class*='st-key-present_value_'] [data-testid='stText']")
        assert len(values) == 4 and min(values) >= 48, values
        for labels in ("present_label_", "present_sub", "present_meta", "present_verdict_",
                       "present_section", "present_note", "present_counter"):
            found = sizes(page, f"[class*='st-key-{labels}'] [data-testid='stText']")
            assert found and min(found) >= 24, (labels, found)
        assert min(sizes(page, ".st-key-present_controls button p")) >= 24
        # the ranking's names, figures and legend (SVG text)
        assert min(sizes(page, "[data-testid='stVegaLiteChart'] svg text")) >= 24
        # the verdict, the figures and the whole ranking without scrolling
        for part in ("[class*='st-key-present_verdict_']", "[class*='st-key-present_tile_']",
                     "[data-testid='stVegaLiteChart']"):
            assert bottom(page, part) <= 1080, part
        first = page.locator("[data-testid='stVegaLiteChart'] svg text",
                             has_text="Hà Nội (trước 01/07/2025)").first  # furthest behind
        assert first.bounding_box()["y"] + first.bounding_box()["height"] <= 1080
        assert page.get_by_text("Số liệu đến hết ngày 31/03/2024", exact=False).count() == 1
        assert page.get_by_text("Khối địa phương: 37,3% · Chỉ tiêu 2024: 30% · Đạt chỉ tiêu",
                                exact=True).is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 1920


def test_slides_rotate_pause_and_step(server):
    assert INTERVAL_MIN <= 5
    with browser_page(1920, 1080) as page:
        page.goto(f"{server}/?present=1&{Q1}&interval={INTERVAL_MIN}&views=nation,bottom10,top10")
        settle(page)
        assert title(page) == NATION
        # without a click: the next slide after about one interval
        waited = wait_title(page, BOTTOM, within_s=INTERVAL_MIN * 4)
        assert waited > 0.5
        wait_title(page, TOP, within_s=INTERVAL_MIN * 4)

        page.locator(".st-key-present_pause button").click()
        page.wait_for_function(
            f"document.querySelector(\"{COUNTER}\").innerText.includes('Đang dừng')",
            timeout=20_000)
        held = title(page)
        page.wait_for_timeout(INTERVAL_MIN * 2500)
        assert title(page) == held  # paused: the slide stays
        order = [NATION, BOTTOM, TOP]
        page.locator(".st-key-present_next button").click()
        wait_title(page, order[(order.index(held) + 1) % 3], within_s=20)
        page.locator(".st-key-present_prev button").click()
        wait_title(page, held, within_s=20)


def test_small_screen_does_not_overflow(server):
    with browser_page(1280, 720) as page:
        page.goto(f"{server}/?present=1&lang=en&{Q1}&interval=600&views=nation,map,bottom10,top10")
        settle(page)
        for n in range(4):
            if n:
                before = title(page)
                page.locator(".st-key-present_next button").click()
                page.wait_for_function(
                    f"document.querySelector(\"{TITLE}\").innerText.trim() !== {before!r}",
                    timeout=30_000)
                settle(page)
            page.wait_for_timeout(1500)  # charts and the map size themselves
            assert page.evaluate("document.documentElement.scrollWidth") <= 1280, title(page)
            overflowing = page.locator("[data-testid='stText']").evaluate_all(
                "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)")
            assert not overflowing, (title(page), overflowing)
            for chart in page.locator("[data-testid='stVegaLiteChart'], "
                                      "[data-testid='stDeckGlJsonChart']").all():
                box = chart.bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, title(page)


def test_a_new_load_shows_without_reloading(server, database):
    """Last in this module: it adds a load to the server's database."""
    new_dossiers = ".st-key-present_value_1 [data-testid='stText']"
    with browser_page(1920, 1080) as page:
        page.goto(f"{server}/?present=1&{Q1}&interval={INTERVAL_MIN}&views=nation")
        settle(page)
        assert page.locator(new_dossiers).inner_text().strip() == "1.550"
        page.evaluate("window.sameDocument = true")  # gone if the page were reloaded
        row = dict.fromkeys(fixture_data.COLS) | {
            "period_start": date(2024, 3, 1), "period_end": date(2024, 3, 31), "agency_id": 3,
            "locality_code": "63:79", "field_code": "G13-TN02", "procedure_code": "1.004227",
            "received_online": 450, "received_full_online": 0, "received_direct": 0,
            "received_postal": 0, "load_id": 2}
        rows = pd.DataFrame([row])
        for c in fixture_data.COLS:
            rows[c] = rows[c].astype("Int64")
        db = Database(database)
        with db.transaction() as conn:
            bulk_insert(conn, schema.data_loads, pd.DataFrame([{
                "id": 2, "kind": "import", "file_name": "march.xlsx", "rows": 1,
                "loaded_by": "tests", "loaded_at": datetime(2026, 11, 23, 9, 0),
                "outcome": "ok"}]))
            bulk_insert(conn, schema.dossier_stats, rows)
        db.dispose()
        # the server reads the data's version every 30 s; the slide reruns every interval
        page.wait_for_function(
            f"document.querySelector(\"{new_dossiers}\").innerText.trim() === '2.000'",
            timeout=90_000)
        assert page.evaluate("window.sameDocument === true")
