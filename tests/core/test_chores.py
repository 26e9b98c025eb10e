"""Housekeeping runs the core's chores and those the apps registered; one failing stops none."""

import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pioneers.core import chores
from pioneers.meetings.models import Meeting, Registration

PAST = "2018-aftrap-wat-maakt-een-gemeente-open"


@pytest.fixture
def registry(monkeypatch):
    """The registry as the apps left it, restored after the test."""
    monkeypatch.setattr(chores, "_chores", dict(chores._chores))


def test_the_meetings_app_registers_its_chores():
    names = {name for name, _func in chores.registered()}
    assert {"reminders_send", "accessibility_needs_erase"} <= names


def test_a_failing_chore_is_logged_and_the_others_still_run(demo, registry, caplog):
    def broken():
        raise RuntimeError("the disk is full")

    ran = []
    chores._chores = {"broken": broken, **chores._chores}
    chores.register("after_the_broken_one", lambda: ran.append(True))
    past = Meeting.objects.get(slug=PAST)
    Registration.objects.filter(meeting=past).update(accessibility_needs="Doof")

    with caplog.at_level(logging.ERROR), pytest.raises(CommandError, match="broken"):
        call_command("housekeeping")

    assert ran == [True]
    # The meetings app's chore, registered after the broken one, still erased the old needs.
    assert not Registration.objects.filter(meeting=past).exclude(accessibility_needs="").exists()
    assert "broken" in caplog.text and "the disk is full" in caplog.text


def test_run_all_returns_the_chores_that_failed(registry):
    def broken():
        raise ValueError("bad")

    assert chores.run_all([("fine", lambda: None), ("broken", broken)]) == ["broken"]
