"""A survey's results pages: per question, per group, two rounds compared; and the exports."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pioneers.core.access import coordinator_required
from pioneers.core.cache import page_depends_on
from pioneers.core.languages import current_language
from pioneers.core.roles import is_coordinator
from pioneers.surveys import exports, selectors
from pioneers.surveys.caching import survey_tag
from pioneers.surveys.models import Survey


def _visible_survey(request, slug) -> tuple[Survey, bool]:
    """The survey whose results this visitor may see, and whether they coordinate; else 404.

    Unpublished results exist for nobody but the coordinators, not even as a 403."""
    survey = get_object_or_404(Survey.objects.select_related("previous_round"), slug=slug)
    coordinator = is_coordinator(request.user)
    if not (survey.results_published or coordinator):
        raise Http404
    page_depends_on(request, survey_tag(survey.pk))
    return survey, coordinator


def _groupings():
    return [
        ("organisation", _("per organisation")),
        ("province", _("per province")),
        ("role", _("per role")),
    ]


def results(request, slug):
    survey, coordinator = _visible_survey(request, slug)
    group_by = request.GET.get("by") or None
    notice = None
    if group_by is not None and group_by not in selectors.GROUPINGS:
        notice = _("There is no breakdown of that kind; the results are shown for everyone.")
        group_by = None
    results = selectors.survey_results(
        survey, group_by=group_by, language=current_language(), texts=coordinator
    )
    previous = survey.previous_round
    return TemplateResponse(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": results,
            "group_by": group_by,
            "groupings": _groupings(),
            "notice": notice,
            "coordinator": coordinator,
            "min_group": selectors.MIN_GROUP,
            "has_comparison": previous is not None and (coordinator or previous.results_published),
        },
    )


def comparison(request, slug):
    survey, coordinator = _visible_survey(request, slug)
    previous = survey.previous_round
    # The earlier round's figures are public only when its own results are.
    if previous is None or not (coordinator or previous.results_published):
        raise Http404
    page_depends_on(request, survey_tag(previous.pk))
    return TemplateResponse(
        request,
        "surveys/results_comparison.html",
        {
            "survey": survey,
            "comparison": selectors.survey_comparison(survey, language=current_language()),
            "min_group": selectors.MIN_GROUP,
        },
    )


@never_cache  # responses, if not names: no copy in a browser's or a proxy's cache
@coordinator_required
def export_csv(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    return exports.csv_download(survey, language=current_language())


@never_cache
@coordinator_required
def export_xlsx(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    return exports.xlsx_download(survey, language=current_language())
