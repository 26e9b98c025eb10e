"""Writes for topics: a topic by its name and its name in another language; proposals and the
coordinators' decisions on them; votes and comments of member municipalities.

Every entry point (the site's forms, Wagtail's admin, the demo) goes through these, so the rules
hold everywhere: only pioneers of a member municipality propose, vote and comment; a
municipality's votes together never exceed the network's budget; a declined topic gives its
votes back; a merged topic hands its votes and comments to the topic it was merged into.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from pioneers.core.cache import SITE, tags_changed_on_commit
from pioneers.core.languages import current_language
from pioneers.core.models import NetworkSettings
from pioneers.core.ogp import OGP_VALUES
from pioneers.core.slugs import unique_slug
from pioneers.network.models import Organisation, Person
from pioneers.topics import caching
from pioneers.topics.models import (
    RANKS,
    RESERVED_SLUGS,
    Topic,
    TopicComment,
    TopicRanking,
    TopicVote,
)
from pioneers.topics.selectors import voting_organisation

# A second identical comment within this many seconds is a double click, not a new comment.
COMMENT_REPEAT_SECONDS = 120


class TopicError(Exception):
    """A rule that was not met, with a message for the user in their language."""


def _free_slug(name: str) -> str:
    originals = Topic.objects.originals()
    return unique_slug(
        name,
        taken=lambda slug: slug in RESERVED_SLUGS or originals.filter(slug=slug).exists(),
        max_length=70,
        fallback="topic",
    )


def topic_get_or_create(*, name: str) -> Topic:
    """The original topic with this name (trimmed, any case), made when there is none."""
    name = " ".join(name.split())
    topic = Topic.objects.originals().filter(name__iexact=name).first()
    if topic is None:
        topic = Topic(name=name, slug=_free_slug(name), locale=Locale.get_default())
        topic.full_clean()
        topic.save()
    return topic


def topic_translate(*, topic: Topic, language: str, name: str, description: str = "") -> Topic:
    """The topic's name (and description) in ``language``: its translation row, made or renamed."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    translation = Topic.all_locales.filter(
        translation_key=topic.translation_key, locale=locale
    ).first()
    if translation is None:
        translation = topic.copy_for_translation(locale)
    translation.name = name
    translation.description = description or translation.description
    translation.full_clean()
    translation.save()
    return translation


def topic_with_name(name: str, *, exclude: Topic | None = None) -> Topic | None:
    """The original of the topic that has this name in any language (any case), or None."""
    rows = Topic.all_locales.filter(name__iexact=" ".join(name.split()))
    if exclude is not None:
        rows = rows.exclude(translation_key=exclude.translation_key)
    found = rows.first()
    return found.original() if found is not None else None


def duplicate_message(topic: Topic) -> str:
    return _(
        "There is a topic “%(name)s” already. Support it with your votes or comment on it "
        "instead of proposing it again."
    ) % {"name": topic.label}


def _member(person: Person | None) -> Organisation:
    organisation = voting_organisation(person.user if person is not None else None)
    if organisation is None:
        raise TopicError(
            _("Only pioneers of a member municipality can propose, vote on and discuss topics.")
        )
    return organisation


@transaction.atomic
def topic_propose(*, person: Person, name: str, description: str, values=()) -> Topic:
    """A member's proposal: a new topic with the status "proposed", for the coordinators."""
    organisation = _member(person)
    name = " ".join(name.split())
    if not name:
        raise TopicError(_("Give the topic a title."))
    existing = topic_with_name(name)
    if existing is not None:
        raise TopicError(duplicate_message(existing))
    unknown = set(values) - {field for field, _label in OGP_VALUES}
    if unknown:
        raise TopicError(_("Choose the values from the list."))
    topic = Topic(
        name=name,
        slug=_free_slug(name),
        description=description.strip(),
        status=Topic.Status.PROPOSED,
        proposed_by=person,
        proposing_organisation=organisation,
        proposed_at=timezone.now(),
        locale=Locale.get_default(),
        **{field: field in values for field, _label in OGP_VALUES},
    )
    if _save_new(topic) is None:  # the same name, proposed by someone else a moment ago
        raise TopicError(duplicate_message(topic_with_name(name) or topic))
    return topic


def _save_new(topic: Topic) -> Topic | None:
    """Save a new topic; None when a topic with its name was saved a moment ago."""
    topic.full_clean()
    try:
        with transaction.atomic():
            topic.save()
    except IntegrityError:
        return None
    return topic


