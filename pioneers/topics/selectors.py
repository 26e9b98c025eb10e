"""Reads about topics: who may vote, a municipality's votes, the comments and the topic map.

The map counts the votes of current member municipalities, on open topics (proposed,
accepted, scheduled), overall, per province and per size of municipality. Beside the votes it
counts the answers to the topic questionnaire (sent with a campaign, to members and
non-members alike) as points: ``RANKS`` for a first choice down to 1 for the last, from every
municipality that answered and has cast no votes (a member that votes counts with its votes
only, never twice). Everything it shows comes from six queries, whatever the number of topics
and votes.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pioneers.network.models import Membership, Organisation
from pioneers.network.selectors import member_organisation
from pioneers.topics.models import RANKS, Topic, TopicComment, TopicRanking, TopicVote

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


def _map_counts():
    """Per topic the weight each organisation gives it: (topic id, weight, organisation id,
    province id, population) for member votes and questionnaire points on open topics; and
    the organisations counted. Two queries."""
    rows = list(
        _member_votes()
        .filter(topic__status__in=Topic.OPEN)
        .values_list(
            "topic_id",
            "votes",
            "organisation_id",
            "organisation__province_id",
            "organisation__population",
        )
    )
    voted = {row[2] for row in rows}
    rankings = TopicRanking.objects.filter(
        topic__status__in=Topic.OPEN, organisation__kind=Organisation.Kind.MUNICIPALITY
    ).values_list(
        "topic_id",
        "rank",
        "organisation_id",
        "organisation__province_id",
        "organisation__population",
    )
    answered = set()
    for topic_id, rank, organisation_id, province_id, population in rankings:
        if organisation_id not in voted:  # a member's votes replace its questionnaire answer
            rows.append((topic_id, RANKS + 1 - rank, organisation_id, province_id, population))
            answered.add(organisation_id)
    return rows, voted | answered


def topics_by_votes() -> list[tuple[int, int]]:
    """(topic id, votes and questionnaire points) of the open topics with any, most first:
    the planner's order."""
    rows, _organisations = _map_counts()
    totals: dict[int, int] = {}
    for topic_id, n, *_rest in rows:
        totals[topic_id] = totals.get(topic_id, 0) + n
    names = dict(Topic.objects.filter(pk__in=list(totals)).values_list("pk", "name"))
    return sorted(totals.items(), key=lambda item: (-item[1], names.get(item[0], "")))


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
    ``size`` (a band key) chooses the ranking shown first. Six queries."""
    topics = {t.pk: t for t in Topic.objects.filter(status__in=Topic.OPEN)}
    rows, voters = _map_counts()
    overall: dict[int, int] = {}
    by_province: dict[int | None, dict[int, int]] = {}
    by_size: dict[str, dict[int, int]] = {}
    for topic_id, n, _organisation_id, province_id, population in rows:
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
