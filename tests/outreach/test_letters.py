"""The printable letters: built in the background when a campaign goes out on paper, kept
privately, shown as "being prepared" until ready, rebuilt when the addresses changed."""

import pytest
from django.urls import reverse
from django.utils import translation

from pioneers.core.models import User
from pioneers.outreach import services
from pioneers.outreach.models import Campaign
from tests.outreach.conftest import make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def private(settings, tmp_path):
    """The private storage in this test's own folder."""
    private = dict(settings.STORAGES["private"], OPTIONS={"location": tmp_path})
    settings.STORAGES = dict(settings.STORAGES, private=private)
    return tmp_path


def url(name, pk, language="en"):
    with translation.override(language):
        return reverse(f"outreach:{name}", args=[pk])


@pytest.fixture
def sent(province, municipalities, private, django_capture_on_commit_callbacks):
    campaign = make_campaign(province, channel=Campaign.Channel.LETTER)
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_queue(campaign=campaign)
    campaign.refresh_from_db()
    return campaign


def test_sending_builds_the_letters_in_the_background_for_coordinators(coordinator, sent, private):
    assert sent.letters_status == Campaign.LettersStatus.DONE
    assert sent.letters_file.name.startswith("outreach/letters/")
    assert (private / sent.letters_file.name).read_bytes().startswith(b"%PDF")
    page = coordinator.get(url("campaign", sent.pk)).content.decode()
    assert "Download the printable letters (PDF)" in page
    response = coordinator.get(url("campaign_letters", sent.pk))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_letters_are_for_coordinators_only(client, sent):
    client.force_login(User.objects.get(email="member@example.org"))
    assert client.get(url("campaign_letters", sent.pk)).status_code == 403
    assert client.get(url("campaign_letters_status", sent.pk)).status_code == 403
    client.logout()
    assert client.get(url("campaign_letters", sent.pk)).status_code in (302, 403)


def test_while_being_prepared_the_page_says_so_and_polls(coordinator, sent):
    Campaign.objects.filter(pk=sent.pk).update(letters_status=Campaign.LettersStatus.BUILDING)
    page = coordinator.get(url("campaign", sent.pk)).content.decode()
    assert "are being prepared" in page
    assert url("campaign_letters_status", sent.pk) in page and "every 2s" in page
    response = coordinator.get(url("campaign_letters", sent.pk), follow=True)
    assert "try again shortly" in response.content.decode()
    Campaign.objects.filter(pk=sent.pk).update(letters_status=Campaign.LettersStatus.DONE)
    block = coordinator.get(url("campaign_letters_status", sent.pk)).content.decode()
    assert "Download the printable letters" in block and "every 2s" not in block


def test_stale_letters_are_built_again(coordinator, sent, django_capture_on_commit_callbacks):
    before = sent.letters_fingerprint
    organisation = sent.recipients.first().organisation
    organisation.postal_address = "Postbus 1\n1234 AB Nieuwdorp"
    organisation.save()
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.get(url("campaign", sent.pk))
    sent.refresh_from_db()
    assert sent.letters_status == Campaign.LettersStatus.DONE
    assert sent.letters_fingerprint != before


def test_a_failed_build_says_so_and_can_be_tried_again(
    coordinator, sent, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(campaign):
        raise OSError("disk full")

    monkeypatch.setattr("pioneers.outreach.letters.campaign_letters_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        services.letters_pdf_request(campaign=sent)
    page = coordinator.get(url("campaign", sent.pk)).content.decode()
    assert "Preparing the printable letters failed" in page and "disk full" in page
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(url("campaign_letters_status", sent.pk))
    sent.refresh_from_db()
    assert sent.letters_status == Campaign.LettersStatus.DONE


def test_a_second_request_while_queued_queues_nothing(sent, django_capture_on_commit_callbacks):
    Campaign.objects.filter(pk=sent.pk).update(letters_status=Campaign.LettersStatus.QUEUED)
    with django_capture_on_commit_callbacks() as callbacks:
        services.letters_pdf_request(campaign=sent)
        services.letters_pdf_request(campaign=sent)
    assert callbacks == []


def test_an_email_only_campaign_has_no_letters(coordinator, province, municipalities):
    campaign = make_campaign(province)
    services.campaign_queue(campaign=campaign)
    assert coordinator.get(url("campaign_letters_status", campaign.pk)).status_code == 404
    response = coordinator.get(url("campaign_letters", campaign.pk))
    assert response.status_code == 302
