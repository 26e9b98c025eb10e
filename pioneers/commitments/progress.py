"""A milestone's progress, computed from what the platform holds where it can be: the catalogue
of computations, and ``progress_of`` for a whole commitment in a fixed number of queries.

A count (meetings with their report published, magazine editions published) reaches
"completed" at its target; under it, "limited" up to half the target and "substantial" above.
A survey's milestone follows the survey: invitations out, answers in, results published. The
evidence a computation counted is listed with the progress, so readers can check it.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pioneers.commitments.models import Milestone, Status

ENTERED = "entered"


@dataclass
class Item:
    """A piece of evidence: what it is, where to read it, when it happened."""

    label: str
    url: str
    date: datetime.date | None
    kind: str = ""  # "meeting report", "editionpage", "survey", "document", "link", ...
    language: str = ""  # the label's language, when it is not the reader's


@dataclass
class Progress:
    computed: str | None  # the computed status; None for milestones set by hand
    status: str  # what counts: the override, else the computed, else the entered status
    count: int | None = None
    target: int | None = None
    evidence: list[Item] = field(default_factory=list)
    actual_start: datetime.date | None = None
    actual_end: datetime.date | None = None
    overridden: bool = False
    reason: str = ""


@dataclass(frozen=True)
class Computation:
    label: str
    explain: Callable[[Milestone], str]
    # compute(milestones) -> {pk: (status, count, target, evidence[, started])}; None for "set
    # by hand".
    compute: Callable[[list[Milestone]], dict] | None = None
    default_target: int | None = None
    needs_survey: bool = False


def _count_status(count: int, target: int) -> str:
    if count <= 0:
        return Status.NOT_STARTED
    if count >= target:
        return Status.COMPLETED
    return Status.LIMITED if count * 2 <= target else Status.SUBSTANTIAL


def _reported_meetings(milestones: list[Milestone]) -> dict:
    """Held meetings from the milestone's start whose report (in the network's language) is
    published, each counted from the day its report was: one query for all milestones."""
    from pioneers.reports.models import ReportPage

    reports = list(
        ReportPage.objects.live()
        .public()
        .filter(
            locale__language_code=settings.LANGUAGE_CODE[:2],
            meeting__status="held",
            meeting__live=True,  # a report of an unpublished meeting does not count
        )
        .select_related("meeting")
        .order_by("meeting__date", "pk")
    )
    found = {}
    for milestone in milestones:
        target = milestone.target or 8
        seen, evidence = set(), []
        for report in reports:
            meeting = report.meeting
            if meeting.date < milestone.starts_on or meeting.pk in seen:
                continue
            seen.add(meeting.pk)
            # It counts from the day its report was published.
            published = report.first_published_at
            day = timezone.localdate(published) if published else meeting.date
            evidence.append(
                Item(report.title, report.url, day, "reportpage", settings.LANGUAGE_CODE[:2])
            )
        found[milestone.pk] = (
            _count_status(len(evidence), target),
            len(evidence),
            target,
            evidence,
        )
    return found


def _editions(milestones: list[Milestone]) -> dict:
    """Magazine editions published from the milestone's start: one query for all."""
    from pioneers.magazine.selectors import live_editions

    editions = list(
        live_editions()
        .filter(locale__language_code=settings.LANGUAGE_CODE[:2])
        .order_by("publication_date", "pk")
    )
    found = {}
    for milestone in milestones:
        target = milestone.target or 2
        evidence = [
            Item(
                edition.title,
                edition.url,
                edition.publication_date,
                "editionpage",
                settings.LANGUAGE_CODE[:2],
            )
            for edition in editions
            if edition.publication_date >= milestone.starts_on
        ]
        found[milestone.pk] = (
            _count_status(len(evidence), target),
            len(evidence),
            target,
            evidence,
        )
    return found


