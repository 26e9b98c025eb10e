"""One phone sending its vote many times at once (a double tap, a retry): one vote, never an
error (PostgreSQL, real threads)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone

from pioneers.meetings.models import Meeting
from pioneers.surveys import polls, polls_services
from pioneers.surveys.models_polls import Poll, PollVote

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every writer; the race this guards against needs PostgreSQL",
)

THREADS = 20
VOTERS = 5


@pytest.mark.django_db(transaction=True)
def test_simultaneous_votes_of_one_phone_count_once(demo):
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    poll = polls_services.poll_create(
        meeting=meeting, kind=Poll.Kind.SINGLE, text="Ja of nee?", choices="Ja | Yes\nNee | No"
    )
    polls_services.poll_open(poll=poll)
    start = threading.Barrier(THREADS)
    errors = []

    def vote(n: int) -> None:
        try:
            start.wait()
            polls_services.vote_cast(poll=poll, voter=f"phone-{n % VOTERS}", answer=1 + n % 2)
        except Exception as error:  # noqa: BLE001 - every failure is reported below
            errors.append(error)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(vote, range(THREADS)))

    assert errors == []
    assert PollVote.objects.filter(poll=poll).count() == VOTERS
    assert polls.poll_result(poll).total == VOTERS
