"""Links that leave the site (emails, calendars, feeds): absolute, on the configured address."""

from django.conf import settings


def base_url() -> str:
    """The site's address without a trailing slash, e.g. ``https://pioneers.example.org``."""
    return settings.BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (starting with a slash) on the site's address."""
    return base_url() + path


def site_host() -> str:
    """The host name of the site's address (for calendar UIDs and the like)."""
    return settings.BASE_URL.split("://", 1)[-1].split("/", 1)[0]


def webcal_url(path: str) -> str:
    """``path`` as a calendar subscription link: calendar programs subscribe to a ``webcal:``
    address instead of downloading the file once."""
    return "webcal://" + absolute_url(path).split("://", 1)[1]
