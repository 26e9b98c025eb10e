"""Topics in the editors' admin: the originals (Dutch) listed, translated with "Translate"."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pioneers.core.snippets import OriginalsIndexView
from pioneers.topics.models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    index_view_class = OriginalsIndexView
    icon = "tag"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)
