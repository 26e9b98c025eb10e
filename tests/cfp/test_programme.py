"""The programme: slots for confirmed talks, the timetable, the public programme and exports."""

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from lxml import etree

from pioneers.cfp.models import Room, Slot, Submission, SubmissionSpeaker
from pioneers.cfp.programme import programme_slots, slot_clear, slot_save
from pioneers.network.models import Person
from tests.cfp.conftest import make_call
from tests.factories import OrganisationFactory, UserFactory

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "frab-schedule"


@pytest.fixture
def coordinator(client, demo):
    client.force_login(get_user_model().objects.get(email="coordinator@example.org"))
    return client


@pytest.fixture
def rooms(call):
    return [
        Room.objects.create(call=call, sort_order=0, name_nl="Grote zaal", name_en="Main hall"),
        Room.objects.create(call=call, sort_order=1, name_nl="Raadzaal", name_en="Council room"),
    ]


def talk(call, title="Open data in de wijk", *, state=Submission.State.CONFIRMED, speakers=()):
    submission = Submission.objects.create(
        call=call,
        title=title,
        abstract=f"Over {title}.",
        format=call.formats.first(),
        state=state,
    )
    for position, user in enumerate(speakers or [UserFactory()]):
        SubmissionSpeaker.objects.create(submission=submission, user=user, position=position)
    return submission


def at(call, hour, minute=0):
    return timezone.make_aware(
        datetime.datetime.combine(call.meeting.date, datetime.time(hour, minute))
    )


# --- services -------------------------------------------------------------------------------


def test_slot_save_gives_a_confirmed_talk_its_slot(call, rooms):
    submission = talk(call)
    slot = slot_save(submission=submission, start=at(call, 10), duration_minutes=30, room=rooms[0])
    assert (slot.start, slot.end, slot.room) == (at(call, 10), at(call, 10, 30), rooms[0])


def test_slot_save_twice_keeps_one_slot(call, rooms):
    submission = talk(call)
    for _ in range(2):
        slot_save(submission=submission, start=at(call, 10), duration_minutes=30, room=rooms[0])
    assert Slot.objects.filter(submission=submission).count() == 1


@pytest.mark.parametrize("state", [Submission.State.ACCEPTED, Submission.State.WITHDRAWN])
def test_slot_save_refuses_a_talk_not_confirmed(call, rooms, state):
    submission = talk(call, state=state)
    with pytest.raises(ValidationError, match="bevestigde"):
        slot_save(submission=submission, start=at(call, 10), duration_minutes=30, room=rooms[0])
    assert not Slot.objects.filter(call=call).exists()


def test_slot_save_refuses_a_room_used_twice_at_once(call, rooms):
    first, second = talk(call, "Eerste"), talk(call, "Tweede")
    slot_save(submission=first, start=at(call, 10), duration_minutes=30, room=rooms[0])
    with pytest.raises(ValidationError, match="Eerste"):
        slot_save(submission=second, start=at(call, 10, 15), duration_minutes=30, room=rooms[0])
    # Back to back is fine, and so is another room at the same time.
    slot_save(submission=second, start=at(call, 10, 30), duration_minutes=30, room=rooms[0])
    slot_save(submission=second, start=at(call, 10), duration_minutes=30, room=rooms[1])


def test_slot_save_refuses_a_speaker_in_two_places(call, rooms):
    speaker = UserFactory()
    first = talk(call, "Eerste", speakers=[speaker])
    second = talk(call, "Tweede", speakers=[UserFactory(), speaker])
    slot_save(submission=first, start=at(call, 10), duration_minutes=30, room=rooms[0])
    with pytest.raises(ValidationError, match="spreker"):
        slot_save(submission=second, start=at(call, 10), duration_minutes=30, room=rooms[1])
    assert not Slot.objects.filter(submission=second).exists()


