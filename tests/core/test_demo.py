"""The demo loads on a fresh or demo database, again and again, but not beside real accounts."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pioneers.demo.loader import COORDINATOR_EMAIL
from pioneers.topics.models import Topic
from tests.factories import UserFactory

TOPIC = "open-begroting"


def _topic():
    """The English name of a demo topic (the Dutch original is kept: meetings point to it)."""
    return Topic.all_locales.filter(slug=TOPIC, locale__language_code="en")


@pytest.fixture
def topic_gone(demo):
    """One demo topic's translation deleted, so a test sees whether the demo loaded (it makes
    it again)."""
    _topic().delete()


def _demo(**options) -> str:
    out = io.StringIO()
    call_command("demo", stdout=out, **options)
    return out.getvalue()


def test_demo_loads_again_on_a_demo_database(topic_gone):
    assert "Demo network ready." in _demo()
    assert _topic().exists()


def test_demo_refuses_a_database_with_a_real_account(topic_gone):
    user = UserFactory(email="wethouder@gemeente.example")
    with pytest.raises(CommandError) as refused:
        _demo()
    assert user.email in str(refused.value) and "--force" in str(refused.value)
    assert not _topic().exists()


def test_demo_loads_beside_real_accounts_when_forced(topic_gone):
    UserFactory(email="wethouder@gemeente.example")
    _demo(force=True)
    assert _topic().exists()


def test_inactive_accounts_do_not_stop_the_demo(topic_gone):
    UserFactory(email="vertrokken@gemeente.example", is_active=False)
    _demo()
    assert _topic().exists()


def test_the_demo_accounts_themselves_do_not_stop_it(topic_gone):
    """The coordinator changed the demo's password; it is still the demo's account."""
    coordinator = UserFactory._meta.model.objects.get(email=COORDINATOR_EMAIL)
    coordinator.set_password("another-long-password")
    coordinator.save()
    _demo()
    assert _topic().exists()


def test_setup_demo_works_on_a_demo_database_and_refuses_real_accounts(
    topic_gone, settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path
    call_command("setup", demo=True, verbosity=0, stdout=io.StringIO())
    assert _topic().exists()

    _topic().delete()
    UserFactory(email="wethouder@gemeente.example")
    with pytest.raises(CommandError, match="wethouder@gemeente.example"):
        call_command("setup", demo=True, verbosity=0, stdout=io.StringIO())
    assert not _topic().exists()

    call_command("setup", demo=True, force=True, verbosity=0, stdout=io.StringIO())
    assert _topic().exists()
