"""Reads shared by every app."""

from wagtail.models import Page

from pioneers.core.cache import cached


def page_translation_urls(page) -> dict[str, str]:
    """Language code to URL of every live translation of a page (the page itself included)."""

    def compute():
        translations = Page.objects.filter(translation_key=page.translation_key, live=True)
        return {t.locale.language_code: t.url for t in translations.select_related("locale")}

    return cached(f"translations:{page.translation_key}", compute)
