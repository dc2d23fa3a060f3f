"""Where a view's CPU goes in a running server: py-spy samples the server process (every
thread, only while it holds the GIL) while one session views a page again and again through
the websocket protocol; the samples are summed per function of the app and per line where the
app hands over to a library. A benchmark, not a test: it prints figures.

    # py-spy is a profiler, not a dependency of the app: install it apart, e.g.
    python3 -m venv /tmp/pyspy && /tmp/pyspy/bin/pip install py-spy
    python -m benchmarks.profile --url http://127.0.0.1:8501 --py-spy /tmp/pyspy/bin/py-spy \\
        --page province --param province=24 --seconds 20

The server's process is the one listening on the URL's port (or --pid). py-spy needs to
ptrace it (root, or the same user with ptrace allowed).
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import _listening_pid, check_url  # noqa: E402
from components.warmup import Session  # noqa: E402

APP = re.compile(r"\((?:/work/main/)?(components|domain|data_access|pages)/|\((app|province|"
                 r"agency|procedure|map|methodology|data)\.py")


def summarise(raw: Path, top: int) -> None:
    """Per app function (inclusive), and per app line that called into a library."""
    functions, lines = collections.Counter(), collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        total += int(n)
        app = [f for f in stack.split(";") if APP.search(f)]
        if app:
            lines[app[-1]] += int(n)
        for f in {re.sub(r":\d+\)", ")", f) for f in app}:
            functions[f] += int(n)
    print(f"{total} samples")
    for title, counter in (("app function, inclusive", functions),
                           ("app line calling a library (or running)", lines)):
        print(f"--- {title}")
        for f, n in counter.most_common(top):
            print(f"{100 * n / max(total, 1):5.1f}%  {f[:140]}")


async def drive(url: str, page: str, params: dict, seconds: float) -> int:
    session = Session(url)
    await session.open("", {"lang": params.get("lang", "vi")})
    await session.go(page, params)  # warm
    views, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:
        view = await session.go(page, params)
        views += 1
        if view.error:
            print(view.error)
    await session.close()
    return views


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:8501")
    ap.add_argument("--pid", type=int, default=None)
    ap.add_argument("--py-spy", default="py-spy")
    ap.add_argument("--page", default="", help="the page's path: '' (overview), province, …")
    ap.add_argument("--param", action="append", default=[], help="name=value, repeatable")
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    check_url(args.url)
    if not 0 < args.seconds <= 300:
        sys.exit("--seconds: at most 300")
    pid = args.pid or next(iter(_listening_pid(int(args.url.rsplit(":", 1)[1].split("/")[0]))),
                           None)
    if pid is None:
        sys.exit(f"no process listens at {args.url}")
    params = {"lang": "vi", **dict(p.split("=", 1) for p in args.param)}
    raw = Path(tempfile.mkdtemp()) / "profile.txt"
    spy = subprocess.Popen([args.py_spy, "record", "-p", str(pid), "-r", "250", "--gil",
                            "-f", "raw", "-o", str(raw), "-d", str(int(args.seconds) + 2)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    views = asyncio.run(drive(args.url, args.page, params, args.seconds))
    _, err = spy.communicate(timeout=args.seconds + 60)
    if not raw.exists():
        sys.exit(f"py-spy wrote nothing: {err[-500:]}")
    print(f"{views} views of /{args.page}?{params} in {args.seconds:.0f} s (process {pid})")
    summarise(raw, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
