"""Load on a running server, through Streamlit's own websocket protocol: N simulated sessions
that do what a browser does (components/warmup.Session: GET / and /_stcore/health, which sets
the XSRF cookie, the websocket with the "streamlit" subprotocol and the token, rerun requests
with the page and query string, the message cache: cached messages arrive as references and
the session sends their hashes back), each view timed from its request (for a new tab, from
its GET /) to its `script_finished`. A benchmark, not a test: it prints figures.

    # 85 users clicking every ~20 s through random drill paths in both languages, for 120 s
    python -m benchmarks.load --url http://127.0.0.1:8501 --users 85 --think 20 --duration 120
    # 85 users opening the overview at the same moment
    python -m benchmarks.load --url http://127.0.0.1:8501 --burst 85
    # throughput: 16 sessions with no think time for 60 s (views per second)
    python -m benchmarks.load --url http://127.0.0.1:8501 --users 16 --think 0 --ramp 2 \
        --duration 60
    # server CPU per warm view, page by page (one session, views one after another)
    python -m benchmarks.load --url http://127.0.0.1:8501 --cpu 10
    # an import while 85 users work (0 page errors expected)
    python -m benchmarks.load --url ... --users 85 --duration 120 --import-file F --import-at 30
    # the same elements as real Chromium (Debian's), page by page
    python -m benchmarks.load --url http://127.0.0.1:8501 --check-chromium

Per page: views, p50 / p95 / max, errors, KiB received; server CPU per view (the app
processes' user+system time over the run, from /proc) and their peak memory. The server
processes are those `make serve` recorded (`/tmp/dvc-serve-PORT/workers.pid`), else the one
listening on the URL's port, else --pids. Only loopback addresses are accepted; every run is
bounded in users, views and time.
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import ipaddress
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from components.warmup import FINISHED, VIEW_TIMEOUT, Session, View  # noqa: E402

MAX_USERS = 500
MAX_SECONDS = 1800
TICK = os.sysconf("SC_CLK_TCK")
# What a user does after a view, and how often (the first view of a session is the overview).
ACTIONS = (("province", 0.30), ("ministry", 0.08), ("agency", 0.15), ("procedure", 0.10),
           ("map", 0.12), ("overview", 0.15), ("language", 0.06), ("methodology", 0.04))
PAGE_FILES = {"overview": "", "province": "province", "ministry": "province",
              "agency": "agency", "procedure": "procedure", "map": "map",
              "methodology": "methodology"}


# --- targets of the drill paths ------------------------------------------------------------

@dataclass
class Targets:
    provinces: list[str]  # codes of the 34
    ministries: list[str]
    agencies: dict[str, list[int]]  # province code → agency ids of the 34
    procedures: list[str]


def read_targets(url: str) -> Targets:
    """The units a user can open, from the database the server reads (read-only)."""
    import sqlalchemy as sa

    from data_access.db import Database

    db = Database(url)
    try:
        locs = db.query(sa.text("select code, gso_code, era, kind from localities"))
        ags = db.query(sa.text(
            "select id, locality_code from agencies where locality_code like '34:%'"))
        procs = db.query(sa.text("select code from procedures order by code"))
    finally:
        db.dispose()
    provinces = sorted(locs.loc[locs["era"] == "34", "gso_code"])
    agencies: dict[str, list[int]] = collections.defaultdict(list)
    for agency_id, loc in zip(ags["id"], ags["locality_code"]):
        agencies[loc.split(":")[1].split("-")[0]].append(int(agency_id))
    return Targets(provinces, sorted(locs.loc[locs["kind"] == "ministry", "code"]),
                   {k: sorted(v) for k, v in agencies.items()}, list(procs["code"]))


def next_view(rng: random.Random, targets: Targets, page: str, params: dict) -> tuple[str, dict]:
    """A user's next click, keeping the language (and switching it now and then)."""
    action = rng.choices([a for a, _ in ACTIONS], [w for _, w in ACTIONS])[0]
    base = {"lang": params.get("lang", "vi"), "units": "34"}
    if action == "language":
        return page, {**params, "lang": "en" if base["lang"] == "vi" else "vi"}
    if action == "province":
        return "province", {**base, "province": rng.choice(targets.provinces)}
    if action == "ministry":
        return "ministry", {**base, "province": rng.choice(targets.ministries)}
    if action == "agency":
        code = rng.choice([p for p in targets.provinces if targets.agencies.get(p)])
        return "agency", {**base, "agency": str(rng.choice(targets.agencies[code]))}
    if action == "procedure":
        extra = {"province": rng.choice(targets.provinces)} if rng.random() < 0.5 else {}
        return "procedure", {**base, "procedure": rng.choice(targets.procedures), **extra}
    return action, base


