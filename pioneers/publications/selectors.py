"""Reads: the site chrome (menu and footer, cached), the knowledge base and site-wide search."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from pioneers.core import search
from pioneers.core.cache import cached
from pioneers.core.search import bounded, highlight, keywords, matching_ids, plain_text, words
from pioneers.network.selectors import member_organisation
from pioneers.publications.forms import PracticeFilterForm, SiteSearchForm
from pioneers.publications.models import (
    ArticleAuthor,
    ArticlePage,
    ContentPage,
    DraftComment,
    EditionPage,
    PracticePage,
    ReportPage,
)

# Sections of the site that are not Wagtail pages, in menu order before the page tree's own
# items. Later sections (meetings, knowledge, magazine) are added here.
SECTIONS = [("network:members", _("Members")), ("meetings:upcoming", _("Meetings"))]


def site_navigation(language: str | None = None) -> dict:
    """Home, main menu and footer links for one language, as plain (title, url) pairs."""
    language = (language or get_language() or "nl")[:2]
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


# The knowledge base -------------------------------------------------------------------------

PRACTICES_PER_PAGE = 20


def practice_browse(params, *, per_page: int = PRACTICES_PER_PAGE) -> dict:
    """Practices filtered by the facets and searched, with the count of every facet value.

    Counts are over the practices found, so every option says how many practices choosing it
    leaves. Unknown facet values are ignored, a query of only symbols gives an
    explanation and nothing else.
    """
    form = PracticeFilterForm(params)
    form.is_valid()
    data = form.cleaned_data
    live = PracticePage.objects.live().public()
    filtered = live
    if data.get("topic"):
        filtered = filtered.filter(
            pk__in=PracticePage.topics.through.objects.filter(topic__slug=data["topic"]).values(
                "practicepage_id"
            )
        )
    if data.get("value"):
        filtered = filtered.filter(**{data["value"]: True})
    if data.get("province"):
        filtered = filtered.filter(municipality__province__slug=data["province"])
    if data.get("status"):
        filtered = filtered.filter(status=data["status"])
    query = (data.get("q") or "").strip()
    notice = ""
    if query and not words(query):
        notice = _("Type at least one word or number to search for.")
        results, matched = live.none(), live.none()
    elif query:
        # Facet filters go in as a subquery: Wagtail's search refuses filters on related fields.
        within = live if filtered is live else live.filter(pk__in=filtered.values("pk"))
        results = bounded(within.search(query))
        matched = PracticePage.objects.filter(pk__in=matching_ids(results))
    else:
        results = filtered.order_by("-first_published_at", "-pk")
        matched = filtered
    page = Paginator(results, per_page).get_page(params.get("page"))
    # More practices matched than a search ranks (core.search.MAX_HITS): counts over the ranked
    # ones would hide options that only older hits have, so every option stays, without counts.
    more = getattr(results, "more_hits", False)
    if not more:
        form.set_counts(practice_facet_counts(matched))
    return {
        "form": form,
        "query": query,
        "notice": notice,
        "page_obj": page,
        "practices": practice_rows([p.pk for p in page.object_list], query),
        "total": page.paginator.count,
        "more": more,
        "more_than": search.MAX_HITS,  # what "more" means
    }


def practice_facet_counts(matched) -> dict:
    """{facet: {value: count}} over the practices of a queryset."""

    ids = matched.values("pk")
    # Without ordering: the page manager sorts by tree path, which would split every group.
    practices = PracticePage.objects.filter(pk__in=ids).order_by()
    values = practices.aggregate(
        **{field: Count("pk", filter=Q(**{field: True})) for field, _label in PracticePage.VALUES}
    )
    return {
        "status": dict(practices.values_list("status").annotate(n=Count("pk"))),
        "value": values,
        "province": dict(
            practices.values_list("municipality__province__slug").annotate(n=Count("pk"))
        ),
        "topic": dict(
            PracticePage.topics.through.objects.filter(practicepage_id__in=ids)
            .values_list("topic__slug")
            .annotate(n=Count("pk"))
        ),
    }


def practice_rows(ids: list[int], query: str = "") -> list:
    """Practices for a list, in the given order, with what the list shows and matches marked."""

    rows = {
        p.pk: p
        for p in PracticePage.objects.filter(pk__in=ids)
        .select_related("municipality")
        .prefetch_related("topics")
        .annotate(reuse_count=Count("reuses"))
    }
    practices = [rows[pk] for pk in ids if pk in rows]
    for practice in practices:
        practice.title_marked = highlight(practice.title, query)
        practice.summary_marked = highlight(practice.summary, query)
        practice.excerpt = ""
        if query and "<mark>" not in practice.summary_marked:
            text = plain_text(" ".join([practice.problem, practice.approach, practice.result]))
            practice.excerpt = highlight(text, query, context_words=25)
    return practices


def similar_practices(text: str, *, exclude: int | None = None, limit: int = 5) -> list:
    """Live practices that share telling words with a text, most similar first."""

    terms = keywords(text)
    if not terms:
        return []
    found = PracticePage.objects.live().public()
    if exclude:
        found = found.exclude(pk=exclude)
    hits = found.search(terms, operator="or")[:limit]
    return practice_rows([p.pk for p in hits])


def practice_reuse_of(practice, user) -> dict:
    """How many organisations took the practice up, and whether the reader's organisation may."""
    organisation = member_organisation(user)
    is_member = organisation is not None
    return {
        "count": practice.reuses.count(),
        "can_reuse": is_member and organisation.pk != practice.municipality_id,
        "already": is_member and practice.reuses.filter(organisation=organisation).exists(),
    }


