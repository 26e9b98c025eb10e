"""The `pioneers` command: `serve` runs web server and task worker, and Ctrl-C stops both."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(child) for child in handle.read().split()]
    except FileNotFoundError:
        return []


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


def test_serve_answers_and_ctrl_c_stops_web_server_and_worker(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL") and not key.startswith("PIONEERS_")
    }
    port = _free_port()
    env.update(PIONEERS_DATA_DIR=str(tmp_path), PIONEERS_PORT=str(port), PIONEERS_LOG_LEVEL="ERROR")
    command = [sys.executable, "-m", "pioneers.cli"]
    subprocess.run([*command, "setup", "-v", "0"], env=env, check=True, timeout=300)
    server = subprocess.Popen([*command, "serve"], env=env, stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        health = None
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/healthz", timeout=2
                ) as answer:
                    health = json.load(answer)
                    break
            except OSError:
                time.sleep(0.3)
        assert health is not None and health["status"] == "ok"
        # Without the demo, setup made a home page and a privacy statement to fill in.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/nl/privacy/", timeout=10) as page:
            assert "Autoriteit Persoonsgegevens" in page.read().decode()
        children = _children(server.pid)
        commands = [_cmdline(child) for child in children]
        assert any("gunicorn" in c for c in commands), commands
        assert any("db_worker" in c for c in commands), commands
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
        output = server.stdout.read()
        assert "Pioneers is running at http://127.0.0.1:" in output
        assert "GET /healthz" not in output  # no access log below INFO: the terminal is for emails
        time.sleep(0.5)
        assert all(not os.path.exists(f"/proc/{child}") for child in children)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        server.stdout.close()


def test_housekeeping_runs_its_chores_without_error(db):
    from django.core.management import call_command

    call_command("housekeeping")  # on SQLite this includes PRAGMA optimize
