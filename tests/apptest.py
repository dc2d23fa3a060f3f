"""AppTest runs of the app's pages."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def run(page: str = "app.py", **params) -> AppTest:
    """One run of a page with these query parameters. Pages run through the entry point, as
    in the browser, so that links between pages resolve."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if page != "app.py":
        at.switch_page(page)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()
