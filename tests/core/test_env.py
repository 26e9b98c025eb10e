"""Settings from the environment: bad values stop start-up with one clear line."""

import subprocess
import sys

import pytest

from pioneers.env import (
    ConfigurationError,
    env_bool,
    env_choice,
    env_float,
    env_int,
    env_list,
    env_url,
)


def test_env_bool_accepts_common_spellings(monkeypatch):
    monkeypatch.setenv("PIONEERS_X", "Yes")
    assert env_bool("PIONEERS_X", False) is True
    monkeypatch.setenv("PIONEERS_X", "0")
    assert env_bool("PIONEERS_X", True) is False


def test_env_bool_rejects_other_values_naming_the_variable(monkeypatch):
    monkeypatch.setenv("PIONEERS_DEBUG", "maybe")
    with pytest.raises(ConfigurationError, match="PIONEERS_DEBUG='maybe' is not a boolean"):
        env_bool("PIONEERS_DEBUG", False)


def test_env_int_rejects_text_and_too_small(monkeypatch):
    monkeypatch.setenv("PIONEERS_PORT", "eighty")
    with pytest.raises(ConfigurationError, match="PIONEERS_PORT"):
        env_int("PIONEERS_PORT", 8000)
    monkeypatch.setenv("PIONEERS_PORT", "0")
    with pytest.raises(ConfigurationError, match="at least 1"):
        env_int("PIONEERS_PORT", 8000, minimum=1)


def test_env_float_takes_fractions_and_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("PIONEERS_OUTREACH_RATE", "0.5")
    assert env_float("PIONEERS_OUTREACH_RATE", 20.0, minimum=0.01) == 0.5
    for bad in ("fast", "0", "-3", "nan", "inf"):
        monkeypatch.setenv("PIONEERS_OUTREACH_RATE", bad)
        with pytest.raises(ConfigurationError, match="PIONEERS_OUTREACH_RATE"):
            env_float("PIONEERS_OUTREACH_RATE", 20.0, minimum=0.01)


def test_env_list_and_choice(monkeypatch):
    monkeypatch.setenv("PIONEERS_ALLOWED_HOSTS", "a.example, b.example ,")
    assert env_list("PIONEERS_ALLOWED_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("PIONEERS_LOG_LEVEL", "LOUD")
    with pytest.raises(ConfigurationError, match="not one of"):
        env_choice("PIONEERS_LOG_LEVEL", "INFO", ("INFO", "DEBUG"))


def test_env_url_checks_scheme(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "mysql://x")
    with pytest.raises(ConfigurationError, match="DATABASE_URL must be a URL starting with"):
        env_url("DATABASE_URL", ("postgres", "sqlite"))
    monkeypatch.delenv("DATABASE_URL")
    assert env_url("DATABASE_URL", ("postgres",)) is None


def _run_pioneers(env_extra, tmp_path):
    import os

    env = {**os.environ, "PIONEERS_DATA_DIR": str(tmp_path), **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "pioneers.cli", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("PIONEERS_DEBUG", "perhaps", "PIONEERS_DEBUG='perhaps' is not a boolean"),
        ("PIONEERS_DEBGU", "1", "Unknown setting PIONEERS_DEBGU"),
        ("REDIS_URL", "http://localhost", "REDIS_URL must be a URL"),
    ],
)
def test_bad_environment_stops_start_up_with_one_line(tmp_path, variable, value, message):
    result = _run_pioneers({variable: value}, tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]


def test_embedded_profile_generates_and_keeps_its_secret_key(tmp_path):
    assert _run_pioneers({}, tmp_path).returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert _run_pioneers({}, tmp_path).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key
