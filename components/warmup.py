"""Warm a server process before the room arrives, and Streamlit's browser protocol spoken from
Python (the warm-up's session, and benchmarks/load.py's simulated users).

The warm-up: when a process first reads the data, and whenever the data version changes (a
load, seen by components/data.py), a background thread of that process opens a session on
its own port, as a browser would, and views the default period's overview and map and the
page of every province and ministry of the default unit set, in both languages, one after
another. Every cache those views use (query results, rankings, chart specs, display strings,
the map's deck) is then filled in this process; each process of `make serve` warms its own.
A page never waits for it: the warm-up is one more session among the users'. After a load the
other sessions go on with the previous version until the warm-up is done, then all switch
(components/data.status): the warm-up's session alone sees the new version, recognised by a
header of its websocket carrying a token of this process. Off with DVC_WARMUP=0; never inside
AppTest.

The protocol: GET / (the page), GET /_stcore/health (sets the XSRF cookie); the websocket
/_stcore/stream carries the
"streamlit" subprotocol and the token; the client sends BackMsg rerun requests (the page, the
query string, the hashes of the messages it has cached) and reads ForwardMsgs up to the run's
`script_finished`, a cached message arriving as a reference to its hash.
"""
from __future__ import annotations

import asyncio
import collections
import gc
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

import websockets
from streamlit.logger import get_logger
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

log = get_logger("dvc.warmup")  # Streamlit's handler: the line shows in the server's log
STREAM_PATH = "_stcore/stream"
VIEW_TIMEOUT = 120.0
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY: "ok",
            ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile_error",
            ForwardMsg.FINISHED_EARLY_FOR_RERUN: "rerun",
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY: "ok"}


# --- the protocol ------------------------------------------------------------------------------

