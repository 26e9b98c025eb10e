"""The topic questionnaire sent with a campaign: a municipality ranks topics and proposes its
own through its reply link; the answer counts on the topic map and a new answer replaces it."""

import pytest
from django.urls import reverse
from django.utils import translation

from pioneers.outreach import services
from pioneers.outreach.models import Campaign
from pioneers.topics import selectors as topic_selectors
from pioneers.topics.models import Topic, TopicRanking
from pioneers.topics.services import ranking_topics
from tests.outreach.conftest import make_campaign

pytestmark = pytest.mark.django_db


def url(token, language="en"):
    with translation.override(language):
        return reverse("outreach:reply", args=[token])


@pytest.fixture
def questionnaire(province, municipalities):
    campaign = make_campaign(province, topic_questionnaire=True)
    services.campaign_queue(campaign=campaign)
    recipient = campaign.recipients.order_by("pk").first()
    return recipient, services.reply_token(recipient.nonce)


def topics(count):
    return list(ranking_topics().order_by("name")[:count])


def answer(**fields):
    """The reply form's data; the questionnaire's fields have the prefix "topics-"."""
    topics = {f"topics-{name}": value for name, value in fields.items() if name != "message"}
    message = {"message": fields["message"]} if "message" in fields else {}
    return {"answer": "interested", "contact_name": "", "contact_email": "", **topics, **message}


def overall(topic_map) -> dict:
    return {topic.pk: n for topic, n in topic_map["ranking"].rows}


def test_the_reply_form_asks_for_topics_only_when_the_campaign_does(
    client, questionnaire, campaign
):
    _recipient, token = questionnaire
    page = client.get(url(token)).content.decode()
    assert "1st choice" in page and "Topics you would like to add" in page
    services.campaign_queue(campaign=campaign)
    plain = services.reply_token(campaign.recipients.first().nonce)
    assert "1st choice" not in client.get(url(plain)).content.decode()


def test_a_ranking_and_a_proposal_count_on_the_topic_map(client, questionnaire):
    recipient, token = questionnaire
    first, second = topics(2)
    before = overall(topic_selectors.topic_map())
    response = client.post(
        url(token),
        answer(choice_1=second.pk, choice_2=first.pk, proposals="Thema uit de vragenlijst\n"),
    )
    assert response.status_code == 200
    ranks = dict(
        TopicRanking.objects.filter(organisation=recipient.organisation).values_list(
            "topic_id", "rank"
        )
    )
    assert ranks == {second.pk: 1, first.pk: 2}
    proposal = Topic.objects.get(name="Thema uit de vragenlijst")
    assert proposal.status == Topic.Status.PROPOSED
    assert proposal.proposing_organisation == recipient.organisation
    assert proposal.proposed_by is None
    after = overall(topic_selectors.topic_map())
    assert after[second.pk] == before.get(second.pk, 0) + 5
    assert after[first.pk] == before.get(first.pk, 0) + 4


def test_answering_twice_replaces_the_answer_and_its_proposals(client, questionnaire):
    recipient, token = questionnaire
    first, second, third = topics(3)
    client.post(url(token), answer(choice_1=first.pk, choice_2=second.pk, proposals="Thema A"))
    page = client.get(url(token)).content.decode()
    assert "Thema A" in page  # the earlier answer fills the form again
    client.post(url(token), answer(choice_1=third.pk, proposals="Thema B\nThema B"))
    client.post(url(token), answer(choice_1=third.pk, proposals="Thema B"))  # a double post
    rankings = TopicRanking.objects.filter(organisation=recipient.organisation)
    assert list(rankings.values_list("topic_id", "rank")) == [(third.pk, 1)]
    assert not Topic.all_locales.filter(name="Thema A").exists()
    assert Topic.objects.filter(name="Thema B").count() == 1
    assert list(recipient.proposed_topics.values_list("name", flat=True)) == ["Thema B"]


def test_a_proposal_that_exists_is_not_made_twice(client, questionnaire):
    recipient, token = questionnaire
    (existing,) = topics(1)
    client.post(url(token), answer(proposals=existing.name.upper()))
    assert Topic.objects.filter(name__iexact=existing.name).count() == 1
    assert existing.status != Topic.Status.PROPOSED


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_same_topic_twice_is_refused_and_nothing_is_lost(client, questionnaire, language):
    recipient, token = questionnaire
    (topic,) = topics(1)
    response = client.post(
        url(token, language),
        answer(choice_1=topic.pk, choice_3=topic.pk, proposals="Mijn eigen thema", message="Hoi"),
    )
    assert response.status_code == 422
    page = response.content.decode()
    expected = "al als je 1e keuze" if language == "nl" else "already as your 1st choice"
    assert expected in page
    assert "Mijn eigen thema" in page and "Hoi" in page
    assert not TopicRanking.objects.filter(organisation=recipient.organisation).exists()
    assert not Topic.all_locales.filter(name="Mijn eigen thema").exists()
    recipient.refresh_from_db()
    assert recipient.responded_at is None


@pytest.mark.parametrize("value", ["99999999999999999999", "²", "\x00", "-1", "abc"])
def test_a_choice_that_is_not_a_topic_is_a_form_error(client, questionnaire, value):
    recipient, token = questionnaire
    response = client.post(url(token), answer(choice_1=value))
    assert response.status_code == 422
    assert not TopicRanking.objects.filter(organisation=recipient.organisation).exists()


def test_too_many_proposals_are_refused(client, questionnaire):
    _recipient, token = questionnaire
    response = client.post(url(token), answer(proposals="a\nb\nc\nd"))
    assert response.status_code == 422
    assert "at most 3 topics" in response.content.decode()


def test_a_member_that_votes_counts_with_its_votes_only(questionnaire, demo):
    from pioneers.network.models import Membership
    from pioneers.topics.models import TopicVote

    recipient, _token = questionnaire
    (topic,) = topics(1)
    organisation = recipient.organisation
    services.reply_save(recipient=recipient, answer="interested", ranking=[topic], proposals=[])
    before = overall(topic_selectors.topic_map()).get(topic.pk, 0)
    Membership.objects.create(organisation=organisation, status=Membership.Status.MEMBER)
    TopicVote.objects.create(topic=topic, organisation=organisation, votes=1)
    after = overall(topic_selectors.topic_map()).get(topic.pk, 0)
    assert after == before - 5 + 1


def test_a_newsletter_cannot_ask_for_topics(province):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        make_campaign(
            province,
            purpose=Campaign.Purpose.NEWSLETTER,
            body="Hallo {name}",
            topic_questionnaire=True,
        )


def test_questionnaire_points_count_in_the_planners_order(questionnaire):
    recipient, _token = questionnaire
    (topic,) = topics(1)
    before = dict(topic_selectors.topics_by_votes()).get(topic.pk, 0)
    services.reply_save(recipient=recipient, answer="interested", ranking=[topic], proposals=[])
    assert dict(topic_selectors.topics_by_votes())[topic.pk] == before + 5
