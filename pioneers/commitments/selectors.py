"""Reads of the commitments app: the action plans with their commitments, and everything a
commitment's page and its progress report show (``commitment_overview``), in the reader's
language and in a fixed number of queries whatever the number of milestones or linked items."""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from pioneers.commitments.models import (
    ActionPlan,
    Commitment,
    CommitmentLink,
    Cost,
    Evidence,
    Milestone,
    ProgressReport,
    Status,
)
from pioneers.commitments.progress import CATALOGUE, ENTERED, Item, Progress, progress_of
from pioneers.core.translations import default_language, with_translations

# What a code can look like (NL0037); anything else is no code and asks the database nothing.
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}")

# The kinds of work linked to commitments, in the order pages list them.
MEETING = "meeting"


def kind_label(kind: str, count: int = 2) -> str:
    labels = {
        MEETING: (_("meeting"), _("meetings")),
        "reportpage": (_("meeting report"), _("meeting reports")),
        "practicepage": (_("practice"), _("practices")),
        "articlepage": (_("article"), _("articles")),
        "editionpage": (_("magazine edition"), _("magazine editions")),
    }
    one, many = labels.get(kind, (_("page"), _("pages")))
    return one if count == 1 else many


KIND_ORDER = [MEETING, "reportpage", "practicepage", "articlepage", "editionpage", "page"]


def action_plans() -> list[ActionPlan]:
    """Every action plan with its commitments, in the reader's language: three queries."""
    plans = with_translations(ActionPlan.objects.all())
    commitments = with_translations(
        # The locale: text_language asks whether a commitment is an original.
        Commitment.objects.select_related("lead_institution", "locale").order_by("code")
    )
    by_plan: dict[int, list] = {}
    for commitment in commitments:
        by_plan.setdefault(commitment.action_plan_id, []).append(commitment)
    for plan in plans:
        plan.commitment_list = by_plan.get(plan.pk, [])
    return plans


@dataclass
class MilestoneRow:
    milestone: Milestone
    progress: Progress
    explanation: str
    computation: str

    @property
    def late(self) -> bool:
        """Done after the planned end, or not done and the planned end has passed."""
        end = self.milestone.ends_on
        if self.progress.status == Status.COMPLETED:
            return bool(self.progress.actual_end and self.progress.actual_end > end)
        return timezone.localdate() > end


@dataclass
class LinkGroup:
    kind: str
    label: str
    items: list[Item]


@dataclass
class Synergy:
    commitment: Commitment
    counts: dict[str, int]
    total: int


@dataclass
class BudgetLine:
    label: str
    planned: Decimal
    spent: Decimal


@dataclass
class Budget:
    total: Decimal | None
    planned: Decimal
    spent: Decimal
    by_category: list[BudgetLine]
    costs: list[Cost]  # the public ones
    confidential: int
    reasons: list[str]


@dataclass
class Overview:
    commitment: Commitment
    milestones: list[MilestoneRow]
    links: list[LinkGroup]
    synergies: list[Synergy] = field(default_factory=list)
    synergy_kinds: list[tuple[str, str]] = field(default_factory=list)
    budget: Budget | None = None
    indicators: list = field(default_factory=list)
    reports: list[ProgressReport] = field(default_factory=list)

    @property
    def linked_total(self) -> int:
        return sum(len(group.items) for group in self.links)


def _page_kind(content_type_id: int | None) -> str:
    if content_type_id is None:
        return MEETING
    model = ContentType.objects.get_for_id(content_type_id).model
    return model if model in KIND_ORDER else "page"


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value)
    return value


