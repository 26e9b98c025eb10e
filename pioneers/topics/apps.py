"""Configuration of the topics app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "pioneers.topics"
    label = "topics"
    verbose_name = _("Topics")

    def ready(self):
        from pioneers.core import menu
        from pioneers.core.cache import SITE, invalidates
        from pioneers.topics import caching

        # Topics label practices and articles and fill the knowledge base's filters.
        invalidates("topics.topic", {SITE})
        invalidates("topics.topicvote", {caching.VOTES})
        invalidates("topics.topiccomment", {caching.COMMENTS})
        menu.register("account", _("Topic map"), "topics:map", order=35)

        from pioneers.core import personal_data
        from pioneers.topics import services

        personal_data.register("topics", export=services.topics_export, erase=services.topics_erase)
