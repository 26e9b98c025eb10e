"""Progress reports in the coordinators' admin: a page listing the commitments with their issued
reports and a button to issue the next one (a POST; a GET issues nothing)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from pioneers.commitments.models import Commitment, ProgressReport
from pioneers.commitments.reports import issue_progress_report
from pioneers.core.roles import is_coordinator

LIST = "commitments_progress_reports"
ISSUE = "commitments_issue_report"


def _coordinators_only(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_coordinator(request.user):
        raise PermissionDenied
    return None


def public_url(report: ProgressReport) -> str:
    return reverse("commitments:report", args=[report.commitment.code.lower(), report.number])


def progress_reports(request):
    """Every commitment, the network's own first, with its issued reports."""
    refused = _coordinators_only(request)
    if refused:
        return refused
    commitments = list(
        Commitment.objects.select_related("action_plan").order_by("-is_ours", "code")
    )
    issued: dict[int, list] = {}
    for report in ProgressReport.objects.select_related("commitment").order_by("-number"):
        issued.setdefault(report.commitment_id, []).append((report, public_url(report)))
    rows = [(commitment, issued.get(commitment.pk, [])) for commitment in commitments]
    title = _gettext("Progress reports")
    return TemplateResponse(
        request,
        "commitments/admin/reports.html",
        {"rows": rows, "page_title": title, "header_title": title, "header_icon": "doc-full"},
    )


@require_POST
def issue_report(request, pk):
    refused = _coordinators_only(request)
    if refused:
        return refused
    commitment = get_object_or_404(Commitment, pk=pk)
    latest = ProgressReport.objects.filter(commitment=commitment).order_by("-number").first()
    report = issue_progress_report(commitment, request.user)
    values = {"number": report.number, "code": commitment.code}
    if latest is not None and latest.pk == report.pk:
        message = _gettext(
            "Nothing changed since progress report %(number)s of %(code)s was issued today; "
            "no new report was issued."
        )
    else:
        message = _gettext("Progress report %(number)s of %(code)s is issued and public.")
    messages.success(
        request,
        message % values,
        buttons=[messages.button(public_url(report), _gettext("View the report"))],
    )
    return redirect(LIST)


class CoordinatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_urls")
def progress_report_urls():
    return [
        path("commitments/progress-reports/", progress_reports, name=LIST),
        path("commitments/<int:pk>/issue-report/", issue_report, name=ISSUE),
    ]


@hooks.register("register_admin_menu_item")
def progress_reports_menu_item():
    return CoordinatorsMenuItem(
        _("Progress reports"),
        reverse(LIST),
        icon_name="doc-full",
        order=270,
    )
