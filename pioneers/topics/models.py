"""The network's shared list of topics: what meetings, articles and practices are about.

A topic is written in the network's main language (the original, in the default locale);
its English name is a translation: a row in the locale ``en`` with the same translation key.
Everything that points to a topic points to the original.

Members propose topics (a topic with the status "proposed", its proposer and their
organisation); coordinators accept, decline or merge them. Each member municipality spreads a
fixed number of votes (``NetworkSettings.topic_votes``) over the topics: ``TopicVote`` holds one
organisation's votes on one topic. Members comment on topics (``TopicComment``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pioneers.core.languages import current_language
from pioneers.core.ogp import values_of
from pioneers.core.translations import (
    AllLocalesManager,
    OriginalsManager,
    TranslatableContent,
    TranslatableQuerySet,
    default_language,
    originals_only,
)


class TopicQuerySet(TranslatableQuerySet):
    def with_labels(self, language: str | None = None):
        """Each topic with its name in ``language`` (the reader's), in the same query."""
        language = language or current_language()
        if language == default_language():
            return self
        translation = Topic.all_locales.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=language
        ).values("name")[:1]
        return self.annotate(translated_name=Subquery(translation))


class TopicManager(OriginalsManager.from_queryset(TopicQuerySet)):
    """The original topics with their name in the reader's language, also through related
    managers (a practice's topics): a list of topics asks no query per topic."""

    def get_queryset(self):
        return super().get_queryset().with_labels()


class AllTopicsManager(AllLocalesManager.from_queryset(TopicQuerySet)):
    """Every row, originals and translations (Wagtail's admin and translation machinery)."""


# Path words next to topic pages ("topics/map/"): no topic may have them as its slug.
RESERVED_SLUGS = frozenset({"map", "kaart", "propose", "voorstellen"})


class Topic(TranslatableContent):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACCEPTED = "accepted", _("accepted")
        SCHEDULED = "scheduled", _("scheduled")
        DECLINED = "declined", _("declined")
        MERGED = "merged", _("merged")

    # Members vote on these; the topic map ranks them.
    OPEN = (Status.PROPOSED, Status.ACCEPTED, Status.SCHEDULED)

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("The topic's page address; the same in every language."),
    )
    description = models.TextField(_("description"), max_length=2000, blank=True)
    transparency = models.BooleanField(_("transparency"), default=False)
    participation = models.BooleanField(_("participation"), default=False)
    accountability = models.BooleanField(_("accountability"), default=False)
    technology = models.BooleanField(_("technology and innovation"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACCEPTED
    )
    proposed_by = models.ForeignKey(
        "network.Person",
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_topics",
    )
    proposing_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("proposing organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_topics",
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_topics",
        limit_choices_to=originals_only,
        help_text=_("With the status “merged”: the topic that takes over its votes and comments."),
    )

    translatable_fields = ("name", "description")

    objects = TopicManager()
    all_locales = AllTopicsManager()

    class Meta(TranslatableContent.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="topic_slug_per_locale"),
            models.UniqueConstraint(fields=["name", "locale"], name="topic_name_per_locale"),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by the site; choose another.")})

    @property
    def values(self) -> list:
        return values_of(self)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    def get_absolute_url(self):
        return reverse("search:topic", kwargs={"slug": self.slug})

    def _translated_name(self) -> str:
        """The name in the reader's language, "" where it has none (or reads the original's)."""
        language = current_language()
        if language == default_language():
            return ""
        if hasattr(self, "translated_name"):  # annotated by the manager: lists ask no query
            return self.translated_name or ""
        cache = self.__dict__.setdefault("_translated_names", {})
        if language not in cache:
            cache[language] = (
                Topic.all_locales.filter(
                    translation_key=self.translation_key, locale__language_code=language
                )
                .values_list("name", flat=True)
                .first()
                or ""
            )
        return cache[language]

    @property
    def label(self) -> str:
        """The name in the reader's language, the original's where it has no translation."""
        return self._translated_name() or self.name

    @property
    def label_language(self) -> str:
        """The language the label is in."""
        return current_language() if self._translated_name() else default_language()


class TopicVote(models.Model):
    """The votes one organisation gives one topic; all its rows together stay within the
    network's budget per member municipality (``services.topic_vote_set``)."""

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="votes",
        limit_choices_to=originals_only,
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="topic_votes",
    )
    votes = models.PositiveSmallIntegerField(_("votes"))
    changed_by = models.ForeignKey(
        "network.Person",
        verbose_name=_("last changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("topic vote")
        verbose_name_plural = _("topic votes")
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "organisation"], name="topic_vote_per_organisation"
            ),
            models.CheckConstraint(condition=models.Q(votes__gt=0), name="topic_vote_positive"),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.topic}: {self.votes}"


class TopicComment(models.Model):
    """A member's comment on a topic; shown with their name only with a public profile."""

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="comments",
        limit_choices_to=originals_only,
    )
    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_comments",
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="topic_comments",
    )
    text = models.TextField(_("comment"), max_length=2000)
    # The language of the page it was written on: pages in the other language mark it (lang).
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("topic comment")
        verbose_name_plural = _("topic comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.organisation}: {self.text[:40]}"

    @property
    def author(self) -> str:
        """Who wrote it, as the public may see it: the name with consent, else the organisation."""
        if self.person is not None and self.person.public_profile:
            return f"{self.person.name} ({self.organisation.name})"
        return self.organisation.name


# The topic questionnaire: how many topics a municipality ranks.
RANKS = 5


class TopicRanking(models.Model):
    """An organisation's answer to the topic questionnaire (sent with a campaign) on one topic:
    its rank, 1 for its first choice. An organisation has one answer; answering again replaces
    it (``services.topic_ranking_set``)."""

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="rankings",
        limit_choices_to=originals_only,
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="topic_rankings",
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    answered_at = models.DateTimeField(_("answered at"), auto_now=True)

    class Meta:
        verbose_name = _("topic ranking")
        verbose_name_plural = _("topic rankings")
        ordering = ["organisation", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "organisation"], name="topic_ranking_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["organisation", "rank"], name="topic_rank_per_organisation"
            ),
            models.CheckConstraint(
                condition=models.Q(rank__gte=1, rank__lte=RANKS), name="topic_rank_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.topic}: {self.rank}"

    @property
    def points(self) -> int:
        """What the answer counts on the topic map: RANKS for a first choice, 1 for the last."""
        return RANKS + 1 - self.rank
