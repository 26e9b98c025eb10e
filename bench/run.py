"""Benchmark of the public site as production runs it: `make bench`, results in bench/results/.

What it does, in order:

1. Copies the demo database (var/ or $PIONEERS_DATA_DIR) and its secret key into a temporary data
   directory, then migrates it and collects the static files there. Without a demo database it
   runs `pioneers setup` in the temporary directory instead. The real data is never written to.
2. Starts gunicorn with 2 sync workers and DEBUG off on a free port of 127.0.0.1, without the
   task worker and without an access log, and waits for /healthz.
3. Saves the HTML of every page in PAGES and serves those bytes from memory under the same
   gunicorn (bench/static_app.py): the baseline. Dynamic req/s divided by baseline req/s is the
   share of the server's capacity left once Django and Wagtail do their work, a figure that is
   comparable between machines where absolute req/s are not.
4. Runs `wrk --latency` against both servers for every page at every concurrency, interleaved so
   both see the same machine conditions, then reads the workers' memory from /proc.
5. The "mixed" row: all cached pages in turn at concurrency 32, read-only and then while another
   process (bench/registrations.py) makes registrations against the same database at
   WRITES_PER_SECOND; its req/s as a share of the read-only run's is the figure. Before caches
   knew what they depend on, every registration emptied every cached page.
6. Prints a table with the targets next to the figures and writes the JSON.

A missed target is reported, never turned into a failing exit status: this is a measurement, not a
test. The exit status is non-zero only when the benchmark itself could not run.

BENCH_DURATION (seconds, default 20) sets the length of each wrk run, e.g. BENCH_DURATION=3 for a
quick check of the harness. BENCH_PAGES (names from PAGES, separated by commas) measures only
those pages, e.g. BENCH_PAGES=call,programme after a change to them.
"""

import contextlib
import datetime as dt
import http.client
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import select
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The pages measured, as (name, path). Later issues append their pages here.
PAGES = [
    ("home", "/nl/"),
    ("over", "/nl/over/"),
    ("members", "/nl/leden/"),
    ("schiedam", "/nl/organisaties/schiedam/"),
    ("meetings", "/nl/bijeenkomsten/"),
    ("meeting", "/nl/bijeenkomsten/2019-pioniersconferentie-2019/"),
    ("report", "/nl/verslagen/2019-pioniersconferentie-2019/"),
    (
        "article",
        "/nl/magazine/nr-1-q2-2019/besluiten-per-wijk-actief-openbaar-maken-in-de-praktijk/",
    ),
    ("practice", "/nl/kennisbank/algoritmeregister-met-uitleg-in-gewone-taal/"),
    ("topic", "/nl/onderwerpen/open-data/"),
    ("results", "/nl/resultaten/"),
    ("evaluation", "/nl/verslagen/tussentijdse-evaluatie-2019/"),
    ("survey-results", "/nl/enquetes/tussentijdse-evaluatie-2019/resultaten/"),
    ("commitment", "/nl/actiepunten/nl0037/"),
    ("topic-map", "/nl/onderwerpen/kaart/"),
    # Harvesters and search engines (issue 17): cached XML and text, outside the page cache.
    ("robots", "/robots.txt"),
    ("sitemap", "/sitemap.xml"),
    ("woo-sitemap", "/sitemaps/sitemap-diwoo-infocat008.xml"),
    ("call", "/nl/bijeenkomsten/2019-pioniersconferentie-2019/oproep/"),
    ("programme", "/nl/bijeenkomsten/2019-pioniersconferentie-2019/programma/"),
    ("open-data", "/nl/open-data/"),
    # Issue 17: two list endpoints of the open-data API (20 rows a page, JSON).
    ("api-meetings", "/api/v1/meetings"),
    ("api-organisations", "/api/v1/organisations"),
    # The heaviest lists to build: progress per milestone, and survey figures.
    ("api-commitments", "/api/v1/commitments"),
    ("api-survey-results", "/api/v1/survey-results"),
    ("api-people", "/api/v1/people"),
]
CONCURRENCIES = [8, 32]
WORKERS = 2
WRK_THREADS = 2
# wrk's default 2 s timeout would silently drop the slowest requests from the percentiles.
WRK_TIMEOUT = "10s"
WARMUP_SECONDS = 2

