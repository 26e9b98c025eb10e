"""The coordinators' admin of commitments: who gets it, and that the models' rules hold there (a
refusal names what is wrong, and nothing is saved)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.users.models import UserProfile

from pioneers.commitments.models import (
    ActionPlan,
    Commitment,
    CommitmentLink,
    Cost,
    Evidence,
    Milestone,
)
from pioneers.core.models import User
from pioneers.meetings.models import Meeting
from pioneers.surveys.models import Survey
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("demo")

ADMIN = "/admin/snippets/commitments/"


def _in_group(name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def coordinator(client):
    """A member of the Coordinators group (not a superuser): the permissions of migration 0002."""
    client.force_login(_in_group("Coordinators"))
    return client


@pytest.fixture
def plan():
    item = ActionPlan(title="Actieplan Testland 2030–2032", country="XX", start_year=2030)
    item.end_year = 2032
    item.full_clean()
    item.save()
    return item


@pytest.fixture
def commitment(plan):
    item = Commitment(action_plan=plan, code="XX0001", title="Open testen")
    item.full_clean()
    item.save()
    return item


def speaking(client, language):
    """The admin speaks the logged-in user's preferred language."""
    profile = UserProfile.get_for_user(User.objects.get(pk=client.session["_auth_user_id"]))
    profile.preferred_language = language
    profile.save()
    return client


def _management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def commitment_form(plan, **change):
    return {
        "action_plan": plan.pk,
        "code": "xx0002",
        "title": "Open gemeenten",
        "description": "",
        "policy_areas": "Subnationaal",
        "written_in": "nl",
        "lead_institution": "",
        "ogp_values": ["access", "participation"],
        "starts_on": "2030-07-01",
        "ends_on": "2032-06-30",
        "budget": "75000",
        "verifiable": "yes",
        "relevant": "",
        "potential_impact": "minor",
        "completion": "",
        "starred": "",
        **_management("links"),
        **change,
    }


def milestone_form(commitment, **change):
    return {
        "commitment": commitment.pk,
        "number": "1",
        "title": "Acht bijeenkomsten",
        "starts_on": "2030-07-01",
        "ends_on": "2032-06-30",
        "computation": "entered",
        "target": "",
        "survey": "",
        "status": "limited",
        "override_status": "",
        "override_reason": "",
        "actual_start": "",
        "actual_end": "",
        "what_happened": "",
        "next_steps": "",
        **_management("evidence"),
        **change,
    }


def cost_form(commitment, **change):
    return {
        "commitment": commitment.pk,
        "date": "2030-09-01",
        "category": "catering",
        "description": "Lunch bijeenkomst",
        "meeting": "",
        "planned": "450.00",
        "actual": "",
        "receipt": "",
        "confidential_reason": "",
        **change,
    }


# --- who gets it --------------------------------------------------------------------------------


def test_coordinators_get_the_commitments_admin(coordinator):
    menu = coordinator.get("/admin/").content.decode()
    assert f"{ADMIN}commitment/" in menu
    assert "/admin/commitments/import/" in menu
    for model in ("actionplan", "commitment", "milestone", "cost"):
        assert coordinator.get(f"{ADMIN}{model}/").status_code == 200
        assert coordinator.get(f"{ADMIN}{model}/add/").status_code == 200
    listing = coordinator.get(f"{ADMIN}commitment/").content.decode()
    assert "/admin/commitments/import/" in listing  # the button on the list


def test_an_editor_gets_no_commitments_admin(client, plan):
    client.force_login(_in_group("Editors"))
    assert f"{ADMIN}commitment/" not in client.get("/admin/").content.decode()
    for model in ("actionplan", "commitment", "milestone", "cost"):
        assert client.get(f"{ADMIN}{model}/").status_code in (302, 403)
    response = client.post(f"{ADMIN}commitment/add/", commitment_form(plan))
    assert response.status_code in (302, 403)
    assert not Commitment.all_locales.filter(code="XX0002").exists()


# --- commitments and their links -----------------------------------------------------------------


