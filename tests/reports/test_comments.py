"""Attendees comment on a report's draft; editors answer; published versions stay readable."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from pioneers.core.models import User
from pioneers.reports import services
from pioneers.reports.models import CommentRound, DraftComment, ReportPage

SLUG = "2019-lab-actief-openbaar-maken"


@pytest.fixture
def report(demo):
    """The lab's report with an unpublished draft that changes its lessons."""
    report = ReportPage.objects.get(slug=SLUG)
    report.lessons = "<p>Concepttekst: test met inwoners, en nog eens.</p>"
    report.save_revision()
    return ReportPage.objects.get(pk=report.pk)


@pytest.fixture
def coordinator(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client


def _invite(client, report, days=14):
    closes = (timezone.localdate() + timedelta(days=days)).isoformat()
    return client.post(
        f"/nl/verslagcommentaar/beheer/{report.pk}/", {"invite": "1", "closes_on": closes}
    )


def test_attendees_comment_on_the_draft_and_editors_answer(
    coordinator, report, django_capture_on_commit_callbacks
):
    attended = report.meeting.registrations.filter(checked_in_at__isnull=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert _invite(coordinator, report).status_code == 302
    assert CommentRound.objects.get(report=report).invited == attended.count()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in attended)
    message = mail.outbox[0]
    assert message.subject.startswith("Je opmerkingen bij het verslag van")
    link = re.search(r"http://\S+/verslagcommentaar/\S+/", message.body).group(0)
    path = link.split("8000", 1)[1]

    attendee = Client()  # no account: the link is the key
    html = attendee.get(path).content.decode()
    assert "Concepttekst: test met inwoners" in html  # the draft, not the published text
    attendee.post(path, {"body": "De casus kwam van de griffie, niet van communicatie."})
    comment = DraftComment.objects.get(report=report)
    assert comment.registration.email == message.to[0] and comment.status == "open"

    manage = f"/nl/verslagcommentaar/beheer/{report.pk}/"
    assert "De casus kwam van de griffie" in coordinator.get(manage).content.decode()
    coordinator.post(
        manage, {"comment": comment.pk, "answer": "Aangepast, dank je.", "resolve": "on"}
    )
    comment.refresh_from_db()
    assert comment.status == "resolved" and comment.answer == "Aangepast, dank je."
    assert "Aangepast, dank je." in attendee.get(path).content.decode()


def test_an_english_attendee_is_invited_in_english_by_a_coordinator_working_in_dutch(
    coordinator, report, django_capture_on_commit_callbacks
):
    attended = report.meeting.registrations.filter(checked_in_at__isnull=False)
    english = attended.first()
    attended.filter(pk=english.pk).update(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        _invite(coordinator, report)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    title = report.meeting.title
    assert subjects.pop(english.email) == f"Your comments on the report of {title}"
    assert set(subjects.values()) == {f"Je opmerkingen bij het verslag van {title}"}
    [message] = [m for m in mail.outbox if m.to == [english.email]]
    assert "/en/" in message.body and "You can comment until" in message.body


def test_a_report_without_a_draft_cannot_be_commented_on(coordinator, demo):
    published = ReportPage.objects.get(slug=SLUG)
    response = _invite(coordinator, published)
    assert response.status_code == 422
    assert "geen concept" in response.content.decode()
    assert not CommentRound.objects.exists()


def test_comments_after_the_window_are_refused(client, coordinator, report):
    _invite(coordinator, report)
    CommentRound.objects.filter(report=report).update(closes_at=timezone.now() - timedelta(hours=1))
    from pioneers.reports.services import comment_token

    registration = report.meeting.registrations.filter(checked_in_at__isnull=False).first()
    path = f"/nl/verslagcommentaar/{comment_token(report, registration)}/"
    html = client.get(path).content.decode()
    assert "gesloten" in html
    response = client.post(path, {"body": "Te laat"})
    assert response.status_code == 422 and "gesloten" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_forged_link_and_empty_comment(client, coordinator, report):
    response = client.get("/nl/verslagcommentaar/verzonnen/")
    assert response.status_code == 404 and "niet geldig" in response.content.decode()
    _invite(coordinator, report)
    from pioneers.reports.services import comment_token

    registration = report.meeting.registrations.filter(checked_in_at__isnull=False).first()
    response = client.post(
        f"/nl/verslagcommentaar/{comment_token(report, registration)}/", {"body": " "}
    )
    assert response.status_code == 422
    assert not DraftComment.objects.exists()


def test_comment_round_is_for_coordinators_only(client, report):
    client.force_login(User.objects.get(email="member@example.org"))
    assert client.get(f"/nl/verslagcommentaar/beheer/{report.pk}/").status_code == 403


def test_published_versions_stay_readable(client, report, no_page_cache):
    first_html = client.get(f"/nl/verslagen/{SLUG}/").content.decode()
    assert "Test met inwoners voordat je bouwt." in first_html
    report.get_latest_revision().publish()
    html = client.get(f"/nl/verslagen/{SLUG}/").content.decode()
    assert "Concepttekst" in html and "Eerdere versies" in html
    old_id = report.published_versions()[-1]["revision_id"]
    old = client.get(f"/nl/verslagen/{SLUG}/?version={old_id}").content.decode()
    assert "Test met inwoners voordat je bouwt." in old and "Je leest de versie" in old
    assert client.get(f"/nl/verslagen/{SLUG}/?version=999999").status_code == 404
    assert client.get(f"/nl/verslagen/{SLUG}/?version=abc").status_code == 404


def test_an_empty_answer_is_refused_with_422_and_says_why(coordinator, report):
    _invite(coordinator, report)
    registration = report.meeting.registrations.filter(checked_in_at__isnull=False).first()
    comment = services.draft_comment_create(report=report, registration=registration, body="Hm.")
    response = coordinator.post(
        f"/nl/verslagcommentaar/beheer/{report.pk}/", {"comment": comment.pk, "answer": " "}
    )
    assert response.status_code == 422
    assert "Schrijf een antwoord, of markeer" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "open" and comment.answer == ""