# --- the server's processes ------------------------------------------------------------------

def _listening_pid(port: int) -> list[int]:
    """The process listening on a loopback TCP port (from /proc, no tools needed)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            if cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(cols[9])
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                link = os.readlink(fd)
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    pids.append(int(proc.name))
                    break
        except OSError:
            continue
    return pids


def server_pids(url: str, given: str | None) -> list[int]:
    if given:
        return [int(p) for p in given.split(",") if p]
    port = urlsplit(url).port or 80
    recorded = Path(f"/tmp/dvc-serve-{port}/workers.pid")
    if recorded.exists():
        return [int(p) for p in recorded.read_text().split()]
    return _listening_pid(port)


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields_ = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields_[11]) + int(fields_[12])  # utime, stime
        except OSError:
            pass
    return total / TICK


def rss_mib(pids: list[int], key: str = "VmRSS") -> list[float]:
    out = []
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith(key + ":"):
                    out.append(int(line.split()[1]) / 1024)
        except OSError:
            pass
    return out


class Meter:
    """The server's CPU time and memory over a run."""

    def __init__(self, pids: list[int]):
        self.pids = pids
        self.peak_total = 0.0
        self.cpu0 = cpu_seconds(pids)
        self.client0 = time.process_time()
        self._task = None

    async def _sample(self):
        while True:
            self.peak_total = max(self.peak_total, sum(rss_mib(self.pids)))
            await asyncio.sleep(0.5)

    def start(self):
        self._task = asyncio.create_task(self._sample())

    def stop(self) -> dict:
        if self._task:
            self._task.cancel()
        return {"server_cpu_s": cpu_seconds(self.pids) - self.cpu0,
                "client_cpu_s": time.process_time() - self.client0,
                "peak_rss_mib_total": round(self.peak_total, 1),
                "peak_rss_mib_per_process": [round(v, 1) for v in rss_mib(self.pids, "VmHWM")]}


# --- the runs --------------------------------------------------------------------------------

