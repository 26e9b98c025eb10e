"""Woo metadata of reports (Open Government Act): who publishes and answers for a document, as
TOOI organisation URIs, its information category per kind of document, and its dates and
document actions, for the DCTERMS tags of a report's page and the Woo-index's DiWoo metadata."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

TOOI = "https://identifier.overheid.nl/tooi"
# Information categories (TOOI kern thesaurus, pioneers/reports/data/): per kind of document.
MEETING_DOCUMENTS = f"{TOOI}/def/thes/kern/c_db4862c3"  # vergaderstukken decentrale overheden
RESEARCH_REPORT = f"{TOOI}/def/thes/kern/c_fdaee95e"  # onderzoeksrapporten
CATEGORY_BY_KIND = {
    "reports.reportpage": MEETING_DOCUMENTS,
    "evaluation.evaluationreportpage": RESEARCH_REPORT,
}
# Document actions of the DiWoo value list "soortHandeling" (TOOI kern thesaurus).
ADOPTION = (f"{TOOI}/def/thes/kern/c_641ecd76", "vaststelling")
# Languages and file types as EU Publications Office authority URIs, as DiWoo asks.
LANGUAGE_URIS = {
    "nl": "http://publications.europa.eu/resource/authority/language/NLD",
    "en": "http://publications.europa.eu/resource/authority/language/ENG",
}
HTML_FORMAT = ("http://publications.europa.eu/resource/authority/file-type/HTML", "html")
_MUNICIPALITY_CODE = re.compile(r"gm[0-9]{4}")  # not \d: it takes other scripts' digits too


def tooi_uri(organisation) -> str:
    """A municipality's TOOI identifier from its CBS code (GM0606 → …/gemeente/gm0606); empty
    for an organisation TOOI has no identifier of here (an expertise centre, a code missing)."""
    if organisation is None or organisation.kind != "municipality":
        return ""
    code = (organisation.cbs_code or "").strip().lower()
    return f"{TOOI}/id/gemeente/{code}" if _MUNICIPALITY_CODE.fullmatch(code) else ""


def infocat_number(category_uri: str, categories: list[tuple[str, str]]) -> str | None:
    """The three-digit number the Woo-index gives a category in its sitemap names (infocat008 for
    the eighth of article 3.3); None for the effort obligation of article 3.1, which has none."""
    uris = [uri for uri, _name in categories]
    if category_uri not in uris:
        return None
    number = uris.index(category_uri) + 1
    return f"{number:03d}" if number <= 17 else None


@dataclass
class WooMetadata:
    """What DCTERMS tags and a DiWoo record say about one published document."""

    identifier: str
    title: str
    document_type: str
    publisher: object
    publisher_uri: str
    responsible: object
    responsible_uri: str
    category_uri: str
    category: str
    created: date
    issued: datetime | None
    modified: datetime | None
    language: str
    language_uri: str
    format: str = "text/html"
    format_uri: str = HTML_FORMAT[0]
    format_name: str = HTML_FORMAT[1]
    actions: list[dict] = field(default_factory=list)
    description: str = ""

    def __getitem__(self, key):  # templates and older callers read it as a dict
        return getattr(self, key)

    def get(self, key, default=None):
        return getattr(self, key, default)


def report_metadata(report, *, lead=None, url: str = "") -> WooMetadata:
    """The Woo metadata of a meeting report.

    Publisher and responsible body: the organisation the editors named, else the municipality
    that hosted the meeting (its report is that meeting's document), else the network's lead
    organisation (where the network publishes what no municipality hosted). ``lead`` is passed
    by lists, which look it up once.
    """
    owner = report.publisher
    if owner is None and tooi_uri(report.meeting.host):
        owner = report.meeting.host
    return _metadata(
        report,
        owner=owner or lead,
        category_uri=report.information_category,
        created=report.created_on or report.meeting.date,
        document_type="verslag",
        description=report.search_description or report.summary,
        url=url,
    )


def evaluation_report_metadata(page, *, lead=None, url: str = "") -> WooMetadata:
    """The Woo metadata of an evaluation report: a research report the network itself
    publishes, through its lead organisation, with its figures as on ``as_of``."""
    return _metadata(
        page,
        owner=lead,
        category_uri=CATEGORY_BY_KIND["evaluation.evaluationreportpage"],
        created=page.as_of,
        document_type="rapport",
        description=page.search_description or page.summary,
        url=url,
    )


def _metadata(page, *, owner, category_uri, created, document_type, description, url):
    from pioneers.reports.models import woo_categories

    issued = page.first_published_at
    actions = []
    if issued is not None:
        actions.append({"uri": ADOPTION[0], "name": ADOPTION[1], "at": issued})
    language = page.locale.language_code
    return WooMetadata(
        identifier=url,
        title=page.title,
        document_type=document_type,
        publisher=owner,
        publisher_uri=tooi_uri(owner),
        responsible=owner,
        responsible_uri=tooi_uri(owner),
        category_uri=category_uri,
        category=dict(woo_categories()).get(category_uri, ""),
        created=created,
        issued=issued,
        modified=page.last_published_at,
        language=language,
        language_uri=LANGUAGE_URIS.get(language, ""),
        actions=actions,
        description=description,
    )
