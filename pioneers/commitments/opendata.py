"""A commitment's public costs as open data, CSV and JSON, in the language of the URL.

Confidential costs are never in them: the JSON only counts them, with their reasons. Amounts are
text with a dot and two decimals ("1135.50"), in both files: exact, whatever the reader's
program does with floating-point numbers. Both files have the same columns, named the same in
every language; only the category's label follows the language.
"""

from collections.abc import Callable
from decimal import Decimal

from django.utils.translation import pgettext

from pioneers.commitments.models import Commitment, Cost
from pioneers.commitments.selectors import Budget

COLUMNS = (
    "date",
    "category",
    "category_label",
    "description",
    "meeting",
    "meeting_url",
    "planned",
    "spent",
    "receipt",
)


def file_name(commitment: Commitment, extension: str) -> str:
    """E.g. nl0037-kosten.csv, in the active language."""
    return f"{commitment.code.lower()}-{pgettext('file name', 'costs')}.{extension}"


def amount(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def cost_row(cost: Cost, absolute: Callable[[str], str]) -> dict:
    """One public cost; None where it has no meeting (or one not published), is not paid yet
    or has no receipt. ``absolute`` makes a path a full web address."""
    meeting = cost.meeting if cost.meeting is not None and cost.meeting.live else None
    return {
        "date": cost.date.isoformat(),
        "category": cost.category,
        "category_label": str(cost.get_category_display()),
        "description": cost.description,
        "meeting": meeting.text.title if meeting else None,
        "meeting_url": absolute(meeting.get_absolute_url()) if meeting else None,
        "planned": amount(cost.planned),
        "spent": amount(cost.actual),
        "receipt": absolute(cost.receipt.url) if cost.receipt is not None else None,
    }


def costs_table(budget: Budget, absolute: Callable[[str], str]) -> list[list]:
    """The CSV: a header and one row per public cost, no summary line."""
    rows = [cost_row(cost, absolute) for cost in budget.costs]
    return [list(COLUMNS), *([row[column] for column in COLUMNS] for row in rows)]


def costs_document(commitment: Commitment, budget: Budget, absolute: Callable[[str], str]) -> dict:
    """The JSON: the totals of the public costs, how many are confidential and why, the costs."""
    return {
        "commitment": commitment.code,
        "currency": "EUR",
        "budget": amount(budget.total),
        "planned": amount(budget.planned),
        "spent": amount(budget.spent),
        "confidential": {"count": budget.confidential, "reasons": budget.reasons},
        "costs": [cost_row(cost, absolute) for cost in budget.costs],
    }