def test_a_coordinator_adds_a_commitment_with_values_and_a_linked_meeting(coordinator, plan):
    meeting = Meeting.objects.first()
    data = commitment_form(
        plan,
        **_management("links", total=1),
        **{"links-0-meeting": meeting.pk, "links-0-page": "", "links-0-id": ""},
    )
    response = coordinator.post(f"{ADMIN}commitment/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = Commitment.objects.get(code="XX0002")  # upper-cased by the model
    assert saved.ogp_values == ["access", "participation"]
    assert saved.action_plan == plan
    assert [link.meeting for link in saved.links.all()] == [meeting]
    # The values show as ticked checkboxes when the commitment is edited again.
    page = coordinator.get(f"{ADMIN}commitment/edit/{saved.pk}/").content.decode()
    assert 'type="checkbox" name="ogp_values" value="access"' in page
    assert page.count("checked") >= 2


def test_a_link_to_a_meeting_and_a_page_at_once_is_refused(english, plan):
    # (A row with neither is an untouched row, which the admin leaves out.)
    meeting = Meeting.objects.first()
    page = Page.objects.filter(depth__gt=1).first()
    row = {"links-0-meeting": meeting.pk, "links-0-page": page.pk, "links-0-id": ""}
    data = commitment_form(plan, **_management("links", total=1), **row)
    response = english.post(f"{ADMIN}commitment/add/", data)
    assert response.status_code in (200, 422)
    content = response.content.decode().replace("&#x27;", "'")
    assert "Link either a meeting or a page, not both and not neither." in content
    assert not Commitment.all_locales.filter(code="XX0002").exists()
    assert not CommitmentLink.objects.filter(meeting=meeting, page=page).exists()
    assert 'value="Open gemeenten"' in content  # nothing typed is lost


def test_an_unknown_value_is_refused(coordinator, plan):
    response = coordinator.post(
        f"{ADMIN}commitment/add/", commitment_form(plan, ogp_values=["access", "everything"])
    )
    assert "ogp_values" in response.context["form"].errors
    assert not Commitment.all_locales.filter(code="XX0002").exists()


# --- milestones ----------------------------------------------------------------------------------


def test_a_coordinator_adds_a_milestone_with_evidence(coordinator, commitment):
    meeting = Meeting.objects.first()
    data = milestone_form(
        commitment,
        **_management("evidence", total=1),
        **{
            "evidence-0-label": "",
            "evidence-0-date": "2030-09-01",
            "evidence-0-page": "",
            "evidence-0-meeting": meeting.pk,
            "evidence-0-survey": "",
            "evidence-0-document": "",
            "evidence-0-url": "",
            "evidence-0-id": "",
        },
    )
    response = coordinator.post(f"{ADMIN}milestone/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = Milestone.objects.get(commitment=commitment)
    assert [item.meeting for item in saved.evidence.all()] == [meeting]
    listing = coordinator.get(f"{ADMIN}milestone/?commitment={commitment.pk}").content.decode()
    assert "Acht bijeenkomsten" in listing


def _refused(response, field, message):
    assert response.status_code in (200, 422)
    page = response.content.decode().replace("&#x27;", "'")
    assert message in page
    if field:
        assert field in response.context["form"].errors
    assert 'value="Acht bijeenkomsten"' in page  # nothing typed is lost


@pytest.fixture
def english(coordinator):
    """The admin speaks the user's preferred language; these checks read the English text."""
    return speaking(coordinator, "en")


def test_an_override_without_a_reason_is_refused(english, commitment):
    response = english.post(
        f"{ADMIN}milestone/add/",
        milestone_form(commitment, override_status="completed", override_reason="  "),
    )
    _refused(response, "override_reason", "Say why the computed status is overridden.")
    assert not Milestone.all_locales.filter(commitment=commitment).exists()


def test_a_survey_milestone_without_its_survey_is_refused(english, commitment):
    response = english.post(
        f"{ADMIN}milestone/add/", milestone_form(commitment, computation="survey")
    )
    _refused(response, "survey", "Choose the survey whose state this milestone follows.")
    assert not Milestone.all_locales.filter(commitment=commitment).exists()
    survey = Survey.objects.first()
    response = english.post(
        f"{ADMIN}milestone/add/",
        milestone_form(commitment, computation="survey", survey=survey.pk),
    )
    assert response.status_code == 302


def test_evidence_of_two_things_at_once_is_refused(english, commitment):
    data = milestone_form(
        commitment,
        **_management("evidence", total=1),
        **{
            "evidence-0-label": "Verslag",
            "evidence-0-date": "",
            "evidence-0-page": "",
            "evidence-0-meeting": Meeting.objects.first().pk,
            "evidence-0-survey": "",
            "evidence-0-document": "",
            "evidence-0-url": "https://example.org/verslag",
            "evidence-0-id": "",
        },
    )
    response = english.post(f"{ADMIN}milestone/add/", data)
    _refused(
        response,
        None,
        "Give exactly one piece of evidence: a page, a meeting, a survey, a document or a web "
        "address.",
    )
    assert not Milestone.all_locales.filter(commitment=commitment).exists()
    assert not Evidence.objects.filter(url="https://example.org/verslag").exists()


# --- costs ---------------------------------------------------------------------------------------


def test_a_confidential_cost_needs_a_reason(english, commitment):
    response = english.post(f"{ADMIN}cost/add/", cost_form(commitment, confidential="on"))
    assert response.status_code in (200, 422)
    assert "confidential_reason" in response.context["form"].errors
    page = response.content.decode()
    assert "Say why this cost is confidential." in page
    assert 'value="Lunch bijeenkomst"' in page
    assert not Cost.objects.filter(commitment=commitment).exists()
    response = english.post(
        f"{ADMIN}cost/add/",
        cost_form(commitment, confidential="on", confidential_reason="Contract met de spreker"),
    )
    assert response.status_code == 302
    assert Cost.objects.get(commitment=commitment).confidential
    listing = english.get(f"{ADMIN}cost/").content.decode()
    assert "Lunch bijeenkomst" in listing


def test_refusals_are_in_dutch_for_a_dutch_coordinator(coordinator, commitment):
    speaking(coordinator, "nl")
    response = coordinator.post(
        f"{ADMIN}milestone/add/",
        milestone_form(commitment, override_status="completed", override_reason=""),
    )
    assert "override_reason" in response.context["form"].errors
    page = response.content.decode()
    assert "Say why the computed status is overridden." not in page
    assert "Zeg waarom" in page
