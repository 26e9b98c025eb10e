"""Reads about topics: who may vote, a municipality's votes, the comments and the topic map.

The map counts the votes of current member municipalities only, on open topics (proposed,
accepted, scheduled), overall, per province and per size of municipality. Everything it shows
comes from five queries, whatever the number of topics and votes.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pioneers.network.models import Membership, Organisation
from pioneers.network.selectors import member_organisation
from pioneers.topics.models import Topic, TopicComment, TopicVote

# Sizes of municipalities by inhabitants: (key, label, lower bound, upper bound).
SIZE_BANDS = [
    ("small", _("fewer than 20,000 inhabitants"), 0, 20_000),
    ("medium", _("20,000 to 50,000 inhabitants"), 20_000, 50_000),
    ("large", _("50,000 to 100,000 inhabitants"), 50_000, 100_000),
    ("city", _("100,000 inhabitants or more"), 100_000, None),
]
SIZE_UNKNOWN = "unknown"
SIZE_LABELS = {key: label for key, label, _low, _high in SIZE_BANDS} | {
    SIZE_UNKNOWN: _("size unknown")
}


def size_band(population: int | None) -> str:
    if population is None:
        return SIZE_UNKNOWN
    for key, _label, low, high in SIZE_BANDS:
        if population >= low and (high is None or population < high):
            return key
    return SIZE_UNKNOWN


def voting_organisation(user) -> Organisation | None:
    """The member municipality a logged-in user may propose, vote and comment for, or None."""
    if user is None or not user.is_authenticated:
        return None
    organisation = member_organisation(user)
    if organisation is None or organisation.kind != Organisation.Kind.MUNICIPALITY:
        return None
    return organisation


def topic_by_id(pk) -> Topic | None:
    """The original topic with this id; None for an unknown or out-of-range id."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < pk < 2**63:
        return None
    return Topic.objects.filter(pk=pk).first()


def topic_vote_total(topic: Topic) -> int:
    return _member_votes().filter(topic=topic).aggregate(n=Sum("votes"))["n"] or 0


@dataclass
class Ballot:
    """One municipality's votes: on one topic, in all, and what it may still give."""

    organisation: Organisation
    budget: int
    used: int
    on_topic: int = 0

    @property
    def left(self) -> int:
        return max(self.budget - self.used, 0)

    @property
    def can_add(self) -> bool:
        return self.left > 0

    @property
    def more(self) -> int:
        return self.on_topic + 1

    @property
    def fewer(self) -> int:
        return max(self.on_topic - 1, 0)


def ballot(organisation: Organisation, topic: Topic | None = None) -> Ballot:
    from pioneers.topics.services import vote_budget

    votes = dict(
        TopicVote.objects.filter(organisation=organisation).values_list("topic_id", "votes")
    )
    return Ballot(
        organisation=organisation,
        budget=vote_budget(),
        used=sum(votes.values()),
        on_topic=votes.get(topic.pk, 0) if topic is not None else 0,
    )


def topic_comments(topic: Topic) -> list[TopicComment]:
    return list(topic.comments.select_related("person", "organisation"))


def _member_votes():
    """Votes of organisations that are members now."""
    current = Membership.objects.filter(
        organisation=OuterRef("organisation_id"), status=Membership.Status.MEMBER
    )
    return TopicVote.objects.filter(Exists(current))


def topics_by_votes() -> list[tuple[int, int]]:
    """(topic id, votes) of the open topics with votes, most first: the planner's order."""
    rows = (
        _member_votes()
        .filter(topic__status__in=Topic.OPEN)
        .values("topic_id", "topic__name")
        .annotate(n=Sum("votes"))
        .order_by("-n", "topic__name")
    )
    return [(row["topic_id"], row["n"]) for row in rows]


@dataclass
class Ranking:
    """Topics by votes, most first; ``rows`` are (topic, votes) with votes > 0."""

    key: str
    label: str
    rows: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(votes for _topic, votes in self.rows)


def _ranked(totals: dict[int, int], topics: dict[int, Topic]) -> list:
    rows = [(topics[pk], n) for pk, n in totals.items() if n > 0 and pk in topics]
    return sorted(rows, key=lambda row: (-row[1], row[0].label.casefold()))


def _meetings_of(topics: dict[int, Topic]) -> dict:
    """Per topic the published meeting on it: the next one, else the latest held; one query.

    Meetings point to topics (the meetings app sits beside this one, so it is reached through
    the relation rather than imported)."""
    meeting_model = Topic._meta.get_field("meetings").related_model
    today = timezone.localdate()
    found: dict[int, object] = {}
    rows = meeting_model.objects.filter(live=True, topic_id__in=list(topics)).order_by("date", "pk")
    for meeting in rows.only("pk", "slug", "title", "date", "topic_id", "status"):
        kept = found.get(meeting.topic_id)
        if kept is None or kept.date < today:
            found[meeting.topic_id] = meeting
    return found


def topic_map(*, province: str = "", size: str = "") -> dict:
    """The ranking overall, one per province and one per size band; ``province`` (a slug) or
    ``size`` (a band key) chooses the ranking shown first. Five queries."""
    topics = {t.pk: t for t in Topic.objects.filter(status__in=Topic.OPEN)}
    votes = _member_votes().filter(topic__status__in=Topic.OPEN)
    rows = votes.values_list(
        "topic_id", "votes", "organisation__province_id", "organisation__population"
    )
    overall: dict[int, int] = {}
    by_province: dict[int | None, dict[int, int]] = {}
    by_size: dict[str, dict[int, int]] = {}
    voters = set(votes.values_list("organisation_id", flat=True).distinct())
    for topic_id, n, province_id, population in rows:
        overall[topic_id] = overall.get(topic_id, 0) + n
        counts = by_province.setdefault(province_id, {})
        counts[topic_id] = counts.get(topic_id, 0) + n
        counts = by_size.setdefault(size_band(population), {})
        counts[topic_id] = counts.get(topic_id, 0) + n
    provinces = list(
        Organisation.objects.filter(kind=Organisation.Kind.PROVINCE)
        .order_by("name")
        .only("name", "slug")
    )
    province_rankings = [
        Ranking(p.slug, p.name, _ranked(by_province.get(p.pk, {}), topics)) for p in provinces
    ]
    size_rankings = [
        Ranking(key, str(SIZE_LABELS[key]), _ranked(by_size.get(key, {}), topics))
        for key in [*(band[0] for band in SIZE_BANDS), SIZE_UNKNOWN]
    ]
    chosen = Ranking("", str(_("all member municipalities")), _ranked(overall, topics))
    for ranking in province_rankings if province else size_rankings if size else []:
        if ranking.key == (province or size):
            chosen = ranking
    meetings = _meetings_of(topics)
    for topic in topics.values():
        topic.map_meeting = meetings.get(topic.pk)
    unvoted = sorted(
        (t for pk, t in topics.items() if not overall.get(pk)), key=lambda t: t.label.casefold()
    )
    return {
        "ranking": chosen,
        "provinces": province_rankings,
        "sizes": size_rankings,
        "unvoted": unvoted,
        "voters": len(voters),
        "province": province if chosen.key == province and province else "",
        "size": size if chosen.key == size and size else "",
    }
