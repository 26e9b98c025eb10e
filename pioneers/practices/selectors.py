"""Reads of the knowledge base: browsing with facets, similar practices, take-up, own practices."""

from django.core.paginator import Paginator
from django.db.models import Count, Q, Subquery
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from pioneers.core import search
from pioneers.core.search import bounded, highlight, keywords, matching_ids, plain_text, words
from pioneers.core.selectors import latest_workflow_states
from pioneers.network.selectors import member_organisation
from pioneers.practices.forms import PracticeFilterForm
from pioneers.practices.models import PracticePage

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


class PracticeState:
    """Where a shared practice is on its way into the knowledge base."""

    DRAFT = "draft"
    IN_MODERATION = "in_moderation"
    PUBLISHED = "published"
    REJECTED = "rejected"

    @staticmethod
    def labels() -> dict:
        return {
            PracticeState.DRAFT: gettext("draft"),
            PracticeState.IN_MODERATION: gettext("in moderation"),
            PracticeState.PUBLISHED: gettext("published"),
            PracticeState.REJECTED: gettext("rejected"),
        }


def own_practices(user) -> list:
    """The practices a person shared or is the contact of, each with ``state`` and its label."""
    practices = (
        PracticePage.objects.filter(Q(owner=user) | Q(contact__user=user))
        .annotate(workflow_status=Subquery(latest_workflow_states().values("status")[:1]))
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
