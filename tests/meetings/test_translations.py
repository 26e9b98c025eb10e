"""Translated meetings and programmes: the original is the meeting, a translation only its text."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from wagtail.models import Locale

from pioneers.core.models import User
from pioneers.core.translations import translation_save
from pioneers.magazine.models import ArticlePage
from pioneers.meetings import services
from pioneers.meetings.models import AgendaItem, Meeting, Programme, Registration
from pioneers.reports.models import ReportPage
from tests.admin_forms import admin_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch_afterwards():
    """An English request leaves English active; the next tests' URLs are Dutch."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def meeting(demo):
    """The next meeting, open to everyone, with an English translation."""
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    meeting.audience = Meeting.Audience.PUBLIC
    meeting.title = "Open overleg over open data"
    meeting.save()
    translation_save(meeting, language="en", title="Open talks about open data")
    return meeting


def _english(meeting) -> Meeting:
    return meeting.get_translation(Locale.objects.get(language_code="en"))


def test_a_translation_is_never_an_extra_meeting(
    client, meeting, django_capture_on_commit_callbacks
):
    assert Meeting.all_locales.filter(slug=meeting.slug).count() == 2
    assert Meeting.objects.filter(slug=meeting.slug).get() == meeting
    assert list(meeting.programme.meetings.filter(slug=meeting.slug)) == [meeting]

    # The lists, in both languages.
    assert client.get("/nl/bijeenkomsten/").content.decode().count(meeting.title) == 1
    english = client.get("/en/meetings/").content.decode()
    assert english.count("Open talks about open data") == 1 and meeting.title not in english

    # The calendar feeds: one event, the original's.
    for url in (
        "/nl/bijeenkomsten/agenda.ics",
        f"/en/meetings/programme/{meeting.programme.slug}.ics",
    ):
        events = Calendar.from_ical(client.get(url).content).walk("VEVENT")
        assert [str(e["summary"]) for e in events].count(meeting.title) == 1
        assert not [e for e in events if "Open talks" in str(e["summary"])]

    # Registering on the English page registers for the original.
    response = client.post(
        f"/en/meetings/{meeting.slug}/register/",
        {"name": "Rita Resident", "email": "rita@example.org", "residence": "Schiedam"},
    )
    assert response.status_code == 200
    registration = Registration.objects.get(email="rita@example.org")
    assert registration.meeting == meeting
    assert not _english(meeting).registrations.exists()

    # Reminders: one per registration, the original's.
    registration.status = Registration.Status.CONFIRMED
    registration.save()
    mail.outbox.clear()
    day_before = timezone.make_aware(
        timezone.datetime.combine(meeting.date, meeting.start_time)
    ) - timezone.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.reminders_send(day_before)
    assert sent == meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
    assert [m.to for m in mail.outbox].count(["rita@example.org"]) == 1

    # Search finds the meeting once.
    html = client.get("/nl/zoeken/", {"q": "overleg", "kind": "meeting"}).content.decode()
    assert html.count(f'href="/nl/bijeenkomsten/{meeting.slug}/"') == 1


def test_english_pages_show_the_translation_and_mark_dutch_where_there_is_none(client, demo):
    translated = Meeting.objects.get(slug="2019-lab-actief-openbaar-maken")
    html = client.get(f"/en/meetings/{translated.slug}/").content.decode()
    assert '<h1 class="utrecht-heading-1">Lab: publishing proactively</h1>' in html
    assert "Design session: exploring the problem" in html  # the translation's agenda
    assert "Residents cannot find the municipality" in html  # the lab's case
    assert "Town hall of" in html
    assert "Lab: actief openbaar maken" not in html
    dutch = client.get(f"/nl/bijeenkomsten/{translated.slug}/").content.decode()
    assert "Lab: actief openbaar maken" in dutch and "publishing proactively" not in dutch

    untranslated = Meeting.objects.get(slug="2019-open-data-voor-de-gemeenteraad")
    html = client.get(f"/en/meetings/{untranslated.slug}/").content.decode()
    assert (
        '<h1 class="utrecht-heading-1"><span lang="nl">Open data voor de gemeenteraad</span>'
        in html
    )
    assert '<span lang="nl">Welkom door de gastvoorzitter</span>' in html

    past = client.get("/en/meetings/past/").content.decode()
    assert ">Lab: publishing proactively</a>" in past
    assert '<span lang="nl">Open data voor de gemeenteraad</span>' in past


def test_the_translate_action_copies_the_meeting_with_its_slug_and_agenda(demo):
    client = Client()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    meeting = Meeting.objects.get(slug="2019-open-data-voor-de-gemeenteraad")
    english = Locale.objects.get(language_code="en")
    url = reverse(
        "simple_translation:submit_snippet_translation", args=["meetings", "meeting", meeting.pk]
    )
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302
    translation = meeting.get_translation(english)
    assert translation.slug == meeting.slug and translation.programme == meeting.programme
    assert translation.agenda_items.count() == meeting.agenda_items.count()
    assert translation.registrations.count() == 0
    assert response.url == f"/admin/snippets/meetings/meeting/edit/{translation.pk}/"