def topic_status_check(*, topic: Topic, status: str, merged_into: Topic | None = None) -> None:
    """Raise TopicError when a topic cannot move to ``status`` (with ``merged_into``)."""
    if status not in Topic.Status.values:
        raise TopicError(_("Choose a status from the list."))
    if topic.status == Topic.Status.MERGED and status != Topic.Status.MERGED:
        raise TopicError(_("This topic has been merged into another; it cannot be reopened."))
    if status == Topic.Status.MERGED:
        if merged_into is None:
            raise TopicError(_("Choose the topic to merge this one into."))
        if merged_into.translation_key == topic.translation_key:
            raise TopicError(_("A topic cannot be merged into itself."))
        if merged_into.status not in Topic.OPEN:
            raise TopicError(_("Merge into a topic that is open: not declined or merged itself."))
    elif merged_into is not None:
        raise TopicError(_("Only a merged topic points to another topic."))


@transaction.atomic
def topic_set_status(*, topic: Topic, status: str, merged_into: Topic | None = None) -> Topic:
    """A coordinator's decision: accept, schedule, decline (votes go back to the
    municipalities) or merge (votes and comments move to ``merged_into``)."""
    topic = Topic.all_locales.select_for_update().get(pk=topic.original().pk)
    if merged_into is not None:
        merged_into = Topic.objects.get(translation_key=merged_into.translation_key)
    if topic.status == status and topic.merged_into_id == (merged_into and merged_into.pk):
        return topic  # a double click, or saved again
    topic_status_check(topic=topic, status=status, merged_into=merged_into)
    if status == Topic.Status.DECLINED:
        TopicVote.objects.filter(topic=topic).delete()
    elif status == Topic.Status.MERGED:
        _move_votes(source=topic, target=merged_into)
        TopicComment.objects.filter(topic=topic).update(topic=merged_into)
    # The moves above are updates, which send no signal.
    tags_changed_on_commit(caching.VOTES, caching.COMMENTS)
    topic.status = status
    topic.merged_into = merged_into
    topic.full_clean()
    topic.save(update_fields=["status", "merged_into"])
    return topic


def topic_schedule(*, topic_id: int) -> bool:
    """A meeting on the topic was planned or published: a proposed or accepted topic becomes
    "scheduled" (a declined, merged or already scheduled one stays as it is). Returns whether
    it changed; doing it twice changes nothing."""
    changed = Topic.all_locales.filter(
        pk=topic_id, status__in=[Topic.Status.PROPOSED, Topic.Status.ACCEPTED]
    ).update(status=Topic.Status.SCHEDULED)
    if changed:
        tags_changed_on_commit(SITE, caching.VOTES)  # an update sends no signal
    return bool(changed)


def _move_votes(*, source: Topic, target: Topic) -> None:
    """Each organisation's votes on ``source`` are added to its votes on ``target``: its total
    stays the same, so no budget is exceeded."""
    for vote in TopicVote.objects.filter(topic=source).select_related("organisation"):
        Organisation.objects.select_for_update().filter(pk=vote.organisation_id).first()
        kept = TopicVote.objects.filter(topic=target, organisation=vote.organisation).first()
        if kept is None:
            vote.topic = target
            vote.save(update_fields=["topic"])
        else:
            kept.votes += vote.votes
            kept.save(update_fields=["votes", "changed_at"])
            vote.delete()


def vote_budget() -> int:
    return NetworkSettings.load().topic_votes


@transaction.atomic
def topic_vote_set(*, person: Person, topic: Topic, votes: int) -> TopicVote | None:
    """Set the votes of the person's municipality on a topic to ``votes`` (0 takes them away).

    The form sends the number it wants, not "one more": a double click sets the same number
    twice. The organisation's row is locked while its total is checked, so two pioneers of one
    municipality voting at once never exceed the budget together.
    """
    organisation = _member(person)
    topic = Topic.objects.get(translation_key=topic.translation_key)  # as it is now
    if not topic.is_open:
        raise TopicError(_("This topic is closed: it was declined or merged into another."))
    budget = vote_budget()
    if not isinstance(votes, int) or votes < 0:
        raise TopicError(_("The number of votes must be zero or more."))
    # The lock: PostgreSQL waits here; SQLite's IMMEDIATE transactions take one write lock.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    elsewhere = (
        TopicVote.objects.filter(organisation=organisation)
        .exclude(topic=topic)
        .aggregate(n=Sum("votes"))["n"]
        or 0
    )
    if elsewhere + votes > budget:
        raise TopicError(
            _(
                "Your municipality has %(budget)s votes in all and has given %(used)s to other "
                "topics: at most %(left)s can go to this one."
            )
            % {"budget": budget, "used": elsewhere, "left": max(budget - elsewhere, 0)}
        )
    vote = TopicVote.objects.filter(topic=topic, organisation=organisation).first()
    if votes == 0:
        if vote is not None:
            vote.delete()
        return None
    if vote is None:
        vote = TopicVote(topic=topic, organisation=organisation)
    if vote.votes == votes:
        return vote
    vote.votes = votes
    vote.changed_by = person
    vote.full_clean()
    vote.save()
    return vote


