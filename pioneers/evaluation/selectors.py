"""Reads of the evaluation app: the results page and the home page's three indicators."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from pioneers.core.cache import cached
from pioneers.core.languages import current_language
from pioneers.core.translations import with_translations
from pioneers.evaluation.catalogue import ENTERED
from pioneers.evaluation.models import Indicator, IndicatorValue

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

    @property
    def latest(self) -> tuple[datetime.date, Decimal | None] | None:
        return self.points[-1] if self.points else None

    @property
    def value(self) -> Decimal | None:
        return self.points[-1][1] if self.points else None

    @property
    def status(self) -> str:
        """ "met", "open" (not met, deadline ahead), "missed", or "empty" (nothing to count)."""
        if self.value is None:
            return "empty"
        met = (
            self.value <= self.target if self.direction == "at_most" else self.value >= self.target
        )
        if met:
            return "met"
        return "missed" if self.deadline < timezone.localdate() else "open"


def _results(indicators: list[Indicator]) -> list[Result]:
    """The indicators with their trend, in two queries whatever their number."""
    indicators = with_translations(indicators)
    recent = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)
    rows = (
        IndicatorValue.objects.filter(indicator__in=indicators)
        .filter(Q(date__day=1) | Q(date__gte=recent) | Q(indicator__computation=ENTERED))
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
        # Of the recent daily values only the last counts; months keep their first day.
        trend = [p for p in found[:-1] if p[0].day == 1 or not indicator.is_computed]
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
            )
        )
    return results


def public_results() -> list[Result]:
    """Every public indicator with its trend, in the reader's language."""
    return cached(
        f"evaluation:results:{current_language()}",
        lambda: _results(list(Indicator.objects.filter(is_public=True))),
        tags=[TAG],
    )


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