@pytest.mark.parametrize("start", [(-1, 23, 0), (0, 23, 45), (1, 9, 0)])
def test_slot_save_refuses_a_slot_outside_the_meeting_day(call, rooms, start):
    days, hour, minute = start
    moment = at(call, hour, minute) + datetime.timedelta(days=days)
    with pytest.raises(ValidationError, match="dag van de bijeenkomst"):
        slot_save(submission=talk(call), start=moment, duration_minutes=30, room=rooms[0])


def test_slot_save_refuses_a_room_of_another_call(call, rooms, demo):
    from tests.factories import meeting_create

    other = make_call(
        meeting_create(
            number=41, title="Andere", slug="andere", date=call.meeting.date, format="conference"
        )
    )
    room = Room.objects.create(call=other, name_nl="Elders")
    with pytest.raises(ValidationError, match="zalen"):
        slot_save(submission=talk(call), start=at(call, 10), duration_minutes=30, room=room)


def test_slot_clear_takes_a_talk_off_the_programme(call, rooms):
    submission = talk(call)
    slot_save(submission=submission, start=at(call, 10), duration_minutes=30, room=rooms[0])
    slot_clear(submission=submission)
    slot_clear(submission=submission)
    assert not Slot.objects.filter(call=call).exists()


# --- the timetable --------------------------------------------------------------------------


def timetable_url(call):
    return reverse("cfp:timetable", kwargs={"slug": call.meeting.slug})


def test_timetable_is_for_coordinators_only(client, call, speaker):
    assert client.get(timetable_url(call)).status_code == 404


def test_timetable_asks_a_visitor_to_log_in(client, call):
    assert client.get(timetable_url(call)).status_code == 302


def test_timetable_gives_talks_their_slots(coordinator, call, rooms):
    submission = talk(call)
    page = coordinator.get(timetable_url(call))
    assert page.status_code == 200
    assert submission.title in page.text
    prefix = f"talk{submission.pk}"
    data = {f"{prefix}-start": "10:00", f"{prefix}-duration": "30", f"{prefix}-room": rooms[1].pk}
    response = coordinator.post(timetable_url(call), data)
    assert response.status_code == 302
    slot = Slot.objects.get(submission=submission)
    assert (slot.start, slot.duration_minutes, slot.room) == (at(call, 10), 30, rooms[1])
    # The same post again (a double click) changes nothing.
    assert coordinator.post(timetable_url(call), data).status_code == 302
    assert Slot.objects.get(submission=submission).updated_at == slot.updated_at


def test_timetable_refuses_a_clash_next_to_the_row_and_keeps_what_was_typed(
    coordinator, call, rooms
):
    first, second = talk(call, "Eerste"), talk(call, "Tweede")
    data = {}
    for submission in (first, second):
        prefix = f"talk{submission.pk}"
        data |= {f"{prefix}-start": "11:05", f"{prefix}-duration": "30"}
        data[f"{prefix}-room"] = rooms[0].pk
    with translation.override("nl"):
        response = coordinator.post(timetable_url(call), data)
    assert response.status_code == 400
    assert "is op dat moment in gebruik" in response.text
    assert 'value="11:05"' in response.text
    assert not Slot.objects.filter(call=call).exists()


@pytest.mark.parametrize(
    "value", ["25:00", "99999999999999999999", "²", "10:00\x00", "morgen"], ids=repr
)
def test_timetable_refuses_bad_times_with_a_message(coordinator, call, rooms, value):
    submission = talk(call)
    prefix = f"talk{submission.pk}"
    data = {f"{prefix}-start": value, f"{prefix}-duration": "30", f"{prefix}-room": rooms[0].pk}
    response = coordinator.post(timetable_url(call), data)
    assert response.status_code == 400
    assert not Slot.objects.filter(call=call).exists()


@pytest.mark.parametrize("room", ["99999999999999999999", "²", "1\x00", "-1"], ids=repr)
def test_timetable_refuses_an_unknown_room(coordinator, call, rooms, room):
    submission = talk(call)
    prefix = f"talk{submission.pk}"
    data = {f"{prefix}-start": "10:00", f"{prefix}-duration": "30", f"{prefix}-room": room}
    assert coordinator.post(timetable_url(call), data).status_code == 400
    assert not Slot.objects.filter(call=call).exists()


