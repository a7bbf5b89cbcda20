"""Live servers for the benchmarks: free ports, `atlas serve` (granian or gunicorn), nginx, RSS.

Everything here talks to 127.0.0.1 only, and every wait and load loop is bounded in time.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ATLAS = Path(sys.executable).with_name("atlas")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def default_workers() -> int:
    """The worker count `atlas serve` picks by default (one per core, at most 8)."""
    return min(os.cpu_count() or 1, 8)


def start_atlas(
    port: int, workers: int, geodata: Path | None = None, server: str = "granian"
) -> subprocess.Popen:
    """Start `atlas serve` (preloaded, on ``server``) as a subprocess; its output is discarded."""
    command = [str(ATLAS), "serve", "--port", str(port), "--workers", str(workers)]
    command += ["--server", server]
    if geodata is not None:
        command += ["--geodata", str(geodata)]
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def ensure_debian_tools(packages: dict[str, str]) -> None:
    """Install the missing commands (command: Debian package) when run as root, else say how."""
    missing = [package for command, package in packages.items() if not shutil.which(command)]
    if missing and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
    elif missing:
        print(f"missing: sudo apt-get install -y {' '.join(missing)}")


NGINX_CONF = """daemon off; worker_processes auto; pid {d}/nginx.pid; error_log {d}/error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; tcp_nopush on; {serving}
  client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fcgi;
  uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
  server {{ listen 127.0.0.1:{port}; root {d}/www; }} }}
"""


def start_nginx(port: int, tmp: Path, files: dict[str, bytes], serving: str) -> subprocess.Popen:
    """Start Debian's nginx serving ``files`` (path: bytes) from ``tmp``/www on ``port``.

    ``serving`` holds the http block's own directives (types, compression): the reference is
    set up to answer as the atlas does.
    """
    for name, body in files.items():
        (tmp / "www" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "www" / name).write_bytes(body)
    (tmp / "nginx.conf").write_text(NGINX_CONF.format(d=tmp, port=port, serving=serving))
    for path in [tmp, *tmp.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # nginx workers run as nobody
    return subprocess.Popen(
        ["nginx", "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")],
        start_new_session=True,
    )


def wait_until_answered(url: str, process: subprocess.Popen, timeout: float = 60) -> float:
    """Poll ``url`` until it answers 200; return the seconds waited (raise if it never does)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    """Stop a server we started (its own session) and reap it."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def children(pid: int) -> list[int]:
    """Return the pids whose parent is ``pid`` (the workers, for the server's main process)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def rss_mb(pid: int) -> float:
    """Resident set size of one process in MB (VmRSS from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_ticks(pids: list[int]) -> int:
    """User plus system clock ticks used so far by these processes (gone ones count 0)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total


def wait_idle(master: int, timeout: float = 90) -> None:
    """Wait until a server and its workers stop using CPU (requests queued by a load finish)."""
    deadline = time.monotonic() + timeout
    before = cpu_ticks([master, *children(master)])
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = cpu_ticks([master, *children(master)])
        if now - before < 5:
            return
        before = now


def pss_mb(pid: int) -> float:
    """Proportional set size in MB: shared copy-on-write pages split among the processes."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def python_load(
    port: int, path: str, seconds: float, connections: int, max_requests: int = 10**6
) -> dict:
    """A bounded load generator (used when wrk is missing): latencies in ms and a count."""
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker() -> None:
        while time.monotonic() < deadline and len(latencies) < max_requests:
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                conn.close()
                ok = response.status == 200
            except OSError:
                ok = False
            with lock:
                if ok:
                    latencies.append((time.perf_counter() - started) * 1000)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 15)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa: E731
    return {
        "rps": len(latencies) / seconds,
        "p50": pick(0.5),
        "p99": pick(0.99),
        "errors": errors[0],
    }
