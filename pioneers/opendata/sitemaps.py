"""The plain ``sitemap.xml`` for search engines: every live public page of the site, each with
its translations as ``hreflang`` alternates, and robots.txt that points to it and to the
Woo-index's sitemap indexes."""

from collections import defaultdict
from xml.etree import ElementTree as ET

from wagtail.models import Page

from pioneers.core.links import page_url

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP)
ET.register_namespace("xhtml", XHTML)


def public_pages():
    """Live pages anyone may read, with their language, in one query (and one for view
    restrictions)."""
    return (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .only("pk", "url_path", "translation_key", "last_published_at", "locale__language_code")
        .order_by("path")
    )


def page_sitemap() -> bytes:
    """Every public page with its last change and its translations as alternates."""
    pages = [(page, page_url(page)) for page in public_pages()]
    translations = defaultdict(list)
    for page, url in pages:
        if url:
            translations[page.translation_key].append((page.locale.language_code, url))
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for page, url in pages:
        if not url:
            continue
        entry = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = url
        if page.last_published_at:
            lastmod = page.last_published_at.date().isoformat()
            ET.SubElement(entry, f"{{{SITEMAP}}}lastmod").text = lastmod
        alternates = translations[page.translation_key]
        if len(alternates) > 1:
            for code, other in sorted(alternates):
                link = ET.SubElement(entry, f"{{{XHTML}}}link")
                link.set("rel", "alternate")
                link.set("hreflang", code)
                link.set("href", other)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