# --- the public programme -------------------------------------------------------------------


def planned(call, rooms, count):
    """``count`` confirmed talks with slots, in two rooms, one speaker each."""
    for index in range(count):
        submission = talk(call, f"Praatje {index}")
        slot_save(
            submission=submission,
            start=at(call, 9) + datetime.timedelta(minutes=30 * (index // 2)),
            duration_minutes=30,
            room=rooms[index % 2],
        )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_programme_page_shows_talks_by_time_and_room(client, call, rooms, language):
    planned(call, rooms, 3)
    talk(call, "Nog niet ingepland")
    with translation.override(language):
        url = reverse("cfp:programme", kwargs={"slug": call.meeting.slug})
    assert url.endswith("/programma/" if language == "nl" else "/programme/")
    page = client.get(url)
    assert page.status_code == 200
    assert "Praatje 2" in page.text
    assert "Nog niet ingepland" not in page.text
    assert ("Grote zaal" if language == "nl" else "Main hall") in page.text
    assert "09:30" in page.text


def test_programme_names_speakers_but_never_their_email(client, call, rooms):
    private = UserFactory(email="private@example.org")
    Person.objects.create(
        user=private, name="Pien Privé", role="official", organisation=OrganisationFactory()
    )
    public = UserFactory(email="public@example.org")
    organisation = OrganisationFactory(name="Gemeente Openstad")
    Person.objects.create(
        user=public, name="Piet Publiek", role="official", organisation=organisation
    )
    Person.objects.filter(user=public).update(public_profile=True)
    submission = talk(call, speakers=[private, public])
    slot_save(submission=submission, start=at(call, 10), duration_minutes=30, room=rooms[0])
    page = client.get(reverse("cfp:programme", kwargs={"slug": call.meeting.slug})).text
    assert "Pien Privé" in page and "Piet Publiek (Gemeente Openstad)" in page
    private_organisation = Person.objects.get(user=private).organisation.name
    assert private_organisation not in page
    assert "private@example.org" not in page and "public@example.org" not in page


def test_programme_of_an_unknown_meeting_is_not_found(client, call):
    url = reverse("cfp:programme", kwargs={"slug": "bestaat-niet"})
    assert client.get(url).status_code == 404


def test_meeting_page_shows_the_slots_under_its_agenda(client, call, rooms):
    planned(call, rooms, 2)
    page = client.get(call.meeting.get_absolute_url())
    assert page.status_code == 200
    assert "Praatje 1" in page.text
    assert reverse("cfp:programme", kwargs={"slug": call.meeting.slug}) in page.text


def test_meeting_page_shows_a_new_slot_at_once(
    client, call, rooms, django_capture_on_commit_callbacks
):
    client.get(call.meeting.get_absolute_url())  # now in the page cache
    with django_capture_on_commit_callbacks(execute=True):
        planned(call, rooms, 1)
    assert "Praatje 0" in client.get(call.meeting.get_absolute_url()).text


@pytest.mark.parametrize("count", [2, 12])
def test_programme_page_queries_do_not_grow_with_talks(
    client, call, rooms, count, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    planned(call, rooms, count)
    url = reverse("cfp:programme", kwargs={"slug": call.meeting.slug})
    client.get(url)
    with django_assert_num_queries(PROGRAMME_QUERIES):
        assert client.get(url).status_code == 200


# The whole page comes from the fragment cache until its meeting changes (the queries of a
# rendering are counted below).
PROGRAMME_QUERIES = 0


@pytest.mark.parametrize("count", [2, 12])
def test_programme_slots_take_two_queries_whatever_their_number(
    call, rooms, count, django_assert_num_queries
):
    planned(call, rooms, count)
    with django_assert_num_queries(2):  # slots with rooms, formats, tracks; speakers
        slots = programme_slots(call)
    assert len(slots) == count


def test_meeting_page_programme_queries_do_not_grow_with_talks(
    call, rooms, queries_of, django_capture_on_commit_callbacks
):
    url = call.meeting.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        planned(call, rooms, 2)
    few = queries_of(url)
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(10):
            slot_save(
                submission=talk(call, f"Extra {index}"),
                start=at(call, 14) + datetime.timedelta(minutes=30 * index),
                duration_minutes=30,
                room=rooms[0],
            )
    assert queries_of(url) == few


# --- exports --------------------------------------------------------------------------------


@pytest.fixture
def programme(call, rooms):
    planned(call, rooms, 4)
    speaker = Submission.objects.get(title="Praatje 0").speakers.get()
    Person.objects.create(user=speaker, name="Ans & <Bert>", role="official")
    return call


def test_schedule_xml_validates_against_the_frab_schema(client, programme):
    url = reverse("cfp:schedule_xml", kwargs={"slug": programme.meeting.slug})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))
    document = etree.fromstring(response.content)
    schema.assertValid(document)
    assert len(document.findall("day/room/event")) == 4
    assert document.find("day/room/event/persons/person").text == "Ans & <Bert>"


def test_schedule_json_validates_against_the_frab_schema(client, programme):
    url = reverse("cfp:schedule_json", kwargs={"slug": programme.meeting.slug})
    data = json.loads(client.get(url).content)
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text())
    jsonschema.validate(data, schema)
    rooms = data["schedule"]["conference"]["days"][0]["rooms"]
    assert sum(len(events) for events in rooms.values()) == 4


