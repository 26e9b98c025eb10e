"""Reads shared by every app."""

from django.db.models import CharField, OuterRef
from django.db.models.functions import Cast
from wagtail.models import Page, WorkflowState

from pioneers.core.cache import cached


def page_translation_urls(page) -> dict[str, str]:
    """Language code to URL of every live translation of a page (the page itself included)."""

    def compute():
        translations = Page.objects.filter(translation_key=page.translation_key, live=True)
        return {t.locale.language_code: t.url for t in translations.select_related("locale")}

    return cached(f"translations:{page.translation_key}", compute)


def nearest_translated_ancestor_url(page, language_code: str) -> str | None:
    """URL of the closest page above this one that is live in that language: its listing.

    For the language switch on a page without a translation: a report written only in Dutch
    leads to the English reports overview, or else to the English home page.
    """

    def compute():
        keys = page.get_ancestors().filter(depth__gt=1).values_list("translation_key", flat=True)
        listing = (
            Page.objects.filter(
                translation_key__in=list(keys), locale__language_code=language_code, live=True
            )
            .order_by("-depth")
            .first()
        )
        return listing.url if listing is not None else None

    return cached(f"translation-listing:{page.pk}:{language_code}", compute)


def latest_workflow_states():
    """The workflow states of the page in the outer query, newest first (for a Subquery)."""
    return WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("-created_at", "-pk")