def check_url(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        sys.exit(f"refused: {url} is not a loopback address; load runs only on this machine")


async def run_users(args, targets: Targets) -> tuple[list[View], dict]:
    """Users who open the overview, then click every ~think seconds, for the duration."""
    views: list[View] = []
    end = time.perf_counter() + args.ramp + args.duration
    imports: dict = {}

    async def user(k: int):
        rng = random.Random(args.seed * 1000 + k)
        await asyncio.sleep(rng.uniform(0, args.ramp))
        session = Session(args.url)
        page, params = "overview", {"lang": "vi" if rng.random() < 0.7 else "en", "units": "34"}
        views.append(await session.open(PAGE_FILES[page], params, page))
        try:
            while time.perf_counter() < end and len(views) < args.max_views:
                if args.think:
                    await asyncio.sleep(rng.uniform(0.5, 1.5) * args.think)
                if time.perf_counter() >= end:
                    break
                page, params = next_view(rng, targets, page, params)
                view = await session.go(PAGE_FILES[page], params, page)
                views.append(view)
                if view.error and session.ws is None:
                    break
        finally:
            await session.close()

    async def importer():
        await asyncio.sleep(args.import_at)
        cmd = [sys.executable, "-m", "data_access.importer", args.import_file, "--replace",
               "--url", args.db_url]
        imports["started"] = time.perf_counter()
        proc = await asyncio.create_subprocess_exec(*cmd, cwd=ROOT,
                                                    stdout=asyncio.subprocess.PIPE,
                                                    stderr=asyncio.subprocess.STDOUT)
        out, _ = await proc.communicate()
        imports.update(ended=time.perf_counter(), returncode=proc.returncode,
                       output=out.decode(errors="replace")[-600:])

    tasks = [user(k) for k in range(args.users)]
    if args.import_file:
        tasks.append(importer())
    await asyncio.gather(*tasks)
    return views, imports


async def run_burst(args) -> list[View]:
    """N users opening the overview at the same moment (each a new tab)."""
    gate = asyncio.Event()
    views: list[View] = []

    async def user(k: int):
        session = Session(args.url)
        await gate.wait()
        views.append(await session.open("", {"lang": "vi" if k % 4 else "en"}, "overview"))
        await session.close()

    tasks = [asyncio.create_task(user(k)) for k in range(args.burst)]
    await asyncio.sleep(0.2)
    gate.set()
    await asyncio.gather(*tasks)
    return views


CPU_PAGES = (("overview", {}), ("province", {"province": "24"}),
             ("ministry", {"province": "B-CA"}), ("agency", None),
             ("procedure", {"procedure": "1.001193"}),
             ("procedure", {"procedure": "1.001193", "province": "79"}),
             ("map", {}), ("methodology", {}))


async def run_cpu(args, targets: Targets, pids: list[int]) -> list[tuple[str, float, float]]:
    """One session, page after page: each page once to warm it, then `n` times, measuring the
    server's CPU time of each view (nothing else may run on the server meanwhile)."""
    session = Session(args.url)
    await session.open("", {"lang": "vi"}, "overview")
    rows = []
    for page, extra in CPU_PAGES:
        if extra is None:
            extra = {"agency": str(targets.agencies[targets.provinces[0]][0])}
        for lang in ("vi", "en"):
            params = {"lang": lang, "units": "34", **extra}
            await session.go(PAGE_FILES[page], params, page)  # warm
            cpu, wall = [], []
            for _ in range(args.cpu):
                before = cpu_seconds(pids)
                view = await session.go(PAGE_FILES[page], params, page)
                await asyncio.sleep(0.05)  # the server finishes its bookkeeping
                cpu.append(cpu_seconds(pids) - before)
                wall.append(view.took)
                if view.error:
                    print(f"  {page} {lang}: {view.error}")
            label = f"{page} {' '.join(f'{k}={v}' for k, v in extra.items())} {lang}".strip()
            rows.append((label, statistics.median(cpu), statistics.median(wall)))
    await session.close()
    return rows


def pctl(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def report(views: list[View], wall: float, meter: dict, title: str) -> dict:
    by_page = collections.defaultdict(list)
    for v in views:
        by_page[v.page].append(v)
    print(f"\n{title}: {len(views)} views in {wall:.1f} s ({len(views) / wall:.2f} views/s)")
    print(f"{'page':12} {'views':>6} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'errors':>7} "
          f"{'KiB/view':>9}")
    out = {"views": len(views), "seconds": round(wall, 1),
           "views_per_s": round(len(views) / wall, 2), "pages": {}}
    for page in sorted(by_page, key=lambda p: -len(by_page[p])) + ["all"]:
        group = views if page == "all" else by_page[page]
        took = [v.took for v in group]
        errors = sum(1 for v in group if v.error)
        kib = statistics.mean(v.received for v in group) / 1024
        print(f"{page:12} {len(group):6} {pctl(took, .5):7.2f} {pctl(took, .95):7.2f} "
              f"{max(took):7.2f} {errors:7} {kib:9.0f}")
        out["pages"][page] = {"views": len(group), "p50": round(pctl(took, .5), 3),
                              "p95": round(pctl(took, .95), 3), "max": round(max(took), 3),
                              "errors": errors, "kib_per_view": round(kib, 1)}
    failed = collections.Counter(v.error for v in views if v.error)
    for error, n in failed.most_common(5):
        print(f"  {n} × {error}")
    per_view = meter["server_cpu_s"] / max(1, len(views))
    print(f"server CPU {meter['server_cpu_s']:.1f} s = {per_view * 1000:.0f} ms per view; "
          f"client CPU {meter['client_cpu_s']:.1f} s; server peak memory "
          f"{meter['peak_rss_mib_total']:.0f} MiB in all (per process peak "
          f"{meter['peak_rss_mib_per_process']} MiB)")
    out.update(meter, cpu_ms_per_view=round(per_view * 1000, 1),
               errors=dict(failed))
    return out


# --- the same elements as a real browser -------------------------------------------------------

def chromium_elements(url: str) -> tuple[collections.Counter, dict]:
    """Open a URL in Debian's Chromium and read the websocket frames it receives up to the
    first finished run: the elements drawn, and the rerun request the browser sent."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    elements: collections.Counter = collections.Counter()
    cache: dict[str, ForwardMsg] = {}
    sent: dict = {}
    done = []

    def received(payload):
        if done or isinstance(payload, str):
            return
        msg = ForwardMsg.FromString(payload)
        if msg.metadata.cacheable:
            cache[msg.hash] = msg
        if msg.WhichOneof("type") == "ref_hash":
            msg = cache.get(msg.ref_hash, msg)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            elements[msg.delta.new_element.WhichOneof("type")] += 1
        elif kind == "script_finished" and FINISHED.get(msg.script_finished) == "ok":
            done.append(True)

    def posted(payload):
        if isinstance(payload, bytes) and not sent:
            back = BackMsg.FromString(payload)
            if back.WhichOneof("type") == "rerun_script":
                s = back.rerun_script
                sent.update(query_string=s.query_string, page_name=s.page_name,
                            page_script_hash=s.page_script_hash,
                            cached_message_hashes=len(s.cached_message_hashes))

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.on("websocket", lambda ws: (ws.on("framereceived", received),
                                         ws.on("framesent", posted)))
        page.goto(url)
        deadline = time.monotonic() + VIEW_TIMEOUT
        while not done and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        browser.close()
    return elements, sent


async def check_chromium(args, targets: Targets) -> int:
    checks = [("overview", {"lang": "vi", "units": "34"}),
              ("province", {"lang": "en", "units": "34", "province": targets.provinces[0]}),
              ("map", {"lang": "vi", "units": "34"})]
    worst = 0
    for page, params in checks:
        url = f"{args.url.rstrip('/')}/{PAGE_FILES[page]}?{urlencode(params)}"
        browser, sent = await asyncio.to_thread(chromium_elements, url)
        session = Session(args.url)
        ours = await session.open(PAGE_FILES[page], params, page)
        await session.close()
        same = browser == ours.elements
        worst = worst or (0 if same else 1)
        print(f"{page:10} chromium {sum(browser.values()):3} elements, ours "
              f"{sum(ours.elements.values()):3}: {'same' if same else 'DIFFERENT'}; "
              f"chromium sent {sent}")
        if not same:
            print(f"  chromium only: {dict(browser - ours.elements)}; "
                  f"ours only: {dict(ours.elements - browser)}")
    return worst


async def main_async(args) -> int:
    pids = server_pids(args.url, args.pids)
    print(f"server {args.url}, processes {pids or 'unknown'}")
    targets = read_targets(args.db_url) if not args.burst else None
    if args.check_chromium:
        return await check_chromium(args, targets)
    if args.cpu:
        rows = await run_cpu(args, targets, pids)
        print(f"\n{'page':44} {'CPU ms/view':>12} {'wall ms':>8}")
        for label, cpu, wall in rows:
            print(f"{label:44} {cpu * 1000:12.0f} {wall * 1000:8.0f}")
        median = statistics.median(cpu for _, cpu, _ in rows)
        print(f"median CPU per warm view across pages: {median * 1000:.0f} ms")
        result = {"cpu_ms": {label: round(cpu * 1000, 1) for label, cpu, _ in rows},
                  "median_cpu_ms": round(median * 1000, 1)}
    else:
        meter = Meter(pids)
        meter.start()
        started = time.perf_counter()
        if args.burst:
            views = await run_burst(args)
            title = f"burst of {args.burst} opening the overview"
            imports = {}
        else:
            views, imports = await run_users(args, targets)
            title = f"{args.users} users, think {args.think} s"
        wall = time.perf_counter() - started
        result = report(views, wall, meter.stop(), title)
        if args.burst:
            print(f"all {len(views)} served within {max(v.took for v in views):.2f} s")
            result["all_served_s"] = round(max(v.took for v in views), 2)
        if imports:
            during = [v for v in views if imports["started"] <= v.started + v.took
                      and v.started <= imports["ended"]]
            bad = sum(1 for v in during if v.error)
            print(f"import: exit {imports['returncode']} in "
                  f"{imports['ended'] - imports['started']:.1f} s; {len(during)} views during "
                  f"it, {bad} with an error; p95 during it "
                  f"{pctl([v.took for v in during], .95):.2f} s")
            result["import"] = {"returncode": imports["returncode"],
                                "seconds": round(imports["ended"] - imports["started"], 1),
                                "views_during": len(during), "errors_during": bad,
                                "output": imports["output"]}
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:8501")
    ap.add_argument("--db-url", default=None,
                    help="the database the server reads (for the drill targets); default "
                         "DVC_DATABASE_URL or the app's default")
    ap.add_argument("--users", type=int, default=85)
    ap.add_argument("--think", type=float, default=20.0, help="mean seconds between clicks")
    ap.add_argument("--ramp", type=float, default=None,
                    help="seconds over which users arrive (default: the think time)")
    ap.add_argument("--duration", type=float, default=120.0)
    ap.add_argument("--max-views", type=int, default=20000)
    ap.add_argument("--burst", type=int, default=0, help="users opening the overview at once")
    ap.add_argument("--cpu", type=int, default=0, help="views per page for CPU per view")
    ap.add_argument("--check-chromium", action="store_true")
    ap.add_argument("--import-file", default=None)
    ap.add_argument("--import-at", type=float, default=30.0)
    ap.add_argument("--pids", default=None, help="the server's process ids, comma separated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", default=None, help="write the figures to this file")
    args = ap.parse_args()
    check_url(args.url)
    from data_access.db import database_url
    args.db_url = args.db_url or database_url()
    args.ramp = args.think if args.ramp is None else args.ramp
    if not 0 < max(args.users, args.burst) <= MAX_USERS or \
            args.duration + args.ramp > MAX_SECONDS:
        sys.exit(f"refused: at most {MAX_USERS} users and {MAX_SECONDS} s")
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
