"""Reads: the site chrome (menu and footer, cached), the home page's blocks and a person's own
overview."""

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from pioneers.core.cache import SITE, cached
from pioneers.core.languages import current_language
from pioneers.core.translations import with_translations
from pioneers.magazine.selectors import live_editions, member_submissions, visible_articles
from pioneers.meetings.selectors import meetings_list, registrations_of
from pioneers.network.models import JoinRequest
from pioneers.practices.models import PracticePage
from pioneers.practices.selectors import own_practices
from pioneers.publications.models import ContentPage
from pioneers.reports.models import ReportPage
from pioneers.reports.selectors import own_comments

# Sections of the site that are not Wagtail pages, in menu order before the page tree's own
# items. Later sections (meetings, knowledge, magazine) are added here.
SECTIONS = [
    ("network:members", _("Members")),
    ("meetings:upcoming", _("Meetings")),
    ("evaluation:results", _("Results")),
    ("commitments:index", _("Commitments")),
]


def site_navigation(language: str | None = None) -> dict:
    """Home, main menu and footer links for one language, as plain (title, url) pairs."""
    language = (language or current_language())[:2]
    return cached(f"navigation:{language}", lambda: _build_navigation(language))


def _build_navigation(language: str) -> dict:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    empty = {"home": None, "main": [], "footer": []}
    if site is None:
        return empty
    locale = Locale.objects.filter(language_code=language).first()
    root = site.root_page
    if locale is not None and root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    children = Page.objects.child_of(root).live().public()
    main = [(str(title), reverse(name)) for name, title in SECTIONS]
    main += [(p.title, p.url) for p in children.filter(show_in_menus=True)]
    footer = [
        (p.title, p.url)
        for p in ContentPage.objects.child_of(root).live().public().filter(show_in_footer=True)
    ]
    return {"home": (root.title, root.url), "main": main, "footer": footer}


def my_overview(user) -> dict:
    """What a person finds on their own page: registrations, writing, comments, join requests."""
    return {
        "registrations": registrations_of(user)
        .select_related("meeting")
        .order_by("-meeting__date", "-pk"),
        "practices": own_practices(user),
        "articles": member_submissions(user),
        "comments": own_comments(user),
        "join_requests": JoinRequest.objects.filter(person__user=user).select_related(
            "organisation"
        ),
    }


# The home page's blocks (publications.blocks): each a fixed number of queries ---------------


def home_sections(home) -> dict[str, str]:
    """The URLs of the overview pages under this home page, by model: "reportindexpage"..."""
    children = Page.objects.child_of(home).live().public().select_related("content_type", "locale")
    urls = {}
    for child in children.order_by("path"):
        urls.setdefault(child.content_type.model, child.url)
    return urls


def _in_reader_language(pages):
    """Pages in the reader's language, and originals that have no live translation into it."""
    language = current_language()
    translated = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=language,
        live=True,
    )
    return pages.filter(Q(locale__language_code=language) | ~Exists(translated))


def home_meetings(count: int) -> list:
    """The next ``count`` published meetings, their titles in the reader's language."""
    return with_translations(list(meetings_list(past=False)[:count]))


def home_reports(count: int) -> list:
    """The newest published meeting reports, in the reader's language where translated."""
    reports = _in_reader_language(ReportPage.objects.live().public())
    return list(
        reports.select_related("meeting__host", "locale").order_by(
            "-meeting__date", "-first_published_at"
        )[:count]
    )


def home_recent_practices(count: int) -> list:
    """The practices shared last, in the reader's language where translated."""
    practices = _in_reader_language(PracticePage.objects.live().public())
    return list(
        practices.select_related("municipality", "locale").order_by("-first_published_at", "-pk")[
            :count
        ]
    )


def home_taken_up_practices(count: int) -> list:
    """The practices that most organisations took up, most first, with ``reuse_count``.

    Counting every take-up is the dearest read of the home page: cached until a practice is
    taken up ("practices") or a page changes ("site").
    """
    language = current_language()

    def compute():
        practices = (
            PracticePage.objects.live()
            .public()
            .annotate(reuse_count=Count("reuses", distinct=True))
            .filter(reuse_count__gt=0)
            .select_related("municipality", "locale")
            .order_by("-reuse_count", "-first_published_at", "-pk")
        )
        return list(practices[:count])

    return cached(f"home:taken-up:{language}:{count}", compute, tags=[SITE, "practices"])


def home_edition(count: int) -> dict:
    """The newest public magazine edition (in the reader's language if there is one) and the
    titles of its first ``count`` visible articles."""
    editions = live_editions().select_related("locale").order_by("-publication_date", "-number")
    edition = editions.filter(locale__language_code=current_language()).first() or (
        editions.first()
    )
    if edition is None:
        return {"edition": None, "articles": []}
    articles = visible_articles().child_of(edition).select_related("locale").order_by("path")
    return {"edition": edition, "articles": list(articles[:count])}
