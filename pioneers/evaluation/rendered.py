"""The evaluation's heavy blocks, rendered once and cached until their data changes: the results
page's indicators (a chart and a table of every month each) and an evaluation report's figures
(indicators and survey results). The rest of their pages is rendered as usual."""

import hashlib

from pioneers.core.cache import cached_render
from pioneers.core.languages import current_language
from pioneers.evaluation import selectors
from pioneers.evaluation.charts import chart_of
from pioneers.surveys.caching import survey_tag


def results_html() -> str:
    """Every public indicator with its value, target, status, chart and figures."""
    language = current_language()
    return cached_render(
        f"evaluation:results-html:{language}",
        "evaluation/_results.html",
        lambda: {
            "rows": [(result, chart_of(result)) for result in selectors.public_results()],
            "LANGUAGE_CODE": language,
        },
        tags=[selectors.TAG],
    )


def _asked(page) -> tuple[list, list, list[str]]:
    """What the shown version of a report asks for: its indicators, its surveys (with whether to
    compare them), and the cache tags of their data."""
    indicators = [row.indicator_id for row in page.indicators.all()]
    surveys = [(row.survey_id, row.compare) for row in page.surveys.all()]
    return indicators, surveys, [selectors.TAG, *(survey_tag(pk) for pk, _compare in surveys)]


def report_tags(page) -> list[str]:
    return _asked(page)[2]


def report_figures(page) -> tuple[str, list[str]]:
    """An evaluation report's indicators (as on its date) and survey results, rendered; and the
    cache tags they depend on. Keyed on what the shown version of the page asks for, so an
    earlier version gets its own figures."""
    indicators, surveys, tags = _asked(page)
    language = current_language()
    asked = hashlib.sha256(f"{page.as_of}:{indicators}:{surveys}".encode()).hexdigest()[:16]
    html = cached_render(
        f"evaluation:report-html:{page.pk}:{language}:{asked}",
        "evaluation/_report_figures.html",
        lambda: {**selectors.report_results(page), "LANGUAGE_CODE": language, "level": 3},
        tags=tags,
    )
    return html, tags
