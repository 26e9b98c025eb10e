"""Milestones' progress computed from the platform's data: the demo's NL0037 and the catalogue."""

import datetime

import pytest
from django.utils import timezone

from pioneers.commitments.models import Commitment, Milestone, Status
from pioneers.commitments.progress import progress_of
from pioneers.commitments.selectors import commitment_overview
from pioneers.meetings.models import Meeting
from pioneers.reports.models import ReportPage
from pioneers.surveys.models import Survey

pytestmark = pytest.mark.usefixtures("demo")


def ours() -> Commitment:
    return Commitment.objects.get(code="NL0037")


def test_the_demo_commitment_has_five_milestones_whose_progress_follows_the_data():
    overview = commitment_overview(ours())
    rows = {row.milestone.number: row for row in overview.milestones}
    assert list(rows) == ["3.1", "3.2", "3.3", "3.4", "3.5"]
    meetings = rows["3.3"].progress
    held = (
        ReportPage.objects.live().filter(locale__language_code="nl", meeting__status="held").count()
    )
    assert (meetings.count, meetings.target) == (held, 8) == (8, 8)
    assert meetings.computed == meetings.status == Status.COMPLETED
    assert len(meetings.evidence) == 8 and all(item.url for item in meetings.evidence)
    # Complete on the day the eighth report was published, a week after the planned end.
    assert meetings.actual_end == datetime.date(2020, 7, 9)
    assert rows["3.3"].late
    assert rows["3.5"].progress.count == 2 and rows["3.5"].progress.status == Status.COMPLETED
    assert rows["3.4"].progress.status == Status.COMPLETED  # the survey's results are public
    # Set by hand: no computed status, the coordinators' evidence only.
    assert rows["3.2"].progress.computed is None
    assert rows["3.2"].progress.actual_start == datetime.date(2018, 10, 11)
    assert rows["3.2"].late  # launched in October, planned for September


def _milestone(**fields) -> Milestone:
    fields = {
        "commitment": ours(),
        "number": "9.9",
        "title": "Test",
        "starts_on": datetime.date(2018, 10, 1),
        "ends_on": datetime.date(2030, 1, 1),
        **fields,
    }
    return Milestone.objects.create(**fields)


@pytest.mark.parametrize(
    ("target", "status"),
    [(8, Status.COMPLETED), (9, Status.SUBSTANTIAL), (16, Status.LIMITED), (20, Status.LIMITED)],
)
def test_a_count_is_limited_up_to_half_its_target_then_substantial(target, status):
    milestone = _milestone(computation="meetings_reported", target=target)
    assert progress_of([milestone])[milestone.pk].status == status


def test_only_meetings_from_the_milestones_start_count_and_not_started_is_zero():
    milestone = _milestone(computation="meetings_reported", starts_on=datetime.date(2020, 1, 1))
    assert progress_of([milestone])[milestone.pk].count == 2
    later = _milestone(
        number="9.8", computation="meetings_reported", starts_on=datetime.date(2029, 1, 1)
    )
    assert progress_of([later])[later.pk].status == Status.NOT_STARTED


def test_an_unpublished_report_does_not_count():
    milestone = _milestone(computation="meetings_reported")
    report = ReportPage.objects.live().filter(locale__language_code="nl").first()
    report.unpublish()
    assert progress_of([milestone])[milestone.pk].count == 7


def test_a_survey_milestone_follows_the_survey():
    survey = Survey.objects.get(slug="tussentijdse-evaluatie-2019")
    milestone = _milestone(computation="survey", survey=survey)
    assert progress_of([milestone])[milestone.pk].status == Status.COMPLETED
    Survey.objects.filter(pk=survey.pk).update(results_published=False)
    assert progress_of([milestone])[milestone.pk].status == Status.SUBSTANTIAL
    now = timezone.now()
    Survey.objects.filter(pk=survey.pk).update(
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=1)
    )
    assert progress_of([milestone])[milestone.pk].status == Status.LIMITED
    Survey.objects.filter(pk=survey.pk).update(opens_at=now + datetime.timedelta(days=1))
    assert progress_of([milestone])[milestone.pk].status == Status.NOT_STARTED


def test_an_override_counts_and_keeps_the_computed_status_and_reason():
    milestone = _milestone(
        computation="meetings_reported",
        override_status=Status.SUBSTANTIAL,
        override_reason="Eén verslag is nog niet goedgekeurd.",
    )
    progress = progress_of([milestone])[milestone.pk]
    assert progress.status == Status.SUBSTANTIAL
    assert progress.computed == Status.COMPLETED
    assert progress.overridden and progress.reason.startswith("Eén verslag")


def test_progress_takes_a_fixed_number_of_queries_whatever_the_number_of_milestones():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(milestones) -> int:
        with CaptureQueriesContext(connection) as queries:
            progress_of(milestones)
        return len(queries)

    kinds = ["meetings_reported", "editions_published", "entered"]
    few = [_milestone(number=f"8.{n}", computation=kind) for n, kind in enumerate(kinds)]
    progress_of(few)  # the site's root paths, cached for every later page URL
    before = count(few)
    many = few + [_milestone(number=f"7.{n}", computation=kinds[n % 3]) for n in range(20)]
    assert count(many) == before


def test_a_report_of_a_meeting_that_was_not_held_does_not_count():
    Meeting.objects.filter(pk=Meeting.objects.filter(status="held").first().pk).update(
        status="cancelled"
    )
    milestone = _milestone(computation="meetings_reported")
    assert progress_of([milestone])[milestone.pk].count == 7
