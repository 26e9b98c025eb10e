"""Campaigns: merge fields, queueing once, sending once at the rate, retries, unsubscribes,
replies and the funnel."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pioneers.network.models import ContactLog, JoinRequest, Membership, Person
from pioneers.outreach import selectors, services
from pioneers.outreach.models import MAX_ATTEMPTS, Campaign, Recipient, Unsubscribe
from tests.factories import UserFactory
from tests.outreach.conftest import make_campaign, make_municipalities

pytestmark = pytest.mark.django_db


def sent_campaign(campaign, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_queue(campaign=campaign)
    campaign.refresh_from_db()
    return campaign


def test_campaign_with_an_unknown_merge_field_is_refused_naming_the_valid_ones(province):
    with pytest.raises(ValidationError) as refused:
        make_campaign(province, body="Beste {gemente}, doe mee.")
    message = " ".join(refused.value.message_dict["body"])
    assert "{gemente}" in message
    for name in ("{municipality}", "{contact_name}", "{reply_link}", "{unsubscribe_link}"):
        assert name in message
    assert not Campaign.objects.filter(province=province).exists()


def test_campaign_english_subject_needs_an_english_letter(province):
    with pytest.raises(ValidationError) as refused:
        make_campaign(province, subject_en="Join us")
    assert "body_en" in refused.value.message_dict


def test_a_sent_campaign_cannot_be_changed(campaign, django_capture_on_commit_callbacks):
    sent_campaign(campaign, django_capture_on_commit_callbacks)
    with pytest.raises(services.OutreachError):
        services.campaign_update(campaign=campaign, title="Anders")


def test_queueing_twice_makes_one_recipient_per_organisation(campaign, municipalities):
    assert services.campaign_queue(campaign=campaign) == 3
    assert services.campaign_queue(campaign=campaign) == 0
    assert Recipient.objects.filter(campaign=campaign).count() == 3
    assert campaign.status == Campaign.Status.QUEUED


def test_queueing_leaves_out_members_unsubscribed_and_addressless(province, municipalities):
    member, unsubscribed, no_email = make_municipalities(province, 3, start=10)
    Membership.objects.create(organisation=member, status=Membership.Status.MEMBER)
    Unsubscribe.objects.create(email=unsubscribed.public_email)
    no_email.public_email = ""
    no_email.save()
    campaign = make_campaign(province)
    assert services.campaign_queue(campaign=campaign) == 3
    assert set(campaign.recipients.values_list("organisation", flat=True)) == {
        m.pk for m in municipalities
    }


def test_a_letter_and_email_campaign_gives_the_unsubscribed_a_letter_only(province, municipalities):
    Unsubscribe.objects.create(email=municipalities[0].public_email)
    campaign = make_campaign(province, channel=Campaign.Channel.BOTH)
    services.campaign_queue(campaign=campaign)
    letter_only = campaign.recipients.get(organisation=municipalities[0])
    assert letter_only.email == "" and letter_only.status == Recipient.Status.SENT
    assert campaign.recipients.filter(status=Recipient.Status.PENDING).count() == 2


def test_queueing_asks_the_same_number_of_queries_at_any_size(province):
    def queries(count, start):
        make_municipalities(province, count, start=start)
        campaign = make_campaign(province, membership=Campaign.Membership.ANY, title=str(start))
        with CaptureQueriesContext(connection) as captured:
            services.campaign_queue(campaign=campaign)
        return len(captured)

    assert queries(5, 0) == queries(30, 100)  # (bulk inserts go in batches of the database)


def test_sending_sends_each_email_once_with_its_merge_fields_and_headers(
    campaign, municipalities, django_capture_on_commit_callbacks
):
    sent_campaign(campaign, django_capture_on_commit_callbacks)
    assert campaign.status == Campaign.Status.DONE
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.public_email for m in municipalities)
    message = next(m for m in mail.outbox if m.to[0] == municipalities[0].public_email)
    assert message.subject == "Doe mee, Testgemeente 000"
    assert "Beste collega's," in message.body
    assert "{" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in message.body
    assert services.campaign_send(campaign_id=campaign.pk) == 0  # a second worker: nothing
    assert len(mail.outbox) == 3
    assert Recipient.objects.filter(campaign=campaign, status="sent").count() == 3


def test_a_campaign_held_by_another_worker_is_not_sent_again(campaign):
    services.campaign_queue(campaign=campaign)
    Campaign.objects.filter(pk=campaign.pk).update(lease_until=timezone.now() + services.LEASE)
    assert services.campaign_send(campaign_id=campaign.pk) == 0
    assert mail.outbox == []


def test_a_recipient_claimed_by_another_worker_is_not_sent(campaign):
    services.campaign_queue(campaign=campaign)
    first = campaign.recipients.order_by("pk").first()
    Recipient.objects.filter(pk=first.pk).update(status=Recipient.Status.SENDING)
    assert services.campaign_send(campaign_id=campaign.pk) == 2
    assert first.email not in [m.to[0] for m in mail.outbox]


def test_the_rate_limit_spaces_the_emails(campaign, settings):
    settings.OUTREACH_RATE = 2
    services.campaign_queue(campaign=campaign)
    now = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    assert services.campaign_send(campaign_id=campaign.pk, sleep=sleep, clock=lambda: now[0]) == 3
    assert sum(slept) == pytest.approx(1.0)  # three emails at two a second: 0, 0.5, 1.0


def test_a_refused_address_is_recorded_and_retried_a_limited_number_of_times(
    province, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.outreach.backends.BouncingBackend"
    good, bad = make_municipalities(province, 2)
    bad.public_email = "bounce@example.org"
    bad.save()
    campaign = sent_campaign(make_campaign(province), django_capture_on_commit_callbacks)
    failed = campaign.recipients.get(organisation=bad)
    assert failed.status == Recipient.Status.FAILED and failed.attempts == 1
    assert "No such user" in failed.last_error
    assert campaign.status == Campaign.Status.SENDING  # a retry is due later
    assert [m.to for m in mail.outbox] == [[good.public_email]]
    for _attempt in range(MAX_ATTEMPTS + 1):
        Recipient.objects.filter(pk=failed.pk).update(retry_at=timezone.now())
        with django_capture_on_commit_callbacks(execute=True):
            services.campaigns_resume()
    failed.refresh_from_db()
    campaign.refresh_from_db()
    assert failed.attempts == MAX_ATTEMPTS
    assert campaign.status == Campaign.Status.DONE
    assert len(mail.outbox) == 1  # the good address once, never again


def test_emails_a_stopped_worker_left_claimed_are_sent_by_the_next(
    campaign, django_capture_on_commit_callbacks
):
    services.campaign_queue(campaign=campaign)
    stuck = campaign.recipients.order_by("pk").first()
    Recipient.objects.filter(pk=stuck.pk).update(status=Recipient.Status.SENDING, attempts=1)
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.campaigns_resume() == 1
    stuck.refresh_from_db()
    campaign.refresh_from_db()
    assert stuck.status == Recipient.Status.SENT and stuck.attempts == 2
    assert campaign.status == Campaign.Status.DONE
    assert len(mail.outbox) == 3


def test_an_address_unsubscribed_after_queueing_is_not_mailed(campaign, municipalities):
    services.campaign_queue(campaign=campaign)
    Unsubscribe.objects.create(email=municipalities[1].public_email)  # e.g. from another list
    services.campaign_send(campaign_id=campaign.pk)
    assert municipalities[1].public_email not in [m.to[0] for m in mail.outbox]
    assert campaign.recipients.get(organisation=municipalities[1]).status == "skipped"


def test_unsubscribing_skips_waiting_emails_and_later_campaigns(
    province, campaign, municipalities, django_capture_on_commit_callbacks
):
    services.campaign_queue(campaign=campaign)
    address = municipalities[0].public_email
    token = services.unsubscribe_token(address)
    assert services.unsubscribe_email(token) == address
    assert services.unsubscribe(email=address) is True
    assert services.unsubscribe(email=address) is False
    services.campaign_send(campaign_id=campaign.pk)
    later = sent_campaign(
        make_campaign(province, title="Later"), django_capture_on_commit_callbacks
    )
    assert address not in [m.to[0] for m in mail.outbox]
    assert not later.recipients.filter(organisation=municipalities[0]).exists()


@pytest.mark.parametrize("token", ["", "x", "a" * 600, None, 5])
def test_a_tampered_unsubscribe_token_finds_no_address(token):
    assert services.unsubscribe_email(token) is None


def test_an_unsubscribe_token_for_an_address_never_mailed_finds_nothing(db):
    assert services.unsubscribe_email(services.unsubscribe_token("nobody@example.org")) is None


def reply_token_of(recipient):
    return services.reply_token(recipient.nonce)


def test_the_reply_token_is_not_stored(campaign):
    services.campaign_queue(campaign=campaign)
    recipient = campaign.recipients.first()
    token = reply_token_of(recipient)
    stored = Recipient.objects.filter(pk=recipient.pk).values()[0]
    assert token not in [str(value) for value in stored.values()]
    assert services.recipient_by_token(token) == recipient
    assert services.recipient_by_token(token[:-1] + ("0" if token[-1] != "0" else "1")) is None


def test_a_reply_given_twice_changes_the_same_answer_and_contact_log_entry(campaign):
    services.campaign_queue(campaign=campaign)
    recipient = campaign.recipients.first()
    services.reply_save(recipient=recipient, answer="not_now")
    services.reply_save(
        recipient=recipient,
        answer="interested",
        contact_name="Anna de Vries",
        contact_email="anna@example.org",
    )
    recipient.refresh_from_db()
    assert recipient.answer == "interested"
    logs = ContactLog.objects.filter(organisation=recipient.organisation)
    assert logs.count() == 1
    assert logs[0].kind == ContactLog.Kind.REPLY
    assert "Anna de Vries" in logs[0].follow_up


def test_contact_me_needs_a_way_to_reach_them(campaign):
    services.campaign_queue(campaign=campaign)
    with pytest.raises(ValidationError):
        services.reply_save(recipient=campaign.recipients.first(), answer="contact_me")
    with pytest.raises(ValidationError):
        services.reply_save(recipient=campaign.recipients.first(), answer="maybe")
    assert not campaign.recipients.filter(responded_at__isnull=False).exists()


def test_the_funnel_counts_organisations_at_each_stage(
    campaign, municipalities, django_capture_on_commit_callbacks
):
    sent_campaign(campaign, django_capture_on_commit_callbacks)
    first, second, _third = campaign.recipients.order_by("organisation__name")
    services.reply_opened(recipient=first)
    services.reply_opened(recipient=second)
    services.reply_save(recipient=first, answer="interested")
    person = Person.objects.create(user=UserFactory(), name="Piet", role="official")
    JoinRequest.objects.create(person=person, organisation=first.organisation, kind="propose")
    Membership.objects.create(organisation=first.organisation, status="member")
    funnel = selectors.campaign_funnel(campaign)
    assert {stage: funnel["overall"][stage] for stage in selectors.STAGES} == {
        "sent": 3,
        "opened": 2,
        "responded": 1,
        "applied": 1,
        "member": 1,
    }
    assert [row["province"] for row in funnel["provinces"]] == ["Testland"]
    assert funnel["provinces"][0]["responded"] == 1


def test_printable_letters_are_one_pdf_with_a_letter_per_page(province, municipalities):
    from pioneers.outreach.letters import (
        campaign_letters,
        campaign_letters_document,
        campaign_letters_pdf,
    )

    campaign = make_campaign(province, channel=Campaign.Channel.LETTER)
    services.campaign_queue(campaign=campaign)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DONE  # nothing to email
    letters = campaign_letters(campaign)
    assert [letter["address"][0] for letter in letters] == ["Postbus 0", "Postbus 1", "Postbus 2"]
    pdf = campaign_letters_pdf(campaign)
    assert pdf.startswith(b"%PDF")
    assert len(campaign_letters_document(campaign).pages) == 3  # a short letter: a page each
