"""Newsletters: a campaign to the members' people, by interest, organisation, province and role,
sent through the same machinery as letters, with a one-click unsubscribe and no reply link."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from pioneers.network.models import Person
from pioneers.outreach import selectors, services
from pioneers.outreach.models import Campaign, Recipient, Unsubscribe
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = "Beste {name},\n\nNieuws uit het netwerk.\n\nAfmelden: {unsubscribe_link}"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"outreach:{name}", args=args)


def make_person(organisation, *, role="official", interests="", email=None, active=True):
    fields = {"email": email} if email else {}
    user = UserFactory(is_active=active, **fields)
    return Person.objects.create(
        user=user, name=user.last_name, organisation=organisation, role=role, interests=interests
    )


@pytest.fixture
def members(province):
    """Two member municipalities in the test province with three people, and one outsider."""
    north = OrganisationFactory(province=province)
    south = OrganisationFactory()
    outsider = OrganisationFactory(province=province)
    for organisation in (north, south):
        MembershipFactory(organisation=organisation)
    return {
        "ann": make_person(north, role="alderman", interests="Open data, Woo"),
        "bob": make_person(north, role="official", interests="archives"),
        "cas": make_person(south, role="official", interests="open data"),
        "out": make_person(outsider, interests="open data"),
        "gone": make_person(north, interests="open data", active=False),
        "north": north,
    }


def make_newsletter(**fields) -> Campaign:
    values = {
        "title": "Nieuwsbrief",
        "subject": "Nieuws voor {name}",
        "body": BODY,
        "purpose": Campaign.Purpose.NEWSLETTER,
        **fields,
    }
    return services.campaign_create(user=None, **values)


def people(**filters) -> set:
    return set(make_newsletter(**filters).selection.people())


def test_the_selection_filters_by_each_filter_and_combines_them(members, province):
    ann, bob, cas = members["ann"], members["bob"], members["cas"]
    everyone = people()
    assert {ann, bob, cas} <= everyone
    assert members["out"] not in everyone and members["gone"] not in everyone
    assert people(interest="open data") >= {ann, cas}
    assert bob not in people(interest="open data")
    assert people(organisation=members["north"]) == {ann, bob}
    assert people(province=province) == {ann, bob}
    assert people(role="alderman") >= {ann}
    assert cas not in people(role="alderman")
    assert people(province=province, role="official", interest="archives") == {bob}


def test_the_preview_counts_the_recipients_and_the_unsubscribed(members, province):
    Unsubscribe.objects.create(email=members["bob"].user.email)
    newsletter = make_newsletter(province=province)
    assert selectors.selection_preview(newsletter) == {
        "total": 2,
        "unsubscribed": 1,
        "by_email": 1,
    }


def test_the_new_newsletter_form_counts_before_saving(coordinator, members, province):
    data = {"title": "N", "subject": "S", "body": BODY, "province": str(province.pk)}
    response = coordinator.post(url("newsletter_new"), {**data, "preview": "1"})
    assert response.status_code == 200
    assert "The selection holds 2 people." in response.content.decode()
    assert not Campaign.objects.filter(title="N").exists()
    response = coordinator.post(url("newsletter_new"), data)
    newsletter = Campaign.objects.get(title="N")
    assert newsletter.is_newsletter
    assert response.url == url("campaign", newsletter.pk)


@pytest.mark.parametrize("field", ["subject", "body"])
def test_a_reply_link_in_a_newsletter_is_refused(field):
    with pytest.raises(ValidationError) as refused:
        make_newsletter(**{field: "Antwoord via {reply_link}"})
    assert refused.value.error_dict[field][0].code == "reply_link_in_newsletter"


def test_the_form_refuses_a_reply_link_in_dutch_and_keeps_the_text(coordinator, members):
    body = "Hallo {name}, antwoord via {reply_link}"
    data = {"title": "N", "subject": "S", "body": body}
    response = coordinator.post(url("newsletter_new", language="nl"), data)
    content = response.content.decode()
    assert response.status_code == 422
    assert "Een nieuwsbrief heeft geen reactielink" in content
    assert body in content
    assert not Campaign.objects.filter(title="N").exists()


def test_an_unsubscribed_person_is_skipped(members, province, django_capture_on_commit_callbacks):
    Unsubscribe.objects.create(email=members["bob"].user.email)
    newsletter = make_newsletter(province=province)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.campaign_queue(campaign=newsletter) == 1
    assert [m.to for m in mail.outbox] == [[members["ann"].user.email]]
    assert not Recipient.objects.filter(email=members["bob"].user.email).exists()


def test_a_newsletter_goes_out_through_the_task_with_a_one_click_unsubscribe(
    coordinator, members, province, django_capture_on_commit_callbacks
):
    newsletter = make_newsletter(province=province)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url("campaign_send", newsletter.pk))
    assert response.status_code == 302
    newsletter.refresh_from_db()
    assert newsletter.status == Campaign.Status.DONE
    ann = members["ann"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [ann.user.email, members["bob"].user.email]
    )
    message = next(m for m in mail.outbox if m.to[0] == ann.user.email)
    assert message.subject == f"Nieuws voor {ann.name}"
    assert f"Beste {ann.name}," in message.body
    assert "{" not in message.body
    recipient = Recipient.objects.get(campaign=newsletter, person=ann)
    assert recipient.organisation_id is None and recipient.language == "nl"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    response = Client().post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Unsubscribe.objects.filter(email=ann.user.email).exists()
    page = coordinator.get(url("campaign", newsletter.pk)).content.decode()
    assert "2 of 2 sent" in page and "Funnel" not in page


def test_recipient_names_are_for_coordinators_only(client, members, province, demo):
    from pioneers.core.models import User

    newsletter = make_newsletter(province=province)
    services.campaign_queue(campaign=newsletter)
    client.force_login(User.objects.get(email="member@example.org"))
    assert client.get(url("campaign", newsletter.pk)).status_code in (403, 404)


def test_the_newsletter_page_asks_the_same_queries_at_two_sizes(
    coordinator, queries_of, province, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.outreach.backends.BouncingBackend"

    def queries(count, title):
        organisation = OrganisationFactory(province=province)
        MembershipFactory(organisation=organisation)
        for n in range(count):  # half of them bounce: the failed table lists them too
            make_person(
                organisation, email=f"{'bounce' if n % 2 else 'ok'}-{title}-{n}@example.org"
            )
        newsletter = make_newsletter(title=title, organisation=organisation)
        with django_capture_on_commit_callbacks(execute=True):
            services.campaign_queue(campaign=newsletter)
        assert newsletter.recipients.filter(status=Recipient.Status.FAILED).count() == count // 2
        return queries_of(url("campaign", newsletter.pk))

    assert queries(2, "Klein") == queries(12, "Groot")


def test_the_demo_has_two_sent_newsletters_and_loads_again_without_change(demo):
    import io

    from pioneers.demo import outreach as demo_outreach

    newsletters = Campaign.objects.filter(purpose=Campaign.Purpose.NEWSLETTER)
    before = sorted(newsletters.values_list("title", "status"))
    assert [status for _title, status in before] == ["done", "done"]
    recipients = Recipient.objects.filter(campaign__in=newsletters).count()
    assert recipients > 0
    demo_outreach.load(io.StringIO())
    assert sorted(newsletters.values_list("title", "status")) == before
    assert Recipient.objects.filter(campaign__in=newsletters).count() == recipients


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_newsletter_pages_render_in_both_languages(coordinator, members, province, language):
    assert coordinator.get(url("newsletter_new", language=language)).status_code == 200
    newsletter = make_newsletter(province=province, interest="open data")
    page = coordinator.get(url("campaign", newsletter.pk, language=language))
    assert page.status_code == 200
    expected = (
        "De selectie bevat 1 persoon." if language == "nl" else "The selection holds 1 person."
    )
    assert expected in page.content.decode()
    edit = coordinator.get(url("campaign_edit", newsletter.pk, language=language))
    assert edit.status_code == 200


@pytest.mark.parametrize("bad", ["99999999999999999999", "abc", "-1"])
def test_a_bad_organisation_or_role_is_a_form_error(coordinator, members, bad):
    data = {"title": "N", "subject": "S", "body": BODY, "organisation": bad, "role": bad}
    response = coordinator.post(url("newsletter_new"), data)
    assert response.status_code == 422
    assert BODY in response.content.decode()
    assert not Campaign.objects.filter(title="N").exists()


def test_each_person_gets_the_newsletter_in_their_language(
    members, province, django_capture_on_commit_callbacks
):
    from pioneers.network.models import JoinRequest

    JoinRequest.objects.create(
        person=members["bob"], organisation=members["north"], kind="join", language="en"
    )
    newsletter = make_newsletter(
        province=province, subject_en="News for {name}", body_en="Dear {name},\n\nNews."
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_queue(campaign=newsletter)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[members["bob"].user.email] == f"News for {members['bob'].name}"
    assert subjects[members["ann"].user.email] == f"Nieuws voor {members['ann'].name}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_empty_selection_says_no_recipients_and_stays_a_draft(
    coordinator, members, province, language
):
    newsletter = make_newsletter(interest="no such interest anywhere")
    response = coordinator.post(url("campaign_send", newsletter.pk, language=language), follow=True)
    page = response.content.decode()
    assert ("Geen ontvangers" if language == "nl" else "No recipients") in page
    assert "sent already" not in page and "al verstuurd" not in page
    newsletter.refresh_from_db()
    assert newsletter.status == Campaign.Status.DRAFT
    assert not newsletter.recipients.exists()
