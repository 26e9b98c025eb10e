"""A person's own data: the "my overview" page, downloading it, and deleting the account."""

import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.db import models
from django.utils import timezone

from pioneers.core.models import User
from pioneers.meetings.models import Meeting, Registration
from pioneers.network.models import JoinRequest, Organisation, Person
from pioneers.network.services import person_erase
from pioneers.practices.models import Nomination, PracticePage
from pioneers.reports.models import DraftComment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
SHARED = {
    "title": "Vragenuur voor inwoners",
    "summary": "Inwoners stellen vragen aan de raad.",
    "problem": "Weinig contact.",
    "approach": "Een vragenuur.",
    "status": "pilot",
}


def _pioneer_with_a_past_registration():
    """A demo pioneer (with a password, so they can confirm) who attended a past meeting."""
    registration = (
        Registration.objects.filter(
            person__isnull=False,
            checked_in_at__isnull=False,
            meeting__date__lt=timezone.localdate(),
        )
        .select_related("person__user", "meeting")
        .first()
    )
    user = registration.person.user
    user.set_password(PASSWORD)
    user.save()
    return registration.person, registration


def _figures(meeting):
    rows = meeting.registrations.all()
    return (
        rows.count(),
        rows.filter(status=Registration.Status.CONFIRMED).count(),
        rows.filter(checked_in_at__isnull=False).count(),
    )


