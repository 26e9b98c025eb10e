"""Indicators and values entered by hand in the coordinators' admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pioneers.core.snippets import OriginalsIndexView
from pioneers.evaluation import services
from pioneers.evaluation.models import Indicator, IndicatorValue


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    index_view_class = OriginalsIndexView
    icon = "success"
    list_display = ["name", "computation", "target", "deadline", "home_position"]
    search_fields = ["name"]


class EnteredValueViewSet(SnippetViewSet):
    model = IndicatorValue
    icon = "edit"
    menu_label = _("Values entered by hand")
    list_display = ["indicator", "date", "value", "source"]

    def get_queryset(self, request):
        return IndicatorValue.objects.filter(indicator__computation="entered").select_related(
            "indicator"
        )


class EvaluationGroup(SnippetViewSetGroup):
    items = (IndicatorViewSet, EnteredValueViewSet)
    menu_icon = "success"
    menu_label = _("Results")
    menu_order = 220


register_snippet(EvaluationGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def indicator_recompute(request, instance):
    """A new or changed indicator is computed at once, its history from its start included."""
    if isinstance(instance, Indicator) and instance.is_original:
        services.indicator_recompute(instance)
    elif isinstance(instance, IndicatorValue) and instance.entered_by_id is None:
        IndicatorValue.objects.filter(pk=instance.pk).update(entered_by=request.user)
