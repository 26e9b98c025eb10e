"""Writes of the evaluation app: recording indicator values, daily and back to the start."""

import datetime
import hashlib
import json
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from pioneers.core.cache import versions
from pioneers.evaluation.models import Indicator, IndicatorValue

logger = logging.getLogger(__name__)


def indicator_compute(indicator: Indicator, day: datetime.date):
    """The indicator's value on ``day`` from the platform's data (None: nothing to count)."""
    return indicator.catalogue_entry.compute(indicator, day)


def indicator_record(indicator: Indicator, day: datetime.date) -> IndicatorValue | None:
    """Compute and store the value of a computed indicator on ``day``. Writes only when the
    value changed, so a page that shows it stays cached until then; safe to run twice at once."""
    if not indicator.is_computed:
        return None
    value = indicator_compute(indicator, day)
    found = IndicatorValue.objects.filter(indicator=indicator, date=day).first()
    if found is not None:
        if found.value != value:
            found.value = value
            found.recorded_at = timezone.now()
            found.save(update_fields=["value", "recorded_at"])
        return found
    try:
        with transaction.atomic():
            return IndicatorValue.objects.create(indicator=indicator, date=day, value=value)
    except IntegrityError:  # another housekeeping run recorded it a moment ago
        return IndicatorValue.objects.get(indicator=indicator, date=day)


def month_starts(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of each month from ``start``'s month up to ``end``."""
    days = []
    day = start.replace(day=1)
    while day <= end:
        days.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return days


def indicator_backfill(indicator: Indicator, today: datetime.date | None = None) -> int:
    """Record the history of a computed indicator: the first of every month from its start, its
    deadline (what its status is judged on) and today. Returns the number of values recorded."""
    if not indicator.is_computed:
        return 0
    today = today or timezone.localdate()
    days = [d for d in month_starts(indicator.starts_on, today) if d >= indicator.starts_on]
    deadline = [indicator.deadline] if indicator.starts_on <= indicator.deadline <= today else []
    days = sorted({indicator.starts_on, *days, *deadline, today})
    for day in days:
        indicator_record(indicator, day)
    return len(days)


def indicators_snapshot(today: datetime.date | None = None) -> None:
    """Housekeeping: today's value of every computed indicator (the history of a new one is
    filled in first)."""
    today = today or timezone.localdate()
    for indicator in Indicator.objects.all():
        if not indicator.is_computed:
            continue
        try:
            if not indicator.values.exists():
                indicator_backfill(indicator, today)
            else:
                indicator_record(indicator, today)
        except Exception:
            logger.exception("Indicator %s could not be computed", indicator.pk)


def indicator_recompute(indicator: Indicator) -> int:
    """After a change of how an indicator is counted: its computed history again, from its
    start (values entered by hand are kept)."""
    if not indicator.is_computed:
        return 0
    indicator.values.all().delete()
    return indicator_backfill(indicator)


def report_pdf(page, request) -> tuple[str, bytes]:
    """The PDF of an evaluation report's live version: built once per published version and kept
    in the media storage, so readers never wait for WeasyPrint twice."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.template.loader import render_to_string
    from django.utils import translation

    from pioneers.core.models import NetworkSettings
    from pioneers.core.pdf import render_pdf
    from pioneers.evaluation.rendered import report_figures, report_tags

    page = page.specific
    filename = f"{page.slug}.pdf"
    language = page.locale.language_code
    # A new version of the page, or new figures (indicators, survey results), make a new PDF.
    # The versions are read before the figures: a change meanwhile makes the PDF stale, not wrong.
    figures_versions = versions(report_tags(page))
    digest = hashlib.sha256(json.dumps(figures_versions, sort_keys=True).encode()).hexdigest()[:12]
    stored = f"evaluation/pdf/{page.pk}-{page.live_revision_id or 0}-{digest}.pdf"
    if default_storage.exists(stored):
        with default_storage.open(stored, "rb") as file:
            return filename, file.read()
    with translation.override(language):
        figures, _tags = report_figures(page)
        context = {
            "page": page,
            "network_name": NetworkSettings.load().name,
            "language": language,
            "figures": figures,
        }
        html = render_to_string("evaluation/pdf/report.html", context, request=request)
        stylesheet = render_to_string("evaluation/pdf/report.css", context)
    content = render_pdf(html, stylesheet)
    if not default_storage.exists(stored):
        default_storage.save(stored, ContentFile(content))
        # The page's earlier PDFs are out of date now.
        folder, name = stored.rsplit("/", 1)
        for old in default_storage.listdir(folder)[1]:
            if old.startswith(f"{page.pk}-") and old != name:
                default_storage.delete(f"{folder}/{old}")
    return filename, content
