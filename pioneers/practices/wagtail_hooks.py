"""The knowledge base in the editors' admin: the nominations to triage."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pioneers.practices.models import Nomination


class TriageColumn(Column):
    def get_value(self, instance):
        url = reverse("practices:nomination_triage", kwargs={"pk": instance.pk})
        return format_html('<a href="{}">{}</a>', url, _("Triage"))


class NominationViewSet(SnippetViewSet):
    """Nominations from the public form; each opens its triage page."""

    model = Nomination
    icon = "pick"
    menu_label = _("Nominations")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "title",
        "municipality_name",
        "status",
        "created_at",
        TriageColumn("triage", label=_("Triage")),
    ]
    list_filter = ["status"]
    search_fields = ["title", "municipality_name"]
    inspect_view_enabled = True


register_snippet(NominationViewSet)
