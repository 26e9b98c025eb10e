"""Wagtail's background tasks and translations: the reference index and the search index look
a row up in ``Model.objects``, which holds originals only (core/translations.py)."""

import pytest
from django_tasks.signals import task_finished

from pioneers.commitments.models import Milestone
from pioneers.meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_tasks():
    """The module paths of the tasks that failed while the test ran (tasks run at once)."""
    failed: list[str] = []

    def collect(sender, task_result, **kwargs):
        if task_result.status == "FAILED":
            failed.append(task_result.task.module_path)

    task_finished.connect(collect)
    yield failed
    task_finished.disconnect(collect)


@pytest.mark.parametrize("model", [Meeting, Milestone])
def test_saving_a_translation_starts_no_task_that_fails(demo, failed_tasks, model):
    translation = model.all_locales.filter(locale__language_code="en").first()
    translation.title = f"{translation.title} (revised)"
    translation.save()
    assert failed_tasks == []


def test_an_english_visitor_finds_a_meeting_by_its_english_title(client, demo, failed_tasks):
    original = Meeting.objects.get(slug="2019-lab-actief-openbaar-maken")
    translation = original.get_translations().get(locale__language_code="en")
    translation.title = "Lab: publishing on your own initiative"
    translation.save()
    html = client.get("/en/search/", {"q": "initiative"}).content.decode()
    assert translation.title.replace("initiative", "<mark>initiative</mark>") in html
    # Deleting the translation takes its words out of the index with it.
    translation.delete()
    html = client.get("/en/search/", {"q": "initiative"}).content.decode()
    assert original.title not in html
    assert failed_tasks == []