def test_editing_a_translation_changes_its_text_only(meeting):
    client = Client()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    translation = _english(meeting)
    url = f"/admin/snippets/meetings/meeting/edit/{translation.pk}/"
    data = admin_form(client, url) | {
        "title": "Open talks on open data",
        "capacity": "1",
        "city": "Elsewhere",
        "date": "2040-01-01",
        "action-publish": "action-publish",  # a live meeting's edits wait in a draft until then
    }
    response = client.post(url, data)
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.title == "Open talks on open data"
    assert (translation.capacity, translation.city, translation.date) == (
        meeting.capacity,
        meeting.city,
        meeting.date,
    )
    original = Meeting.objects.get(pk=meeting.pk)
    assert (original.title, original.sequence) == (meeting.title, meeting.sequence)


def test_saving_the_original_keeps_its_translations_in_step(meeting):
    meeting.capacity = 77
    meeting.city = "Vlaardingen"
    meeting.title = "Nieuwe titel"
    meeting.save()
    translation = _english(meeting)
    assert (translation.capacity, translation.city) == (77, "Vlaardingen")
    assert translation.title == "Open talks about open data"


def test_a_slug_is_unique_per_language(meeting):
    copy = Meeting(
        programme=meeting.programme,
        number=99,
        title="Nog een",
        slug=meeting.slug,
        format=meeting.format,
        date=meeting.date,
        host=meeting.host,
        venue_name="Zaal",
        city="Schiedam",
    )
    with pytest.raises(ValidationError) as error:
        copy.full_clean()
    assert error.value.messages == ["Een andere bijeenkomst heeft deze slug al."]


def test_only_text_can_be_translated(meeting):
    with pytest.raises(ValueError, match="capacity"):
        translation_save(meeting, language="en", capacity=3)


def test_programmes_are_translated_and_counted_once(client, demo):
    seed = Programme.objects.get(slug="2018-2020")
    assert seed.get_translations().get().locale.language_code == "en"
    assert Programme.all_locales.filter(slug="2018-2020").count() == 2
    assert Programme.objects.filter(slug="2018-2020").count() == 1
    assert client.get("/nl/bijeenkomsten/programma/2018-2020.ics").status_code == 200
    assert AgendaItem.objects.filter(meeting__locale__language_code="en").exists()


def test_the_admin_lists_each_language_and_greys_out_what_a_translation_cannot_change(meeting):
    client = Client()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    base = "/admin/snippets/meetings/meeting/"
    assert "Open talks about open data" not in client.get(base, {"locale": "nl"}).content.decode()
    assert "Open talks about open data" in client.get(base, {"locale": "en"}).content.decode()
    assert client.get("/admin/snippets/meetings/programme/", {"locale": "en"}).status_code == 200
    form = BeautifulSoup(client.get(f"{base}edit/{_english(meeting).pk}/").content, "html.parser")
    assert form.find("input", attrs={"name": "capacity"}).has_attr("disabled")
    assert not form.find("input", attrs={"name": "title"}).has_attr("disabled")
    form = BeautifulSoup(client.get(f"{base}edit/{meeting.pk}/").content, "html.parser")
    assert not form.find("input", attrs={"name": "capacity"}).has_attr("disabled")


def test_emails_name_the_meeting_in_the_registrants_language(
    meeting, django_capture_on_commit_callbacks
):
    for name, language in (("Anna", "nl"), ("Bram", "en")):
        Registration.objects.create(
            meeting=meeting,
            name=name,
            email=f"{name.lower()}@example.org",
            status=Registration.Status.CONFIRMED,
            language=language,
            confirmed_at=timezone.now(),
        )
    coordinator = User.objects.get(email="coordinator@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting, by=coordinator)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["anna@example.org"] == "Afgelast: Open overleg over open data"
    assert subjects["bram@example.org"] == "Cancelled: Open talks about open data"
    english = next(m.body for m in mail.outbox if m.to == ["bram@example.org"])
    assert "Open talks about open data" in english and "Open overleg" not in english


def test_reports_and_articles_point_to_originals_only(meeting):
    translation = _english(meeting)
    report_form = modelform_factory(ReportPage, fields=["meeting"])()
    article_form = modelform_factory(ArticlePage, fields=["related_meetings"])()
    for choices in (
        report_form.fields["meeting"].queryset,
        article_form.fields["related_meetings"].queryset,
    ):
        assert choices.filter(pk=meeting.pk).exists()
        assert not choices.filter(pk=translation.pk).exists()
