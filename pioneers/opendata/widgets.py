"""Widgets for partner sites: upcoming meetings and latest reports, as a page to put in an
iframe (the only pages that may be framed) and as an HTML fragment that a one-line script
places in the partner's own page."""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt

from pioneers.core.cache import page_depends_on
from pioneers.core.languages import current_language
from pioneers.core.links import absolute_url, page_url
from pioneers.core.middleware import PUBLIC_POLICY
from pioneers.core.models import NetworkSettings
from pioneers.core.translations import with_translations
from pioneers.meetings.selectors import meetings_list
from pioneers.reports.models import ReportIndexPage, ReportPage

DEFAULT_ITEMS = 3
MAX_ITEMS = 10
# Any site may frame the widget pages; every other page keeps frame-ancestors 'self'.
FRAMEABLE_POLICY = PUBLIC_POLICY.replace("frame-ancestors 'self'", "frame-ancestors *")


class WidgetForm(forms.Form):
    n = forms.IntegerField(min_value=1, max_value=MAX_ITEMS, required=False)


def _count(request) -> int:
    form = WidgetForm(request.GET)
    # A number out of range or no number at all gives the default: a widget never breaks a page.
    return (form.is_valid() and form.cleaned_data["n"]) or DEFAULT_ITEMS


def _meetings(count: int) -> list:
    meetings = with_translations(meetings_list(past=False)[:count])
    for meeting in meetings:
        meeting.widget_url = absolute_url(meeting.get_absolute_url())
    return meetings


def _reports(count: int) -> list:
    reports = list(
        ReportPage.objects.live()
        .public()
        .select_related("meeting__host", "locale")
        .order_by("-meeting__date", "path")[:count]
    )
    for report in reports:
        report.widget_url = page_url(report)
    return reports


def _reports_index() -> str:
    index = ReportIndexPage.objects.live().filter(locale__language_code=current_language()).first()
    return page_url(index) if index else absolute_url(f"/{current_language()}/")


WIDGETS = {
    "meetings": {
        "title": _("Upcoming meetings"),
        "empty": _("No meetings are planned at the moment."),
        "more": _("All meetings"),
        "more_url": lambda: absolute_url(reverse("meetings:upcoming")),
        "items": _meetings,
        "template": "opendata/_widget_meetings.html",
        "tags": ("meetings",),
    },
    "reports": {
        "title": _("Latest meeting reports"),
        "empty": _("No reports have been published yet."),
        "more": _("All reports"),
        "more_url": _reports_index,
        "items": _reports,
        "template": "opendata/_widget_reports.html",
        "tags": ("meetings",),
    },
}


def _context(request, kind: str, *, framed: bool) -> dict:
    widget = WIDGETS[kind]
    page_depends_on(request, *widget["tags"])
    return {
        "kind": kind,
        "framed": framed,
        "title": widget["title"],
        "empty": widget["empty"],
        "more": widget["more"],
        "more_url": widget["more_url"](),
        "items": widget["items"](_count(request)),
        "item_template": widget["template"],
        "network_name": NetworkSettings.load().name,
    }


@xframe_options_exempt
def frame(request, kind: str):
    """The widget as a page of its own, for an iframe on any site."""
    response = render(request, "opendata/widget_frame.html", _context(request, kind, framed=True))
    response["Content-Security-Policy"] = FRAMEABLE_POLICY
    return response


def fragment(request, kind: str):
    """The widget as HTML without a page around it, for the loader script on any site."""
    response = render(request, "opendata/_widget.html", _context(request, kind, framed=False))
    response["Access-Control-Allow-Origin"] = "*"
    return response


def overview(request):
    """For partners: both widgets, a preview and the line to copy for each."""
    loader = absolute_url(settings.STATIC_URL + "opendata/widget.js")
    widgets = []
    for kind, widget in WIDGETS.items():
        frame_url = absolute_url(reverse(f"widgets:frame_{kind}"))
        fragment_url = absolute_url(reverse(f"widgets:fragment_{kind}"))
        widgets.append(
            {
                "kind": kind,
                "title": widget["title"],
                "frame_url": frame_url,
                # The preview on our own page: whichever address the reader came by.
                "preview_url": reverse(f"widgets:frame_{kind}"),
                "iframe": (
                    f'<iframe src="{frame_url}" title="{widget["title"]}" '
                    'width="100%" height="320" loading="lazy"></iframe>'
                ),
                "script": f'<script src="{loader}" data-widget="{fragment_url}" async></script>',
            }
        )
    return render(
        request,
        "opendata/widgets.html",
        {"widgets": widgets},
    )
