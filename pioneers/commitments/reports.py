"""Progress reports of a commitment: a self-assessment in the independent review's (IRM)
structure, issued by the coordinators and frozen in both languages, so every issued version reads
as it did on the day; and its Markdown and PDF forms.

``progress_report_content`` reads ``selectors.commitment_overview`` once per language and keeps
plain strings only (labels translated, dates as ISO and as shown, numbers as text), which is what
``ProgressReport.content`` stores: ``{"nl": {...}, "en": {...}}``.
"""

import datetime
import json
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from pioneers.commitments import selectors
from pioneers.commitments.models import Commitment, ProgressReport, Status
from pioneers.core.translations import default_language, with_translations

# PositiveSmallIntegerField: a larger number in a URL is no report, not a database error.
MAX_NUMBER = 32767
ATTEMPTS = 3


def languages() -> list[str]:
    return [code[:2] for code, _name in settings.LANGUAGES]


def _date(value: datetime.date | None) -> dict:
    """A date as ISO (for machines) and as readers of the active language write it."""
    if value is None:
        return {"iso": "", "shown": ""}
    return {"iso": value.isoformat(), "shown": date_format(value, "j F Y")}


def _language(value, fallback: str) -> str:
    return (getattr(value, "language", "") or fallback or default_language())[:2]


def _kind_label(kind: str) -> str:
    """What a piece of evidence is, e.g. "meeting report"."""
    own = {"survey": _("survey"), "document": _("document"), "link": _("web page")}
    if not kind:
        return ""
    if kind in own:
        return own[kind]
    return selectors.kind_label(kind, 1)


def _indicator_status(status: str) -> str:
    return {
        "met": _("Target reached"),
        "missed": _("Target not reached by the deadline"),
        "open": _("Not reached yet"),
    }.get(status, _("No value yet: there is nothing to count from so far."))


def _period(commitment: Commitment) -> str:
    if commitment.starts_on and commitment.ends_on:
        return _("%(start)s to %(end)s") % {
            "start": date_format(commitment.starts_on, "j F Y"),
            "end": date_format(commitment.ends_on, "j F Y"),
        }
    plan = commitment.action_plan
    return f"{plan.start_year}–{plan.end_year}"


def _content(commitment: Commitment) -> dict:
    """The report in the active language, as plain data."""
    from pioneers.core.models import NetworkSettings

    overview = selectors.commitment_overview(commitment)
    shown = overview.commitment
    network = default_language()[:2]
    [plan] = with_translations([commitment.action_plan])
    labels = dict(Status.choices)
    milestones = []
    for row in overview.milestones:
        milestone, progress = row.milestone, row.progress
        text = milestone.text
        text_language = milestone.text_language[:2]
        milestones.append(
            {
                "number": milestone.number,
                "title": text.title,
                "language": text_language,
                "starts_on": _date(milestone.starts_on),
                "ends_on": _date(milestone.ends_on),
                "actual_start": _date(progress.actual_start),
                "actual_end": _date(progress.actual_end),
                "late": row.late,
                "status": str(progress.status),
                "status_label": str(labels.get(progress.status, progress.status)),
                "computed": str(progress.computed or ""),
                "computed_label": str(labels.get(progress.computed, ""))
                if progress.computed
                else "",
                "overridden": progress.overridden,
                "reason": text.override_reason if progress.overridden else "",
                "computation": row.computation,
                "explanation": str(row.explanation),
                "count": "" if progress.count is None else str(progress.count),
                "target": "" if progress.target is None else str(progress.target),
                "evidence": [
                    {
                        "label": str(item.label),
                        "language": _language(item.label, item.language or network),
                        "url": item.url or "",
                        "date": _date(item.date),
                        "kind": _kind_label(item.kind),
                    }
                    for item in progress.evidence
                ],
                "what_happened": text.what_happened,
                "next_steps": text.next_steps,
            }
        )
    counts = dict.fromkeys(Status.values, 0)
    for row in overview.milestones:
        counts[row.progress.status] = counts.get(row.progress.status, 0) + 1
    indicators = [
        {
            "name": str(result.name),
            "language": (result.name_language or network)[:2],
            "shown_value": _indicator_value(result.value, result.unit),
            "target": _indicator_value(result.target, result.unit),
            "direction": _("at most") if result.direction == "at_most" else _("at least"),
            "deadline": _date(result.deadline),
            "status": result.status,
            "status_label": _indicator_status(result.status),
        }
        for result in overview.indicators
    ]
    return {
        "network": str(NetworkSettings.load().name),
        "commitment": {
            "code": commitment.code,
            "title": shown.text.title,
            "description": shown.text.description,
            "language": shown.text_language[:2],
            "action_plan": plan.text.title,
            "action_plan_language": plan.text_language[:2],
            "lead_institution": commitment.lead_institution.name
            if commitment.lead_institution_id
            else "",
            "period": _period(commitment),
        },
        "milestones": milestones,
        "indicators": indicators,
        "summary": {
            "total": str(len(milestones)),
            "counts": [
                {"status": status, "label": str(label), "count": str(counts[status])}
                for status, label in reversed(Status.choices)
            ],
        },
    }