@transaction.atomic
def topic_comment_create(*, person: Person, topic: Topic, text: str) -> TopicComment:
    """A member's comment; the same text again within a short while is the same comment."""
    organisation = _member(person)
    topic = Topic.objects.get(translation_key=topic.translation_key)  # as it is now
    text = text.strip()
    if not text:
        raise TopicError(_("Write your comment first."))
    if topic.status == Topic.Status.MERGED:
        raise TopicError(_("This topic is closed: it was declined or merged into another."))
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    since = timezone.now() - dt.timedelta(seconds=COMMENT_REPEAT_SECONDS)
    repeated = TopicComment.objects.filter(
        topic=topic, person=person, text=text, created_at__gte=since
    ).first()
    if repeated is not None:
        return repeated
    comment = TopicComment(
        topic=topic,
        person=person,
        organisation=organisation,
        text=text,
        language=current_language(),
    )
    comment.full_clean()
    comment.save()
    return comment


def ranking_topics():
    """The topics a municipality can rank in the topic questionnaire: the accepted and
    scheduled ones (proposals are not yet on the list)."""
    return Topic.objects.filter(status__in=[Topic.Status.ACCEPTED, Topic.Status.SCHEDULED])


@transaction.atomic
def topic_ranking_set(*, organisation: Organisation, topics: list[Topic]) -> list[TopicRanking]:
    """The organisation's answer to the topic questionnaire: ``topics`` in order of preference
    (first choice first). It replaces the organisation's earlier answer, never adds to it."""
    topics = [Topic.objects.get(translation_key=topic.translation_key) for topic in topics]
    if len(topics) > RANKS:
        raise TopicError(_("Choose at most %(count)d topics.") % {"count": RANKS})
    if len({topic.pk for topic in topics}) != len(topics):
        raise TopicError(_("Choose each topic once."))
    allowed = set(ranking_topics().values_list("pk", flat=True))
    if any(topic.pk not in allowed for topic in topics):
        raise TopicError(_("Choose the topics from the list."))
    # One answer at a time per organisation: two submissions at once give one answer.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    TopicRanking.objects.filter(organisation=organisation).delete()
    rankings = TopicRanking.objects.bulk_create(
        TopicRanking(topic=topic, organisation=organisation, rank=rank)
        for rank, topic in enumerate(topics, start=1)
    )
    tags_changed_on_commit(caching.VOTES)  # bulk writes send no signal
    return rankings


def topic_propose_for_organisation(*, organisation: Organisation, name: str) -> Topic:
    """A topic an organisation proposes through the topic questionnaire (no account): a new
    topic with the status "proposed", or the topic that already has this name."""
    name = " ".join(name.split())
    if not name:
        raise TopicError(_("Give the topic a title."))
    existing = topic_with_name(name)
    if existing is not None:
        return existing
    topic = Topic(
        name=name,
        slug=_free_slug(name),
        status=Topic.Status.PROPOSED,
        proposing_organisation=organisation,
        proposed_at=timezone.now(),
        locale=Locale.get_default(),
    )
    return _save_new(topic) or topic_with_name(name)  # or the same name, saved a moment ago


def topic_proposal_withdraw(*, topic: Topic, organisation: Organisation) -> bool:
    """Remove a questionnaire proposal the organisation no longer makes, as long as nothing
    else points to it yet (still proposed, no account behind it, no votes, no comments)."""
    removable = Topic.objects.filter(
        pk=topic.pk,
        status=Topic.Status.PROPOSED,
        proposing_organisation=organisation,
        proposed_by__isnull=True,
        votes__isnull=True,
        comments__isnull=True,
        rankings__isnull=True,
    )
    if not removable.exists():
        return False
    try:
        with transaction.atomic():
            Topic.all_locales.filter(translation_key=topic.translation_key).delete()
    except (ProtectedError, RestrictedError):  # a coordinator linked it to something meanwhile
        return False
    return True


def topics_export(user) -> dict:
    """What topic mapping holds on a person: their proposals and comments (votes belong to the
    municipality)."""
    return {
        "topics_proposed": [
            {"topic": topic.name, "description": topic.description, "status": topic.status}
            for topic in Topic.objects.filter(proposed_by__user=user)
        ],
        "topic_comments": [
            {
                "topic": comment.topic.name,
                "text": comment.text,
                "at": comment.created_at.isoformat(),
            }
            for comment in TopicComment.objects.filter(person__user=user).select_related("topic")
        ],
    }


def topics_erase(user) -> None:
    """Proposals and votes stay with the municipality, without the person; comments stay
    under the municipality's name (as they show without a public profile)."""
    Topic.all_locales.filter(proposed_by__user=user).update(proposed_by=None)
    TopicVote.objects.filter(changed_by__user=user).update(changed_by=None)
    TopicComment.objects.filter(person__user=user).update(person=None)
    tags_changed_on_commit(*caching.PROPOSAL_TAGS)
