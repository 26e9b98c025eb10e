"""The topic map: topics by votes overall, per province and per size of municipality, as a chart
with its table; fixed query count; cached until votes change."""

import pytest
from django.core.cache import cache

from pioneers.network.models import Organisation
from pioneers.topics import services
from pioneers.topics.models import Topic, TopicRanking
from tests.factories import MembershipFactory
from tests.topics.test_mapping import make_member

pytestmark = pytest.mark.django_db


def test_the_demo_map_ranks_topics_with_chart_and_table_in_both_languages(client, demo):
    html = client.get("/nl/onderwerpen/kaart/").content.decode()
    assert "<svg" in html and 'role="img"' in html and "<table" in html
    assert html.index("Open data") < html.index("Open overheid")  # most votes first
    assert "Belangrijkste onderwerpen per provincie" in html and "Zuid-Holland" in html
    english = client.get("/en/topics/map/").content.decode()
    assert "Topic map" in english and "Citizens&#x27; assemblies" in english
    assert "Social media" not in english  # declined


def test_the_map_per_province_and_per_size(client, demo):
    html = client.get("/en/topics/map/", {"province": "provincie-groningen"}).content.decode()
    assert "Ranking: Provincie Groningen" in html or "Ranking: Groningen" in html
    # Questionnaire answers of municipalities of unknown size left out: an empty group.
    TopicRanking.objects.filter(organisation__population__isnull=True).delete()
    cache.clear()
    html = client.get("/en/topics/map/", {"size": "unknown"}).content.decode()
    assert "No votes in this group yet." in html
    html = client.get("/en/topics/map/", {"size": "city"}).content.decode()
    assert "Ranking: 100,000 inhabitants or more" in html


@pytest.mark.parametrize(
    "query",
    [{"province": "atlantis"}, {"size": "huge"}, {"province": "x" * 5000}, {"size": "\x00"}],
)
def test_an_unknown_group_shows_the_whole_map_with_a_message(client, demo, query):
    response = client.get("/nl/onderwerpen/kaart/", query)
    assert response.status_code == 400
    assert "hier is de kaart van alle leden" in response.content.decode()


def test_a_vote_changes_the_cached_map(client, demo, django_capture_on_commit_callbacks):
    proposal = services.topic_propose(
        person=make_member(), name="Nieuw op de kaart", description="x"
    )
    html = client.get("/nl/onderwerpen/kaart/").content.decode()
    assert "Nieuw op de kaart" in html  # without votes: listed apart
    assert "Nieuw op de kaart" not in _ranking(html)
    with django_capture_on_commit_callbacks(execute=True):
        services.topic_vote_set(person=make_member(), topic=proposal, votes=7)
    assert "Nieuw op de kaart" in _ranking(client.get("/nl/onderwerpen/kaart/").content.decode())


def _ranking(html: str) -> str:
    return html.split('id="map-ranking"')[1].split("</section>")[0]


def test_a_scheduled_topic_links_to_its_meeting(client, demo):
    from pioneers.meetings.models import Meeting

    meeting = Meeting.objects.filter(live=True).exclude(topic=None).order_by("-date").first()
    person = make_member()
    services.topic_vote_set(person=person, topic=meeting.topic, votes=1)
    cache.clear()
    html = client.get("/nl/onderwerpen/kaart/").content.decode()
    assert meeting.get_absolute_url() in html


def _add_votes(n: int) -> None:
    province = Organisation.objects.filter(kind=Organisation.Kind.PROVINCE).first()
    for i in range(n):
        municipality = MembershipFactory(organisation__province=province).organisation
        municipality.population = 10_000 * (i + 1)
        municipality.save()
        person = make_member(municipality=municipality)
        topic = services.topic_propose(person=person, name=f"Onderwerp {n}-{i}", description="x")
        services.topic_vote_set(person=person, topic=topic, votes=3)
        services.topic_vote_set(person=person, topic=Topic.objects.get(slug="open-data"), votes=2)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_map_asks_a_fixed_number_of_queries(cold_queries_of, demo, language):
    url = "/nl/onderwerpen/kaart/" if language == "nl" else "/en/topics/map/"
    _add_votes(2)
    few = cold_queries_of(url)
    _add_votes(8)
    assert cold_queries_of(url) == few


def test_the_demo_proposal_reads_in_english_with_its_comment(client, demo):
    html = client.get("/en/topics/burgerberaden/").content.decode()
    assert "How do you organise a citizens" in html and "Utrecht" in html
    assert 'lang="nl">Wij willen weten hoe je loting' in html  # as written, marked Dutch
