"""Inviting member municipalities' pioneers, reminding them once, closing, and a person's data."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from pioneers.core import chores
from pioneers.core.models import User
from pioneers.network.models import JoinRequest
from pioneers.surveys import services
from pioneers.surveys.models import Answer, Invitation, Response
from tests.surveys.conftest import survey_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client


def _invite_url(survey):
    return f"/admin/snippets/surveys/survey/invite/{survey.pk}/"


def test_preview_counts_people_and_municipalities(survey, members):
    assert services.invitations_preview(survey=survey, per=services.PER_PERSON)["new"] == 3
    assert services.invitations_preview(survey=survey, per=services.PER_ORGANISATION)["new"] == 2


def test_invitations_go_once_with_the_personal_link(
    survey, members, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitations_send(survey=survey, per=services.PER_PERSON) == 3
    assert len(mail.outbox) == 3
    invitation = Invitation.objects.get(person=members["people"][0])
    message = next(m for m in mail.outbox if m.to == [invitation.email])
    assert f"/nl/enquetes/{invitation.token}/" in message.body
    assert "Evaluatie" in message.subject
    assert not Invitation.objects.filter(person=members["former"]).exists()
    # Again: nobody new, nothing sent.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitations_send(survey=survey, per=services.PER_PERSON) == 0
    assert len(mail.outbox) == 3
    assert Invitation.objects.filter(survey=survey).count() == 3


def test_invitation_is_in_the_recipients_language(
    survey, members, django_capture_on_commit_callbacks
):
    person = members["people"][2]
    JoinRequest.objects.create(
        person=person, organisation=person.organisation, kind="join", language="en"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(survey=survey, per=services.PER_PERSON)
    invitation = Invitation.objects.get(person=person)
    assert invitation.language == "en"
    message = next(m for m in mail.outbox if m.to == [person.user.email])
    assert f"/en/surveys/{invitation.token}/" in message.body
    assert "Evaluation" in message.subject
    assert "Your personal link" in message.body


def test_one_invitation_per_municipality(survey, members, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert services.invitations_send(survey=survey, per=services.PER_ORGANISATION) == 2
        assert services.invitations_send(survey=survey, per=services.PER_ORGANISATION) == 0
    invitations = Invitation.objects.filter(survey=survey)
    assert {i.organisation for i in invitations} == set(members["organisations"])
    assert all(i.person is None for i in invitations)
    assert len(mail.outbox) == 2


def test_invite_page_previews_and_sends(
    coordinator, survey, members, django_capture_on_commit_callbacks
):
    page = coordinator.get(_invite_url(survey)).content.decode()
    assert "3 nieuwe uitnodigingen" in page
    assert "2 nieuwe uitnodigingen" in page
    with django_capture_on_commit_callbacks(execute=True):
        answer = coordinator.post(_invite_url(survey), {"per": "people"})
    assert answer.status_code == 302
    assert len(mail.outbox) == 3
    page = coordinator.get(_invite_url(survey)).content.decode()
    assert "0 nieuwe uitnodigingen" in page
    answer = coordinator.post(_invite_url(survey), {"per": "nonsense"})
    assert answer.status_code == 200
    assert "Kies wie je uitnodigt" in answer.content.decode()


def test_invite_page_is_for_coordinators(client, survey, members):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.post(_invite_url(survey), {"per": "people"}).status_code in (302, 403)
    assert not Invitation.objects.filter(survey=survey).exists()


def test_edit_page_has_an_invite_button(coordinator, survey):
    page = coordinator.get(f"/admin/snippets/surveys/survey/edit/{survey.pk}/").content.decode()
    assert _invite_url(survey) in page


def test_a_closed_survey_invites_nobody(survey, members):
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.save()
    with pytest.raises(services.SurveyError):
        services.invitations_send(survey=survey, per=services.PER_PERSON)


@pytest.mark.django_db(transaction=True)
def test_inviting_at_once_twice_makes_no_duplicates(demo):
    """Two coordinators press the button at the same moment."""
    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the unique constraints are tested elsewhere")
    from tests.factories import MembershipFactory, OrganisationFactory
    from tests.surveys.conftest import person_create

    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation)
    person_create(organisation)
    survey = survey_create()
    barrier = threading.Barrier(2)

    def invite():
        barrier.wait()
        services.invitations_send(survey=survey, per=services.PER_PERSON)
        connection.close()

    threads = [threading.Thread(target=invite) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Invitation.objects.filter(survey=survey, person__organisation=organisation).count() == 1


def test_reminder_goes_once_a_week_before_closing(members, django_capture_on_commit_callbacks):
    survey = survey_create(closes_in=6)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(survey=survey, per=services.PER_PERSON)
    answered = Invitation.objects.get(person=members["people"][0])
    answered.answered = True
    answered.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        chores.run_all()
        chores.run_all()
    assert len(mail.outbox) == 2
    assert all("Herinnering" in message.subject for message in mail.outbox)
    assert answered.email not in [m.to[0] for m in mail.outbox]
    assert Invitation.objects.filter(reminded_at__isnull=False).count() == 2


def test_no_reminder_long_before_closing(members, django_capture_on_commit_callbacks):
    survey = survey_create(closes_in=30)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_send(survey=survey, per=services.PER_PERSON)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 0
    assert not mail.outbox


def test_closing_wipes_the_keys(survey, invitation):
    questions = list(survey.questions.filter(code="learned"))
    response = services.answers_save(
        invitation=invitation, questions=questions, cleaned={f"q{questions[0].pk}": 4}
    )
    assert response.key
    assert services.surveys_close() == 0
    later = survey.closes_at + timedelta(seconds=1)
    assert services.surveys_close(now=later) == 1
    response.refresh_from_db()
    survey.refresh_from_db()
    assert response.key is None
    assert survey.closed_at == later
    assert Answer.objects.filter(response=response).count() == 1
    assert services.surveys_close(now=later) == 0


def test_closing_is_a_housekeeping_chore():
    names = [name for name, _func in chores.registered()]
    assert "surveys_close" in names and "survey_reminders_send" in names
    assert "reminders_send" in names  # the meetings' chore is not replaced


def test_personal_data_exported_and_erased(invitation, demo):
    from pioneers.core import personal_data

    survey = invitation.survey
    survey.anonymous = False
    survey.save()
    question = survey.questions.get(code="name")
    services.answers_save(
        invitation=invitation, questions=[question], cleaned={f"q{question.pk}": "Mijn project"}
    )
    user = invitation.person.user
    exported = personal_data.export_all(user)["surveys"]
    assert any(item.get("answers") for item in exported)
    assert "Mijn project" in str(exported)
    personal_data.erase_all(user)
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    assert not Response.objects.filter(survey=survey).exists()


def test_erasing_keeps_anonymous_responses(invitation):
    from pioneers.core import personal_data

    question = invitation.survey.questions.get(code="learned")
    services.answers_save(
        invitation=invitation, questions=[question], cleaned={f"q{question.pk}": 2}
    )
    personal_data.erase_all(invitation.person.user)
    assert Response.objects.filter(survey=invitation.survey).count() == 1
    assert not Invitation.objects.filter(pk=invitation.pk).exists()


def test_deleting_a_survey_with_answers_is_no_500(coordinator, invitation):
    survey = invitation.survey
    question = survey.questions.get(code="learned")
    services.answers_save(
        invitation=invitation, questions=[question], cleaned={f"q{question.pk}": 2}
    )
    answer = coordinator.post(f"/admin/snippets/surveys/survey/delete/{survey.pk}/")
    assert answer.status_code == 302
    assert not Response.objects.filter(survey_id=survey.pk).exists()


def test_deleting_a_person_with_an_invitation_keeps_the_organisations(survey, members):
    """Without the person, their invitation would collide with the organisation's own."""
    services.invitations_send(survey=survey, per=services.PER_PERSON)
    services.invitations_send(survey=survey, per=services.PER_ORGANISATION)
    person = members["people"][0]
    person.delete()
    assert Invitation.objects.filter(
        survey=survey, organisation=person.organisation, person=None
    ).exists()