def _indicator_value(value, unit: str) -> str:
    from pioneers.evaluation.templatetags.indicators import indicator_value

    return indicator_value(value, unit)


def progress_report_content(commitment: Commitment) -> dict:
    """The report's content in every language of the site, as JSON stores it."""
    content = {}
    for language in languages():
        with translation.override(language):
            content[language] = _content(commitment)
    # As the database gives it back: a fresh build compares equal to a stored one.
    return json.loads(json.dumps(content))


def latest_report(commitment: Commitment) -> ProgressReport | None:
    return ProgressReport.objects.filter(commitment=commitment).order_by("-number").first()


def issue_progress_report(commitment: Commitment, user) -> ProgressReport:
    """Issue the next progress report of a commitment, numbered 1, 2, 3…

    A report with the same content issued the same day is that report: a double click, or two
    coordinators at once, give one report. Concurrent issues never share a number: the
    commitment's row is locked (where the database can), and the unique number is retried.
    """
    commitment = Commitment.objects.select_related("action_plan", "lead_institution").get(
        pk=commitment.pk
    )
    content = progress_report_content(commitment)
    today = timezone.localdate()
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                Commitment.objects.select_for_update().filter(pk=commitment.pk).exists()
                latest = latest_report(commitment)
                if latest is not None and latest.issued_on == today and latest.content == content:
                    return latest
                return ProgressReport.objects.create(
                    commitment=commitment,
                    number=(latest.number + 1) if latest else 1,
                    issued_on=today,
                    issued_by=user if getattr(user, "pk", None) else None,
                    content=content,
                )
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


# --- reading an issued report ---------------------------------------------------------------


def report_of(code: str, number: int) -> ProgressReport | None:
    """The issued report with this number of the commitment with this code, or None."""
    if not 0 < number <= MAX_NUMBER:
        return None
    commitment = selectors.commitment_by_code(code)
    if commitment is None:
        return None
    return (
        ProgressReport.objects.filter(commitment=commitment, number=number)
        .select_related("commitment")
        .first()
    )


def content_in(report: ProgressReport, language: str) -> dict:
    """The report's content in a language; a report issued before a language was added reads in
    the network's."""
    return report.content.get(language) or report.content.get(default_language()[:2]) or {}


def file_name(report: ProgressReport, extension: str) -> str:
    """E.g. nl0037-voortgang-1.md, in the active language."""
    word = pgettext("file name", "progress")
    return f"{report.commitment.code.lower()}-{word}-{report.number}.{extension}"


# --- Markdown -------------------------------------------------------------------------------

# Characters that mean something anywhere in a line of Markdown.
_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~!])")
# A number that starts a numbered list: "1. " or "1) ".
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")
# Characters that start a list, a quote, a heading underline or a rule at a line's start.
_LINE_START = re.compile(r"^(\s*)([-+=>])")


def md_escape(text) -> str:
    """User text as literal Markdown text: no heading, emphasis, link or list out of a title."""
    lines = []
    for line in str(text or "").splitlines():
        line = _INLINE.sub(r"\\\1", line)
        line = _NUMBERED.sub(r"\1\\\2", line)
        line = _LINE_START.sub(r"\1\\\2", line)
        lines.append(line.rstrip())
    return "\n".join(lines)


def _md_url(url: str) -> str:
    return "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"


def _md_paragraphs(text: str) -> list[str]:
    """Paragraphs of user text, escaped, with a blank line between them (no trailing one)."""
    out = []
    for part in re.split(r"\n\s*\n", (text or "").strip()):
        if part.strip():
            out += [md_escape(part), ""]
    return out[:-1]


