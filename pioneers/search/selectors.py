"""Site-wide search: what it looks in (practices, reports, articles, meetings, organisations,
pages) and the hits per kind; the search backends are in ``pioneers.core.search``. And a
topic's page: everything of every app on one topic."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from pioneers.core import search
from pioneers.core.cache import cached
from pioneers.core.languages import current_language
from pioneers.core.search import bounded, highlight, plain_text, words
from pioneers.core.translations import TranslatableContent, with_translations
from pioneers.magazine.selectors import searchable_articles
from pioneers.meetings.models import Meeting
from pioneers.network.selectors import approved_organisations
from pioneers.practices.models import PracticePage
from pioneers.publications.models import ContentPage
from pioneers.reports.models import ReportPage
from pioneers.search.forms import SiteSearchForm
from pioneers.topics.models import Topic

SEARCH_PREVIEW = 5  # results per kind on the overview; "show all" pages through one kind


def _search_sources() -> dict:
    """What site-wide search looks in: kind -> (label, what is found, how a hit is shown)."""
    return {
        "practice": (
            _("Practices"),
            PracticePage.objects.live().public(),
            lambda p: (p.url, p.summary, p.municipality.name),
        ),
        "report": (
            _("Reports"),
            ReportPage.objects.live().public(),
            lambda p: (p.url, p.summary, date_format(p.meeting.date)),
        ),
        "article": (
            _("Articles"),
            searchable_articles(),
            lambda a: (a.url, a.intro, a.locale.get_display_name()),
        ),
        "meeting": (
            _("Meetings"),
            Meeting.objects.filter(live=True),
            lambda m: (
                m.get_absolute_url(),
                m.text.description or (m.topic.name if m.topic else ""),
                f"{date_format(m.date)} · {m.city}",
            ),
        ),
        "organisation": (
            _("Organisations"),
            approved_organisations(),
            lambda o: (o.get_absolute_url(), "", o.get_kind_display()),
        ),
        "page": (
            _("Pages"),
            ContentPage.objects.live().public().filter(locale=Locale.get_active()),
            lambda p: (p.url, p.intro or plain_text(p.body), ""),
        ),
    }


def site_search(params, *, per_page: int = 20) -> dict:
    """Hits per kind for a query: a preview of every kind, or one kind paged through."""
    sources = _search_sources()
    backend = get_search_backend()
    form = SiteSearchForm(params)
    form.fields["kind"].choices = [("", _("Everything"))] + [
        (kind, label) for kind, (label, _qs, _show) in sources.items()
    ]
    form.is_valid()
    query = (form.cleaned_data.get("q") or "").strip()
    chosen = form.cleaned_data.get("kind") or ""
    context = {"form": form, "query": query, "kind": chosen, "groups": [], "total": 0}
    if not query:
        return context
    if not words(query):
        context["notice"] = _("Type at least one word or number to search for.")
        return context
    for kind, (label, queryset, show) in sources.items():
        if chosen and kind != chosen:
            continue
        results = bounded(backend.search(query, queryset))
        count = results.count()
        more = getattr(results, "more_hits", False)
        context["total"] += count
        # Each kind with more hits than a search ranks counts as that many, a lower bound.
        context["more_than"] = context.get("more_than", 0) + (search.MAX_HITS if more else count)
        context["more"] = context.get("more") or more
        if not count:
            continue
        if chosen:
            page = Paginator(results, per_page).get_page(params.get("page"))
            hits, context["page_obj"] = list(page.object_list), page
        else:
            hits = list(results[:SEARCH_PREVIEW])
        hits = _with_related(kind, hits)
        context["groups"].append(
            {
                "kind": kind,
                "label": label,
                "count": count,
                "more": more,
                "more_than": search.MAX_HITS,
                "items": [_search_item(hit, show, query) for hit in hits],
            }
        )
    return context


SEARCH_RELATED = {
    "practice": ["municipality"],
    "report": ["meeting"],
    "article": ["locale"],
    "meeting": ["topic"],
}


def _with_related(kind: str, hits: list) -> list:
    """Load what the shown hits need in one query per kind, keeping their order."""
    related = SEARCH_RELATED.get(kind)
    if not related or not hits:
        return hits
    by_pk = type(hits[0]).objects.select_related(*related).in_bulk([h.pk for h in hits])
    hits = [by_pk.get(h.pk, h) for h in hits]
    # The reader's translation of a meeting, whose words may be what was found.
    return with_translations(hits) if isinstance(hits[0], TranslatableContent) else hits


def _search_item(hit, show, query: str) -> dict:
    url, text, meta = show(hit)
    shown = hit.text if isinstance(hit, TranslatableContent) else hit
    return {
        "url": url,
        "title": highlight(str(shown.title if hasattr(shown, "title") else shown), query),
        "excerpt": highlight(text, query, context_words=30) if text else "",
        "meta": meta,
        "language": _language_of(hit),
    }


def _language_of(hit) -> str:
    """The language a hit is written in: its page's or translation's, or the network's."""
    if isinstance(hit, TranslatableContent):
        return hit.text_language
    locale_id = getattr(hit, "locale_id", None)
    if locale_id is None:
        return settings.LANGUAGE_CODE
    languages = cached(
        "locale-languages", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )
    return languages.get(locale_id, settings.LANGUAGE_CODE)


