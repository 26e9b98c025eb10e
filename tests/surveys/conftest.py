"""Surveys with one question of each kind, and pioneers of member municipalities to invite."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pioneers.network.models import Membership, Person
from pioneers.surveys.models import Invitation, Question, Survey
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

K = Question.Kind


def survey_create(*, anonymous=True, extra_questions=0, opens_in=-1, closes_in=14, **fields):
    """A survey open now: two sections with one question of each kind (and ``extra_questions``
    more short texts in the second)."""
    now = timezone.now()
    survey = Survey.objects.create(
        title="Evaluatie",
        title_en="Evaluation",
        slug=fields.pop("slug", f"evaluatie-{Survey.objects.count()}"),
        intro="Welkom bij de evaluatie.",
        intro_en="Welcome to the evaluation.",
        anonymous=anonymous,
        opens_at=now + timedelta(days=opens_in),
        closes_at=now + timedelta(days=closes_in),
        **fields,
    )
    specs = [
        (K.SECTION, "intro", "Over u", "About you", {}),
        (K.LIKERT, "learned", "Ik heb veel geleerd", "I learned a lot", {"required": True}),
        (K.SINGLE, "often", "Hoe vaak?", "How often?", {"choices": "Nooit|Never\nSoms|Sometimes"}),
        (K.MULTIPLE, "topics", "Welke?", "Which?", {"choices": "Open data\nWoo\nParticipatie"}),
        (K.SECTION, "more", "Meer", "More", {}),
        (K.NUMBER, "count", "Hoeveel?", "How many?", {"minimum": 0, "maximum": 10}),
        (K.SHORT_TEXT, "name", "Project", "Project", {}),
        (K.LONG_TEXT, "story", "Vertel", "Tell", {}),
        (K.MATRIX, "grid", "Stellingen", "Statements", {"choices": "Eén|One\nTwee|Two"}),
    ]
    for index in range(extra_questions):
        specs.append((K.SHORT_TEXT, f"extra{index}", f"Extra {index}", "", {}))
    for order, (kind, code, text, text_en, more) in enumerate(specs):
        Question.objects.create(
            survey=survey,
            sort_order=order,
            kind=kind,
            code=code,
            text=text,
            text_en=text_en,
            **more,
        )
    return survey


def person_create(organisation, *, role=Person.Role.OFFICIAL, email=None):
    user = UserFactory(**({"email": email} if email else {}))
    return Person.objects.create(
        user=user, name=user.get_full_name(), organisation=organisation, role=role
    )


@pytest.fixture
def members(demo):
    """Two member municipalities with two pioneers each, and one that left with one pioneer;
    the demo's memberships are gone so that the counts are these alone."""
    Membership.objects.all().delete()
    first, second, former = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    MembershipFactory(organisation=first)
    MembershipFactory(organisation=second)
    MembershipFactory(organisation=former, status=Membership.Status.LEFT)
    people = [
        person_create(first),
        person_create(first),
        person_create(second),
        person_create(former),
    ]
    return {"organisations": [first, second], "people": people[:3], "former": people[3]}


@pytest.fixture
def survey(demo):
    return survey_create()


@pytest.fixture
def invitation(survey, demo):
    organisation = OrganisationFactory()
    person = person_create(organisation, role=Person.Role.ALDERMAN)
    return Invitation.objects.create(
        survey=survey, organisation=organisation, person=person, email=person.user.email
    )
