"""Keep cached navigation in step with the page tree."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from pioneers.publications.selectors import navigation_changed


def _changed(**kwargs):
    navigation_changed()


for _signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    _signal.connect(_changed, dispatch_uid=f"navigation-{id(_signal)}")
post_delete.connect(_changed, sender="wagtailcore.Page", dispatch_uid="navigation-delete")
