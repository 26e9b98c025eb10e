"""The migrations that make topics translatable and meetings' topics relations keep every text.

The database goes back to before them (their reverse runs on the demo's data), free texts are
written with the models of then, and after migrating forward they are found as relations.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pioneers.meetings.models import Meeting, Programme
from pioneers.topics.models import Topic

BEFORE = [("topics", "0001_initial"), ("meetings", "0002_meeting_sequence_cancellation_reason")]


def _migrate(targets=None):
    """Migrate to ``targets`` (the latest state without); the models of that state."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    # The state of the targets themselves: what ``migrate`` returns going back may still hold
    # a later migration of an app whose last one came early in the plan.
    return executor.loader.project_state(targets, at_end=True).apps


@pytest.mark.django_db(transaction=True)
def test_topic_texts_become_relations_and_english_names_translations(demo):
    seed = list(Meeting.objects.filter(programme__slug="2018-2020").order_by("number")[:3])
    kept = {m.pk: m.topic.name for m in seed if m.topic}
    originals = Topic.objects.originals().count()
    try:
        old = _migrate(BEFORE)
        OldTopic = old.get_model("topics", "Topic")
        OldMeeting = old.get_model("meetings", "Meeting")
        OldProgramme = old.get_model("meetings", "Programme")
        # Backwards, the English names went back into their column, the topics into text.
        assert OldTopic.objects.get(slug="open-overheid").name_en == "Open government"
        assert OldTopic.objects.count() == originals
        for pk, name in kept.items():
            assert OldMeeting.objects.get(pk=pk).topic == name
        OldTopic.objects.create(name="Wonen", name_en="Housing", slug="wonen")
        OldTopic.objects.create(name="Ruimte", name_en="", slug="ruimte")
        OldMeeting.objects.filter(pk=seed[0].pk).update(topic="  participatie ")
        OldMeeting.objects.filter(pk=seed[1].pk).update(topic="Klimaat  adaptatie")
        OldMeeting.objects.filter(pk=seed[2].pk).update(topic="")
        OldProgramme.objects.filter(slug="2018-2020").update(
            topics="Open data\n\n  WONEN\nklimaat adaptatie\nopen data\n",
            plan_locks={"2": {"topic": "wonen", "format": "lab"}, "3": {"topic": ""}},
        )
    finally:
        _migrate()
    participation = Topic.objects.originals().get(slug="participatie")
    housing = Topic.objects.originals().get(slug="wonen")
    climate = Topic.objects.originals().get(name="Klimaat adaptatie")
    assert climate.slug == "klimaat-adaptatie"
    assert Topic.objects.originals().filter(name__iexact="participatie").count() == 1
    assert [t.locale.language_code for t in housing.get_translations()] == ["en"]
    assert housing.get_translations().get().name == "Housing"
    assert not Topic.objects.originals().get(slug="ruimte").get_translations().exists()
    meetings = Meeting.objects.in_bulk([m.pk for m in seed])
    assert meetings[seed[0].pk].topic == participation
    assert meetings[seed[1].pk].topic == climate
    assert meetings[seed[2].pk].topic is None
    programme = Programme.objects.get(slug="2018-2020")
    assert [item.topic.slug for item in programme.topic_items.all()] == [
        "open-data",
        "wonen",
        "klimaat-adaptatie",
    ]
    assert programme.plan_locks == {"2": {"format": "lab", "topic_id": housing.pk}}
