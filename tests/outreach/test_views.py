"""The campaign pages (coordinators only), the reply form and unsubscribing: bad input gets a
clear page and changes nothing."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from pioneers.core.models import User
from pioneers.network.models import ContactLog
from pioneers.outreach import services
from pioneers.outreach.models import Campaign, Recipient, Unsubscribe
from tests.outreach.conftest import LETTER, make_campaign, make_municipalities

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"outreach:{name}", args=args)


def campaign_data(province, **changes):
    return {
        "title": "Uitnodiging",
        "subject": "Doe mee, {municipality}",
        "body": LETTER,
        "subject_en": "",
        "body_en": "",
        "channel": "email",
        "kind": "municipality",
        "province": str(province.pk),
        "membership": "non_members",
        **changes,
    }


def test_campaign_pages_are_for_coordinators_only(client, demo, campaign):
    client.force_login(User.objects.get(email="member@example.org"))
    for page in (url("campaigns"), url("campaign", campaign.pk), url("campaign_new")):
        assert client.get(page).status_code == 403
    assert client.post(url("campaign_send", campaign.pk)).status_code == 403
    assert not campaign.recipients.exists()


def test_a_coordinator_writes_and_sends_a_campaign(
    coordinator, province, municipalities, django_capture_on_commit_callbacks
):
    response = coordinator.post(url("campaign_new"), campaign_data(province))
    campaign = Campaign.objects.get(title="Uitnodiging")
    assert response.status_code == 302
    page = coordinator.get(url("campaign", campaign.pk)).content.decode()
    assert "The selection holds 3 organisations." in page
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(url("campaign_send", campaign.pk))
        coordinator.post(url("campaign_send", campaign.pk))  # a double click
    assert len(mail.outbox) == 3
    page = coordinator.get(url("campaign", campaign.pk)).content.decode()
    assert '<progress id="campaign-progress-bar" max="3" value="3"' in page
    assert "3 of 3 sent" in page
    assert 'id="funnel"' in page


def test_the_progress_block_polls_while_sending(coordinator, campaign):
    services.campaign_queue(campaign=campaign)  # the task has not run: nothing sent yet
    block = coordinator.get(url("campaign_progress", campaign.pk)).content.decode()
    assert 'data-hx-trigger="every 2s"' in block
    assert 'value="0"' in block and "0 of 3 sent" in block


def test_an_unknown_merge_field_is_refused_with_what_was_typed_kept(coordinator, province):
    response = coordinator.post(
        url("campaign_new"), campaign_data(province, body="Beste {gemente}, doe mee.")
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "The merge field {gemente} does not exist." in page
    assert "{municipality}, {contact_name}, {reply_link}, {unsubscribe_link}" in page
    assert "Beste {gemente}, doe mee." in page
    assert not Campaign.objects.filter(title="Uitnodiging").exists()


def test_the_merge_field_message_is_in_dutch_for_a_dutch_coordinator(coordinator, province):
    response = coordinator.post(
        url("campaign_new", language="nl"), campaign_data(province, subject="Hallo {gemente}")
    )
    assert "Het invulveld {gemente} bestaat niet." in response.content.decode()


def test_a_sent_campaign_is_not_edited(coordinator, campaign, province):
    services.campaign_queue(campaign=campaign)
    response = coordinator.post(url("campaign_edit", campaign.pk), campaign_data(province))
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.title == "Uitnodiging 2018"


@pytest.mark.parametrize("name", ["campaign", "campaign_edit", "campaign_progress"])
def test_ids_that_are_not_ids_are_not_found(coordinator, name):
    path = url(name, 1).replace("/1/", "/99999999999999999999/")
    assert coordinator.get(path).status_code == 404
    assert coordinator.get(url(name, 999999999999999999)).status_code == 404


def test_bad_province_choice_is_a_form_error(coordinator, province):
    data = campaign_data(province)
    data["province"] = "99999999999999999999"
    response = coordinator.post(url("campaign_new"), data)
    assert response.status_code == 422


def queued_recipient(campaign):
    services.campaign_queue(campaign=campaign)
    recipient = campaign.recipients.order_by("pk").first()
    return recipient, services.reply_token(recipient.nonce)


def test_a_reply_through_the_link_twice_updates_one_reply(client, campaign):
    recipient, token = queued_recipient(campaign)
    page = client.get(url("reply", token))
    assert page.status_code == 200
    assert recipient.organisation.name in page.content.decode()
    answer = {"answer": "interested", "contact_name": "Anna de Vries", "contact_email": ""}
    assert client.post(url("reply", token), answer).status_code == 200
    answer["answer"] = "contact_me"
    answer["contact_email"] = "anna@example.org"
    response = client.post(url("reply", token), answer)
    assert "Your reply is changed" in response.content.decode()
    recipient.refresh_from_db()
    assert recipient.answer == "contact_me" and recipient.opened_at is not None
    assert ContactLog.objects.filter(organisation=recipient.organisation).count() == 1


def test_contact_me_without_a_way_to_reach_is_refused_and_kept(client, campaign):
    recipient, token = queued_recipient(campaign)
    response = client.post(url("reply", token), {"answer": "contact_me", "contact_name": "Anna"})
    assert response.status_code == 422
    assert "Give an email address or phone number" in response.content.decode()
    assert 'value="Anna"' in response.content.decode()
    recipient.refresh_from_db()
    assert recipient.responded_at is None


@pytest.mark.parametrize(
    "token", ["0" * 32, "nonsense", "99999999999999999999", "a" * 300, "%00", "ABCDEF" * 6]
)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_unknown_reply_link_gets_a_clear_page(client, demo, token, language):
    response = client.post(url("reply", "x", language=language).replace("/x/", f"/{token}/"))
    assert response.status_code == 404
    page = response.content.decode()
    expected = "Deze reactielink is niet van ons" if language == "nl" else "This reply link"
    assert expected in page


def test_the_reply_page_shows_no_contact_person_to_others(client, campaign, demo):
    recipient, token = queued_recipient(campaign)
    services.reply_save(recipient=recipient, answer="interested", contact_name="Anna de Vries")
    page = client.get(recipient.organisation.get_absolute_url())
    assert "Anna de Vries" not in page.content.decode()


def test_unsubscribe_asks_first_then_unsubscribes(client, campaign, municipalities):
    services.campaign_queue(campaign=campaign)
    address = municipalities[0].public_email
    link = url("unsubscribe", services.unsubscribe_token(address))
    page = client.get(link)
    assert page.status_code == 200 and "<button" in page.content.decode()
    assert not Unsubscribe.objects.filter(email=address).exists()
    assert client.post(link).status_code == 200
    assert client.post(link).status_code == 200  # twice: still one row
    assert Unsubscribe.objects.filter(email=address).count() == 1
    assert campaign.recipients.get(email=address).status == Recipient.Status.SKIPPED


def test_one_click_unsubscribe_of_rfc_8058(client, campaign, municipalities):
    services.campaign_queue(campaign=campaign)
    address = municipalities[1].public_email
    client.handler.enforce_csrf_checks = True
    response = client.post(
        url("unsubscribe", services.unsubscribe_token(address)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Unsubscribe.objects.filter(email=address).exists()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_tampered_unsubscribe_link_changes_nothing(client, campaign, municipalities, language):
    services.campaign_queue(campaign=campaign)
    token = services.unsubscribe_token(municipalities[0].public_email)
    tampered = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    unknown = services.unsubscribe_token("nobody@example.org")
    for bad in (tampered, unknown, "nonsense"):
        response = client.post(url("unsubscribe", bad, language=language))
        assert response.status_code == 404
        expected = "Deze afmeldlink" if language == "nl" else "This unsubscribe link"
        assert expected in response.content.decode()
    assert not Unsubscribe.objects.exists()


def test_campaign_page_asks_the_same_queries_at_two_sizes(
    coordinator, queries_of, province, django_capture_on_commit_callbacks
):
    def queries(count, start, title):
        make_municipalities(province, count, start=start)
        campaign = make_campaign(province, title=title, membership=Campaign.Membership.ANY)
        with django_capture_on_commit_callbacks(execute=True):
            services.campaign_queue(campaign=campaign)
        for recipient in campaign.recipients.all()[: count // 2]:
            services.reply_save(recipient=recipient, answer="interested")
        return queries_of(url("campaign", campaign.pk))

    small = queries(2, 0, "Klein")
    Campaign.objects.all().delete()
    assert small == queries(12, 100, "Groot")


def test_campaign_list_asks_the_same_queries_at_two_sizes(coordinator, queries_of, province):
    make_municipalities(province, 2)
    make_campaign(province)
    small = queries_of(url("campaigns"))
    for n in range(4):
        services.campaign_queue(campaign=make_campaign(province, title=f"C{n}"))
    assert queries_of(url("campaigns")) == small
