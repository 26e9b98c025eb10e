"""Topics in the editors' admin: the originals (Dutch) listed, translated with "Translate";
coordinators accept, schedule, decline or merge proposals here, by the services' rules
(``forms.TopicAdminForm``), and remove comments that do not belong. Votes are not here: they
change only through the site's buttons, which keep each municipality within its budget."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pioneers.core.ogp import OGP_VALUES
from pioneers.core.snippets import OriginalsIndexView
from pioneers.topics.forms import TopicAdminForm
from pioneers.topics.models import Topic, TopicComment
from pioneers.topics.widgets import pickable_topics


class TopicIndexView(OriginalsIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("proposing_organisation")


class TopicChooserViewSet(SnippetChooserViewSet):
    """The topic picker of meetings and programmes: decided topics only (accepted or
    scheduled); proposals wait for the coordinators' decision, declined ones are out."""

    def get_object_list(self):
        return pickable_topics()


class TopicViewSet(SnippetViewSet):
    model = Topic
    chooser_viewset_class = TopicChooserViewSet
    index_view_class = TopicIndexView
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "status", "proposing_organisation"]
    list_filter = ["status"]
    search_fields = ["name"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("description"),
            MultiFieldPanel(
                [FieldPanel(field) for field, _label in OGP_VALUES],
                heading=_("Open-government values"),
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("merged_into")], heading=_("Decision")
            ),
            MultiFieldPanel(
                [
                    FieldPanel("proposing_organisation"),
                    FieldPanel("proposed_by"),
                    FieldPanel("proposed_at", read_only=True),
                ],
                heading=_("Proposal"),
            ),
        ],
        base_form_class=TopicAdminForm,
    )


class TopicCommentViewSet(SnippetViewSet):
    model = TopicComment
    icon = "comment"
    menu_label = _("Topic comments")
    list_display = ["topic", "organisation", "created_at"]


class TopicViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, TopicCommentViewSet)
    menu_icon = "tag"
    menu_label = _("Topics")
    menu_name = "topics"
    menu_order = 210
    add_to_admin_menu = True


register_snippet(TopicViewSetGroup)