def rerun_request(query: str, page_name: str = "", page_hash: str = "",
                  cached: tuple[str, ...] = (), url: str = "", widgets=()) -> bytes:
    """The BackMsg a browser sends to run a page: on opening a URL (page_name from its path)
    or on a link (the page's script hash), with the hashes of the messages it caches and the
    state of the page's widgets (WidgetState protos)."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_name = page_name
    state.page_script_hash = page_hash
    state.cached_message_hashes.extend(cached)
    state.widget_states.widgets.extend(widgets)
    info = state.context_info
    info.timezone, info.timezone_offset, info.locale = "Asia/Bangkok", -420, "vi-VN"
    info.url, info.color_scheme = url, "light"
    return msg.SerializeToString()


@dataclass
class View:
    """One page view: its time to `script_finished`, bytes received, elements, error."""
    page: str
    lang: str
    started: float
    took: float = 0.0
    received: int = 0
    error: str | None = None
    elements: collections.Counter = field(default_factory=collections.Counter)
    cached_refs: int = 0


async def http_get(host: str, port: int, path: str, cookies: dict | None = None
                   ) -> tuple[dict, bytes]:
    """A minimal HTTP/1.1 GET (what the browser does before the websocket): the cookies set,
    the body."""
    reader, writer = await asyncio.open_connection(host, port)
    jar = "".join(f"Cookie: {k}={v}\r\n" for k, v in (cookies or {}).items())
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/html\r\n"
                 f"{jar}Connection: close\r\n\r\n".encode())
    await writer.drain()
    raw = await reader.read()
    writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    cookies = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "set-cookie":
            k, _, v = value.strip().split(";")[0].partition("=")
            cookies[k] = v
    if status != 200:
        raise RuntimeError(f"GET {path}: HTTP {status}")
    return cookies, body


class Session:
    """One browser tab: its cookies, websocket, message cache and the app's pages."""

    def __init__(self, base: str, headers: dict | None = None):
        parts = urlsplit(base)
        self.headers = headers or {}
        self.host, self.port = parts.hostname, parts.port or 80
        self.base = base.rstrip("/")
        self.prefix = parts.path.strip("/")
        self.ws = None
        self.session_id = ""
        self.query = ""  # the query string of the page shown, as the browser's URL has it
        self.elements: list = []  # the last view's elements (Element protos)
        self.cookies: dict[str, str] = {}
        self.pages: dict[str, str] = {}  # url path → page script hash
        self.cache: dict[str, tuple[ForwardMsg, int]] = {}  # hash → (message, age)
        self.max_age = 2

    async def open(self, path: str, params: dict, page: str | None = None) -> View:
        """A new tab on a URL: GET / (the page), GET /_stcore/health (the XSRF cookie), the
        websocket, the first run."""
        view = View(page or path or "overview", params.get("lang", "vi"), time.perf_counter())
        try:
            root = f"/{self.prefix}/" if self.prefix else "/"
            self.cookies, body = await http_get(self.host, self.port, root)
            more, _ = await http_get(self.host, self.port, f"{root}_stcore/health", self.cookies)
            self.cookies.update(more)
            view.received += len(body)
            xsrf = self.cookies.get("_streamlit_xsrf", "")
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
                       **self.headers}
            self.ws = await websockets.connect(
                f"ws://{self.host}:{self.port}{root}{STREAM_PATH}",
                origin=f"http://{self.host}:{self.port}",
                subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],
                additional_headers=headers, compression=None, proxy=None,
                max_size=200 * 2 ** 20, ping_interval=None, open_timeout=VIEW_TIMEOUT)
            self.query = urlencode(params)
            await self.ws.send(rerun_request(self.query, page_name=path,
                                             url=self._url(path, params)))
            await self._until_finished(view)
        except Exception as exc:  # noqa: BLE001 - a failed view is counted, not fatal
            view.error = view.error or f"{type(exc).__name__}: {exc}"[:200]
        view.took = time.perf_counter() - view.started
        return view

    async def go(self, path: str, params: dict | None, page: str | None = None,
                 widgets=()) -> View:
        """A click on a link (the target page's script hash and its query string) or, with
        params None, on a widget of the page shown (its URL's query string and the widgets'
        states); with the hashes of the messages this tab has cached."""
        if params is not None:
            self.query = urlencode(params)
        view = View(page or path or "overview", (params or {}).get("lang", "vi"),
                    time.perf_counter())
        try:
            await self.ws.send(rerun_request(
                self.query, page_hash=self.pages.get(path, ""),
                page_name="" if path in self.pages else path, cached=tuple(self.cache),
                url=f"{self.base}/{path}?{self.query}", widgets=widgets))
            await self._until_finished(view)
        except Exception as exc:  # noqa: BLE001
            view.error = view.error or f"{type(exc).__name__}: {exc}"[:200]
        view.took = time.perf_counter() - view.started
        return view

    def _url(self, path: str, params: dict) -> str:
        return f"{self.base}/{path}?{urlencode(params)}"

    async def upload_urls(self, names: list[str]):
        """Where the browser may upload files for this session (FileURLs protos)."""
        msg = BackMsg()
        msg.file_urls_request.request_id = "upload"
        msg.file_urls_request.file_names.extend(names)
        msg.file_urls_request.session_id = self.session_id
        await self.ws.send(msg.SerializeToString())
        while True:
            reply = ForwardMsg.FromString(await asyncio.wait_for(self.ws.recv(), VIEW_TIMEOUT))
            if reply.WhichOneof("type") == "file_urls_response":
                return list(reply.file_urls_response.file_urls)

    async def _until_finished(self, view: View) -> None:
        used = set()
        self.elements = []
        while True:
            data = await asyncio.wait_for(self.ws.recv(), VIEW_TIMEOUT)
            view.received += len(data)
            msg = ForwardMsg.FromString(data)
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":  # a message this tab cached: read it from the cache
                if msg.ref_hash not in self.cache:
                    view.error = "reference to a message not in the cache"
                    continue
                used.add(msg.ref_hash)
                view.cached_refs += 1
                msg = self.cache[msg.ref_hash][0]
                kind = msg.WhichOneof("type")
            elif msg.metadata.cacheable:
                self.cache[msg.hash] = (msg, 0)
                used.add(msg.hash)
            if kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id
                self.max_age = msg.new_session.config.max_cached_message_age or 2
            elif kind == "navigation":  # the pages and their script hashes, as links use them
                self.pages = {p.url_pathname: p.page_script_hash
                              for p in msg.navigation.app_pages}
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                etype = element.WhichOneof("type")
                view.elements[etype] += 1
                self.elements.append(element)
                if etype == "exception":
                    view.error = f"exception: {element.exception.message[:150]}"
                elif etype == "alert" and element.alert.format == Alert.ERROR:
                    view.error = f"error: {element.alert.body[:150]}"
            elif kind == "page_not_found":
                view.error = "page not found"
            elif kind == "script_finished":
                status = FINISHED.get(msg.script_finished, "?")
                if status == "rerun":  # the page asked for another run: wait for it
                    continue
                if status != "ok":
                    view.error = f"script finished: {status}"
                self._age(used)
                return

    def _age(self, used: set) -> None:
        """The browser's rule: a cached message not used for max_age runs is dropped."""
        for h, (m, age) in list(self.cache.items()):
            age = 0 if h in used else age + 1
            if age > self.max_age:
                del self.cache[h]
            else:
                self.cache[h] = (m, age)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


