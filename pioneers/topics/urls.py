"""URLs of topic mapping; the path words are translated. Included before the search app's,
whose ``topics/<slug>/`` would otherwise take ``topics/map/`` (``models.RESERVED_SLUGS``)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.topics import views

app_name = "topics"
urlpatterns = [
    path(pgettext_lazy("URL", "topics/map/"), views.topic_map, name="map"),
    path(pgettext_lazy("URL", "topics/propose/"), views.topic_propose, name="propose"),
    path(pgettext_lazy("URL", "topics/<id:pk>/vote/"), views.topic_vote, name="vote"),
    path(pgettext_lazy("URL", "topics/<id:pk>/comment/"), views.topic_comment, name="comment"),
]
