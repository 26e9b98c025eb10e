"""A commitment's issued progress reports, public: as a page, as Markdown and as PDF, each in
the language of the URL. Every issued version stays readable under its number."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from pioneers.commitments import reports
from pioneers.commitments.caching import TAG
from pioneers.commitments.models import ProgressReport
from pioneers.core.cache import page_depends_on
from pioneers.core.languages import current_language


def _report(code: str, number: int) -> ProgressReport:
    report = reports.report_of(code, number)
    if report is None:
        raise Http404
    return report


def _commitment_url(code: str) -> str:
    return reverse("commitments:commitment", args=[code.lower()])


def report(request, code, number):
    progress_report = _report(code, number)
    page_depends_on(request, TAG)
    language = current_language()
    context = reports.report_context(progress_report, language)
    code = progress_report.commitment.code.lower()
    context.update(
        {
            "versions": ProgressReport.objects.filter(
                commitment_id=progress_report.commitment_id
            ).only("number", "issued_on", "commitment_id"),
            "code": code,
            "commitment_url": _commitment_url(code),
        }
    )
    return render(request, "commitments/report.html", context)


def report_markdown(request, code, number):
    progress_report = _report(code, number)
    text = reports.report_markdown(
        progress_report, current_language(), absolute=request.build_absolute_uri
    )
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = (
        f'inline; filename="{reports.file_name(progress_report, "md")}"'
    )
    return response


def report_pdf(request, code, number):
    progress_report = _report(code, number)
    content = reports.report_pdf(progress_report, current_language(), request)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="{reports.file_name(progress_report, "pdf")}"'
    )
    return response
