"""Reads: the site chrome (menu and footer, cached) and a person's own overview."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from pioneers.core.cache import cached
from pioneers.core.languages import current_language
from pioneers.magazine.selectors import member_submissions
from pioneers.meetings.selectors import registrations_of
from pioneers.network.models import JoinRequest
from pioneers.practices.selectors import own_practices
from pioneers.publications.models import ContentPage
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
