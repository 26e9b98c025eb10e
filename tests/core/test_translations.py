"""Every user-facing string has a Dutch translation, and the .po files match the source."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pioneers"


def _untranslated(po_file: Path) -> str:
    """The untranslated and fuzzy entries of a .po file, as text; empty when there are none.

    GNU gettext's msgfmt counts them (multi-line messages included); msgattrib lists them.
    """
    statistics = subprocess.run(
        ["msgfmt", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    if "untranslated" not in statistics and "fuzzy" not in statistics:
        return ""
    listing = "".join(
        subprocess.run(
            ["msgattrib", option, "--no-obsolete", str(po_file)], capture_output=True, text=True
        ).stdout
        for option in ("--untranslated", "--only-fuzzy")
    )
    return f"{statistics.strip()}\n{listing}"


@pytest.fixture(scope="module")
def regenerated_dutch_po(tmp_path_factory) -> Path:
    """The Dutch .po file as makemessages would make it from today's templates and code."""
    copy = tmp_path_factory.mktemp("source") / "pioneers"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pioneers.cli",
            "makemessages",
            "-l",
            "nl",
            "--no-obsolete",
            "-v",
            "0",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return copy / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_every_string_in_the_source_has_a_dutch_translation(regenerated_dutch_po):
    missing = _untranslated(regenerated_dutch_po)
    assert not missing, (
        "Strings without a Dutch translation (run `make messages`, then translate them in "
        f"pioneers/locale/nl/LC_MESSAGES/django.po):\n{missing}"
    )


def test_committed_dutch_file_has_no_untranslated_or_fuzzy_entries():
    assert _untranslated(PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po") == ""
