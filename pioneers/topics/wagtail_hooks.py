"""Topics in the editors' admin: the originals (Dutch) listed, translated with "Translate"."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from pioneers.topics.models import Topic, originals


class TopicIndexView(IndexView):
    """The originals, unless the editor picks a language (or all) in the locale filter."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if "locale" not in self.request.GET:
            queryset = queryset.filter(originals())
        return queryset


class TopicViewSet(SnippetViewSet):
    model = Topic
    index_view_class = TopicIndexView
    icon = "tag"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)