# The targets from the issue. Memory is in MB of 1,000,000 bytes, the stricter reading.
TARGET_PAGE = "home"
# Issue 17: the API's list endpoints.
TARGET_API_RPS = 500
TARGET_CONCURRENCY = 32
TARGET_RPS = 400
TARGET_P99_MS = 150
TARGET_MEMORY_MB = 200
# Pages with a target of their own: req/s at TARGET_CONCURRENCY rendered (page cache off).
RENDERED_TARGETS = {
    "results": 300,
    "survey-results": 300,
    "commitment": 300,
    "topic-map": 300,
    "call": 300,
    "programme": 300,
}
# The mixed row: cached reads while registrations are made, against the same reads alone.
MIXED_CONCURRENCY = 32
WRITES_PER_SECOND = 5
TARGET_MIXED_RATIO = 0.80

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS_DIR = BENCH_DIR / "results"
HOST = "127.0.0.1"
STARTUP_TIMEOUT = 60
PREPARE_TIMEOUT = 600
STOP_TIMEOUT = 10


class BenchError(Exception):
    """The benchmark could not run (as opposed to a missed target)."""


def _raise_system_exit(signum, frame):
    # SIGTERM and SIGHUP unwind like Ctrl-C, so the `finally` blocks stop the servers.
    print(f"\nbench: signal {signum}; stopping the servers", file=sys.stderr)
    raise SystemExit(128 + signum)


# --- preparing the data directory ------------------------------------------------------------


def clean_environment(data_dir: Path) -> dict:
    """The environment of every child: the embedded profile on the copy, whatever the shell says."""
    env = {
        key: value
        for key, value in os.environ.items()
        # A developer's own PIONEERS_* (PIONEERS_DEBUG=1), DATABASE_URL or REDIS_URL would
        # measure another configuration or, worse, touch their real data.
        if not key.startswith("PIONEERS_")
        and key not in {"DATABASE_URL", "REDIS_URL", "GUNICORN_CMD_ARGS", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        PIONEERS_DATA_DIR=str(data_dir),
        PIONEERS_DEBUG="0",
        PIONEERS_LOG_LEVEL="WARNING",
        PIONEERS_LOG_FORMAT="text",
        # No task worker runs during the benchmark, so the demo's queued tasks would age and
        # turn /healthz into a 503; the queue is not what is measured here.
        PIONEERS_TASK_MAX_AGE="86400",
        # wrk asks from one address, far beyond the API's limit per client.
        PIONEERS_API_RATE_PER_MINUTE="100000000",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def pioneers_command(args: list[str], env: dict, log: Path) -> None:
    command = [sys.executable, "-m", "pioneers.cli", *args]
    with log.open("ab") as out:
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=PREPARE_TIMEOUT,
            check=False,
        )
    if result.returncode != 0:
        raise BenchError(f"`pioneers {' '.join(args)}` failed:\n{tail(log)}")


def prepare_data(data_dir: Path, env: dict, log: Path) -> str:
    """Fill data_dir with a copy of the demo; returns how, for the report."""
    source = Path(os.environ.get("PIONEERS_DATA_DIR") or ROOT / "var").resolve()
    database = source / "pioneers.sqlite3"
    if not database.exists():
        pioneers_command(["setup", "--demo", "-v", "0"], env, log)
        return "fresh `pioneers setup` in a temporary directory"
    # SQLite's backup API gives a consistent copy even while a dev server has the database open
    # in WAL mode, where copying the file alone could miss committed pages.
    # Read-only: the benchmark must never be able to change the developer's own data.
    src = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(data_dir / "pioneers.sqlite3")
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    if (source / "secret_key").exists():
        shutil.copy2(source / "secret_key", data_dir / "secret_key")
    # Migrating and collecting (about 3 s) rather than copying static/: the working tree may
    # have changed since the last `make setup`, and a stale manifest would turn pages into 500s.
    pioneers_command(["migrate", "--no-input", "-v", "0"], env, log)
    pioneers_command(["collectstatic", "--no-input", "-v", "0"], env, log)
    return f"copy of {database}, migrated"


# --- servers ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(app: str, env: dict, log: Path, extra: list[str]) -> tuple:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        f"--workers={WORKERS}",
        f"--bind={HOST}:{port}",
        "--config=python:pioneers.gunicorn_conf",
        # No --access-logfile: gunicorn then writes no access log, which would cost time per
        # request and is not part of what is measured.
        "--error-logfile=-",
        "--log-level=warning",
        "--graceful-timeout=5",
        *extra,
    ]
    with log.open("ab") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            # Its own session: Ctrl-C reaches only this script, which then stops the server in
            # order, and the whole group (master and workers) can be killed if it hangs.
            start_new_session=True,
        )
    return process, port


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_TIMEOUT)
    # The group is this server's own session; killing it also reaps workers the master left.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=STOP_TIMEOUT)