def _evidence_items(milestones: list[Milestone]) -> dict[int, list[Item]]:
    """The evidence the coordinators entered, as Items: one query."""
    network = default_language()[:2]
    found: dict[int, list[Item]] = {}
    # Private pages (a view restriction) are no evidence a reader can check.
    public_pages = Page.objects.live().public().values("pk")
    rows = (
        Evidence.objects.filter(milestone__in=milestones)
        .filter(Q(page__isnull=True) | Q(page__in=public_pages))
        .select_related("page__locale", "meeting", "survey", "document")
    )
    for row in rows:
        if row.page_id:
            if not row.page.url:
                continue
            item = Item(
                row.label or row.page.title,
                row.page.url,
                row.date or _date(row.page.first_published_at),
                _page_kind(row.page.content_type_id),
                row.page.locale.language_code[:2],
            )
        elif row.meeting_id:
            if not row.meeting.live:
                continue
            item = Item(
                row.label or row.meeting.title,
                row.meeting.get_absolute_url(),
                row.date or row.meeting.date,
                MEETING,
                network,
            )
        elif row.survey_id:
            survey = row.survey
            url = (
                reverse("survey_results:results", args=[survey.slug])
                if survey.results_published
                else ""
            )
            title = survey.localized_title
            item = Item(
                row.label or title,
                url,
                row.date or _date(survey.closes_at),
                "survey",
                "" if row.label else getattr(title, "language", ""),
            )
        elif row.document_id:
            item = Item(row.label or row.document.title, row.document.url, row.date, "document", "")
        else:
            item = Item(row.label, row.url, row.date, "link", "")
        found.setdefault(row.milestone_id, []).append(item)
    return found


def _links(commitment: Commitment) -> list[LinkGroup]:
    """The network's work linked to the commitment, per kind: meetings (public ones) and live,
    public pages. Three queries."""
    public_pages = Page.objects.live().public().values("pk")
    rows = (
        CommitmentLink.objects.filter(commitment=commitment)
        .filter(page__isnull=True, meeting__live=True)
        .select_related("meeting")
        .order_by("meeting__date")
    )
    meetings = with_translations([row.meeting for row in rows])
    groups: dict[str, list[Item]] = {}
    for meeting in meetings:
        groups.setdefault(MEETING, []).append(
            Item(
                meeting.text.title,
                meeting.get_absolute_url(),
                meeting.date,
                MEETING,
                meeting.text_language[:2],
            )
        )
    pages = (
        CommitmentLink.objects.filter(commitment=commitment, page__in=public_pages)
        .select_related("page__locale")
        .order_by("-page__first_published_at")
    )
    for row in pages:
        page = row.page
        kind = _page_kind(page.content_type_id)
        groups.setdefault(kind, []).append(
            Item(
                page.title,
                page.url,
                _date(page.first_published_at),
                kind,
                page.locale.language_code[:2],
            )
        )
    return [
        LinkGroup(kind, kind_label(kind, len(groups[kind])), groups[kind])
        for kind in KIND_ORDER
        if kind in groups
    ]


def _synergies(ours: Commitment) -> tuple[list[Synergy], list[tuple[str, str]]]:
    """For the network's own commitment: the other commitments the network's work touches, and
    how often, per kind of work. Three queries."""
    public_pages = Page.objects.live().public().values("pk")
    counts = (
        CommitmentLink.objects.exclude(commitment=ours)
        # As the commitment pages list them: live meetings and live, public pages only.
        .filter(Q(page__isnull=True, meeting__live=True) | Q(page__in=public_pages))
        .values("commitment_id", "page__content_type_id")
        .annotate(n=Count("pk"))
    )
    per_commitment: dict[int, Counter] = {}
    for row in counts:
        kind = _page_kind(row["page__content_type_id"])
        per_commitment.setdefault(row["commitment_id"], Counter())[kind] += row["n"]
    commitments = with_translations(
        Commitment.objects.filter(pk__in=per_commitment).select_related("locale")
    )
    rows = [
        Synergy(c, dict(per_commitment[c.pk]), sum(per_commitment[c.pk].values()))
        for c in commitments
    ]
    rows.sort(key=lambda row: (-row.total, row.commitment.code))
    used = {kind for row in rows for kind in row.counts}
    kinds = [(kind, kind_label(kind)) for kind in KIND_ORDER if kind in used]
    return rows, kinds


