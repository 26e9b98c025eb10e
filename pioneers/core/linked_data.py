"""schema.org JSON-LD for pages: the data search engines and other tools read from a page's
``<script type="application/ld+json">``, safe to put in that element."""

import json

from django.utils.safestring import SafeString, mark_safe

from pioneers.core.links import page_url
from pioneers.core.models import NetworkSettings

CONTEXT = "https://schema.org"


def to_script(data: dict) -> SafeString:
    """``data`` as JSON that no text in it can end early: ``<``, ``>`` and ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above for the script element


def licence() -> str:
    return NetworkSettings.load().licence.url


def creative_work(page, kind: str, *, description: str = "", **fields) -> dict:
    """The fields every published text has: name, address, language, dates, licence."""
    data = {
        "@context": CONTEXT,
        "@type": kind,
        "@id": page_url(page),
        "url": page_url(page),
        "name": page.title,
        "inLanguage": page.locale.language_code,
        "license": licence(),
        "publisher": {"@type": "Organization", "name": NetworkSettings.load().name},
    }
    if description:
        data["description"] = description
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    data.update(fields)
    return data
