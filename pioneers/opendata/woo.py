"""Harvesting by the national Woo-index: DiWoo metadata (XML) of each published report, and
sitemaps per information category in the form the Woo-harvester reads (a sitemap index named
``sitemapindex-diwoo-infocatNNN.xml`` per category, found through robots.txt)."""

from xml.etree import ElementTree as ET

from pioneers.reports.models import woo_categories
from pioneers.reports.woo import infocat_number

DIWOO = "https://standaarden.overheid.nl/diwoo/metadata/"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
ET.register_namespace("diwoo", DIWOO)
ET.register_namespace("", SITEMAP)


def _d(name: str) -> str:
    return f"{{{DIWOO}}}{name}"


def _sub(parent, name: str, text: str = "", resource: str = ""):
    element = ET.SubElement(parent, _d(name))
    if resource:
        element.set("resource", resource)
    if text:
        element.text = text
    return element


def diwoo_element(meta) -> ET.Element:
    """A ``diwoo:Document`` element for one document's metadata (reports.woo.WooMetadata)."""
    document = ET.Element(_d("Document"))
    record = _sub(document, "DiWoo")
    if meta.identifier:
        _sub(_sub(record, "identifiers"), "identifier", meta.identifier)
    if meta.publisher is not None:
        _sub(record, "publisher", meta.publisher.name, meta.publisher_uri)
    if meta.responsible is not None:
        _sub(record, "verantwoordelijke", meta.responsible.name, meta.responsible_uri)
    titles = _sub(record, "titelcollectie")
    _sub(titles, "officieleTitel", meta.title)
    if meta.description:
        _sub(_sub(record, "omschrijvingen"), "omschrijving", meta.description)
    classification = _sub(record, "classificatiecollectie")
    _sub(_sub(classification, "documentsoorten"), "documentsoort", meta.document_type)
    categories = _sub(classification, "informatiecategorieen")
    _sub(categories, "informatiecategorie", meta.category, meta.category_uri)
    _sub(record, "creatiedatum", meta.created.isoformat())
    _sub(record, "language", meta.language, meta.language_uri)
    _sub(record, "format", meta.format_name, meta.format_uri)
    if meta.actions:
        actions = _sub(record, "documenthandelingen")
        for action in meta.actions:
            handling = _sub(actions, "documenthandeling")
            _sub(handling, "soortHandeling", action["name"], action["uri"])
            _sub(handling, "atTime", action["at"].replace(microsecond=0).isoformat())
    return document


def _xml(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def diwoo_document(meta) -> bytes:
    """The DiWoo metadata of one document, as an XML file."""
    return _xml(diwoo_element(meta))


def categories_in_use(entries) -> list[str]:
    """The sitemap numbers (``008``) of the categories that hold a published document."""
    categories = woo_categories()
    numbers = {infocat_number(meta.category_uri, categories) for _report, meta in entries}
    return sorted(number for number in numbers if number)


def sitemap_index(sitemap_urls: list[str]) -> bytes:
    """A sitemap index (sitemaps.org) that lists these sitemaps."""
    root = ET.Element(f"{{{SITEMAP}}}sitemapindex")
    for url in sitemap_urls:
        ET.SubElement(ET.SubElement(root, f"{{{SITEMAP}}}sitemap"), f"{{{SITEMAP}}}loc").text = url
    return _xml(root)


def category_sitemap(entries, number: str) -> bytes:
    """The sitemap of one information category: each document's URL, last change and DiWoo
    metadata, as the Woo-harvester reads them."""
    categories = woo_categories()
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for _report, meta in entries:
        if infocat_number(meta.category_uri, categories) != number or not meta.identifier:
            continue
        url = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = meta.identifier
        if meta.modified:
            ET.SubElement(url, f"{{{SITEMAP}}}lastmod").text = meta.modified.date().isoformat()
        url.append(diwoo_element(meta))
    return _xml(root)
