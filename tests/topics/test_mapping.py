"""Topic mapping: members propose topics, spread their municipality's votes over them and
comment; coordinators accept, decline and merge proposals, in the admin by the same rules."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from pioneers.core.models import NetworkSettings
from pioneers.network.models import Membership, Person
from pioneers.topics import services
from pioneers.topics.forms import TopicAdminForm
from pioneers.topics.models import Topic, TopicComment, TopicVote
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def make_member(*, municipality=None, public_profile=False, name="Test Pionier") -> Person:
    """A pioneer of a (new) member municipality."""
    if municipality is None:
        municipality = MembershipFactory().organisation
    user = UserFactory()
    return Person.objects.create(
        user=user,
        name=name,
        organisation=municipality,
        role=Person.Role.OFFICIAL,
        public_profile=public_profile,
    )


def make_outsider() -> Person:
    """A pioneer of a municipality that is not a member."""
    return make_member(municipality=OrganisationFactory())


def topic(slug="open-data") -> Topic:
    return Topic.objects.get(slug=slug)


def votes_of(organisation) -> dict:
    return dict(
        TopicVote.objects.filter(organisation=organisation).values_list("topic__slug", "votes")
    )


# --- proposals ---------------------------------------------------------------------------------


def test_a_member_proposes_a_topic_with_values(demo):
    person = make_member()
    proposed = services.topic_propose(
        person=person,
        name="  Open   algoritmes ",
        description="Welke algoritmes gebruikt de gemeente?",
        values=["transparency", "technology"],
    )
    assert (proposed.name, proposed.slug, proposed.status) == (
        "Open algoritmes",
        "open-algoritmes",
        Topic.Status.PROPOSED,
    )
    assert proposed.proposed_by == person
    assert proposed.proposing_organisation == person.organisation
    with translation.override("en"):
        assert [str(v) for v in proposed.values] == ["transparency", "technology and innovation"]


@pytest.mark.parametrize("name", ["open data", "OPEN DATA", "Open government"])
def test_a_duplicate_title_in_any_case_or_language_gets_a_clear_message(demo, name):
    before = Topic.all_locales.count()
    with (
        translation.override("nl"),
        pytest.raises(services.TopicError, match="Er is al een onderwerp"),
    ):
        services.topic_propose(person=make_member(), name=name, description="x")
    assert Topic.all_locales.count() == before


def test_a_non_member_cannot_propose_vote_or_comment(demo):
    outsider = make_outsider()
    with pytest.raises(services.TopicError):
        services.topic_propose(person=outsider, name="Iets nieuws", description="x")
    with pytest.raises(services.TopicError):
        services.topic_vote_set(person=outsider, topic=topic(), votes=1)
    with pytest.raises(services.TopicError):
        services.topic_comment_create(person=outsider, topic=topic(), text="Hallo")
    assert not TopicVote.objects.filter(organisation=outsider.organisation).exists()


def test_a_reserved_word_is_never_a_topic_slug(demo):
    assert services.topic_get_or_create(name="Kaart").slug == "kaart-2"


def test_the_propose_page_refuses_non_members_and_keeps_typed_text(client, demo):
    client.force_login(make_outsider().user)
    response = client.get("/nl/onderwerpen/voorstellen/")
    assert response.status_code == 403
    assert "Alleen pioniers van een aangesloten gemeente" in response.content.decode()
    client.force_login(make_member().user)
    response = client.post(
        "/nl/onderwerpen/voorstellen/", {"name": "Open data", "description": "Mijn uitleg"}
    )
    html = response.content.decode()
    assert "Er is al een onderwerp" in html and "Mijn uitleg" in html
    response = client.post(
        "/en/topics/propose/",
        {"name": "Open procurement data", "description": "Contracts in the open", "values": ["x"]},
    )
    assert response.status_code == 422
    assert not Topic.objects.filter(name="Open procurement data").exists()
    response = client.post(
        "/en/topics/propose/",
        {"name": "Open procurement data", "description": "Contracts", "values": ["transparency"]},
    )
    assert response.status_code == 302
    assert Topic.objects.get(name="Open procurement data").transparency


# --- decisions ---------------------------------------------------------------------------------


def test_declining_gives_the_votes_back_and_merging_moves_them(demo):
    person = make_member()
    first = services.topic_propose(person=person, name="Voorstel een", description="x")
    second = services.topic_propose(person=person, name="Voorstel twee", description="x")
    services.topic_vote_set(person=person, topic=first, votes=3)
    services.topic_vote_set(person=person, topic=second, votes=2)
    services.topic_vote_set(person=person, topic=topic(), votes=1)
    services.topic_comment_create(person=person, topic=first, text="Goed idee")

    services.topic_set_status(topic=first, status=Topic.Status.MERGED, merged_into=topic())
    assert votes_of(person.organisation) == {"voorstel-twee": 2, "open-data": 4}
    assert TopicComment.objects.get(text="Goed idee").topic == topic()
    services.topic_set_status(topic=second, status=Topic.Status.DECLINED)
    assert votes_of(person.organisation) == {"open-data": 4}
    with pytest.raises(services.TopicError):
        services.topic_vote_set(person=person, topic=second, votes=1)
    with pytest.raises(services.TopicError):
        services.topic_set_status(topic=first, status=Topic.Status.ACCEPTED)


def test_a_topic_cannot_be_merged_into_itself_or_a_closed_one(demo):
    declined = services.topic_propose(person=make_member(), name="Weg", description="x")
    services.topic_set_status(topic=declined, status=Topic.Status.DECLINED)
    for into in (topic(), declined):
        with pytest.raises(services.TopicError):
            services.topic_set_status(topic=topic(), status=Topic.Status.MERGED, merged_into=into)
    with pytest.raises(services.TopicError):
        services.topic_set_status(topic=topic(), status=Topic.Status.MERGED)


def _admin_data(instance, **changes):
    data = {
        "name": instance.name,
        "slug": instance.slug,
        "description": instance.description,
        "status": instance.status,
        "merged_into": instance.merged_into_id or "",
        "proposing_organisation": instance.proposing_organisation_id or "",
        "proposed_by": instance.proposed_by_id or "",
    }
    data.update(changes)
    return data


def _admin_form(instance, **changes):
    from pioneers.topics.wagtail_hooks import TopicViewSet

    form_class = TopicViewSet().get_edit_handler().get_form_class()
    return form_class(_admin_data(instance, **changes), instance=instance, for_user=None)


def test_the_admin_merges_by_the_services_rules(demo):
    person = make_member()
    proposal = services.topic_propose(person=person, name="Dubbel", description="x")
    services.topic_vote_set(person=person, topic=proposal, votes=2)
    form = _admin_form(proposal, status="merged")
    assert not form.is_valid()
    assert "status" in form.errors
    form = _admin_form(proposal, status="merged", merged_into=proposal.pk)
    assert not form.is_valid()
    form = _admin_form(proposal, name="Open Data")
    assert not form.is_valid() and "name" in form.errors
    form = _admin_form(proposal, status="merged", merged_into=topic().pk)
    assert isinstance(form, TopicAdminForm) and form.is_valid(), form.errors
    form.save()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.merged_into) == ("merged", topic())
    assert votes_of(person.organisation) == {"open-data": 2}


# --- votes -------------------------------------------------------------------------------------


def test_votes_stay_within_the_budget_and_a_double_click_changes_nothing(demo):
    settings = NetworkSettings.load()
    settings.topic_votes = 5
    settings.save()
    cache.clear()  # the test's transaction never commits, which would empty the cached settings
    person = make_member()
    colleague = make_member(municipality=person.organisation)
    services.topic_vote_set(person=person, topic=topic(), votes=3)
    services.topic_vote_set(person=person, topic=topic(), votes=3)  # a double click
    services.topic_vote_set(person=colleague, topic=topic("participatie"), votes=2)
    with translation.override("en"), pytest.raises(services.TopicError, match="at most 2"):
        services.topic_vote_set(person=colleague, topic=topic("participatie"), votes=3)
    assert votes_of(person.organisation) == {"open-data": 3, "participatie": 2}
    services.topic_vote_set(person=person, topic=topic(), votes=0)
    assert votes_of(person.organisation) == {"participatie": 2}


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every writer; the race this guards against needs PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
def test_two_pioneers_voting_at_once_never_exceed_the_budget(demo):
    start = threading.Barrier(2)
    person = make_member()
    colleague = make_member(municipality=person.organisation)
    budget = NetworkSettings.load().topic_votes
    outcomes = []

    def vote(who, slug):
        try:
            start.wait()
            services.topic_vote_set(person=who, topic=topic(slug), votes=budget)
            outcomes.append("ok")
        except Exception as error:  # noqa: BLE001 - the refusal or a lock timeout
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=vote, args=(person, "open-data")),
        threading.Thread(target=vote, args=(colleague, "participatie")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(votes_of(person.organisation).values()) == budget
    assert outcomes.count("ok") == 1


def test_the_vote_buttons_work_with_htmx_and_without(client, demo):
    person = make_member()
    client.force_login(person.user)
    target = topic()
    response = client.post(f"/nl/onderwerpen/{target.pk}/stemmen/", {"votes": "1"})
    assert response.status_code == 302 and response["Location"].endswith("#votes")
    response = client.post(
        f"/nl/onderwerpen/{target.pk}/stemmen/", {"votes": "2"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="ballot"' in html
    assert "8 van 10 stemmen over" in html
    assert votes_of(person.organisation) == {"open-data": 2}


@pytest.mark.parametrize(
    ("path", "data", "status"),
    [
        ("/en/topics/99999999/vote/", {"votes": "1"}, 302),
        ("/en/topics/{pk}/vote/", {"votes": "-1"}, 302),
        ("/en/topics/{pk}/vote/", {"votes": "abc"}, 302),
        ("/en/topics/{pk}/vote/", {"votes": "99999999999999999999"}, 302),
        ("/en/topics/{pk}/vote/", {"votes": "11"}, 302),
        ("/en/topics/{pk}/vote/", {}, 302),
        ("/en/topics/99999999999999999999/vote/", {"votes": "1"}, 404),
    ],
)
def test_tampered_votes_change_nothing_and_say_why(client, demo, path, data, status):
    person = make_member()
    client.force_login(person.user)
    response = client.post(path.format(pk=topic().pk), data, follow=False)
    assert response.status_code == status
    assert not TopicVote.objects.filter(organisation=person.organisation).exists()
    if status == 302:
        page = client.get(response["Location"]).content.decode()
        assert 'role="alert"' in page or "utrecht-alert" in page or "pioneers-messages" in page


def test_htmx_refusals_answer_with_the_message(client, demo):
    client.force_login(make_outsider().user)
    response = client.post(
        f"/en/topics/{topic().pk}/vote/", {"votes": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 422
    assert "Only pioneers of a member municipality" in response.content.decode()
    response = client.post(
        "/en/topics/99999999/vote/", {"votes": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 404
    assert "does not exist" in response.content.decode()


def test_a_visitor_is_sent_to_log_in(client, demo):
    before = TopicVote.objects.count()
    response = client.post(f"/nl/onderwerpen/{topic().pk}/stemmen/", {"votes": "1"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert TopicVote.objects.count() == before


def test_votes_of_a_municipality_that_left_no_longer_count(demo):
    person = make_member()
    services.topic_vote_set(person=person, topic=topic(), votes=4)
    from pioneers.topics.selectors import topic_vote_total

    before = topic_vote_total(topic())
    Membership.objects.filter(organisation=person.organisation).update(status="left")
    assert topic_vote_total(topic()) == before - 4


# --- comments and the topic's page ------------------------------------------------------------


def test_comments_show_a_name_only_with_consent(client, demo):
    public = make_member(public_profile=True, name="Anna Open")
    private = make_member(name="Piet Prive")
    services.topic_comment_create(person=public, topic=topic(), text="Eerste reactie")
    services.topic_comment_create(person=private, topic=topic(), text="Tweede reactie")
    services.topic_comment_create(person=private, topic=topic(), text="Tweede reactie")
    assert TopicComment.objects.filter(text="Tweede reactie").count() == 1
    html = client.get("/nl/onderwerpen/open-data/").content.decode()
    assert "Anna Open" in html and "Eerste reactie" in html and "Tweede reactie" in html
    assert "Piet Prive" not in html
    assert private.organisation.name in html


def test_a_failed_comment_keeps_its_text(client, demo):
    client.force_login(make_outsider().user)
    response = client.post(f"/nl/onderwerpen/{topic().pk}/reageren/", {"text": "Mijn lange tekst"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "Mijn lange tekst" in html and "Alleen pioniers" in html
    assert not TopicComment.objects.filter(text="Mijn lange tekst").exists()


def test_the_topic_page_shows_the_proposal_votes_and_controls_for_members(client, demo):
    person = make_member()
    proposal = services.topic_propose(
        person=person,
        name="Open inkoop",
        description="Inkoop in het openbaar",
        values=["accountability"],
    )
    services.topic_vote_set(person=person, topic=proposal, votes=3)
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "Inkoop in het openbaar" in html and "verantwoording" in html.lower()
    assert person.organisation.name in html and "3 stemmen" in html
    assert 'id="ballot"' not in html  # a visitor sees no buttons
    client.force_login(person.user)
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert 'id="ballot"' in html and "Reactie plaatsen" in html


def test_a_merged_topic_leads_to_the_one_it_was_merged_into(client, demo):
    proposal = services.topic_propose(person=make_member(), name="Dubbel", description="x")
    services.topic_set_status(topic=proposal, status="merged", merged_into=topic())
    response = client.get(proposal.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == topic().get_absolute_url()


def test_a_persons_proposals_and_comments_are_exported_and_erased(demo):
    person = make_member(public_profile=True, name="Anna Open")
    proposal = services.topic_propose(person=person, name="Mijn voorstel", description="x")
    services.topic_comment_create(person=person, topic=proposal, text="Mijn reactie")
    exported = services.topics_export(person.user)
    assert exported["topics_proposed"][0]["topic"] == "Mijn voorstel"
    assert exported["topic_comments"][0]["text"] == "Mijn reactie"
    services.topics_erase(person.user)
    proposal.refresh_from_db()
    comment = TopicComment.objects.get(text="Mijn reactie")
    assert proposal.proposed_by is None and proposal.proposing_organisation == person.organisation
    assert comment.person is None and comment.author == person.organisation.name


def test_a_coordinator_declines_a_proposal_in_the_admin(client, demo):
    from bs4 import BeautifulSoup

    from pioneers.core.models import User

    person = make_member()
    proposal = services.topic_propose(person=person, name="Weg ermee", description="x")
    services.topic_vote_set(person=person, topic=proposal, votes=2)
    client.force_login(User.objects.get(email="coordinator@example.org"))
    url = f"/admin/snippets/topics/topic/edit/{proposal.pk}/"
    page = BeautifulSoup(client.get(url).content, "html.parser")
    form = page.find("input", attrs={"name": "name"}).find_parent("form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file", "checkbox"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "")
    data["status"] = "merged"  # without a topic to merge into: refused, nothing changed
    assert client.post(url, data).status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == "proposed" and TopicVote.objects.filter(topic=proposal).exists()
    data["status"] = "declined"
    assert client.post(url, data).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "declined"
    assert not TopicVote.objects.filter(topic=proposal).exists()
