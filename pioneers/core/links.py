"""Links that leave the site (emails, calendars, feeds, linked data, the API): absolute, on the
configured address."""

from django.conf import settings


def base_url() -> str:
    """The site's address without a trailing slash, e.g. ``https://pioneers.example.org``."""
    return settings.BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (starting with a slash) on the site's address."""
    return base_url() + path


def page_url(page) -> str:
    """A Wagtail page's address on the site's address, whatever host name its Wagtail site has
    (``localhost`` in the demo); empty for a page no site reaches. The one rule for a page's
    address that leaves the site: JSON-LD, feeds, widgets, the API, sitemaps and Woo metadata."""
    parts = page.get_url_parts()
    return absolute_url(parts[2]) if parts and parts[2] else ""


def site_host() -> str:
    """The host name of the site's address (for calendar UIDs and the like)."""
    return settings.BASE_URL.split("://", 1)[-1].split("/", 1)[0]


def webcal_url(path: str) -> str:
    """``path`` as a calendar subscription link: calendar programs subscribe to a ``webcal:``
    address instead of downloading the file once."""
    return "webcal://" + absolute_url(path).split("://", 1)[1]