def get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    # http.client rather than urllib: a redirect must show up as a redirect, not be followed.
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def cache_header(port: int, path: str) -> str | None:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.getheader("X-Cache")
    finally:
        connection.close()


def wait_ready(process: subprocess.Popen, port: int, path: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last = "no answer"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"the server on port {port} exited:\n{tail(log)}")
        try:
            status, body = get(port, path, timeout=2)
            if status == 200:
                return
            last = f"{status} {body[:300]!r}"
        except OSError as error:
            last = str(error)
        time.sleep(0.2)
    raise BenchError(f"{path} on port {port} did not answer 200 within {STARTUP_TIMEOUT} s: {last}")


def worker_pids(master: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name in parentheses may contain spaces; the fields after it do not.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == master:
            children.append(int(entry.name))
    return sorted(children)


def memory_of(pid: int) -> dict:
    """Resident (RSS) and proportional (PSS) memory of one process, in MB."""

    def field(path: Path, name: str) -> int:
        for line in path.read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1]) * 1024
        raise BenchError(f"no {name} in {path}")

    proc = Path("/proc") / str(pid)
    return {
        "pid": pid,
        "rss_mb": round(field(proc / "status", "VmRSS") / 1e6, 1),
        # PSS splits pages shared since the --preload fork between the workers; the RSS sum
        # counts them twice, so it is the pessimistic figure and PSS the realistic one.
        "pss_mb": round(field(proc / "smaps_rollup", "Pss") / 1e6, 1),
    }


# --- wrk -------------------------------------------------------------------------------------

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _milliseconds(value: str, unit: str) -> float:
    return round(float(value) * _UNITS_MS[unit], 2)


def parse_wrk(output: str) -> dict:
    """The figures of `wrk --latency` output: req/s, percentiles in ms, and every error count."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    total = re.search(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h),", output, re.MULTILINE)
    if not rps or not total:
        raise BenchError(f"unexpected wrk output:\n{output}")
    result = {
        "rps": float(rps.group(1)),
        "requests": int(total.group(1)),
        "seconds": _milliseconds(total.group(2), total.group(3)) / 1000,
    }
    for percent, value, unit in re.findall(
        r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.MULTILINE
    ):
        result[f"p{percent}_ms"] = _milliseconds(value, unit)
    if "p99_ms" not in result:
        raise BenchError(f"no latency distribution in wrk output:\n{output}")
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    names = ("connect", "read", "write", "timeout")
    result["socket_errors"] = dict(
        zip(names, map(int, socket_errors.groups()) if socket_errors else (0,) * 4, strict=True)
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non_2xx_3xx"] = int(non_2xx.group(1)) if non_2xx else 0
    result["errors"] = sum(result["socket_errors"].values()) + result["non_2xx_3xx"]
    return result


def run_wrk(
    port: int,
    path: str,
    concurrency: int,
    seconds: int,
    threads: int = WRK_THREADS,
    script: Path | None = None,
):
    command = [
        "wrk",
        "--latency",
        f"-t{threads}",
        f"-c{concurrency}",
        f"-d{seconds}s",
        f"--timeout={WRK_TIMEOUT}",
        *(["-s", str(script)] if script else []),
        f"http://{HOST}:{port}{path}",
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 30, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"wrk did not finish: {' '.join(command)}") from error
    if result.returncode != 0:
        raise BenchError(f"wrk failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return parse_wrk(result.stdout)


def checked(measurement, server: subprocess.Popen, log: Path, *args):
    """Runs one measurement; when it fails, says whether the server died and why."""
    try:
        return measurement(*args)
    except BenchError as error:
        state = "still running" if server.poll() is None else f"exited with {server.returncode}"
        detail = f"server (pid {server.pid}) {state}; its log:\n{tail(log)}"
        raise BenchError(f"{error}\n{detail}") from None


# --- report ----------------------------------------------------------------------------------


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _command_output(command: list[str]) -> str:
    try:
        return subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=10, check=False
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def machine_info(packages=("django", "wagtail", "gunicorn")) -> dict:
    """The machine, the commit and the versions of ``packages``: what a figure was measured on."""
    cpu_model = ""
    memory_total_mb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_total_mb = round(int(line.split()[1]) * 1024 / 1e6)
    except OSError:
        pass
    commit = _command_output(["git", "rev-parse", "HEAD"])
    dirty = bool(_command_output(["git", "status", "--porcelain"]))
    versions = {}
    for package in packages:
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = None
    wrk_version = _command_output(["wrk", "--version"]).splitlines()
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": cpu_model,
        "memory_total_mb": memory_total_mb,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "git_commit": commit or None,
        # Uncommitted changes make the commit an approximation of what was measured.
        "git_dirty": dirty,
        "versions": {**versions, "wrk": wrk_version[0] if wrk_version else None},
    }


# --- other load on the machine ------------------------------------------------------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# Above this share of all CPUs taken by other processes, a run's figures are not comparable.
OTHER_CPU_WARNING = 0.10


def _system_cpu() -> tuple[float, float]:
    """CPU seconds since boot summed over all CPUs: (total, busy)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    total = sum(fields)  # user nice system idle iowait irq softirq steal
    idle = fields[3] + fields[4]
    return total / CLOCK_TICKS, (total - idle) / CLOCK_TICKS


