import datetime

import pytest
from django.utils import timezone

from pioneers.cfp.services import FormatSpec, call_create
from tests.factories import UserFactory, meeting_create


@pytest.fixture
def conference(demo):
    return meeting_create(
        number=40,
        title="Pioniersconferentie",
        slug="pioniersconferentie",
        date=timezone.localdate() + datetime.timedelta(days=60),
        format="conference",
    )


def make_call(meeting, *, formats=1, tracks=1, opens=-7, closes=14, questions=()):
    now = timezone.now()
    names = [("Lezing", "Talk", 30), ("Werksessie", "Workshop", 90), ("Lab", "Lab", 120)]
    return call_create(
        meeting=meeting,
        opens_at=now + datetime.timedelta(days=opens),
        closes_at=now + datetime.timedelta(days=closes),
        formats=[
            FormatSpec(
                name_nl=f"{names[i % 3][0]} {i}",
                name_en=f"{names[i % 3][1]} {i}",
                duration_minutes=names[i % 3][2],
            )
            for i in range(formats)
        ],
        tracks=[(f"Spoor {i}", f"Track {i}") for i in range(tracks)],
        questions=list(questions),
        criteria=[("Relevantie", "Relevance"), ("Originaliteit", "Originality")],
        introduction_nl="Deel wat je gemeente leerde.",
        introduction_en="Share what your municipality learned.",
    )


@pytest.fixture
def call(conference):
    return make_call(conference)


@pytest.fixture
def speaker(client, demo):
    user = UserFactory()
    client.force_login(user)
    return user


def reviews():
    """Reviews other than the demo's: its 2019 conference's proposals were reviewed."""
    from pioneers.cfp.models import Review

    return Review.objects.exclude(submission__call__meeting__date__year=2019)
