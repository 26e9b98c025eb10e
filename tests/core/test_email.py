"""The one email task: what it queues, what it loads, and the parts it renders."""

import copy

import pytest
from django.core import mail

from pioneers.core.email import email_send
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def templates(settings, tmp_path):
    """A template ``test/email/hello`` with a subject, a text and an HTML body."""
    folder = tmp_path / "test" / "email"
    folder.mkdir(parents=True)
    subject = "{% load i18n %}{% translate 'Your account has been deleted' %}\n"
    (folder / "hello_subject.txt").write_text(subject)
    (folder / "hello_message.txt").write_text("Hi {{ user.email }} <{{ network.name }}>")
    (folder / "hello_message.html").write_text("<p>Hi {{ user.email }} & {{ base_url }}</p>")
    engines = copy.deepcopy(settings.TEMPLATES)
    engines[0]["DIRS"] = [*engines[0].get("DIRS", []), tmp_path]
    settings.TEMPLATES = engines


def test_an_email_renders_its_text_and_html_in_the_language_asked_for(
    demo, templates, django_capture_on_commit_callbacks
):
    user = UserFactory(email="a<b@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        email_send(template="test/email/hello", to=[user], language="nl", context={"user": user})
    [message] = mail.outbox
    assert message.subject == "Je account is verwijderd"
    assert message.to == ["a<b@example.org"]
    assert message.body.startswith("Hi a<b@example.org <")  # text is not escaped
    [(html, kind)] = message.alternatives
    assert kind == "text/html" and html.startswith("<p>Hi a&lt;b@example.org & http")


def test_an_email_about_a_row_that_has_gone_is_not_sent(
    demo, templates, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        email_send(
            template="test/email/hello", to=["x@example.org"], language="en", context={"user": user}
        )
        user.delete()
    assert mail.outbox == []
