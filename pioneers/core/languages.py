"""The language of the request or task at hand."""

from django.conf import settings
from django.utils.translation import get_language


def current_language() -> str:
    """The active language's two-letter code, or the network's main language when none is."""
    return (get_language() or settings.LANGUAGE_CODE)[:2]