def _process_cpu(pids: list[int]) -> float:
    seconds = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime
    return seconds


def cpu_snapshot(masters: list[int]) -> tuple[float, float, float]:
    """(total, busy, ours): ours is this script, wrk (a waited-for child) and the servers."""
    pids = [*masters, *(worker for master in masters for worker in worker_pids(master))]
    total, busy = _system_cpu()
    own = os.times()
    ours = own.user + own.system + own.children_user + own.children_system + _process_cpu(pids)
    return total, busy, ours


def other_cpu_share(before: tuple, after: tuple) -> float:
    """Share of all CPUs that processes other than the benchmark's used between two snapshots.

    On a small shared machine (a test run next to the benchmark) this is what makes two runs
    differ, so every measurement records it.
    """
    total = after[0] - before[0]
    other = (after[1] - before[1]) - (after[2] - before[2])
    return round(max(0.0, other) / total, 3) if total > 0 else 0.0


def evaluate_targets(results: list[dict], memory: dict, mixed: dict | None = None) -> list[dict]:
    targets = []
    for row in results:
        if row["page"] == TARGET_PAGE and row["concurrency"] == TARGET_CONCURRENCY:
            dynamic = row["dynamic"]
            label = TARGET_PAGE + (" rendered" if row.get("variant") else "")
            targets.append(
                {
                    "name": f"{label} req/s at concurrency {TARGET_CONCURRENCY}",
                    "target": f">= {TARGET_RPS}",
                    "value": dynamic["rps"],
                    "met": dynamic["rps"] >= TARGET_RPS,
                }
            )
            targets.append(
                {
                    "name": f"{label} p99 at concurrency {TARGET_CONCURRENCY} (ms)",
                    "target": f"< {TARGET_P99_MS}",
                    "value": dynamic["p99_ms"],
                    # Timed-out requests have no latency, so a run with errors cannot meet it.
                    "met": dynamic["p99_ms"] < TARGET_P99_MS and dynamic["errors"] == 0,
                }
            )
    for row in results:
        target = RENDERED_TARGETS.get(row["page"])
        if target and row.get("variant") and row["concurrency"] == TARGET_CONCURRENCY:
            targets.append(
                {
                    "name": f"{row['page']} rendered req/s at concurrency {TARGET_CONCURRENCY}",
                    "target": f">= {target}",
                    "value": row["dynamic"]["rps"],
                    "met": row["dynamic"]["rps"] >= target and row["dynamic"]["errors"] == 0,
                }
            )
    for row in results:
        api_row = row["page"].startswith("api-") and not row.get("variant")
        if api_row and row["concurrency"] == TARGET_CONCURRENCY:
            targets.append(
                {
                    "name": f"{row['page']} req/s at concurrency {TARGET_CONCURRENCY}",
                    "target": f">= {TARGET_API_RPS}",
                    "value": row["dynamic"]["rps"],
                    "met": row["dynamic"]["rps"] >= TARGET_API_RPS
                    and row["dynamic"]["errors"] == 0,
                }
            )
    targets.append(
        {
            "name": f"RSS of the {WORKERS} workers together (MB)",
            "target": f"< {TARGET_MEMORY_MB}",
            "value": memory["rss_mb"],
            "met": memory["rss_mb"] < TARGET_MEMORY_MB,
        }
    )
    # RSS counts the pages the forked workers share once per worker; PSS splits them fairly.
    targets.append(
        {
            "name": f"PSS of the {WORKERS} workers together (MB)",
            "target": f"< {TARGET_MEMORY_MB}",
            "value": memory["pss_mb"],
            "met": memory["pss_mb"] < TARGET_MEMORY_MB,
        }
    )
    if mixed is not None:
        targets.append(
            {
                "name": f"mixed / read-only req/s ({WRITES_PER_SECOND} reg./s)",
                "target": f">= {TARGET_MIXED_RATIO:.2f}",
                "value": mixed["ratio"],
                "met": mixed["ratio"] >= TARGET_MIXED_RATIO and mixed["mixed"]["errors"] == 0,
            }
        )
    return targets