def test_programme_calendar_has_one_event_per_talk(client, programme):
    url = reverse("cfp:programme_ics", kwargs={"slug": programme.meeting.slug})
    calendar = Calendar.from_ical(client.get(url).content)
    events = calendar.walk("VEVENT")
    assert len(events) == 4
    assert {str(event["summary"]) for event in events} == {f"Praatje {i}" for i in range(4)}
    assert {event["sequence"] for event in events} == {0}
    assert str(calendar["refresh-interval"].to_ical(), "ascii") == "PT12H"


def test_a_moved_talk_raises_its_calendar_sequence_and_the_same_slot_again_does_not(
    client, programme, rooms
):
    url = reverse("cfp:programme_ics", kwargs={"slug": programme.meeting.slug})
    slot = Slot.objects.filter(call=programme).order_by("pk").first()
    submission = slot.submission

    slot_save(
        submission=submission,
        start=slot.start,
        duration_minutes=slot.duration_minutes,
        room=slot.room,
    )
    slot_save(submission=submission, start=at(programme, 16), duration_minutes=30, room=rooms[1])

    events = {
        str(event["uid"]): event
        for event in Calendar.from_ical(client.get(url).content).walk("VEVENT")
    }
    moved = next(e for uid, e in events.items() if uid.startswith(f"talk-{submission.pk}@"))
    assert moved["sequence"] == 1
    assert sorted(event["sequence"] for event in events.values()) == [0, 0, 0, 1]


def test_programme_page_links_its_exports(client, programme):
    page = client.get(reverse("cfp:programme", kwargs={"slug": programme.meeting.slug})).text
    for name in ("schedule_xml", "schedule_json", "programme_ics"):
        assert reverse(f"cfp:{name}", kwargs={"slug": programme.meeting.slug}) in page


def test_a_speaker_sees_the_slot_on_their_proposal(client, call, rooms):
    speaker = UserFactory()
    submission = talk(call, speakers=[speaker])
    slot_save(submission=submission, start=at(call, 15), duration_minutes=30, room=rooms[1])
    client.force_login(speaker)
    page = client.get(reverse("cfp:proposal", kwargs={"pk": submission.pk})).text
    assert "15:00–15:30" in page and "Raadzaal" in page