# --- the warm-up -------------------------------------------------------------------------------

@dataclass
class State:
    wanted: int | None = None  # the data version to warm
    warmed: int | None = None
    views: int = 0
    errors: int = 0
    seconds: float = 0.0
    thread: threading.Thread | None = None


STATE = State()
HEADER = "X-Dvc-Warmup"
TOKEN = secrets.token_hex(16)  # this process's warm-up session says so with this
_lock = threading.Lock()
_wake = threading.Event()


def enabled() -> bool:
    """Whether this process warms itself: a server, not AppTest nor a script."""
    from streamlit import config
    from streamlit.runtime import Runtime

    return os.environ.get("DVC_WARMUP", "1") != "0" and Runtime.exists() and \
        not config.get_option("global.appTest")


def in_warmup_session() -> bool:
    """Whether the current script run is the warm-up's (its websocket carries TOKEN)."""
    import streamlit as st

    try:
        return st.context.headers.get(HEADER) == TOKEN
    except Exception:  # noqa: BLE001 - not in a script run
        return False


def data_changed(status: dict) -> None:
    """The data a process reads has a (new) version: warm this process in the background."""
    if not status.get("ready") or not enabled():
        return
    with _lock:
        STATE.wanted = status["version"]
        if STATE.thread is None or not STATE.thread.is_alive():
            STATE.thread = threading.Thread(target=_loop, name="dvc-warmup", daemon=True)
            STATE.thread.start()
    _wake.set()


def _loop() -> None:
    from components import data

    while True:
        try:
            data.status()  # read again every STATUS_SECONDS: a load elsewhere shows here
            if STATE.wanted != STATE.warmed:
                _warm(STATE.wanted)
        except Exception:  # noqa: BLE001 - the warm-up must never take the server down
            log.exception("warm-up failed")
        _wake.wait(data.STATUS_SECONDS)
        _wake.clear()


def server_url() -> str:
    """This process's own address, as its configuration gives it."""
    from streamlit import config

    address = config.get_option("server.address") or "127.0.0.1"
    if address in ("0.0.0.0", "::"):
        address = "127.0.0.1"
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"http://{address}:{config.get_option('server.port')}" + (f"/{base}" if base else "")


def views() -> list[tuple[str, dict]]:
    """The default period's views the room opens: the overview and the map, and every
    province and ministry of the default unit set, in both languages."""
    from components import data
    from domain.coverage import last_complete
    from domain.eras import era_of

    complete = last_complete(data.month_coverage()) or data.status()["last"]
    locs = data.localities()
    units = locs[(locs["era"] == era_of(complete)) | (locs["kind"] == "ministry")]
    out = []
    for lang in ("vi", "en"):
        out += [("", {"lang": lang}), ("map", {"lang": lang})]
        out += [("province", {"lang": lang, "province": code})
                for code in units["gso_code"].where(units["kind"] != "ministry", units["code"])]
    return out


def _warm(version: int) -> None:
    from components import data

    started = time.perf_counter()
    todo = views()

    async def run() -> list[View]:
        session = Session(server_url(), headers={HEADER: TOKEN})
        done = [await session.open(*todo[0])]
        for path, params in todo[1:]:
            if STATE.wanted != version:  # a newer load: start again with it
                break
            done.append(await session.go(path, params))
        await session.close()
        return done

    try:
        done = asyncio.run(run())
    finally:
        data.publish(version)  # warm or not, the new version shows now
    STATE.views, STATE.errors = len(done), sum(1 for v in done if v.error)
    STATE.seconds = time.perf_counter() - started
    if STATE.wanted == version:
        STATE.warmed = version
    # What the warm-up built lives as long as the process: keep the collector off it (what
    # an earlier warm-up froze is let go first, so that replaced caches can be freed).
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    log.info("warm-up of data version %s: %d views in %.1f s, %d with an error", version,
             STATE.views, STATE.seconds, STATE.errors)
