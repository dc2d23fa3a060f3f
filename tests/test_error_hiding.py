"""Errors name the problem, never a path, a process id or a traceback: the details go to the
server's log (components/context.py guard and page_setup; Streamlit's own error box shows no
details, client.showErrorDetails = "none")."""
import logging
import re
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import data
from tests.apptest import run as run_page

ROOT = Path(__file__).resolve().parent.parent
SECRET = "/tmp/secret/path pid 12345"
# a path, a process id, a traceback's lines or an exception's class name
LEAKS = re.compile(r"/tmp/|/work/|\.venv|site-packages|\.duckdb|\bpid\b|12345|Traceback|"
                   r"File \"|line \d+|\b[A-Z]\w*(Error|Exception)\b")


def run(page: str = "app.py", **params) -> AppTest:
    return run_page(page, **{"from": "2024-01", "to": "2024-03", **params})


def screen_text(at: AppTest) -> str:
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "error", "success", "exception"):
        parts += [str(getattr(e, "value", e)) for e in getattr(at, kind)]
    return "\n".join(parts)


def test_streamlit_shows_no_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


@pytest.mark.parametrize("page, params", [
    ("app.py", {}), ("pages/province.py", {"province": "01", "units": "63"}),
])
def test_a_page_error_shows_the_problem_not_the_exception(app_db, monkeypatch, caplog, page,
                                                          params):
    def broken(*_, **__):
        raise RuntimeError(f"cannot open {SECRET}")
    monkeypatch.setattr(data, "totals", broken)
    with caplog.at_level(logging.ERROR, logger="dvc"):
        at = run(page, **params)
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors == ["Không hiển thị được phần này do một lỗi bất ngờ. Chi tiết đã được ghi "
                      "vào nhật ký của máy chủ."]
    assert not LEAKS.search(screen_text(at)), LEAKS.search(screen_text(at))
    assert SECRET in caplog.text and "Traceback" in caplog.text  # the log has it all


def test_a_read_that_waited_for_a_writer_says_so(app_db, monkeypatch):
    def locked(*_, **__):
        raise TimeoutError(f"database lock: a writer holds {SECRET} for more than 30 s")
    monkeypatch.setattr(data, "totals", locked)
    at = run(lang="en")
    assert [e.value for e in at.error] == [
        "The database has been busy (a load is writing) for too long; reload the page in a few "
        "minutes."]
    assert not LEAKS.search(screen_text(at))


def test_an_unreadable_database_shows_no_path(tmp_path, monkeypatch, caplog):
    from tests.conftest import point_app_at

    secret = tmp_path / "secret" / "pid12345"
    secret.mkdir(parents=True)
    path = secret / "broken.duckdb"
    path.write_bytes(b"not a database " * 1000)
    gen = point_app_at(path, monkeypatch)
    next(gen)
    try:
        with caplog.at_level(logging.ERROR, logger="dvc"):
            at = run("pages/what_if.py")
    finally:
        next(gen, None)
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Không đọc được cơ sở dữ liệu. Chi tiết đã được ghi vào nhật ký của máy chủ; hãy báo bộ "
        "phận kỹ thuật."]
    assert str(tmp_path) not in screen_text(at) and not LEAKS.search(screen_text(at))
    assert str(path) in caplog.text  # which database, for the technical team
