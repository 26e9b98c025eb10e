"""A survey's results pages: per question, per group, two rounds compared; and the exports."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pioneers.core.access import coordinator_required
from pioneers.core.cache import cached_render, page_depends_on
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


def _results_body(survey, group_by, coordinator) -> str:
    """The figures per question, rendered; cached for everyone but coordinators (who also see
    the written answers) until the survey's results change."""
    language = current_language()

    def context():
        return {
            "survey": survey,
            "results": selectors.survey_results(
                survey, group_by=group_by, language=language, texts=coordinator
            ),
            "group_by": group_by,
            "coordinator": coordinator,
            "min_group": selectors.MIN_GROUP,
            "LANGUAGE_CODE": language,
        }

    if coordinator:
        return render_to_string("surveys/_results.html", context())
    return cached_render(
        f"survey:results-html:{survey.pk}:{group_by}:{language}",
        "surveys/_results.html",
        context,
        tags=[survey_tag(survey.pk)],
    )


def results(request, slug):
    survey, coordinator = _visible_survey(request, slug)
    group_by = request.GET.get("by") or None
    notice = None
    if group_by is not None and group_by not in selectors.GROUPINGS:
        notice = _("There is no breakdown of that kind; the results are shown for everyone.")
        group_by = None
    previous = survey.previous_round
    return TemplateResponse(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "body": _results_body(survey, group_by, coordinator),
            "group_by": group_by,
            "groupings": _groupings(),
            "notice": notice,
            "coordinator": coordinator,
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
    language = current_language()
    body = cached_render(
        f"survey:comparison-html:{survey.pk}:{language}",
        "surveys/_comparison.html",
        lambda: {
            "survey": survey,
            "comparison": selectors.survey_comparison(survey, language=language),
            "min_group": selectors.MIN_GROUP,
            "LANGUAGE_CODE": language,
        },
        tags=[survey_tag(survey.pk), survey_tag(previous.pk)],
    )
    return TemplateResponse(
        request, "surveys/results_comparison.html", {"survey": survey, "body": body}
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