def _budget(commitment: Commitment) -> Budget | None:
    costs = list(Cost.objects.filter(commitment=commitment).select_related("meeting", "receipt"))
    if not costs and commitment.budget is None:
        return None
    public = [cost for cost in costs if not cost.confidential]
    zero = Decimal(0)
    categories = []
    for key, label in Cost.Category.choices:
        lines = [cost for cost in public if cost.category == key]
        if lines:
            categories.append(
                BudgetLine(
                    str(label),
                    sum((c.planned for c in lines), zero),
                    sum((c.actual or zero for c in lines), zero),
                )
            )
    secret = [cost for cost in costs if cost.confidential]
    return Budget(
        total=commitment.budget,
        planned=sum((c.planned for c in public), zero),
        spent=sum((c.actual or zero for c in public), zero),
        by_category=categories,
        costs=public,
        confidential=len(secret),
        reasons=sorted({cost.confidential_reason for cost in secret}),
    )


def public_costs(commitment: Commitment) -> Budget:
    """A commitment's budget as its open-data files give it: as on its page, the confidential
    costs left out and only counted, with their reasons; the meetings' titles in the reader's
    language. Three queries at most, whatever the number of costs."""
    zero = Decimal(0)
    budget = _budget(commitment) or Budget(None, zero, zero, [], [], 0, [])
    with_translations([cost.meeting for cost in budget.costs if cost.meeting is not None])
    return budget


def _number_key(number: str) -> tuple:
    """3.2 before 3.10, 2 before 10: numbers compared as numbers, part by part."""
    return tuple(
        (0, int(part), "") if part.isdecimal() else (1, 0, part) for part in number.split(".")
    )


def commitment_overview(commitment: Commitment) -> Overview:
    """Everything a commitment's page shows, in the reader's language."""
    [commitment] = with_translations([commitment])
    with_translations([commitment.action_plan])
    milestones = with_translations(
        sorted(
            Milestone.objects.filter(commitment=commitment),
            key=lambda m: _number_key(m.number),
        )
    )
    progress = progress_of(milestones, _evidence_items(milestones))
    rows = [
        MilestoneRow(
            milestone,
            progress[milestone.pk],
            CATALOGUE.get(milestone.computation, CATALOGUE[ENTERED]).explain(milestone),
            str(CATALOGUE.get(milestone.computation, CATALOGUE[ENTERED]).label),
        )
        for milestone in milestones
    ]
    overview = Overview(commitment=commitment, milestones=rows, links=_links(commitment))
    if commitment.is_ours:
        from pioneers.evaluation.selectors import public_results

        overview.synergies, overview.synergy_kinds = _synergies(commitment)
        overview.indicators = public_results()
    overview.budget = _budget(commitment)
    overview.reports = list(
        ProgressReport.objects.filter(commitment=commitment)
        .only("number", "issued_on", "commitment_id")
        .order_by("-number")  # the model's ordering joins the commitment for its code
    )
    return overview


def commitment_by_code(code: str) -> Commitment | None:
    """The original commitment with this code (any case), with its text in the reader's
    language, or None."""
    if not CODE.fullmatch(code or ""):
        return None
    found = (
        Commitment.objects.select_related("action_plan", "lead_institution", "locale")
        .prefetch_related("supporting_institutions")
        .filter(code__iexact=code)
        .first()
    )
    # SQLite compares up to a NUL character only; the code must match as a whole.
    if found is None or found.code.lower() != code.lower():
        return None
    return with_translations([found])[0]


def milestones_progress(milestones: list[Milestone]) -> dict:
    """Each milestone's progress by pk, as the commitment pages show it (the coordinators'
    public evidence counted); a fixed number of queries for any number of milestones."""
    return progress_of(milestones, _evidence_items(milestones))
