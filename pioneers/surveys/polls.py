"""Live polls, the reads: who runs them, a poll by its code, and the results counted by the
database in a fixed number of queries however many votes or polls there are."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, F, Max, Min, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pioneers.core.roles import is_coordinator
from pioneers.core.translations import with_translations
from pioneers.meetings.models import Meeting
from pioneers.meetings.selectors import can_manage
from pioneers.surveys.models_polls import CODE_ALPHABET, CODE_LENGTH, MAX_CHOICES, Poll, PollVote

# Short text answers shown on the projector and in the report: the most recent ones.
TEXTS_SHOWN = 50


def can_run_polls(user, meeting: Meeting) -> bool:
    """Coordinators, and the pioneers of the host organisation (the meetings' host rule)."""
    return can_manage(user, meeting)


def meeting_for_polls(user, slug: str, *, translated: bool = True) -> Meeting | None:
    """The meeting at this address as ``user`` may see it (unpublished ones for coordinators
    only), or None; with its text in the reader's language (``meeting.text``) when
    ``translated``. Whether they run its polls is ``can_run_polls``."""
    meeting = Meeting.objects.select_related("host").filter(slug=slug).first()
    if meeting is None or (not meeting.live and not is_coordinator(user)):
        return None
    if translated:
        with_translations([meeting])
    return meeting


def normalized_code(code: str) -> str | None:
    """The code as stored, read from what someone typed: upper case, without spaces."""
    code = (code or "").strip().upper()
    if len(code) == CODE_LENGTH and all(char in CODE_ALPHABET for char in code):
        return code
    return None


def poll_by_code(code: str) -> Poll | None:
    code = normalized_code(code)
    if code is None:
        return None
    return Poll.objects.select_related("meeting").filter(code=code).first()


def meeting_polls(meeting: Meeting) -> QuerySet[Poll]:
    return meeting.polls.annotate(vote_count=Count("votes")).order_by("created_at", "pk")


def voter_vote(poll: Poll, voter: str | None) -> PollVote | None:
    if not voter:
        return None
    return PollVote.objects.filter(poll=poll, voter=voter).first()


@dataclass
class Row:
    number: int
    label: str
    count: int
    percent: int


@dataclass
class Results:
    poll: Poll
    total: int = 0
    rows: list[Row] = field(default_factory=list)  # likert, single and multiple choice
    average: Decimal | None = None  # number
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    texts: list[str] = field(default_factory=list)  # short text, the most recent first

    @property
    def chart_rows(self) -> list[tuple[str, int]]:
        return [(row.label, row.count) for row in self.rows]


def _bit(number: int) -> int:
    return 1 << number


def poll_results(polls: list[Poll]) -> list[Results]:
    """The results of these polls, in their order: at most three queries for any number of
    polls and votes (totals, number statistics and multiple-choice counts; counts per answer
    of Likert and single choice; texts)."""
    polls = list(polls)
    if not polls:
        return []
    ids = [poll.pk for poll in polls]
    votes = PollVote.objects.filter(poll_id__in=ids)
    summary = {
        row["poll_id"]: row
        for row in _summary(votes, with_choices=any(p.kind == Poll.Kind.MULTIPLE for p in polls))
    }
    per_answer: dict[int, dict[int, int]] = {}
    counted = [p.pk for p in polls if p.kind in (Poll.Kind.LIKERT, Poll.Kind.SINGLE)]
    if counted:
        for row in (
            votes.filter(poll_id__in=counted)
            .values("poll_id", "number")
            .annotate(count=Count("pk"))
            .order_by()
        ):
            per_answer.setdefault(row["poll_id"], {})[int(row["number"])] = row["count"]
    texts: dict[int, list[str]] = {}
    texted = [p.pk for p in polls if p.kind == Poll.Kind.SHORT_TEXT]
    if texted:
        for poll_id, text in (
            votes.filter(poll_id__in=texted)
            .order_by("poll_id", "-updated_at", "-pk")
            .values_list("poll_id", "text")
        ):
            shown = texts.setdefault(poll_id, [])
            if len(shown) < TEXTS_SHOWN:
                shown.append(text)
    results = []
    for poll in polls:
        row = summary.get(poll.pk, {})
        result = Results(poll=poll, total=row.get("total", 0))
        if poll.kind == Poll.Kind.NUMBER:
            result.average = row.get("average")
            result.minimum = row.get("minimum")
            result.maximum = row.get("maximum")
        elif poll.kind == Poll.Kind.SHORT_TEXT:
            result.texts = texts.get(poll.pk, [])
        else:
            if poll.kind == Poll.Kind.MULTIPLE:
                counts = {n: row.get(f"choice_{n}", 0) for n in range(1, MAX_CHOICES + 1)}
            else:
                counts = per_answer.get(poll.pk, {})
            for number, label in poll.options():
                count = counts.get(number, 0)
                percent = round(100 * count / result.total) if result.total else 0
                result.rows.append(Row(number, label, count, percent))
        results.append(result)
    return results


def _summary(votes: QuerySet[PollVote], *, with_choices: bool):
    """Per poll: the number of votes, the number answers' average, lowest and highest, and
    (for multiple choice) how many votes hold each choice."""
    aggregates = {
        "total": Count("pk"),
        "average": Avg("number"),
        "minimum": Min("number"),
        "maximum": Max("number"),
    }
    annotated = votes
    if with_choices:
        for n in range(1, MAX_CHOICES + 1):
            annotated = annotated.annotate(**{f"bit_{n}": F("choice_bits").bitand(_bit(n))})
            aggregates[f"choice_{n}"] = Count("pk", filter=Q(**{f"bit_{n}__gt": 0}))
    return annotated.values("poll_id").annotate(**aggregates).order_by()


def poll_result(poll: Poll) -> Results:
    return poll_results([poll])[0]


def report_section(page, request) -> str:
    """The closed polls of a report's meeting that are shown in its report, with results."""
    polls = list(
        Poll.objects.filter(
            meeting_id=page.meeting_id, status=Poll.Status.CLOSED, show_in_report=True
        ).order_by("closed_at", "pk")
    )
    if not polls:
        return ""
    return render_to_string(
        "surveys/poll_report_section.html",
        {"results": poll_results(polls)},
        request=request,
    )


def meeting_page_section(meeting: Meeting, request) -> str:
    """On the meeting's page, for those who run its polls: the way to them."""
    if request is None or not can_run_polls(request.user, meeting):
        return ""
    return format_html(
        '<p class="utrecht-paragraph"><a class="utrecht-link" href="{}">{}</a></p>',
        reverse("polls:manage", kwargs={"slug": meeting.slug}),
        _("Live polls"),
    )
