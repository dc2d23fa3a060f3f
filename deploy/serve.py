"""Serve the app with N Streamlit processes behind nginx (Debian's package):

    make serve WORKERS=2 PORT=8080          # or: python deploy/serve.py --workers 2 --port 8080

Starts the processes on free loopback ports, writes deploy/nginx.conf.template filled in
into a run folder (/tmp/dvc-serve-PORT: the config, logs, `workers.pid`), starts nginx on
ADDRESS:PORT, opens one session on each process so that each warms its caches
(components/warmup.py), and runs until interrupted (Ctrl-C or SIGTERM stop everything); if a
process dies, everything stops. The processes read the database of DVC_DATABASE_URL (DuckDB
opened read-only by each, shared through data_access/db.py's gate; PostgreSQL for several
machines).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEMPLATE = Path(__file__).with_name("nginx.conf.template")
START_SECONDS = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None)
    if found is None:
        sys.exit("nginx not found: apt-get install nginx (Debian's package)")
    return found


def render(listen: str, ports: list[int], run_dir: Path) -> str:
    """The template with this run's processes."""
    import streamlit

    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in ports)
    upstreams = "\n".join(
        f"    upstream dvc_w{i} {{\n        server 127.0.0.1:{p};\n" + "".join(
            f"        server 127.0.0.1:{q} backup;\n" for q in ports if q != p) + "    }"
        for i, p in enumerate(ports))
    fields = {
        "RUN_DIR": str(run_dir), "LISTEN": listen, "SERVERS": servers,
        "WORKER_UPSTREAMS": upstreams,
        "POOL_MAP": "\n".join(f"        w{i} dvc_w{i};" for i in range(len(ports))),
        "SERVED_MAP": "\n".join(f'        "127.0.0.1:{p}" w{i};' for i, p in enumerate(ports)),
        "STATIC_DIR": str(Path(streamlit.__file__).parent / "static" / "static"),
    }
    text = TEMPLATE.read_text()
    for name, value in fields.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def wait_http(url: str, deadline: float, procs: list[subprocess.Popen]) -> None:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        dead = [p for p in procs if p.poll() is not None]
        if dead or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer" + (
                f" (process {dead[0].args} exited {dead[0].returncode})" if dead else ""))
        time.sleep(0.3)


def kick(ports: list[int]) -> None:
    """One view on each process: its first read of the data starts its warm-up."""
    from components.warmup import Session

    async def one(port: int):
        session = Session(f"http://127.0.0.1:{port}")
        view = await session.open("", {})
        await session.close()
        return view

    async def all_():
        return await asyncio.gather(*(one(p) for p in ports))

    for port, view in zip(ports, asyncio.run(all_())):
        state = f"error: {view.error}" if view.error else f"{view.took:.1f} s"
        print(f"  process on :{port}: first view {state}; warming up in the background")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--address", default="127.0.0.1",
                    help="where nginx listens (0.0.0.0 for the room's network)")
    ap.add_argument("--run-dir", default=None)
    args = ap.parse_args()
    if not 1 <= args.workers <= 64:
        sys.exit("--workers: 1 to 64")
    nginx = nginx_binary()
    run_dir = Path(args.run_dir or f"/tmp/dvc-serve-{args.port}")
    run_dir.mkdir(parents=True, exist_ok=True)
    ports = [free_port() for _ in range(args.workers)]
    procs: list[subprocess.Popen] = []

    def stop(*_):
        for p in reversed(procs):
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
        (run_dir / "workers.pid").unlink(missing_ok=True)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        for i, port in enumerate(ports):
            log = open(run_dir / f"worker-{i}.log", "wb")
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                 "--server.address", "127.0.0.1", "--server.headless", "true"],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT))
        (run_dir / "workers.pid").write_text("\n".join(str(p.pid) for p in procs) + "\n")
        deadline = time.monotonic() + START_SECONDS
        for port in ports:
            wait_http(f"http://127.0.0.1:{port}/_stcore/health", deadline, procs)
        conf = run_dir / "nginx.conf"
        conf.write_text(render(f"{args.address}:{args.port}", ports, run_dir))
        for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (run_dir / sub).mkdir(exist_ok=True)
        check = subprocess.run([nginx, "-t", "-q", "-c", str(conf), "-p", str(run_dir)],
                               capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx refused {conf}:\n{check.stderr}")
        procs.append(subprocess.Popen([nginx, "-c", str(conf), "-p", str(run_dir),
                                       "-g", "daemon off;"]))
        host = "127.0.0.1" if args.address in ("0.0.0.0", "::") else args.address
        wait_http(f"http://{host}:{args.port}/_stcore/health", deadline, procs)
        kick(ports)
        print(f"serving http://{args.address}:{args.port} with {args.workers} processes "
              f"(ports {', '.join(map(str, ports))}; logs and config in {run_dir})", flush=True)
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        dead = next(p for p in procs if p.poll() is not None)
        print(f"{dead.args[0]} exited with {dead.returncode}: stopping", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
