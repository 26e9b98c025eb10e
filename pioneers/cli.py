"""The `pioneers` command: Django management for operators, plus `setup` and `serve`.

`pioneers serve` runs the web server (gunicorn) and the background-task worker together and
stops both on Ctrl-C. Every other sub-command is a Django management command
(`pioneers migrate`, `pioneers demo`, `pioneers createsuperuser`, ...).
"""

import os
import signal
import subprocess
import sys
import time

import django
from django.conf import settings
from django.core.management import execute_from_command_line

from pioneers.env import ConfigurationError, env_int, env_str

BANNER = """
Pioneers is running at {url}
{accounts}
Stop with Ctrl-C.
"""
DEMO_ACCOUNTS = """
Demo accounts (embedded demo only):
  coordinator  {coordinator}  password: {password}
  member       {member}       password: {password}
"""


def _django_setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pioneers.settings")
    django.setup()


HOUSEKEEPING_INTERVAL = 60  # seconds


def _serve(argv):
    # Imported here: the loader imports models, which exist only after _django_setup().
    from pioneers.demo import loader as demo

    host = env_str("PIONEERS_HOST", "127.0.0.1")
    port = env_int("PIONEERS_PORT", 8000, minimum=1)
    workers = env_int("PIONEERS_WEB_WORKERS", 2, minimum=1)
    accounts = ""
    if demo.demo_accounts_exist():
        accounts = DEMO_ACCOUNTS.format(
            coordinator=demo.COORDINATOR_EMAIL,
            member=demo.MEMBER_EMAIL,
            password=demo.DEMO_PASSWORD,
        )
    web = [
        sys.executable,
        "-m",
        "gunicorn",
        "pioneers.wsgi:application",
        "--config=python:pioneers.gunicorn_conf",
        f"--bind={host}:{port}",
        f"--workers={workers}",
        # A line per request only when asked for (PIONEERS_LOG_LEVEL=INFO, production's
        # default): in the embedded profile the terminal is where people read the emails.
        *(["--access-logfile=-"] if settings.LOG_LEVEL in ("DEBUG", "INFO") else []),
        "--error-logfile=-",
        "--log-level=warning",
        "--graceful-timeout=5",
        *argv,
    ]
    if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_rq"):
        worker = [
            *(sys.executable, "-m", "pioneers.cli", "rqworker", "default"),
            *("--with-scheduler", "--job-class", "django_tasks_rq.Job"),
        ]
    else:
        worker = [sys.executable, "-m", "pioneers.cli", "db_worker", "--no-reload"]
    housekeeping = [sys.executable, "-m", "pioneers.cli", "housekeeping"]

    stopping = False

    def stop(signum=None, frame=None):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    processes = []
    chore = None
    exit_code = 0
    try:
        processes = [subprocess.Popen(web), subprocess.Popen(worker)]
        print(BANNER.format(url=f"http://{host}:{port}", accounts=accounts), flush=True)
        next_chore = time.monotonic()
        while not stopping:
            if any(p.poll() is not None for p in processes):
                print("pioneers: a server process stopped; stopping the others", file=sys.stderr)
                exit_code = 1
                break
            if time.monotonic() >= next_chore and (chore is None or chore.poll() is not None):
                chore = subprocess.Popen(housekeeping)
                next_chore = time.monotonic() + HOUSEKEEPING_INTERVAL
            time.sleep(0.5)
    finally:
        running = [p for p in [*processes, chore] if p is not None and p.poll() is None]
        for process in running:
            process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return exit_code


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        _django_setup()
        if argv[:1] == ["serve"]:
            return _serve(argv[1:])
        execute_from_command_line(["pioneers", *argv])
    except ConfigurationError as error:
        print(f"pioneers: configuration error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
