"""Terminal: readable lines from WARNING in the embedded profile, JSON in production."""

import json
import logging
import os
import re
import subprocess
import sys

from pioneers.core.logging import JsonFormatter, TextFormatter

# Run in a fresh process: the profile is chosen from the environment when settings load. The
# task worker's own start-up sets its loggers to INFO (verbosity 1), as under `pioneers serve`.
SCRIPT = """
import logging, os
os.environ["DJANGO_SETTINGS_MODULE"] = "pioneers.settings"
import django
django.setup()
from django.conf import settings
from django.core.mail import send_mail
from django_tasks_db.management.commands.db_worker import Command
Command().configure_logging(1)
tasks = logging.getLogger("django_tasks")
tasks.info("Task id=1 path=wagtail.tasks.update_reference_index_task state=RUNNING")
tasks.warning("Taak 2 duurde lang")
send_mail("Welkom in ’s-Hertogenbosch", "Bevestig: https://example.org/nl/a?b=1", None,
          ["a@example.org"])
"""


def _run(tmp_path, **variables) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL") and not key.startswith("PIONEERS_")
    }
    env.update(PIONEERS_DATA_DIR=str(tmp_path), PYTHONIOENCODING="utf-8", **variables)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    return result.stdout


def _record(level, message):
    return logging.makeLogRecord(
        {"name": "django_tasks", "levelno": level, "levelname": logging.getLevelName(level),
         "msg": message}
    )  # fmt: skip


def test_text_formatter_writes_a_warning_as_one_line_with_time_level_logger_and_message():
    line = TextFormatter().format(_record(logging.WARNING, "Taak één duurde lang"))
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d WARNING django_tasks: Taak één duurde lang", line
    )


def test_json_formatter_still_writes_one_object_per_line():
    entry = json.loads(JsonFormatter().format(_record(logging.INFO, "Taak één")))
    assert entry["level"] == "INFO" and entry["message"] == "Taak één"


def test_the_embedded_terminal_shows_warnings_as_text_not_the_task_workers_info_lines(tmp_path):
    output = _run(tmp_path)
    assert "state=RUNNING" not in output
    assert re.search(r"^\S+ \S+ WARNING django_tasks: Taak 2 duurde lang$", output, re.M)
    assert "{" not in output  # no JSON
    # The console email backend of the embedded profile prints the email readably.
    assert "Subject:  Welkom in ’s-Hertogenbosch\n" in output
    assert "To:       a@example.org\n" in output
    assert "Bevestig: https://example.org/nl/a?b=1\n" in output


def test_production_logs_json_from_info_up(tmp_path):
    output = _run(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    entries = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    messages = {(entry["level"], entry["message"]) for entry in entries}
    assert ("INFO", "Task id=1 path=wagtail.tasks.update_reference_index_task state=RUNNING") in (
        messages
    )
    assert ("WARNING", "Taak 2 duurde lang") in messages


def test_the_log_format_and_level_can_be_chosen(tmp_path):
    output = _run(tmp_path, PIONEERS_LOG_FORMAT="json", PIONEERS_LOG_LEVEL="INFO")
    assert '"message": "Task id=1 path=wagtail.tasks.update_reference_index_task' in output
