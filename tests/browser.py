"""End-to-end test support: a real Streamlit server on loopback and Debian's Chromium driven
by Playwright (never a downloaded browser)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("DVC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
    "--use-gl=swiftshader", "--enable-unsafe-swiftshader",  # WebGL for pydeck maps
]


def require_chromium() -> None:
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    message = f"Chromium not found at {CHROMIUM} (apt-get install chromium; .ci/run does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(database_url: str, port: int | None = None, args: tuple = (),
                     env: dict | None = None):
    """Start `streamlit run app.py` on a (free) loopback port, with more command-line `args`
    (e.g. --secrets.files) and environment; yield its base URL."""
    port = port or free_port()
    # no background warm-up: it would compete with the test for the machine's two cores
    env = {"DVC_WARMUP": "0", **os.environ, **(env or {}), "DVC_DATABASE_URL": database_url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"streamlit did not start:\n{out[-3000:]}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def served(tmp_path_factory, name: str, build):
    """A Streamlit server on a fresh DuckDB file that `build(db)` fills."""
    require_chromium()
    from data_access.db import Database

    path = tmp_path_factory.mktemp(name) / f"{name}.duckdb"
    build(Database(f"duckdb:///{path}"))
    with streamlit_server(f"duckdb:///{path}") as base:
        yield base


@contextmanager
def browser_page(width: int = 1600, height: int = 1000):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        try:
            yield page
        finally:
            browser.close()


def wait_idle(page, timeout_s: float = 60) -> None:
    """Wait until Streamlit has finished running the script (no status widget twice)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_s * 1000)
    # Every page has a title; before it shows, the script has not run yet.
    page.wait_for_selector("h1", timeout=timeout_s * 1000)
    deadline, quiet = time.monotonic() + timeout_s, 0
    while time.monotonic() < deadline and quiet < 3:
        running = page.locator("[data-testid='stStatusWidget']").count() + \
            page.locator("[data-testid='stSkeleton']").count()
        quiet = quiet + 1 if running == 0 else 0
        page.wait_for_timeout(300)
    assert not page.locator("[data-testid='stException']").count(), \
        page.locator("[data-testid='stException']").first.inner_text()


def metric_value(page, label: str) -> str:
    """The value of the first tile whose label is exactly `label`."""
    exact = page.locator("[data-testid='stMetricLabel']").get_by_text(label, exact=True)
    tile = page.locator("[data-testid='stMetric']", has=exact).first
    return tile.locator("[data-testid='stMetricValue']").inner_text().strip()
