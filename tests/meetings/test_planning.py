"""The coordinator's planner page and the members' availability form."""

import math
import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from pioneers.core.models import User
from pioneers.meetings import services
from pioneers.meetings.models import (
    Availability,
    Format,
    Meeting,
    Programme,
    ProgrammeTopic,
    Registration,
)
from pioneers.network.models import Organisation
from pioneers.topics.models import Topic, TopicRanking, TopicVote
from pioneers.topics.selectors import topics_by_votes
from pioneers.topics.services import topic_get_or_create, topic_vote_set
from tests.admin_forms import PUBLISH, admin_form
from tests.topics.test_mapping import make_member


@pytest.fixture
def programme(demo):
    programme = Programme.objects.create(
        name="2030–2031",
        slug="2030-2031",
        start_date=date(2030, 1, 1),
        end_date=date(2031, 12, 31),
        planned_meetings=8,
    )
    for order, name in enumerate(["Open data", "Participatie", "Woo", "Algoritmes"]):
        topic = topic_get_or_create(name=name)
        ProgrammeTopic.objects.create(programme=programme, topic=topic, sort_order=order)
    return programme


def _row_data(plan, overrides=None):
    data = {"action": "replan"}
    for planned in plan.meetings:
        prefix = f"m{planned.index}-"
        data |= {
            prefix + "date": planned.date.isoformat(),
            prefix + "host_id": planned.host_id,
            prefix + "chair_id": planned.chair_id or "",
            prefix + "format": planned.format,
            prefix + "topic_id": planned.topic_id or "",
        }
    data |= overrides or {}
    return data