def topic_by_slug(slug: str) -> Topic | None:
    """The topic (an original) with this slug, or None."""
    return Topic.objects.originals().filter(slug=slug).first()


def topic_contents(topic: Topic) -> dict:
    """What the network has on a topic, and the municipalities most active on it.

    Published meetings (to come first, soonest first; then held, latest first), the reports
    of those meetings, and the live, public practices and magazine articles. A page in
    several languages is listed once, in the reader's where it has one.
    """
    today = timezone.localdate()
    meetings = with_translations(
        Meeting.objects.filter(live=True, topic=topic)
        .select_related("host", "guest_chair")
        .order_by("date", "start_time")
    )
    upcoming = [m for m in meetings if m.date >= today]
    held = [m for m in reversed(meetings) if m.date < today]
    reports = reports_of(meetings)
    practices = in_reader_language(
        PracticePage.objects.live()
        .public()
        .filter(topics=topic)
        .select_related("municipality", "locale")
        .order_by("title")
    )
    return {
        "topic": topic,
        "meetings": [*upcoming, *held],
        "upcoming_count": len(upcoming),
        "reports": reports,
        "practices": practices,
        "articles": in_reader_language(
            searchable_articles()
            .filter(topics=topic)
            .select_related("locale")
            .order_by("-first_published_at", "title")
        ),
        "active": most_active(meetings, practices),
    }


MOST_ACTIVE = 10


def most_active(meetings: list, practices: list, limit: int = MOST_ACTIVE) -> list[dict]:
    """The organisations that did most on a topic: practices shared, meetings hosted and
    meetings chaired, counted from what the page lists already (no query of its own)."""
    rows: dict[int, dict] = {}

    def row(organisation) -> dict:
        return rows.setdefault(
            organisation.pk,
            {"organisation": organisation, "practices": 0, "hosted": 0, "chaired": 0},
        )

    for practice in practices:
        if practice.municipality_id:
            row(practice.municipality)["practices"] += 1
    for meeting in meetings:
        if meeting.status == Meeting.Status.CANCELLED:
            continue
        if meeting.host_id:
            row(meeting.host)["hosted"] += 1
        if meeting.guest_chair_id:
            row(meeting.guest_chair)["chaired"] += 1
    for counts in rows.values():
        counts["total"] = counts["practices"] + counts["hosted"] + counts["chaired"]
    ranked = sorted(rows.values(), key=lambda r: (-r["total"], r["organisation"].name))
    return ranked[:limit]


def reports_of(meetings) -> list:
    """The visible reports of these meetings, latest meeting first, in the reader's language."""
    return in_reader_language(
        ReportPage.objects.live()
        .public()
        .filter(meeting__in=[m.pk for m in meetings])
        .select_related("meeting", "locale")
        .order_by("-meeting__date")
    )


def in_reader_language(pages) -> list:
    """One page per translation key: the one in the reader's language, else the first."""
    language = current_language()
    chosen = {}
    for page in pages:
        kept = chosen.get(page.translation_key)
        if kept is None or (
            page.locale.language_code == language and kept.locale.language_code != language
        ):
            chosen[page.translation_key] = page
    return list(chosen.values())