# Site-wide search ---------------------------------------------------------------------------

SEARCH_PREVIEW = 5  # results per kind on the overview; "show all" pages through one kind


def _search_sources() -> dict:
    """What site-wide search looks in: kind -> (label, what is found, how a hit is shown)."""
    from pioneers.meetings.models import Meeting
    from pioneers.network.selectors import approved_organisations

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
            Meeting.objects.filter(is_published=True),
            lambda m: (
                m.get_absolute_url(),
                m.description or m.topic,
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


SEARCH_RELATED = {"practice": ["municipality"], "report": ["meeting"], "article": ["locale"]}


def _with_related(kind: str, hits: list) -> list:
    """Load what the shown hits need in one query per kind, keeping their order."""
    related = SEARCH_RELATED.get(kind)
    if not related or not hits:
        return hits
    by_pk = type(hits[0]).objects.select_related(*related).in_bulk([h.pk for h in hits])
    return [by_pk.get(h.pk, h) for h in hits]


def _search_item(hit, show, query: str) -> dict:
    url, text, meta = show(hit)
    return {
        "url": url,
        "title": highlight(str(hit.title if hasattr(hit, "title") else hit), query),
        "excerpt": highlight(text, query, context_words=30) if text else "",
        "meta": meta,
        "language": _language_of(hit),
    }


def _language_of(hit) -> str:
    """The language a hit is written in: its page's, or the network's main language."""
    locale_id = getattr(hit, "locale_id", None)
    if locale_id is None:
        return settings.LANGUAGE_CODE
    languages = cached(
        "locale-languages", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )
    return languages.get(locale_id, settings.LANGUAGE_CODE)


# The magazine: what readers see of editions and articles, and members of their submissions.


def live_editions():
    """Editions that are public: live, and public in Wagtail's privacy settings."""
    return EditionPage.objects.live().public()


def _in_live_edition():
    """An Exists() that is true for an article whose parent edition is live.

    An article's tree path is its edition's path plus one step, so the parent is found without
    a join on the page tree.
    """
    from django.db.models import Exists

    return Exists(EditionPage.objects.filter(live=True, path=_parent_path()))


def _parent_path():
    """The tree path of the parent of the page an outer query is on."""
    from django.db.models import OuterRef
    from django.db.models.functions import Length, Substr

    return Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)


def visible_articles():
    """Articles readers may see: live, public, and in an edition that is live."""
    return ArticlePage.objects.live().public().filter(_in_live_edition())


def magazine_editions(index):
    """The live editions of a magazine, newest first, with their covers; one query."""
    return (
        live_editions()
        .child_of(index)
        .select_related("cover_image")
        .order_by("-publication_date", "-number")
    )


def edition_articles(edition) -> list:
    """The live articles of an edition in their order, with authors and topics prefetched."""
    from django.db.models import Prefetch

    return list(
        ArticlePage.objects.live()
        .public()
        .child_of(edition)
        .order_by("path")
        .prefetch_related(
            Prefetch(
                "authors",
                queryset=ArticleAuthor.objects.select_related("person__organisation"),
            ),
            "topics",
        )
    )


def feed_articles(language: str, limit: int = 50) -> list:
    """The newest visible articles in one language, with their edition and authors; for feeds."""
    from django.db.models import Prefetch, Subquery

    editions = EditionPage.objects.filter(path=_parent_path())
    return list(
        visible_articles()
        .filter(locale__language_code=language)
        .select_related("locale")
        .annotate(
            edition_title=Subquery(editions.values("title")[:1]),
            edition_date=Subquery(editions.values("publication_date")[:1]),
        )
        .order_by("-edition_date", "path")
        .prefetch_related(
            Prefetch(
                "authors",
                queryset=ArticleAuthor.objects.select_related("person__organisation"),
            ),
            "topics",
        )[:limit]
    )


def searchable_articles():
    """Visible articles as a search can filter them: by tree path, not by a subquery."""
    articles = ArticlePage.objects.live().public()
    for edition in EditionPage.objects.not_live().only("path", "depth"):
        articles = articles.not_descendant_of(edition)
    return articles


def editions_open_for_submissions():
    """Editions members may submit to now (usually drafts in preparation), newest first."""
    return (
        EditionPage.objects.filter(accepts_submissions=True)
        .select_related("locale")
        .order_by("-publication_date", "-number")
    )