def _survey_state(milestones: list[Milestone]) -> dict:
    """Not started before it opens; limited while open; substantial once closed with answers;
    completed once its results are published."""
    from django.urls import reverse

    from pioneers.surveys.models import Survey

    surveys = Survey.objects.in_bulk({m.survey_id for m in milestones if m.survey_id})
    now = timezone.now()
    found = {}
    for milestone in milestones:
        survey = surveys.get(milestone.survey_id)
        if survey is None:
            found[milestone.pk] = (Status.NOT_STARTED, None, None, [])
            continue
        if survey.results_published:
            status = Status.COMPLETED
        elif now >= survey.closes_at:
            status = Status.SUBSTANTIAL
        elif now >= survey.opens_at:
            status = Status.LIMITED
        else:
            status = Status.NOT_STARTED
        evidence = []
        if survey.results_published:
            evidence.append(
                Item(
                    survey.localized_title,
                    reverse("survey_results:results", args=[survey.slug]),
                    timezone.localdate(survey.closes_at),
                    "survey",
                    getattr(survey.localized_title, "language", ""),
                )
            )
        started = timezone.localdate(survey.opens_at) if status != Status.NOT_STARTED else None
        found[milestone.pk] = (status, None, None, evidence, started)
    return found


def _explain_count(what, default: int):
    def explain(milestone: Milestone) -> str:
        return str(what) % {
            "target": milestone.target or default,
            "start": date_format(milestone.starts_on) if milestone.starts_on else "",
        }

    return explain


CATALOGUE: dict[str, Computation] = {
    ENTERED: Computation(
        gettext_lazy("set by the coordinators, with evidence"),
        lambda milestone: _("Set by the coordinators, with the evidence listed."),
    ),
    "meetings_reported": Computation(
        gettext_lazy("meetings held with their report published"),
        _explain_count(
            gettext_lazy(
                "Counts the meetings held since %(start)s whose report is published; "
                "complete at %(target)s."
            ),
            8,
        ),
        _reported_meetings,
        default_target=8,
    ),
    "editions_published": Computation(
        gettext_lazy("magazine editions published"),
        _explain_count(
            gettext_lazy(
                "Counts the magazine editions published since %(start)s; complete at %(target)s."
            ),
            2,
        ),
        _editions,
        default_target=2,
    ),
    "survey": Computation(
        gettext_lazy("the state of a survey"),
        lambda milestone: _(
            "Follows the survey: started when it opens, substantial once it closed, complete "
            "once its results are published."
        ),
        _survey_state,
        needs_survey=True,
    ),
}


def progress_of(milestones: Iterable[Milestone], evidence_of: dict | None = None) -> dict:
    """Each milestone's progress, by pk: computed where the platform can, the coordinators'
    evidence added. At most one query per kind of computation used, whatever the number of
    milestones or of items counted. ``evidence_of`` maps a milestone's pk to the evidence the
    coordinators entered (as Items)."""
    milestones = list(milestones)
    evidence_of = evidence_of or {}
    by_kind: dict[str, list[Milestone]] = {}
    for milestone in milestones:
        by_kind.setdefault(milestone.computation, []).append(milestone)
    computed: dict[int, tuple] = {}
    for kind, group in by_kind.items():
        entry = CATALOGUE.get(kind)
        if entry is not None and entry.compute is not None:
            computed.update(entry.compute(group))
    result = {}
    for milestone in milestones:
        entered = list(evidence_of.get(milestone.pk, []))
        if milestone.pk in computed:
            status, count, target, evidence, *started = computed[milestone.pk]
            computed_status = status
        else:
            status, count, target, evidence, started = milestone.status, None, None, [], []
            computed_status = None
        # The day it was complete: the target-th counted item, else the last piece of evidence.
        counted = sorted(item.date for item in (evidence or entered) if item.date)
        evidence = sorted(
            evidence + entered, key=lambda item: (item.date or datetime.date.max, item.label)
        )
        dates = [item.date for item in evidence if item.date]
        # A computation may know when the work started (a survey: the day it opened).
        actual_start = milestone.actual_start or next(iter(started), None)
        actual_start = actual_start or (min(dates) if dates else None)
        actual_end = milestone.actual_end
        done = (milestone.override_status or status) == Status.COMPLETED
        if actual_end is None and done and counted:
            actual_end = counted[min(len(counted), target or len(counted)) - 1]
        overridden = bool(milestone.override_status)
        result[milestone.pk] = Progress(
            computed=computed_status,
            status=milestone.override_status or status,
            count=count,
            target=target,
            evidence=evidence,
            actual_start=actual_start,
            actual_end=actual_end,
            overridden=overridden,
            reason=milestone.override_reason if overridden else "",
        )
    return result
