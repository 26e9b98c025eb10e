"""Contact persons named in replies to campaigns: part of the person's data download, and
erased with their account (matched by the account's email address)."""

import json

import pytest

from pioneers.core.personal_data import erase_all
from pioneers.network.models import ContactLog
from pioneers.outreach import services
from pioneers.outreach.models import Recipient, Unsubscribe
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def named(campaign, municipalities):
    services.campaign_queue(campaign=campaign)
    user = UserFactory(email="anna.devries@example.org")
    recipient = campaign.recipients.order_by("pk").first()
    services.reply_save(
        recipient=recipient,
        answer="contact_me",
        contact_name="Anna de Vries",
        contact_email="Anna.deVries@example.org",
        contact_phone="010 123 45 67",
        message="Bel me op dinsdag.",
    )
    return user, recipient


def test_the_download_holds_the_replies_that_name_the_person(client, named):
    user, recipient = named
    client.force_login(user)
    data = json.loads(client.get("/nl/mijn/gegevens.json").content)
    [reply] = data["outreach"]["named_as_contact_in_replies"]
    assert reply["name"] == "Anna de Vries" and reply["phone"] == "010 123 45 67"
    assert reply["organisation"] == recipient.organisation.name
    assert data["outreach"]["unsubscribed_from_campaigns"] is False


def test_nobody_else_gets_the_contact_in_their_download(client, named, demo):
    other = UserFactory(email="someone.else@example.org")
    client.force_login(other)
    text = client.get("/nl/mijn/gegevens.json").content.decode()
    assert "Anna de Vries" not in text and "010 123 45 67" not in text


def test_erasing_removes_the_contact_and_keeps_the_answer(named):
    user, recipient = named
    Unsubscribe.objects.create(email=user.email)
    erase_all(user)
    recipient.refresh_from_db()
    assert recipient.answer == Recipient.Answer.CONTACT_ME
    assert (recipient.contact_name, recipient.contact_email, recipient.contact_phone) == ("",) * 3
    assert recipient.message == ""
    log = ContactLog.objects.get(pk=recipient.contact_log_id)
    assert "Anna" not in log.follow_up and "010" not in log.follow_up
    assert not Unsubscribe.objects.filter(email=user.email).exists()
    erase_all(user)  # twice: nothing more to do, no error