def other_cpu(row: dict) -> float:
    """The worse of the two runs of a row: either one skews the ratio."""
    return max(row["dynamic"]["other_cpu"], row["static"]["other_cpu"])


def mark(met: bool) -> str:
    return "met" if met else "MISSED <<<"


def _figure(value: float) -> str:
    """A ratio (below 10) with its decimals, req/s, ms and MB with one."""
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def print_report(report: dict) -> None:
    machine = report["machine"]
    config = report["config"]
    commit = (machine["git_commit"] or "unknown")[:10]
    if machine["git_dirty"]:
        commit += " (with uncommitted changes)"
    print()
    print(f"Pioneers benchmark {report['timestamp']}, commit {commit}")
    print(
        f"{machine['nproc']} CPUs ({machine['cpu_model'] or 'unknown'}), "
        f"Python {machine['python']}, Django {machine['versions']['django']}, "
        f"Wagtail {machine['versions']['wagtail']}"
    )
    print(
        f"gunicorn {config['workers']} sync workers, DEBUG off, {config['database']}; "
        f"wrk -t{config['wrk_threads']}, {config['duration_s']} s per run"
    )
    print("Baseline: the same HTML served from memory by the same gunicorn, measured in this run.")
    print()
    header = (
        f"{'page':<8} {'path':<14} {'conc':>4} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'errors':>6} | {'base req/s':>10} {'base p99':>8} {'ratio':>6} | {'other CPU':>9}"
    )
    print(header)
    print("-" * len(header))
    for row in report["results"]:
        dynamic, static = row["dynamic"], row["static"]
        name = row["page"] + ("*" if row.get("variant") == "rendered" else "")
        print(
            f"{name:<8} {row['path']:<14} {row['concurrency']:>4} "
            f"{dynamic['rps']:>8.1f} {dynamic['p50_ms']:>8.1f} {dynamic['p99_ms']:>8.1f} "
            f"{dynamic['errors']:>6} | {static['rps']:>10.1f} {static['p99_ms']:>8.1f} "
            f"{row['ratio']:>6.3f} | {other_cpu(row):>9.0%}"
        )
    print("* rendered on every request (page cache off), as for a logged-in member.")
    mixed = report.get("mixed")
    if mixed:
        writer = mixed["writer"]
        print()
        print(
            f"Mixed: the {len(PAGES)} pages above in turn from the page cache, concurrency "
            f"{mixed['concurrency']}, alone and while another process registers "
            f"{mixed['writes_per_second']} a second"
        )
        for name in ("read_only", "mixed"):
            row = mixed[name]
            label = name.replace("_", "-")
            print(
                f"  {label:<9} {row['rps']:>8.1f} req/s  p50 {row['p50_ms']:>6.1f} "
                f"ms  p99 {row['p99_ms']:>6.1f} ms  errors {row['errors']}  "
                f"other CPU {row['other_cpu']:.0%}"
            )
        print(
            f"  ratio     {mixed['ratio']:>8.3f}  ({writer.get('made', 0)} registrations made, "
            f"{writer.get('rate', 0):.1f}/s, {writer.get('failed', 0)} failed"
            + (f": {writer['first_error']}" if writer.get("first_error") else "")
            + ")"
        )
    noisy = [row for row in report["results"] if other_cpu(row) > OTHER_CPU_WARNING]
    if noisy:
        print(
            f"WARNING: in {len(noisy)} of {len(report['results'])} rows other processes used more "
            f"than {OTHER_CPU_WARNING:.0%} of the CPUs; repeat on a quiet machine."
        )
    print()
    memory = report["memory"]
    workers = ", ".join(
        f"pid {w['pid']}: RSS {w['rss_mb']:.1f} / PSS {w['pss_mb']:.1f}" for w in memory["workers"]
    )
    print(
        f"Memory of the {len(memory['workers'])} workers after the load (MB): "
        f"RSS {memory['rss_mb']:.1f}, PSS {memory['pss_mb']:.1f}  ({workers})"
    )
    print()
    print("Targets (reported, never failing the run):")
    for target in report["targets"]:
        print(
            f"  {target['name']:<38} {_figure(target['value']):>8}  target {target['target']:<6} "
            f"{mark(target['met'])}"
        )
    missed = sum(not t["met"] for t in report["targets"])
    total = len(report["targets"])
    print(f"  {missed} of {total} targets MISSED" if missed else "  all targets met")