def test_planner_shows_a_full_proposal_with_reasons_and_fairness(coordinator, programme):
    response = coordinator.get("/nl/bijeenkomsten/programma/2030-2031/planner/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="m7-date"') == 1 and 'name="m8-date"' not in html
    assert "pioneers-plan-reason" in html and "Reiskilometers per lid" in html


def test_planner_is_for_coordinators_only(client, programme):
    client.force_login(User.objects.get(email="member@example.org"))
    response = client.get("/nl/bijeenkomsten/programma/2030-2031/planner/")
    assert response.status_code == 403


def test_editing_a_cell_locks_it_and_replans_the_rest(coordinator, programme):
    plan = services.plan_programme(programme)
    utrecht = Organisation.objects.get(slug="utrecht")
    first_host = plan.meetings[0].host_id
    new_host = utrecht.pk if first_host != utrecht.pk else Organisation.objects.get(slug="delft").pk
    response = coordinator.post(
        "/nl/bijeenkomsten/programma/2030-2031/planner/",
        _row_data(plan, {"m0-host_id": new_host, "m2-lock_format": "on"}),
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.plan_locks["0"] == {"host_id": new_host}
    assert programme.plan_locks["2"] == {"format": plan.meetings[2].format}
    replanned = services.plan_programme(programme)
    assert replanned.meetings[0].host_id == new_host
    html = coordinator.get("/nl/bijeenkomsten/programma/2030-2031/planner/").content.decode()
    assert re.search(r'<input[^>]*name="m0-lock_host_id"[^>]*checked', html)
    assert not re.search(r'<input[^>]*name="m0-lock_chair_id"[^>]*checked', html)
    assert "Vastgezet door de coördinator" in html
    hosts = [m.host_id for m in replanned.meetings]
    assert len(set(hosts)) == len(hosts)
    # Same inputs, same plan.
    assert services.plan_programme(programme) == replanned


def test_invalid_cells_change_nothing_and_keep_what_was_typed(coordinator, programme):
    plan = services.plan_programme(programme)
    budget = Topic.objects.get(slug="open-begroting", locale__language_code="nl")
    response = coordinator.post(
        "/nl/bijeenkomsten/programma/2030-2031/planner/",
        _row_data(plan, {"m1-date": "31-02-2030", "m1-topic_id": budget.pk}),
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "niet geldig" in html
    assert re.search(rf'<option value="{budget.pk}" selected>Open begroting</option>', html)
    programme.refresh_from_db()
    assert programme.plan_locks == {}


def test_create_and_publish_meetings_from_the_plan(coordinator, programme):
    url = "/nl/bijeenkomsten/programma/2030-2031/planner/"
    response = coordinator.post(url, {"action": "create"}, follow=True)
    assert "8 conceptbijeenkomsten gemaakt; publiceer ze in het beheer." in (
        response.content.decode()
    )
    meetings = list(programme.meetings.order_by("number"))
    assert [m.number for m in meetings] == list(range(1, 9))
    assert not any(m.live for m in meetings)
    # Creating again adds nothing.
    coordinator.post(url, {"action": "create"})
    assert programme.meetings.count() == 8
    first = meetings[0]
    # The draft's page tells the coordinator where to publish it.
    html = coordinator.get(first.get_absolute_url()).content.decode()
    assert "Publiceren in het beheer" in html
    edit = f"/admin/snippets/meetings/meeting/edit/{first.pk}/"
    assert f'href="{edit}"' in html
    data = admin_form(coordinator, edit) | {"street_address": "Stadhuisplein 1"}
    assert coordinator.post(edit, data | PUBLISH).status_code == 302
    first.refresh_from_db()
    assert first.live and first.street_address == "Stadhuisplein 1"
    assert first.live_revision is not None


def test_member_states_availability_and_the_planner_respects_it(client, programme):
    member = User.objects.get(email="member@example.org")
    client.force_login(member)
    url = "/nl/bijeenkomsten/programma/2030-2031/beschikbaarheid/"
    response = client.post(url, {"willing_to_chair": "on", "blocked_dates": "geen datum"})
    assert response.status_code == 422
    assert "Geen datum: geen datum" in response.content.decode()
    assert not Availability.objects.exists()
    response = client.post(url, {"willing_to_chair": "on", "blocked_dates": "12-03-2030\n"})
    assert response.status_code == 302
    availability = Availability.objects.get(programme=programme)
    organisation = member.person.organisation
    assert availability.organisation == organisation and not availability.willing_to_host
    assert availability.blocked_dates == ["2030-03-12"]
    plan = services.plan_programme(programme)
    assert organisation.pk not in [m.host_id for m in plan.meetings]


def test_members_without_a_location_or_with_an_unknown_province_are_planned_safely(programme):
    schiedam = Organisation.objects.get(slug="schiedam")
    schiedam.latitude = None
    schiedam.save()
    utrecht = Organisation.objects.get(slug="utrecht")
    utrecht.province = Organisation.objects.create(
        name="Atlantis", slug="atlantis", kind="province"
    )
    utrecht.save()
    plan = services.plan_programme(programme)
    assert len(plan.meetings) == 8 and all(m.host_id for m in plan.meetings)
    assert schiedam.pk not in {m.host_id for m in plan.meetings}
    assert schiedam.pk not in {m.chair_id for m in plan.meetings}


def _km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def test_existing_meetings_are_fixed_points_of_the_plan(coordinator):
    # The demo's upcoming programme: meetings 1-4 published, 5-8 drafts. Drop 6-8 so the
    # planner has something left to plan.
    programme = Programme.objects.get(end_date__gte=timezone.localdate())
    programme.meetings.filter(number__gte=6).delete()
    first = programme.meetings.get(number=1)
    assert first.live
    Registration.objects.create(
        meeting=first, name="Ada", email="ada@example.org", status="confirmed"
    )
    # Its host no longer offers to host or chair: a plan from scratch would move meeting 1.
    Availability.objects.create(
        programme=programme,
        organisation=first.host,
        willing_to_host=False,
        willing_to_chair=False,
        blocked_dates=[first.date.isoformat()],
    )
    existing = {
        m.number: (m.date, m.host_id, m.guest_chair_id, m.format, m.topic_id)
        for m in programme.meetings.all()
    }
    url = f"/nl/bijeenkomsten/programma/{programme.slug}/planner/"
    plan = services.plan_programme(programme)
    assert plan.meetings[0].host_id == first.host_id  # not moved to an imaginary venue
    # The coordinator changes a new meeting and re-plans the rest.
    other = next(
        o.pk
        for o in Organisation.objects.filter(slug__in=["utrecht", "delft", "schiedam"])
        if o.pk not in {h for _d, h, *_rest in existing.values()}
    )
    data = {"action": "replan"}
    for planned in plan.meetings[5:]:
        prefix = f"m{planned.index}-"
        data |= {
            prefix + "date": planned.date.isoformat(),
            prefix + "host_id": planned.host_id,
            prefix + "chair_id": planned.chair_id or "",
            prefix + "format": planned.format,
            prefix + "topic_id": planned.topic_id or "",
        }
    data["m5-host_id"] = other
    # A tampered row for meeting 1 is ignored: it is no form field any more.
    data |= {"m0-host_id": other, "m0-lock_host_id": "on"}
    assert coordinator.post(url, data).status_code == 302
    programme.refresh_from_db()
    plan = services.plan_programme(programme)
    for number, cells in existing.items():
        planned = plan.meetings[number - 1]
        assert planned.fixed
        assert (planned.date, planned.host_id, planned.chair_id, planned.format) == cells[:4]
        assert planned.topic_id == cells[4]
    assert plan.meetings[5].host_id == other
    hosts = [m.host_id for m in plan.meetings]
    assert len(set(hosts)) == 8  # no new meeting at an existing venue
    # The fairness figures are those of the real programme: existing and new meetings.
    organisations = Organisation.objects.in_bulk([*hosts, *plan.travel_km])
    for member_id, km in plan.travel_km.items():
        expected = sum(_km(organisations[member_id], organisations[h]) for h in hosts)
        assert km == pytest.approx(expected, abs=0.06)
    first_province = first.host.province.name
    assert plan.hosts_per_province[first_province] >= 1
    assert sum(plan.hosts_per_province.values()) == 8

    html = coordinator.get(url).content.decode()
    assert 'name="m0-host_id"' not in html and 'name="m5-host_id"' in html
    assert "De bijeenkomst bestaat al; blijft zoals ze is" in html
    assert first.host.name in html

    # Drafts come only for the meetings that do not exist; meeting 1 is untouched.
    coordinator.post(url, {"action": "create"})
    assert sorted(programme.meetings.values_list("number", flat=True)) == list(range(1, 9))
    first.refresh_from_db()
    assert (first.date, first.host_id, first.guest_chair_id) == existing[1][:3]


def test_drafts_from_the_plan_get_the_programmes_topics_in_order(coordinator, programme):
    url = "/nl/bijeenkomsten/programma/2030-2031/planner/"
    assert coordinator.post(url, {"action": "create"}).status_code == 302
    meetings = list(programme.meetings.select_related("topic").order_by("number"))
    names = ["Open data", "Participatie", "Woo", "Algoritmes"]
    assert [m.topic.name for m in meetings[:4]] == names
    assert [m.title for m in meetings[:4]] == names
    # After the list, the topics with the most votes of member municipalities, most first.
    voted = [pk for pk, _n in topics_by_votes() if pk not in {m.topic_id for m in meetings[:4]}]
    assert [m.topic_id for m in meetings[4:]] == (voted + [None] * 4)[:4]


def test_the_planner_takes_the_topics_with_most_votes_after_the_list(coordinator, programme):
    TopicVote.objects.all().delete()
    TopicRanking.objects.all().delete()  # the demo's questionnaire answers count like votes
    person = make_member()
    budget_topic = topic_get_or_create(name="Open begroting")
    inclusion = topic_get_or_create(name="Digitale inclusie")
    topic_vote_set(person=person, topic=inclusion, votes=2)
    topic_vote_set(person=person, topic=budget_topic, votes=5)
    topic_vote_set(person=person, topic=Topic.objects.get(slug="open-data"), votes=3)  # listed
    plan = services.plan_programme(programme)
    assert [m.topic_id for m in plan.meetings[4:7]] == [budget_topic.pk, inclusion.pk, None]
    assert (
        plan.meetings[4].reasons["topic"] == "De meeste stemmen van de overgebleven onderwerpen (5)"
    )


def test_a_topic_chosen_in_the_planner_is_locked_by_its_id(coordinator, programme):
    plan = services.plan_programme(programme)
    budget = Topic.objects.get(slug="open-begroting", locale__language_code="nl")
    response = coordinator.post(
        "/nl/bijeenkomsten/programma/2030-2031/planner/",
        _row_data(plan, {"m5-topic_id": budget.pk}),
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.plan_locks == {"5": {"topic_id": budget.pk}}
    replanned = services.plan_programme(programme)
    assert replanned.meetings[5].topic_id == budget.pk
    assert "topic" in replanned.meetings[5].locked
    # A locked topic that is deleted since is planned anew, not a broken link.
    programme.plan_locks = {"5": {"topic_id": budget.pk + 1000}}
    programme.save()
    assert services.plan_programme(programme).meetings[5].topic_id != budget.pk + 1000


def test_drafts_from_the_plan_are_in_the_networks_language(coordinator, programme):
    # The coordinator works in English; the drafts are what Dutch visitors will read.
    TopicVote.objects.all().delete()  # no topics by votes: some meetings stay without one
    TopicRanking.objects.all().delete()  # nor by questionnaire answers
    url = "/en/meetings/programme/2030-2031/planner/"
    assert coordinator.post(url, {"action": "create"}).status_code == 302
    for meeting in programme.meetings.select_related("host"):
        assert meeting.venue_name == f"Gemeentehuis {meeting.host.name}"
        assert "Town hall" not in meeting.venue_name
        assert "(" not in meeting.city and meeting.city in meeting.host.name
    # A meeting without a topic is named after its format, in Dutch.
    with translation.override("nl"):
        dutch = {str(label).capitalize() for label in Format.labels}
    untitled = programme.meetings.filter(topic=None)
    assert untitled and all(m.title in dutch for m in untitled)
    # The topics of the planned meetings are scheduled now.
    planned = Topic.objects.filter(meetings__programme=programme).distinct()
    assert planned and {topic.status for topic in planned} == {Topic.Status.SCHEDULED}
    # What is known of the place is shown without empty parts.
    meeting = programme.meetings.get(number=1)
    html = coordinator.get(f"/nl/bijeenkomsten/{meeting.slug}/").content.decode()
    assert f"{meeting.venue_name}, {meeting.city}" in html
    assert ", ," not in html and ",  " not in html


def test_publishing_refuses_a_meeting_people_cannot_find(coordinator, programme):
    services.meetings_create_from_plan(programme=programme, plan=services.plan_programme(programme))
    meeting = programme.meetings.get(number=1)
    assert meeting.street_address == ""
    url = f"/admin/snippets/meetings/meeting/edit/{meeting.pk}/"
    data = admin_form(coordinator, url)
    response = coordinator.post(url, data | PUBLISH)
    assert response.status_code == 200  # the form again, with the error on the field
    assert "Vul dit in voordat de bijeenkomst wordt gepubliceerd." in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.live and meeting.latest_revision is None  # nothing saved
    # A draft may be incomplete: saving it without publishing works.
    assert coordinator.post(url, data | {"description": "Eerst een concept"}).status_code == 302
    meeting.refresh_from_db()
    assert not meeting.live and meeting.description == "Eerst een concept"
    # Every way of publishing keeps the rule, also without the admin.
    with pytest.raises(ValidationError) as refused:
        meeting.save_revision().publish()
    assert list(refused.value.error_dict) == ["street_address"]
    assert not Meeting.objects.get(pk=meeting.pk).live
    # With the address filled in it publishes.
    data = admin_form(coordinator, url) | {"street_address": "Stadhuisplein 1"}
    assert coordinator.post(url, data | PUBLISH).status_code == 302
    meeting.refresh_from_db()
    assert meeting.live and meeting.street_address == "Stadhuisplein 1"


def test_a_programmes_topics_are_chosen_in_order_in_the_admin(coordinator, programme):
    url = f"/admin/snippets/meetings/programme/edit/{programme.pk}/"
    html = coordinator.get(url).content.decode()
    assert 'name="topic_items-TOTAL_FORMS"' in html
    budget, woo = (Topic.objects.originals().get(slug=s) for s in ("open-begroting", "woo"))
    existing = list(programme.topic_items.all())
    data = {
        "name": programme.name,
        "slug": programme.slug,
        "start_date": "2030-01-01",
        "end_date": "2031-12-31",
        "cadence_months": 3,
        "planned_meetings": 8,
        "topic_items-TOTAL_FORMS": len(existing) + 2,
        "topic_items-INITIAL_FORMS": len(existing),
        "topic_items-MIN_NUM_FORMS": 0,
        "topic_items-MAX_NUM_FORMS": 1000,
    }
    # The four topics the programme had go; the two chosen now come in their order.
    for index, item in enumerate(existing):
        data |= {
            f"topic_items-{index}-id": item.pk,
            f"topic_items-{index}-topic": item.topic_id,
            f"topic_items-{index}-ORDER": index + 1,
            f"topic_items-{index}-DELETE": "on",
        }
    new = len(existing)
    data |= {
        f"topic_items-{new}-id": "",
        f"topic_items-{new}-topic": woo.pk,
        f"topic_items-{new}-ORDER": new + 2,
        f"topic_items-{new + 1}-id": "",
        f"topic_items-{new + 1}-topic": budget.pk,
        f"topic_items-{new + 1}-ORDER": new + 1,
    }
    response = coordinator.post(url, data)
    assert response.status_code == 302
    assert [i.topic for i in programme.topic_items.all()] == [budget, woo]
    assert services.plan_programme(programme).meetings[0].topic_id == budget.pk