def report_markdown(report: ProgressReport, language: str, absolute) -> str:
    """The report as Markdown, in ``language`` (active); ``absolute(url)`` makes links absolute."""
    data = content_in(report, language)
    commitment = data.get("commitment", {})
    out = [
        "# "
        + md_escape(
            _("Progress report %(number)s: %(code)s %(title)s")
            % {
                "number": report.number,
                "code": commitment.get("code", ""),
                "title": commitment.get("title", ""),
            }
        ),
        "",
    ]
    facts = [
        (_("Commitment"), commitment.get("code", "")),
        (_("Action plan"), commitment.get("action_plan", "")),
        (_("Lead institution"), commitment.get("lead_institution", "")),
        (_("Period"), commitment.get("period", "")),
        (_("Report"), str(report.number)),
        (_("Issued on"), date_format(report.issued_on, "j F Y")),
        (_("Issued by"), data.get("network", "")),
    ]
    out += [f"- **{label}:** {md_escape(value)}" for label, value in facts if value]
    out.append("")
    out += _md_paragraphs(commitment.get("description", ""))
    if commitment.get("description"):
        out.append("")
    out += [f"## {md_escape(_('Milestones'))}", ""]
    if not data.get("milestones"):
        out += [md_escape(_("This commitment has no milestones yet.")), ""]
    for milestone in data.get("milestones", []):
        out += [f"### {md_escape(milestone['number'])} {md_escape(milestone['title'])}", ""]
        planned = _("%(start)s to %(end)s") % {
            "start": milestone["starts_on"]["shown"],
            "end": milestone["ends_on"]["shown"],
        }
        lines = [(_("Planned"), md_escape(planned))]
        actual = _actual(milestone)
        if actual:
            lines.append((_("Actual"), md_escape(actual)))
        lines.append((_("Completion"), md_escape(_completion(milestone))))
        lines.append((_("How it is counted"), md_escape(milestone["explanation"])))
        if milestone["overridden"]:
            lines.append((_("Reason for the override"), md_escape(milestone["reason"])))
        out += [f"- **{label}:** {value}" for label, value in lines]
        out.append("")
        out += [f"#### {md_escape(_('Evidence'))}", ""]
        if milestone["evidence"]:
            for item in milestone["evidence"]:
                label = md_escape(item["label"])
                line = f"[{label}]({_md_url(absolute(item['url']))})" if item["url"] else label
                extra = ", ".join(part for part in (item["kind"], item["date"]["shown"]) if part)
                out.append(f"- {line}" + (f" ({md_escape(extra)})" if extra else ""))
        else:
            out.append(md_escape(_("No evidence yet.")))
        out.append("")
        for heading, key in (
            (_("What happened"), "what_happened"),
            (_("Next steps"), "next_steps"),
        ):
            out += [f"#### {md_escape(heading)}", ""]
            out += _md_paragraphs(milestone[key]) or [md_escape(_("Nothing reported."))]
            out.append("")
    if data.get("indicators"):
        out += [f"## {md_escape(_('Indicators of the network'))}", ""]
        out += [
            "| "
            + " | ".join(
                md_escape(h) for h in (_("Indicator"), _("Value"), _("Target"), _("Status"))
            )
            + " |",
            "| --- | --- | --- | --- |",
        ]
        for row in data["indicators"]:
            target = f"{row['direction']} {row['target']} ({row['deadline']['shown']})"
            cells = (row["name"], row["shown_value"], target, row["status_label"])
            out.append("| " + " | ".join(md_escape(cell) for cell in cells) + " |")
        out.append("")
    out += [f"## {md_escape(_('Summary'))}", "", md_escape(summary_sentence(data)), ""]
    return "\n".join(out).rstrip() + "\n"


def _actual(milestone: dict) -> str:
    start, end = milestone["actual_start"]["shown"], milestone["actual_end"]["shown"]
    if start and end:
        return _("%(start)s to %(end)s") % {"start": start, "end": end}
    if start:
        return _("started %(start)s") % {"start": start}
    return ""


def _completion(milestone: dict) -> str:
    """What counts, and what was computed when the coordinators overrode it."""
    text = milestone["status_label"]
    if milestone.get("count") and milestone.get("target"):
        text += " " + _("(%(count)s of %(target)s)") % {
            "count": milestone["count"],
            "target": milestone["target"],
        }
    if milestone["overridden"] and milestone["computed_label"]:
        text += "; " + _("overridden by the coordinators, computed: %(computed)s") % {
            "computed": milestone["computed_label"]
        }
    return text


def summary_sentence(data: dict) -> str:
    """E.g. "Of 5 milestones: 2 completed, 1 substantial, 1 limited, 1 not started." """
    summary = data.get("summary", {})
    parts = ", ".join(f"{row['count']} {row['label']}" for row in summary.get("counts", []))
    return _("Of %(total)s milestones: %(parts)s.") % {
        "total": summary.get("total", "0"),
        "parts": parts,
    }


# --- PDF ------------------------------------------------------------------------------------


def report_pdf(report: ProgressReport, language: str, request) -> bytes:
    """The report as PDF in a language: an issued report never changes, so it is built once and
    kept in the media storage."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.template.loader import render_to_string

    from pioneers.core.pdf import render_pdf

    stored = f"commitments/pdf/{report.pk}-{report.number}-{language}.pdf"
    if default_storage.exists(stored):
        with default_storage.open(stored, "rb") as file:
            return file.read()
    with translation.override(language):
        context = report_context(report, language, absolute=request.build_absolute_uri)
        html = render_to_string("commitments/pdf/report.html", context, request=request)
        stylesheet = render_to_string("commitments/pdf/report.css", context)
    content = render_pdf(html, stylesheet)
    if not default_storage.exists(stored):
        default_storage.save(stored, ContentFile(content))
    return content


def report_context(report: ProgressReport, language: str, absolute=None) -> dict:
    """What the HTML page and the PDF show of a report in a language."""
    data = json.loads(json.dumps(content_in(report, language)))  # a copy: the report stays
    if absolute is not None:
        for milestone in data.get("milestones", []):
            for item in milestone["evidence"]:
                if item["url"]:
                    item["url"] = absolute(item["url"])
    for milestone in data.get("milestones", []):
        milestone["actual"] = _actual(milestone)
        milestone["completion"] = _completion(milestone)
    return {
        "report": report,
        "data": data,
        "commitment": data.get("commitment", {}),
        "language": language,
        "summary": summary_sentence(data),
    }
