"""The network's shared list of topics: what meetings, articles and practices are about.

A topic is written in the network's main language (the original, in the default locale);
its English name is a translation: a row in the locale ``en`` with the same translation key.
Everything that points to a topic points to the original. Topic proposals, votes and
topic-mapping surveys (a later issue) build on this list.
"""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pioneers.core.languages import current_language
from pioneers.core.translations import (
    AllLocalesManager,
    OriginalsManager,
    TranslatableContent,
    TranslatableQuerySet,
    default_language,
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


class Topic(TranslatableContent):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("The topic's page address; the same in every language."),
    )

    translatable_fields = ("name",)

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