# --- main ------------------------------------------------------------------------------------


def duration_from_env() -> int:
    raw = os.environ.get("BENCH_DURATION", "20")
    try:
        seconds = int(raw)
    except ValueError:
        raise BenchError(f"BENCH_DURATION={raw!r} is not a whole number of seconds") from None
    if seconds < 1:
        raise BenchError("BENCH_DURATION must be at least 1 second")
    return seconds


def pages_from_env() -> None:
    """Keep only the pages BENCH_PAGES names (all of them without it)."""
    raw = os.environ.get("BENCH_PAGES", "").strip()
    if not raw:
        return
    wanted = [name.strip() for name in raw.split(",") if name.strip()]
    known = {name for name, _ in PAGES}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise BenchError(f"BENCH_PAGES names unknown pages: {', '.join(unknown)}")
    PAGES[:] = [(name, path) for name, path in PAGES if name in wanted]


def rotation_script(path: Path) -> Path:
    """A wrk script that asks for every page of PAGES in turn."""
    paths = ", ".join(json.dumps(p) for _, p in PAGES)
    path.write_text(
        f"local paths = {{{paths}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i + 1\n"
        '  return wrk.format("GET", paths[(i % #paths) + 1])\n'
        "end\n"
    )
    return path


def start_writer(env: dict, log: Path) -> subprocess.Popen:
    """bench/registrations.py, against the server's database and cache; waits for "ready"."""
    with log.open("ab") as err:
        process = subprocess.Popen(
            [sys.executable, str(BENCH_DIR / "registrations.py"), str(WRITES_PER_SECOND)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            start_new_session=True,
        )
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            if line.strip() == "ready":
                return process
            if not line:
                break
            if line.startswith("{"):
                raise BenchError(f"the registrations could not start: {line.strip()}")
        elif process.poll() is not None:
            break
    stop(process)
    raise BenchError(f"the registrations did not start:\n{tail(log)}")


def stop_writer(process: subprocess.Popen) -> dict:
    """Stops the registrations; what they did, from their last line."""
    process.send_signal(signal.SIGTERM)
    try:
        out, _ = process.communicate(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        stop(process)
        return {"error": "did not stop"}
    lines = [line for line in out.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": "no summary"}


def measure_mixed(server, port: int, env: dict, log: Path, work: Path, duration: int) -> dict:
    """The cached pages in turn, read-only and then with registrations at WRITES_PER_SECOND."""
    script = rotation_script(work / "pages.lua")
    first = PAGES[0][1]
    run_wrk(port, first, WORKERS * 2, min(WARMUP_SECONDS, duration), threads=1, script=script)
    print(f"  all pages in turn, read-only, concurrency {MIXED_CONCURRENCY} ...", flush=True)
    snapshot = cpu_snapshot([server.pid])
    read_only = checked(
        run_wrk, server, log, port, first, MIXED_CONCURRENCY, duration, WRK_THREADS, script
    )
    read_only["other_cpu"] = other_cpu_share(snapshot, cpu_snapshot([server.pid]))
    print(
        f"  all pages in turn, {WRITES_PER_SECOND} registrations a second, concurrency "
        f"{MIXED_CONCURRENCY} ...",
        flush=True,
    )
    writer = start_writer(env, log)
    try:
        masters = [server.pid, writer.pid]
        snapshot = cpu_snapshot(masters)
        mixed = checked(
            run_wrk, server, log, port, first, MIXED_CONCURRENCY, duration, WRK_THREADS, script
        )
        mixed["other_cpu"] = other_cpu_share(snapshot, cpu_snapshot(masters))
    finally:
        summary = stop_writer(writer)
    return {
        "concurrency": MIXED_CONCURRENCY,
        "writes_per_second": WRITES_PER_SECOND,
        "paths": [p for _, p in PAGES],
        "read_only": read_only,
        "mixed": mixed,
        "writer": summary,
        "ratio": round(mixed["rps"] / read_only["rps"], 4) if read_only["rps"] else 0.0,
    }


def check_tools() -> None:
    if shutil.which("wrk") is None:
        raise BenchError("wrk is not installed: `apt-get install wrk` (or run `make bench`)")
    for module in ("gunicorn", "pioneers"):
        if importlib.util.find_spec(module) is None:
            raise BenchError(f"{module} is not importable: run with .venv/bin/python")


def measure(work: Path, duration: int) -> dict:
    data_dir = work / "data"
    static_dir = work / "static-pages"
    data_dir.mkdir()
    static_dir.mkdir()
    log = work / "server.log"
    env = clean_environment(data_dir)

    # On a small machine another process (a test run) takes CPU the servers need; the figure
    # goes into the report so such a run can be recognised and repeated.
    before = cpu_snapshot([])
    time.sleep(1)
    busy = other_cpu_share(before, cpu_snapshot([]))
    if busy > OTHER_CPU_WARNING:
        print(f"warning: other processes already use {busy:.0%} of the CPUs", flush=True)
    print(f"Preparing a copy of the demo in {data_dir} ...", flush=True)
    database = prepare_data(data_dir, env, log)

    servers = []
    try:
        django, django_port = start_gunicorn("pioneers.wsgi:application", env, log, [])
        servers.append(django)
        wait_ready(django, django_port, "/healthz", log)
        print(f"Pioneers (gunicorn, {WORKERS} workers) on http://{HOST}:{django_port}", flush=True)

        # The baseline serves exactly what the site answered, saved once.
        saved = {}
        for name, path in PAGES:
            status, body = get(django_port, path)
            if status != 200:
                raise BenchError(f"{path} answered {status}, not 200: {body[:300]!r}")
            filename = f"{name}.html"
            (static_dir / filename).write_bytes(body)
            saved[path] = filename
        (static_dir / "pages.json").write_text(json.dumps(saved))
        static_env = {**env, "BENCH_STATIC_DIR": str(static_dir)}
        static, static_port = start_gunicorn(
            "static_app:application", static_env, log, [f"--pythonpath={BENCH_DIR}"]
        )
        servers.append(static)
        wait_ready(static, static_port, PAGES[0][1], log)
        print(f"Baseline (same HTML from memory) on http://{HOST}:{static_port}", flush=True)

        # Warm-up: each worker compiles templates and fills its caches on first use; that
        # one-off cost is not what a running site pays per request.
        for _, path in PAGES:
            for port in (django_port, static_port):
                run_wrk(port, path, WORKERS * 2, min(WARMUP_SECONDS, duration), threads=1)

        results = []
        for name, path in PAGES:
            size = (static_dir / saved[path]).stat().st_size
            for concurrency in CONCURRENCIES:
                print(f"  {name} {path} at concurrency {concurrency} ...", flush=True)
                # Interleaved, so a change in machine load affects both figures alike.
                masters = [django.pid, static.pid]
                snapshot = cpu_snapshot(masters)
                dynamic = checked(run_wrk, django, log, django_port, path, concurrency, duration)
                between = cpu_snapshot(masters)
                baseline = checked(run_wrk, static, log, static_port, path, concurrency, duration)
                dynamic["other_cpu"] = other_cpu_share(snapshot, between)
                baseline["other_cpu"] = other_cpu_share(between, cpu_snapshot(masters))
                results.append(
                    {
                        "page": name,
                        "path": path,
                        "bytes": size,
                        "concurrency": concurrency,
                        "dynamic": dynamic,
                        "static": baseline,
                        "ratio": round(dynamic["rps"] / baseline["rps"], 4)
                        if baseline["rps"]
                        else None,
                    }
                )

        pids = worker_pids(django.pid)
        if len(pids) != WORKERS:
            print(f"warning: found {len(pids)} workers, expected {WORKERS}", flush=True)
        workers = [memory_of(pid) for pid in pids]
        memory = {
            "workers": workers,
            "rss_mb": round(sum(w["rss_mb"] for w in workers), 1),
            "pss_mb": round(sum(w["pss_mb"] for w in workers), 1),
            "master": memory_of(django.pid),
        }
        mixed = measure_mixed(django, django_port, env, log, work, duration)
        stop(django)

        # The same pages rendered on every request (page cache off): what a logged-in member,
        # and the first visitor after any change, costs. Compared with the same baseline.
        rendered_env = {**env, "PIONEERS_PAGE_CACHE_SECONDS": "0"}
        rendered, rendered_port = start_gunicorn("pioneers.wsgi:application", rendered_env, log, [])
        servers.append(rendered)
        wait_ready(rendered, rendered_port, "/healthz", log)
        for _, path in PAGES:
            run_wrk(rendered_port, path, WORKERS * 2, min(WARMUP_SECONDS, duration), threads=1)
            if cache_header(rendered_port, path) == "hit":
                raise BenchError(f"{path} came from the page cache on the rendering server")
        for row in list(results):
            if row["concurrency"] != TARGET_CONCURRENCY:
                continue
            print(f"  {row['page']} {row['path']} rendered, concurrency {TARGET_CONCURRENCY} ...")
            dynamic = checked(
                run_wrk, rendered, log, rendered_port, row["path"], TARGET_CONCURRENCY, duration
            )
            dynamic["other_cpu"] = row["dynamic"]["other_cpu"]
            results.append(
                {
                    **row,
                    "variant": "rendered",
                    "dynamic": dynamic,
                    "ratio": round(dynamic["rps"] / row["static"]["rps"], 4),
                }
            )
    finally:
        # A second Ctrl-C while stopping would otherwise leave a server running.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            for process in reversed(servers):
                stop(process)
        finally:
            signal.signal(signal.SIGINT, previous)

    errors = tail(log, 200)
    return {
        "config": {
            "duration_s": duration,
            "warmup_s": min(WARMUP_SECONDS, duration),
            "wrk_threads": WRK_THREADS,
            "wrk_timeout": WRK_TIMEOUT,
            "workers": WORKERS,
            "concurrencies": CONCURRENCIES,
            "pages": [{"name": n, "path": p} for n, p in PAGES],
            "database": database,
        },
        "other_cpu_before": busy,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "results": results,
        "mixed": mixed,
        "memory": memory,
        "server_log_tail": errors.splitlines()[-50:] if errors else [],
    }


def main() -> int:
    signal.signal(signal.SIGTERM, _raise_system_exit)
    signal.signal(signal.SIGHUP, _raise_system_exit)
    started = dt.datetime.now(dt.UTC)
    work = Path(tempfile.mkdtemp(prefix="pioneers-bench-"))
    try:
        check_tools()
        duration = duration_from_env()
        pages_from_env()
        measured = measure(work, duration)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nbench: interrupted; servers stopped", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report = {
        "timestamp": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine_info(),
        **measured,
    }
    report["targets"] = evaluate_targets(report["results"], report["memory"], report["mixed"])
    print_report(report)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nWritten to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
