"""The catalogue of computations an indicator can be counted from: a small, tested set, not
free-form formulas. Each computes the value on a given day from the platform's own data, so
the history can be computed back to the network's start, and explains in plain language how
it counts.

A computation returns ``None`` when there is nothing to count from yet (no meeting held, no
survey answered): the results page says so instead of showing a misleading 0.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pioneers.core.translations import default_language
from pioneers.magazine.models import EditionPage
from pioneers.meetings.models import Meeting, Registration
from pioneers.network.models import Membership, Organisation
from pioneers.practices.models import PracticePage, PracticeReuse
from pioneers.reports.models import ReportPage
from pioneers.surveys.models import Answer, Question, Survey
from pioneers.surveys.selectors import MIN_GROUP

TWO = Decimal("0.01")
SCORED_KINDS = [Question.Kind.LIKERT, Question.Kind.NUMBER, Question.Kind.MATRIX]


def _decimal(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(value).quantize(TWO, rounding=ROUND_HALF_UP)


def _share(part: int, whole: int) -> Decimal | None:
    return _decimal(Decimal(100) * part / whole) if whole else None


@dataclass(frozen=True)
class Computation:
    key: str
    label: Promise
    unit: str  # "count", "percent" or "score"
    explanation: Promise  # may hold {parameter}
    compute: Callable | None  # (indicator, day) -> Decimal | None; None: entered by hand
    default_parameter: Decimal | None = None
    needs_question: bool = False

    def parameter_of(self, indicator) -> Decimal | None:
        if indicator.parameter is not None:
            return indicator.parameter
        return self.default_parameter

    def explain(self, indicator) -> str:
        parameter = self.parameter_of(indicator)
        return str(self.explanation).format(
            parameter=f"{parameter.normalize():f}" if parameter is not None else "",
            question=indicator.question_code,
        )


# --- the data, as it was on a day ---------------------------------------------------------------


def _originals(pages):
    return pages.filter(locale__language_code=default_language())


def members_on(day: datetime.date):
    """Municipalities that were members on ``day``: a membership that had started and not
    ended (memberships keep their history: member since, left on)."""
    memberships = Membership.objects.filter(
        status__in=[Membership.Status.MEMBER, Membership.Status.LEFT],
        member_since__lte=day,
    ).filter(Q(left_on__isnull=True) | Q(left_on__gt=day))
    return Organisation.objects.filter(
        kind=Organisation.Kind.MUNICIPALITY, memberships__in=memberships
    ).distinct()


def meetings_held(indicator, day: datetime.date):
    return Meeting.objects.filter(
        live=True,
        status=Meeting.Status.HELD,
        date__gte=indicator.starts_on,
        date__lte=day,
    )


def member_municipalities(indicator, day):
    return _decimal(members_on(day).count())


def attendance(indicator, day):
    held = list(meetings_held(indicator, day).values_list("pk", flat=True))
    members = set(members_on(day).values_list("pk", flat=True))
    if not held or not members:
        return None
    per_member = (
        Registration.objects.filter(
            meeting__in=held,
            status=Registration.Status.CONFIRMED,
            checked_in_at__isnull=False,
            person__organisation__in=members,
        )
        .values("person__organisation")
        .annotate(meetings=Count("meeting", distinct=True))
    )
    needed = Decimal(len(held)) * CATALOGUE["attendance"].parameter_of(indicator) / 100
    enough = sum(1 for row in per_member if row["meetings"] >= needed)
    return _share(enough, len(members))


def meetings_held_count(indicator, day):
    return _decimal(meetings_held(indicator, day).count())


def reports_on_time(indicator, day):
    days = int(CATALOGUE["reports_on_time"].parameter_of(indicator))
    due = meetings_held(indicator, day - datetime.timedelta(days=days))
    total = due.count()
    if not total:
        return None
    reports = _originals(ReportPage.objects.filter(live=True, meeting__in=due))
    on_time = (
        reports.filter(
            first_published_at__date__lte=F("meeting__date") + datetime.timedelta(days=days)
        )
        .values("meeting")
        .distinct()
        .count()
    )
    return _share(on_time, total)


def reports_published(indicator, day):
    reports = _originals(ReportPage.objects.filter(live=True, first_published_at__date__lte=day))
    return _decimal(reports.count())


def practices_shared(indicator, day):
    practices = _originals(
        PracticePage.objects.filter(live=True, first_published_at__date__lte=day)
    )
    return _decimal(practices.count())


def practices_taken_up(indicator, day):
    reuses = PracticeReuse.objects.filter(created_at__date__lte=day, practice__live=True).exclude(
        organisation=F("practice__municipality")
    )
    return _decimal(reuses.values("practice").distinct().count())


def magazine_editions(indicator, day):
    editions = _originals(EditionPage.objects.filter(live=True, publication_date__lte=day))
    return _decimal(editions.count())


def survey_score(indicator, day):
    """The mean of the answers to the question with this code in the latest survey that had
    closed by ``day`` and whose results are published. Like the results pages, it shows
    nothing of fewer than five respondents, and nothing while a survey is open: a score that
    changes with each answer would tell what each respondent answered."""
    surveys = (
        Survey.objects.filter(
            results_published=True,
            closes_at__date__lte=day,
            questions__code=indicator.question_code,
            questions__kind__in=SCORED_KINDS,
        )
        .order_by("-closes_at")
        .values_list("pk", flat=True)
    )
    latest = surveys.first()
    if latest is None:
        return None
    answers = Answer.objects.filter(
        response__survey=latest,
        response__submitted_on__isnull=False,
        question__code=indicator.question_code,
        number__isnull=False,
    ).aggregate(mean=Avg("number"), respondents=Count("response", distinct=True))
    if answers["respondents"] < MIN_GROUP:
        return None
    return _decimal(answers["mean"])


ENTERED = "entered"

CATALOGUE: dict[str, Computation] = {
    c.key: c
    for c in [
        Computation(
            "member_municipalities",
            _("Member municipalities"),
            "count",
            _(
                "The number of municipalities that were members of the network on the day: "
                "their membership had started and not ended."
            ),
            member_municipalities,
        ),
        Computation(
            "attendance",
            _("Members that attend regularly"),
            "percent",
            _(
                "The share of member municipalities whose people checked in at at least "
                "{parameter} per cent of the meetings held so far."
            ),
            attendance,
            default_parameter=Decimal(50),
        ),
        Computation(
            "meetings_held",
            _("Meetings held"),
            "count",
            _("The number of meetings held since the start, cancelled meetings not counted."),
            meetings_held_count,
        ),
        Computation(
            "reports_on_time",
            _("Reports published on time"),
            "percent",
            _(
                "Of the meetings held at least {parameter} days ago: the share whose report "
                "was published within {parameter} days of the meeting."
            ),
            reports_on_time,
            default_parameter=Decimal(28),
        ),
        Computation(
            "reports_published",
            _("Meeting reports published"),
            "count",
            _("The number of meeting reports published."),
            reports_published,
        ),
        Computation(
            "practices_shared",
            _("Practices shared"),
            "count",
            _("The number of practices published in the knowledge base."),
            practices_shared,
        ),
        Computation(
            "practices_taken_up",
            _("Practices taken up elsewhere"),
            "count",
            _("The number of practices that at least one other organisation said it is taking up."),
            practices_taken_up,
        ),
        Computation(
            "magazine_editions",
            _("Magazine editions"),
            "count",
            _("The number of magazine editions published."),
            magazine_editions,
        ),
        Computation(
            "survey_score",
            _("Average survey score"),
            "score",
            _(
                "The average answer (1 to 5) to the survey question '{question}', in the "
                "latest survey that asked it, once it closed and its results were published "
                "(at least five respondents)."
            ),
            survey_score,
            needs_question=True,
        ),
        Computation(
            ENTERED,
            _("Entered by hand"),
            "count",
            _("Entered by a coordinator, with its source."),
            None,
        ),
    ]
}


def computation_choices() -> list[tuple[str, Promise]]:
    return [(c.key, c.label) for c in CATALOGUE.values()]
