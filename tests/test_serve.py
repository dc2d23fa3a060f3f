"""`make serve`: two app processes behind Debian's nginx (deploy/serve.py), driven through the
proxy as browsers drive them (components/warmup.Session: the XSRF cookie, the websocket
protocol): sessions spread over both processes, every request of a session — its websocket
and its upload — on its own process, an import while the processes serve, and the same
elements as real Chromium."""
from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.WidgetStates_pb2 import WidgetState

from components.warmup import Session
from data_access.db import Database
from tests import fixture_data
from tests.browser import free_port, require_chromium
from tests.conftest import ROOT
from tests.test_import_corpus import flat_csv, flat_row

Q1 = {"lang": "vi", "from": "2024-01", "to": "2024-03"}


def require_nginx() -> None:
    if shutil.which("nginx") or Path("/usr/sbin/nginx").exists():
        return
    message = "nginx not found (apt-get install nginx; .ci/run does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """deploy/serve.py with two processes on the hand-made database; yields the proxy's URL
    and the database."""
    require_nginx()
    tmp = tmp_path_factory.mktemp("serve")
    db = Database(f"duckdb:///{tmp / 'serve.duckdb'}")
    fixture_data.build(db, sample=True)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "deploy/serve.py", "--workers", "2", "--port", str(port),
         "--run-dir", str(tmp / "run")], cwd=ROOT,
        env={**os.environ, "DVC_DATABASE_URL": db.url}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    ready = threading.Event()

    def read():
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("serving "):
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(120):
            pytest.fail("deploy/serve.py did not start:\n" + "".join(lines[-40:]))
        yield f"http://127.0.0.1:{port}", db
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run(coro):
    return asyncio.run(coro)


def test_sessions_spread_over_both_processes(served):
    base, _ = served

    async def users():
        sessions = [Session(base) for _ in range(4)]
        views = [await s.open("", dict(Q1)) for s in sessions]
        pages = [await s.go("province", {**Q1, "province": "01"}) for s in sessions]
        for s in sessions:
            await s.close()
        return sessions, views, pages

    sessions, views, pages = run(users())
    assert [v.error for v in views + pages] == [None] * 8
    assert all(v.elements["metric"] > 0 for v in views)
    titles = [e.heading.body for e in sessions[0].elements if e.WhichOneof("type") == "heading"]
    assert "Hà Nội (trước 01/07/2025)" in titles
    # the page load names the process, each in turn; the session's websocket went there
    assert sorted(s.cookies.get("dvc_worker") for s in sessions) == ["w0", "w0", "w1", "w1"]


def test_the_same_elements_as_chromium(served):
    """What a simulated session receives for the overview is what Debian's Chromium draws
    (before the upload test below loads more data)."""
    require_chromium()
    from benchmarks.load import chromium_elements

    base, _ = served
    query = "lang=en&from=2024-01&to=2024-03"
    browser, sent = chromium_elements(f"{base}/?{query}")

    async def ours():
        s = Session(base)
        view = await s.open("", {"lang": "en", "from": "2024-01", "to": "2024-03"})
        await s.close()
        return view

    view = run(ours())
    assert view.error is None
    assert browser == view.elements
    assert sent["query_string"] == query and sent["page_name"] == ""


def _widget(elements, kind: str, key: str):
    return next(e for e in elements if e.WhichOneof("type") == kind
                and getattr(e, kind).id.endswith(key))


def test_an_upload_reaches_its_session_and_loads_while_both_processes_serve(served):
    """The /data page through the proxy: the file goes to the session's process (Streamlit
    refuses an upload for a session it does not hold), the load writes the shared DuckDB file
    while other sessions keep viewing pages on both processes, without an error."""
    base, db = served
    data = flat_csv([flat_row()])

    async def upload_and_load():
        s = Session(base)
        view = await s.open("data", {"lang": "vi"})
        assert view.error is None
        uploader = _widget(s.elements, "file_uploader", "data_upload").file_uploader
        [urls] = await s.upload_urls(["thang4.csv"])
        reply = await asyncio.to_thread(
            requests.put, base + urls.upload_url, files={"file": ("thang4.csv", data)},
            headers={"X-Xsrftoken": s.cookies["_streamlit_xsrf"],
                     "Cookie": "; ".join(f"{k}={v}" for k, v in s.cookies.items())},
            timeout=30)
        assert reply.status_code == 204, reply.text
        state = WidgetState(id=uploader.id)
        info = state.file_uploader_state_value.uploaded_file_info.add(
            name="thang4.csv", size=len(data), file_id=urls.file_id)
        info.file_urls.CopyFrom(urls)
        view = await s.go("data", None, widgets=[state])
        assert view.error is None
        load = _widget(s.elements, "button", "data_load_btn").button
        assert not load.disabled  # the page has the file
        view = await s.go("data", None,
                          widgets=[state, WidgetState(id=load.id, trigger_value=True)])
        await s.close()
        alerts = [e.alert for e in s.elements if e.WhichOneof("type") == "alert"]
        return view, alerts

    async def viewers(stop: asyncio.Event):
        sessions = [Session(base) for _ in range(4)]
        views = [await s.open("", dict(Q1)) for s in sessions]
        while not stop.is_set():
            for s in sessions:
                views.append(await s.go("province", {**Q1, "province": "79"}))
        for s in sessions:
            await s.close()
        return views

    async def both():
        stop = asyncio.Event()
        watching = asyncio.create_task(viewers(stop))
        try:
            loaded = await upload_and_load()
        finally:
            stop.set()
        return loaded, await watching

    (view, alerts), watched = run(both())
    assert view.error is None
    assert not [a.body for a in alerts if a.format == Alert.ERROR]
    assert [a for a in alerts if a.format == Alert.SUCCESS and "thang4.csv" in a.body]
    assert [v.error for v in watched if v.error] == []
    loads = db.query(sa.text("select outcome, file_name from data_loads order by id"))
    assert list(loads["file_name"])[-1] == "thang4.csv" and list(loads["outcome"])[-1] == "ok"
