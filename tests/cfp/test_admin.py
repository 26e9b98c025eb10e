import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pioneers.cfp.models import Call
from pioneers.core.models import User
from tests.factories import UserFactory

ADD = reverse("wagtailsnippets_cfp_call:add")


@pytest.fixture
def coordinator(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client


def formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        data[f"{prefix}-{index}-id"] = ""
    return data


def call_form(meeting, *, opens, closes, formats, reviewers=(), decision_templates=()):
    moment = "%Y-%m-%d %H:%M"
    return {
        "meeting": str(meeting.pk),
        "opens_at": opens.strftime(moment),
        "closes_at": closes.strftime(moment),
        "introduction_nl": "Welkom",
        "introduction_en": "Welcome",
        "hide_reviewer_names": "on",
        **formset("formats", formats),
        **formset("tracks", []),
        **formset("questions", []),
        **formset("criteria", [{"name_nl": "Relevantie", "name_en": "Relevance"}]),
        **formset("reviewers", list(reviewers)),
        **formset("decision_templates", list(decision_templates)),
        **formset("rooms", [{"name_nl": "Raadzaal", "name_en": "Council chamber"}]),
    }


TALK = {"name_nl": "Lezing", "name_en": "Talk", "duration_minutes": "30"}


def test_coordinator_creates_a_call_in_the_admin(coordinator, conference):
    now = timezone.localtime()
    data = call_form(
        conference, opens=now, closes=now + datetime.timedelta(days=20), formats=[TALK]
    )
    response = coordinator.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    call = Call.objects.get(meeting=conference)
    assert [f.name_en for f in call.formats.all()] == ["Talk"]
    assert call.criteria.count() == 1
    assert [room.name_nl for room in call.rooms.all()] == ["Raadzaal"]


@pytest.mark.parametrize(
    ("days", "formats"),
    [(20, []), (-1, [TALK])],
    ids=["no format", "closes before it opens"],
)
def test_admin_refuses_an_invalid_call(coordinator, conference, days, formats):
    now = timezone.localtime()
    data = call_form(
        conference, opens=now, closes=now + datetime.timedelta(days=days), formats=formats
    )
    response = coordinator.post(ADD, data)
    assert response.status_code == 200
    assert not Call.objects.filter(meeting=conference).exists()
    assert 'value="Welkom"' in response.content.decode() or "Welkom" in response.content.decode()


@pytest.mark.parametrize("model", ["cfp_submission", "meetings_registration"])
def test_submissions_and_registrations_are_read_only_in_the_admin(coordinator, model):
    assert coordinator.get(reverse(f"wagtailsnippets_{model}:list")).status_code == 200
    assert coordinator.get(reverse(f"wagtailsnippets_{model}:add")).status_code in (302, 403)


def test_coordinator_appoints_reviewers_and_words_a_decision_email(coordinator, conference):
    reviewer = UserFactory()
    now = timezone.localtime()
    wording = {"kind": "accepted", "language": "nl", "subject": "Ja: {title}", "body": "{name}"}
    data = call_form(
        conference,
        opens=now,
        closes=now + datetime.timedelta(days=20),
        formats=[TALK],
        reviewers=[{"user": str(reviewer.pk)}],
        decision_templates=[wording],
    )
    response = coordinator.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    call = Call.objects.get(meeting=conference)
    assert [r.user for r in call.reviewers.all()] == [reviewer]
    assert call.decision_templates.get().subject == "Ja: {title}"


def test_admin_refuses_an_unknown_placeholder_in_a_decision_email(coordinator, conference):
    now = timezone.localtime()
    wording = {"kind": "rejected", "language": "nl", "subject": "Nee", "body": "Beste {naam}"}
    data = call_form(
        conference,
        opens=now,
        closes=now + datetime.timedelta(days=20),
        formats=[TALK],
        decision_templates=[wording],
    )
    response = coordinator.post(ADD, data)
    assert response.status_code == 200
    assert "Onbekende plaatshouder: {naam}" in response.content.decode()
    assert not Call.objects.filter(meeting=conference).exists()
