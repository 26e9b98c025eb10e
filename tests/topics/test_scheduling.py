"""A topic becomes "scheduled" when a meeting on it is planned or published; the admin's topic
pickers offer decided topics only (not proposals, not declined or merged ones)."""

import pytest
from django import forms

from pioneers.core.models import User
from pioneers.demo.loader import COORDINATOR_EMAIL
from pioneers.meetings.models import Meeting
from pioneers.topics import services
from pioneers.topics.models import Topic
from pioneers.topics.widgets import PickableTopicCheckboxes

pytestmark = pytest.mark.django_db


def new_topic(name, status):
    topic = services.topic_get_or_create(name=name)
    Topic.all_locales.filter(pk=topic.pk).update(status=status)
    return Topic.objects.get(pk=topic.pk)


def test_scheduling_changes_accepted_and_proposed_only_and_twice_is_once(demo):
    accepted = new_topic("Thema geaccepteerd", Topic.Status.ACCEPTED)
    declined = new_topic("Thema afgewezen", Topic.Status.DECLINED)
    assert services.topic_schedule(topic_id=accepted.pk) is True
    assert services.topic_schedule(topic_id=accepted.pk) is False
    assert services.topic_schedule(topic_id=declined.pk) is False
    assert Topic.objects.get(pk=accepted.pk).status == Topic.Status.SCHEDULED
    assert Topic.objects.get(pk=declined.pk).status == Topic.Status.DECLINED


def test_publishing_a_meeting_schedules_its_topic(demo):
    topic = new_topic("Thema voor een bijeenkomst", Topic.Status.ACCEPTED)
    meeting = Meeting.objects.filter(live=True).exclude(status=Meeting.Status.CANCELLED).first()
    meeting.topic = topic
    meeting.save_revision().publish()
    assert Topic.objects.get(pk=topic.pk).status == Topic.Status.SCHEDULED


def test_the_admin_topic_chooser_offers_decided_topics_only(client, demo):
    proposed = new_topic("Thema nog voorgesteld", Topic.Status.PROPOSED)
    declined = new_topic("Thema afgewezen", Topic.Status.DECLINED)
    accepted = new_topic("Thema aanvaard", Topic.Status.ACCEPTED)
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    page = client.get("/admin/snippets/choose/topics/topic/", {"q": "Thema"}).content.decode()
    assert accepted.name in page
    assert proposed.name not in page and declined.name not in page


def test_the_topic_checkboxes_hide_undecided_topics_unless_chosen(demo):
    proposed = new_topic("Thema nog voorgesteld", Topic.Status.PROPOSED)
    chosen = new_topic("Thema al gekozen maar afgewezen", Topic.Status.DECLINED)
    accepted = new_topic("Thema aanvaard", Topic.Status.ACCEPTED)
    field = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(), widget=PickableTopicCheckboxes
    )
    html = field.widget.render("topics", [chosen.pk], attrs={"id": "id_topics"})
    assert accepted.name in html and chosen.name in html
    assert proposed.name not in html
