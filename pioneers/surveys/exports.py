"""A survey's submitted responses as a table, for coordinators: CSV and XLSX.

One row per submitted response, one column per question (a matrix: per statement), and the
organisation, its province and the respondent's role. Never a name or an email address, not
even for surveys that are not anonymous: people answered a survey, they did not consent to
having their answers passed on under their name. Three queries whatever the size.
"""

import io
import re
from decimal import Decimal

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from pioneers.core.exports import csv_response
from pioneers.network.models import Person
from pioneers.surveys.models import Answer, Question, Response, Survey
from pioneers.surveys.selectors import TEXT_KINDS, survey_questions

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Control characters XML 1.0 cannot hold; openpyxl refuses a cell that has one.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _columns(questions: list[Question]) -> list[tuple[tuple[int, int], str, Question]]:
    """((question id, item), heading, question) of every answer column, in order."""
    columns = []
    for question in questions:
        if question.kind == Question.Kind.MATRIX:
            for number, label in question.options():
                columns.append(
                    ((question.pk, number), f"{question.code}.{number}: {label}", question)
                )
        else:
            heading = f"{question.code}: {question.localized_text}"
            columns.append(((question.pk, 0), heading, question))
    return columns


def _number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


def _value(question: Question, labels: dict[int, str], number, choices, text):
    kind = question.kind
    if kind == Question.Kind.SINGLE:
        return labels.get(int(number), _number(number)) if number is not None else None
    if kind == Question.Kind.MULTIPLE:
        chosen = [c for c in choices if isinstance(c, int)] if isinstance(choices, list) else []
        return "; ".join(labels.get(c, str(c)) for c in sorted(chosen)) or None
    if kind in TEXT_KINDS:
        return text or None
    return _number(number)


def response_table(survey: Survey, *, language: str) -> tuple[list[str], list[list]]:
    """(headings, rows) of the submitted responses, in ``language``.

    An anonymous survey's export holds the answers only: with a municipality, role or day
    beside them, a row of a small municipality (or the day an invitation turned "answered")
    would tell whose answers they are. The results pages give the figures per group, with
    groups under five hidden."""
    with translation.override(language):
        questions = survey_questions([survey])
        columns = _columns(questions)
        labels = {q.pk: dict(q.options()) for q in questions if q.kind != Question.Kind.LIKERT}
        roles = dict(Person.Role.choices)
        headings = [
            _("Response"),
            _("Submitted on"),
            _("Organisation"),
            _("Province"),
            _("Role"),
            *(heading for _key, heading, _question in columns),
        ]
        responses = (
            Response.objects.filter(survey=survey, submitted_on__isnull=False)
            .order_by("submitted_on", "pk")
            .values_list(
                "pk", "submitted_on", "organisation__name", "organisation__province__name", "role"
            )
        )
        answers = (
            Answer.objects.filter(response__survey=survey, response__submitted_on__isnull=False)
            .order_by()
            .values_list("response_id", "question_id", "item", "number", "choices", "text")
        )
        by_question = {q.pk: q for q in questions}
        found: dict[int, dict] = {}
        for response_id, question_id, item, number, choices, text in answers:
            question = by_question.get(question_id)
            if question is None:
                continue
            value = _value(question, labels.get(question_id, {}), number, choices, text)
            found.setdefault(response_id, {})[(question_id, item)] = value
        rows = []
        for index, (pk, submitted_on, organisation, province, role) in enumerate(
            responses, start=1
        ):
            values = found.get(pk, {})
            about = [submitted_on, organisation or "", province or "", str(roles.get(role, role))]
            rows.append(
                [
                    index,  # not the id: a number that says nothing about the order of links
                    *([] if survey.anonymous else about),
                    *(values.get(key) for key, _heading, _question in columns),
                ]
            )
        if survey.anonymous:
            headings = [headings[0], *headings[5:]]
            rows.sort(key=lambda row: [str(v) for v in row[1:]])  # not in the order they came
            for index, row in enumerate(rows, start=1):
                row[0] = index
    return headings, rows


def _filename(survey: Survey, extension: str) -> str:
    return f"{survey.slug}-{_('results')}.{extension}"


def csv_download(survey: Survey, *, language: str) -> HttpResponse:
    headings, rows = response_table(survey, language=language)
    response, writer = csv_response(_filename(survey, "csv"))
    writer.writerow(headings)
    writer.writerows(rows)
    return response


def xlsx_download(survey: Survey, *, language: str) -> HttpResponse:
    """The same table as a workbook. Text is stored as text, so a cell that starts with "=" is
    never a formula; control characters a workbook cannot hold are left out."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    headings, rows = response_table(survey, language=language)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Responses")[:31])

    def cell(value):
        if isinstance(value, str):
            cell = WriteOnlyCell(sheet, value=_ILLEGAL.sub("", value))
            cell.data_type = "s"
            return cell
        return WriteOnlyCell(sheet, value=value)

    sheet.append([cell(value) for value in headings])
    for row in rows:
        sheet.append([cell(value) for value in row])
    stream = io.BytesIO()
    workbook.save(stream)
    response = HttpResponse(stream.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(survey, "xlsx")}"'
    return response