def _anywhere_in_the_database(text: str) -> list[str]:
    """Every model field (text, or JSON) that still holds ``text``."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if (
                isinstance(field, (models.CharField, models.TextField, models.JSONField))
                and model._default_manager.filter(**{f"{field.name}__icontains": text}).exists()
            ):
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_the_download_holds_the_persons_data_and_nobody_elses(client, demo):
    person, registration = _pioneer_with_a_past_registration()
    DraftComment.objects.create(
        report=registration.meeting.reports.first() or _any_report(),
        registration=registration,
        name=registration.name,
        body="Mijn opmerking over het verslag.",
    )
    Nomination.objects.create(
        title="Open raad",
        municipality_name="Schiedam",
        description="Pionierend.",
        name=person.name,
        email=person.user.email,
    )
    other = Person.objects.exclude(pk=person.pk).select_related("user").first()
    client.force_login(person.user)
    response = client.get("/nl/mijn/gegevens.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == person.user.email
    assert data["profile"]["name"] == person.name
    assert registration.meeting.title in {r["meeting"] for r in data["registrations"]}
    assert data["reports"]["comments_on_reports"][0]["comment"].startswith("Mijn opmerking")
    assert data["practices"]["nominations"][0]["initiative"] == "Open raad"
    text = response.content.decode()
    assert other.user.email not in text and other.name not in text


def _any_report():
    from pioneers.reports.models import ReportPage

    return ReportPage.objects.first()


def test_deleting_the_account_keeps_the_figures_and_erases_the_address_everywhere(
    client, demo, django_capture_on_commit_callbacks
):
    person, registration = _pioneer_with_a_past_registration()
    meeting = registration.meeting
    user, email, name = person.user, person.user.email, person.name
    comment = DraftComment.objects.create(
        report=_any_report(), registration=registration, name=name, body="Een goede opmerking."
    )
    JoinRequest.objects.create(
        person=person, organisation=Organisation.objects.get(cbs_code="GM0344"), kind="join"
    )
    before = _figures(meeting)
    client.force_login(user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/nl/mijn/account-verwijderen/", {"confirmation": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/nl/"
    page = client.get("/nl/").content.decode()
    assert "Je account is verwijderd" in page
    assert client.get("/nl/mijn/").status_code == 302  # logged out: to the login page
    assert _figures(meeting) == before
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not JoinRequest.objects.filter(organisation__cbs_code="GM0344").exists()
    comment.refresh_from_db()
    assert comment.body == "Een goede opmerking." and comment.name == "verwijderde persoon"
    assert _anywhere_in_the_database(email) == []
    assert _anywhere_in_the_database(name) == []
    [message] = mail.outbox
    assert message.to == [email] and "verwijderd" in message.subject


def test_a_place_for_an_upcoming_meeting_is_given_up_without_mail_to_the_erased(
    demo, django_capture_on_commit_callbacks
):
    meeting = Meeting.objects.filter(live=True, date__gt=timezone.localdate()).first()
    meeting.capacity = 1
    meeting.registration_opens_at = timezone.now() - timedelta(days=1)
    meeting.save()
    meeting.registrations.all().delete()
    first, second = UserFactory(), UserFactory()
    common = {"meeting": meeting, "language": "nl", "confirmed_at": timezone.now()}
    Registration.objects.create(name="Een", email=first.email, status="confirmed", **common)
    waiting = Registration.objects.create(
        name="Twee", email=second.email, status="waitlisted", **common
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert person_erase(user=first)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED  # the freed place went on
    assert meeting.registrations.filter(status="cancelled").count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])
    assert person_erase(user=first) is False  # erasing again changes nothing


def test_a_get_of_delete_or_a_wrong_password_changes_nothing(client, demo):
    person, registration = _pioneer_with_a_past_registration()
    client.force_login(person.user)
    response = client.get("/nl/mijn/account-verwijderen/")
    assert response.status_code == 200
    assert "Verwijder je account" in response.content.decode()
    response = client.post("/nl/mijn/account-verwijderen/", {"confirmation": "fout"})
    assert "Dit is niet je wachtwoord." in response.content.decode()
    assert User.objects.filter(pk=person.user.pk).exists()
    registration.refresh_from_db()
    assert registration.email == person.user.email
    assert client.get("/nl/mijn/").status_code == 200  # still logged in


def test_without_a_password_the_address_confirms(client, demo):
    user = UserFactory()
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    assert client.post("/en/my/delete-account/", {"confirmation": "x@example.org"}).status_code
    assert User.objects.filter(pk=user.pk).exists()
    response = client.post("/en/my/delete-account/", {"confirmation": user.email.upper()})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_my_overview_lists_a_just_shared_practice_with_its_state(client, demo):
    person = Person.objects.filter(organisation__cbs_code="GM0344").select_related("user").first()
    client.force_login(person.user)
    response = client.post("/nl/kennisbank/delen/", SHARED)
    assert response.status_code == 302 and response["Location"] == "/nl/mijn/"
    html = client.get("/nl/mijn/").content.decode()
    assert "Vragenuur voor inwoners" in html
    assert "in moderatie" in html
    practice = PracticePage.objects.get(title="Vragenuur voor inwoners")
    assert practice.workflow_in_progress


def test_my_overview_lists_registrations_with_a_link_to_cancel(client, demo):
    person, registration = _pioneer_with_a_past_registration()
    client.force_login(person.user)
    html = client.get("/en/my/").content.decode()
    assert registration.meeting.title in html
    assert f"/en/registration/{registration.token}/" in html
    assert 'href="/en/my/data.json"' in html and 'href="/en/my/delete-account/"' in html
    # A held meeting's registration can be viewed, no longer cancelled.
    assert "View or cancel" not in html and ">View<" in html


def test_the_header_links_to_my_overview(client, demo):
    client.force_login(UserFactory())
    assert 'href="/nl/mijn/"' in client.get("/nl/").content.decode()


def _more_of_everything(person, count: int) -> None:
    """``count`` more registrations (each with a comment), join requests and practices."""
    meetings = Meeting.objects.exclude(registrations__person=person).order_by("pk")[:count]
    for meeting in meetings:
        registration = Registration.objects.create(
            meeting=meeting, person=person, name=person.name, email=person.user.email,
            status="confirmed",
        )  # fmt: skip
        DraftComment.objects.create(
            report=_any_report(), registration=registration, name=person.name, body="Nog een."
        )
    organisations = Organisation.objects.filter(kind="municipality").exclude(
        join_requests__person=person
    )
    for organisation in organisations.order_by("pk")[:count]:
        JoinRequest.objects.create(person=person, organisation=organisation, kind="join")
    practices = PracticePage.objects.exclude(contact=person).order_by("pk")[:count]
    PracticePage.objects.filter(pk__in=[p.pk for p in practices]).update(contact=person)


def test_my_overview_queries_do_not_grow_with_rows(client, demo, queries_of):
    person, _registration = _pioneer_with_a_past_registration()
    client.force_login(person.user)
    _more_of_everything(person, 1)
    before = queries_of("/nl/mijn/")
    _more_of_everything(person, 4)
    assert queries_of("/nl/mijn/") == before


def test_a_practice_in_moderation_publishes_without_its_erased_author(client, demo):
    """Saved revisions lose the link too, so approving the draft later does not bring it back."""
    person = Person.objects.filter(organisation__cbs_code="GM0344").select_related("user").first()
    client.force_login(person.user)
    assert client.post("/nl/kennisbank/delen/", {**SHARED, "contact_consent": "on"}).status_code
    practice = PracticePage.objects.get(title="Vragenuur voor inwoners")
    assert person_erase(user=person.user)
    coordinator = User.objects.get(email="coordinator@example.org")
    practice.refresh_from_db()
    while practice.workflow_in_progress:
        task_state = practice.current_workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, coordinator, "approve")
        practice.refresh_from_db()
    assert practice.live
    assert practice.contact_id is None and practice.owner_id is None
    assert not practice.contact_consent
    assert all(
        revision.content.get("contact") is None and revision.content.get("owner") is None
        for revision in practice.revisions.all()
    )


def test_the_account_settings_link_to_the_data_and_deletion(client, demo):
    client.force_login(UserFactory())
    html = client.get("/nl/accounts/email/").content.decode()
    assert 'href="/nl/mijn/account-verwijderen/"' in html and 'href="/nl/mijn/#your-data"' in html