class SubmissionStatus:
    """Where a member's article is on its way into the magazine, in the reader's language."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    PUBLISHED = "published"

    @staticmethod
    def labels() -> dict:
        from django.utils.translation import gettext as _

        return {
            SubmissionStatus.DRAFT: _("not submitted"),
            SubmissionStatus.SUBMITTED: _("submitted"),
            SubmissionStatus.IN_REVIEW: _("in review"),
            SubmissionStatus.CHANGES_REQUESTED: _("changes requested"),
            SubmissionStatus.APPROVED: _("approved, appears with the edition"),
            SubmissionStatus.PUBLISHED: _("published"),
        }


def _latest_workflow_states():
    """The workflow states of the page in the outer query, newest first (for a Subquery)."""
    from django.db.models import CharField, OuterRef
    from django.db.models.functions import Cast
    from wagtail.models import WorkflowState

    return WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("-created_at", "-pk")


class PracticeState:
    """Where a shared practice is on its way into the knowledge base."""

    DRAFT = "draft"
    IN_MODERATION = "in_moderation"
    PUBLISHED = "published"
    REJECTED = "rejected"

    @staticmethod
    def labels() -> dict:
        from django.utils.translation import gettext as _

        return {
            PracticeState.DRAFT: _("draft"),
            PracticeState.IN_MODERATION: _("in moderation"),
            PracticeState.PUBLISHED: _("published"),
            PracticeState.REJECTED: _("rejected"),
        }


def own_practices(user) -> list:
    """The practices a person shared or is the contact of, each with ``state`` and its label."""
    from django.db.models import Subquery
    from wagtail.models import WorkflowState

    practices = (
        PracticePage.objects.filter(Q(owner=user) | Q(contact__user=user))
        .annotate(workflow_status=Subquery(_latest_workflow_states().values("status")[:1]))
        .order_by("-latest_revision_created_at", "-pk")
    )
    labels = PracticeState.labels()
    result = []
    for practice in practices:
        if practice.workflow_status == WorkflowState.STATUS_IN_PROGRESS:
            practice.state = PracticeState.IN_MODERATION
        elif practice.live:
            practice.state = PracticeState.PUBLISHED
        elif practice.workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
            practice.state = PracticeState.REJECTED
        else:
            practice.state = PracticeState.DRAFT
        practice.state_label = labels[practice.state]
        result.append(practice)
    return result


def own_comments(user):
    """A person's comments on report drafts, newest first, with their report."""
    from pioneers.meetings.selectors import registrations_of

    return (
        DraftComment.objects.filter(registration__in=registrations_of(user))
        .select_related("report")
        .order_by("-created_at", "-pk")
    )


def my_overview(user) -> dict:
    """What a person finds on their own page: registrations, writing, comments, join requests."""
    from pioneers.meetings.selectors import registrations_of
    from pioneers.network.models import JoinRequest

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


def member_submissions(user) -> list:
    """The articles a member submitted, newest first, each with ``status`` and ``status_label``.

    Wagtail's moderation workflow decides: its first task is the editors' intake (submitted),
    a later task their review (in review); an approved article waits for its edition.
    """
    from django.db.models import Subquery
    from wagtail.models import WorkflowTask

    states = _latest_workflow_states()
    editions = EditionPage.objects.filter(path=_parent_path())
    articles = list(
        ArticlePage.objects.filter(submission__submitted_by=user)
        .annotate(
            workflow_status=Subquery(states.values("status")[:1]),
            workflow_id=Subquery(states.values("workflow_id")[:1]),
            current_task_id=Subquery(states.values("current_task_state__task_id")[:1]),
            edition_title=Subquery(editions.values("title")[:1]),
            edition_live=Subquery(editions.values("live")[:1]),
        )
        .order_by("-submission__submitted_at", "-pk")
    )
    first_tasks = {}
    workflow_ids = {a.workflow_id for a in articles if a.workflow_id}
    for workflow_task in WorkflowTask.objects.filter(workflow_id__in=workflow_ids).order_by(
        "sort_order"
    ):
        first_tasks.setdefault(workflow_task.workflow_id, workflow_task.task_id)
    labels = SubmissionStatus.labels()
    for article in articles:
        article.status = _submission_status(article, first_tasks.get(article.workflow_id))
        article.status_label = labels[article.status]
    return articles


def _submission_status(article, first_task_id) -> str:
    from wagtail.models import WorkflowState

    if article.live:
        return SubmissionStatus.PUBLISHED if article.edition_live else SubmissionStatus.APPROVED
    if article.workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return SubmissionStatus.CHANGES_REQUESTED
    if article.workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        if article.current_task_id == first_task_id:
            return SubmissionStatus.SUBMITTED
        return SubmissionStatus.IN_REVIEW
    if article.workflow_status == WorkflowState.STATUS_APPROVED:
        return SubmissionStatus.APPROVED
    return SubmissionStatus.DRAFT
