"""Topics: originals in Dutch, English names as translations, read in one query per list."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from pioneers.core.models import User
from pioneers.demo.loader import COORDINATOR_EMAIL
from pioneers.topics.models import Topic
from pioneers.topics.services import topic_get_or_create, topic_translate

pytestmark = pytest.mark.django_db


def test_the_label_is_english_where_translated_and_dutch_marked_where_not(demo):
    translated = topic_get_or_create(name="Burgerberaad")
    topic_translate(topic=translated, language="en", name="Citizens' assembly")
    untranslated = topic_get_or_create(name="Digitale inclusie")
    with translation.override("en"):
        translated, untranslated = (Topic.objects.get(pk=t.pk) for t in (translated, untranslated))
        assert (translated.label, translated.label_language) == ("Citizens' assembly", "en")
        assert (untranslated.label, untranslated.label_language) == ("Digitale inclusie", "nl")
    with translation.override("nl"):
        topic = Topic.objects.get(pk=translated.pk)
        assert (topic.label, topic.label_language) == ("Burgerberaad", "nl")


def test_a_topic_fetched_alone_still_finds_its_translation(demo):
    topic = topic_get_or_create(name="Burgerberaad")
    topic_translate(topic=topic, language="en", name="Citizens' assembly")
    bare = Topic.all_locales.get(pk=topic.pk)  # as a foreign key gives it
    with translation.override("en"):
        assert bare.label == "Citizens' assembly"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_list_of_topics_reads_their_names_in_one_query(demo, django_assert_num_queries, language):
    with translation.override(language), django_assert_num_queries(1):
        labels = [t.label for t in Topic.objects.originals()]
    assert len(labels) == Topic.objects.originals().count() >= 10
    if language == "en":
        assert "Open government" in labels and "Open overheid" not in labels


def test_translations_are_rows_in_the_english_locale_with_the_same_slug(demo):
    original = Topic.objects.originals().get(slug="open-overheid")
    assert original.locale == Locale.get_default()
    [english] = original.get_translations()
    assert (english.locale.language_code, english.name) == ("en", "Open government")
    assert english.slug == original.slug
    assert Topic.objects.originals().filter(slug="open-overheid").count() == 1


def test_a_topic_is_found_by_its_name_trimmed_and_in_any_case(demo):
    participation = Topic.objects.originals().get(slug="participatie")
    assert topic_get_or_create(name="  PARTICIPATIE ") == participation
    new = topic_get_or_create(name="  Open   data-ethiek ")
    assert (new.name, new.slug) == ("Open data-ethiek", "open-data-ethiek")
    assert new.locale == Locale.get_default()


def test_the_admin_lists_the_originals_and_offers_to_translate(client, demo):
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    topic = topic_get_or_create(name="Burgerberaad")
    response = client.get("/admin/snippets/topics/topic/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Open overheid" in html and "Open government" not in html
    translate = f"/admin/translation/submit/snippet/topics/topic/{topic.pk}/"
    assert translate in html
    response = client.post(translate, {"locales": [Locale.objects.get(language_code="en").pk]})
    assert response.status_code == 302
    assert topic.get_translations().get().locale.language_code == "en"
    english = client.get("/admin/snippets/topics/topic/", {"locale": "en"}).content.decode()
    assert "Open government" in english


def test_a_topic_that_meetings_are_about_cannot_be_deleted_in_the_admin(client, demo):
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    topic = Topic.objects.originals().filter(meetings__isnull=False).first()
    url = f"/admin/snippets/topics/topic/delete/{topic.pk}/"
    response = client.get(url)
    assert response.status_code == 200 and response.context["is_protected"]
    client.post(url)
    assert Topic.objects.originals().filter(pk=topic.pk).exists()
