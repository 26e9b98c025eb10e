"""Reads of the evaluation app: the results page, the home page's three indicators, and the
evaluation reports with their Woo metadata."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Q
from django.utils import timezone

from pioneers.core.cache import cached
from pioneers.core.languages import current_language
from pioneers.core.links import page_url
from pioneers.core.translations import with_translations
from pioneers.evaluation.catalogue import ENTERED
from pioneers.evaluation.charts import chart_of
from pioneers.evaluation.models import EvaluationReportPage, Indicator, IndicatorValue
from pioneers.reports.selectors import lead_organisation
from pioneers.reports.woo import evaluation_report_metadata
from pioneers.surveys.selectors import MIN_GROUP, survey_results

TAG = "evaluation"
# Daily values older than this are shown as one point a month (the first of the month).
RECENT_DAYS = 31


@dataclass
class Result:
    """An indicator as the results page shows it: plain data, cached for everyone."""

    pk: int
    name: str
    name_language: str
    description: str
    explanation: str
    unit: str
    target: Decimal
    direction: str
    deadline: datetime.date
    is_computed: bool
    points: list[tuple[datetime.date, Decimal | None]] = field(default_factory=list)
    source: str = ""
    on: datetime.date | None = None  # the day it describes (None: today)

    @property
    def latest(self) -> tuple[datetime.date, Decimal | None] | None:
        return self.points[-1] if self.points else None

    @property
    def value(self) -> Decimal | None:
        return self.points[-1][1] if self.points else None

    def _met(self, value: Decimal) -> bool:
        if self.direction == "at_most":
            return value <= self.target
        return value >= self.target

    @property
    def status(self) -> str:
        """ "met", "open" (not met, deadline ahead), "missed" (not met on the deadline), or
        "empty" (nothing to count). Once the deadline passed, its value on the deadline counts."""
        if self.deadline <= (self.on or timezone.localdate()):
            by_deadline = [v for d, v in self.points if d <= self.deadline and v is not None]
            if not by_deadline:
                return "missed" if self.points else "empty"
            return "met" if self._met(by_deadline[-1]) else "missed"
        if self.value is None:
            return "empty"
        return "met" if self._met(self.value) else "open"


def _results(indicators: list[Indicator], on: datetime.date | None = None) -> list[Result]:
    """The indicators with their trend (up to the day ``on``, by default today), in two queries
    whatever their number."""
    indicators = with_translations(indicators)
    recent = (on or timezone.localdate()) - datetime.timedelta(days=RECENT_DAYS)
    values = IndicatorValue.objects.filter(indicator__in=indicators)
    if on is not None:
        values = values.filter(date__lte=on)
    rows = (
        values.filter(
            Q(date__day=1)
            | Q(date__gte=recent)
            | Q(date=F("indicator__deadline"))
            | Q(indicator__computation=ENTERED)
        )
        .order_by("indicator", "date")
        .values_list("indicator", "date", "value", "source")
    )
    points: dict[int, list] = {}
    sources: dict[int, str] = {}
    for indicator, date, value, source in rows:
        points.setdefault(indicator, []).append((date, value))
        sources[indicator] = source
    results = []
    for indicator in indicators:
        found = points.get(indicator.pk, [])
        # Of the recent daily values only the last counts; months keep their first day, and the
        # deadline its value, which the status is judged on.
        trend = [
            p
            for p in found[:-1]
            if p[0].day == 1 or p[0] == indicator.deadline or not indicator.is_computed
        ]
        trend += found[-1:]
        results.append(
            Result(
                pk=indicator.pk,
                name=indicator.text.name,
                name_language=indicator.text_language,
                description=indicator.text.description,
                explanation=indicator.explanation(),
                unit=indicator.unit,
                target=indicator.target,
                direction=indicator.direction,
                deadline=indicator.deadline,
                is_computed=indicator.is_computed,
                points=trend,
                source=sources.get(indicator.pk, "") if not indicator.is_computed else "",
                on=on,
            )
        )
    return results


def public_indicators():
    """The indicators everyone may see."""
    return Indicator.objects.filter(is_public=True)


def results_of(indicators) -> list[Result]:
    """Indicators (of ``public_indicators``) as the results page shows them; two queries."""
    return _results(list(indicators))


def public_results() -> list[Result]:
    """Every public indicator with its trend (uncached: the results page caches its rendering)."""
    return _results(list(public_indicators()))


def home_results() -> list[Result]:
    """The (at most) three indicators the coordinators picked for the home page."""
    return cached(
        f"evaluation:home:{current_language()}",
        lambda: _results(
            list(
                Indicator.objects.filter(is_public=True, home_position__isnull=False).order_by(
                    "home_position"
                )
            )
        ),
        tags=[TAG],
    )


def report_results(page) -> dict:
    """What an evaluation report shows: its indicators as on its date and its surveys' results
    (groups under five hidden, as on the results pages)."""
    indicators = [row.indicator for row in page.indicators.select_related("indicator")]
    results = _results(indicators, on=page.as_of)
    language = current_language()
    surveys = [
        {
            "survey": row.survey,
            "results": survey_results(row.survey, language=language),
            "compare": row.compare and row.survey.previous_round_id is not None,
        }
        for row in page.surveys.select_related("survey__previous_round")
    ]
    return {
        "rows": [(result, chart_of(result)) for result in results],
        "surveys": surveys,
        "min_group": MIN_GROUP,
    }


def published_evaluation_reports():
    """Live, public evaluation reports with their language, in one query."""
    return EvaluationReportPage.objects.live().public().select_related("locale").order_by("pk")


def evaluation_reports_woo_metadata() -> list[tuple[object, object]]:
    """(report, its Woo metadata) for every published evaluation report, in a fixed number of
    queries: research reports that the network publishes through its lead organisation."""
    lead = lead_organisation()
    pages = published_evaluation_reports()
    return [
        (page, evaluation_report_metadata(page, lead=lead, url=page_url(page))) for page in pages
    ]
