"""Translatable content that is not a page: an original in the network's language, and its
translations, which carry text only.

The row in the default locale (``LANGUAGE_CODE``) is the original: what it is, when and where,
who registered, its URL. A translation (Wagtail's ``TranslatableMixin``: the same
``translation_key``, another locale) only gives its ``translatable_fields`` in another language.

- ``Model.objects`` holds the originals only, so no list, count, feed or registration ever
  sees a translation; ``Model.all_locales`` (the default manager, which Wagtail's admin and
  translation machinery use) holds every row. Related managers (``programme.meetings``) hold
  the originals only.
- Saving an original copies its other fields to its translations, so they never disagree.
- ``with_translations(objects)`` attaches the reader's translation to a page of originals in
  one query; templates show ``obj.text.title|in_language:obj.text_language``.
- Wagtail's background tasks find a row in ``Model.objects``, which holds no translation. So a
  translation is kept out of the reference index (its references are its original's), and a
  searchable model indexes its originals only, each with its translations' text
  (``translated_text``); saving a translation re-indexes its original.
"""

import functools
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import get_supported_language_variant
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import DraftStateMixin, Locale, TranslatableMixin

from pioneers.core.languages import current_language


def default_language() -> str:
    return get_supported_language_variant(settings.LANGUAGE_CODE)


def originals_only() -> models.Q:
    """``limit_choices_to`` of a relation to translatable content: the originals, not their
    translations (which share their text only)."""
    return models.Q(locale__language_code=default_language())


class TranslatableQuerySet(models.QuerySet):
    def originals(self):
        """The rows in the default locale; a subquery, so no join and no extra query."""
        locales = self.model._meta.get_field("locale").related_model  # also in migrations
        default = locales.objects.filter(language_code=default_language()).values("pk")
        return self.filter(locale__in=default)


class OriginalsManager(models.Manager.from_queryset(TranslatableQuerySet)):
    # Data migrations of these models find ``objects`` (and ``all_locales``) as here.
    use_in_migrations = True

    def get_queryset(self):
        return super().get_queryset().originals()


class AllLocalesManager(models.Manager.from_queryset(TranslatableQuerySet)):
    use_in_migrations = True

    def get_queryset(self):
        queryset = super().get_queryset()
        # Django makes the related managers (``programme.meetings``) from the default manager;
        # there, as everywhere but in the admin, only the originals count.
        if hasattr(self, "core_filters"):
            return queryset.originals()
        return queryset


class TranslatableContent(TranslatableMixin):
    """Wagtail's TranslatableMixin with originals and text-only translations (see above)."""

    # The fields a translation gives in its language; every other field is the original's.
    translatable_fields: tuple[str, ...] = ()

    objects = OriginalsManager()
    all_locales = AllLocalesManager()

    class Meta(TranslatableMixin.Meta):
        abstract = True
        default_manager_name = "all_locales"

    def get_translations(self, inclusive=False):
        # Wagtail's looks in ``objects``, which here holds the originals only.
        translations = type(self).all_locales.filter(translation_key=self.translation_key)
        if not inclusive:
            translations = translations.exclude(pk=self.pk)
        return translations

    @property
    def is_original(self) -> bool:
        if self.locale_id is None:
            return True  # a new row gets the default locale when saved
        return self.locale.language_code == default_language()

    def original(self):
        """The original of a translation (the row itself for an original)."""
        if self.is_original:
            return self
        # Itself while its original is being deleted with it.
        return type(self).objects.filter(translation_key=self.translation_key).first() or self

    @classmethod
    @functools.cache
    def synced_fields(cls) -> tuple[models.Field, ...]:
        """The original's fields that its translations copy: all but the text and Wagtail's own
        (locale, translation key, and draft, revision and lock state when the model has them)."""
        wagtails = {
            field.name
            for base in cls.__mro__
            if base.__module__.startswith("wagtail.") and hasattr(base, "_meta")
            for field in base._meta.fields
        }
        skip = {cls._meta.pk.name, *cls.translatable_fields, *wagtails}
        return tuple(f for f in cls._meta.concrete_fields if f.name not in skip)

    def full_clean(self, *args, **kwargs):
        # Wagtail sets the locale just before saving; validation needs it earlier.
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        super().full_clean(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        # Forms leave out the locale (it is not editable), which would skip the unique
        # constraints per locale (slug, locale) and let the database refuse the save.
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        super().validate_constraints(exclude=set(exclude or ()) - {"locale"})

    # Wagtail's own handlers would index a translation in a task that cannot find it; the
    # handlers below (``connect_search_signals``) index the original instead.
    search_auto_update = False

    def translated_text(self) -> str:
        """The translations' text, searched with the original's (a search field)."""
        rows = self.get_translations().values_list(*self.translatable_fields)
        return "\n".join(str(value) for row in rows for value in row if value)

    def save(self, *args, **kwargs):
        # Imported here: Wagtail's signal handlers import its models.
        from wagtail.signal_handlers import (
            disable_reference_index_auto_update,
            reference_index_auto_update_disabled,
        )

        if self.is_original or getattr(reference_index_auto_update_disabled, "value", False):
            super().save(*args, **kwargs)
        else:
            with disable_reference_index_auto_update():
                super().save(*args, **kwargs)
        if self.is_original:
            fields = self.synced_fields()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                fields = [
                    f for f in fields if f.name in update_fields or f.attname in update_fields
                ]
            if fields:
                self.get_translations().update(
                    **{f.attname: getattr(self, f.attname) for f in fields}
                )

    def delete(self, *args, **kwargs):
        if self.is_original:
            self.get_translations().delete()
        return super().delete(*args, **kwargs)

    @property
    def text(self):
        """The row whose text the reader sees: the translation ``with_translations`` attached,
        else this one."""
        return getattr(self, "_translation", None) or self

    @property
    def text_language(self) -> str:
        """The language of ``text``, for the ``in_language`` filter."""
        if getattr(self, "_translation", None) is not None:
            return self._translation_language
        return default_language()


def with_translations(objects: Iterable[TranslatableContent]) -> list:
    """Attach to each original its translation in the reader's language, in one query (none
    when the reader reads the network's language)."""
    objects = list(objects)
    language = current_language()
    if not objects or language == default_language()[:2]:
        for obj in objects:
            obj._translation = None  # an object from a shared cache may carry one
        return objects
    model = type(objects[0])
    translations = model.all_locales.filter(
        translation_key__in={o.translation_key for o in objects}, locale__language_code=language
    )
    if issubclass(model, DraftStateMixin):
        translations = translations.filter(live=True)  # as Wagtail's ``localized``
    translations = {t.translation_key: t for t in translations}
    for obj in objects:
        obj._translation = translations.get(obj.translation_key)
        obj._translation_language = language
    return objects


class TranslatableContentForm(WagtailAdminModelForm):
    """The admin's form: on a translation only the text can be changed; the rest shows the
    original's values, greyed out, and is kept as it is whatever is posted."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk and not instance.is_original:
            for name, field in self.fields.items():
                if name not in instance.translatable_fields:
                    field.disabled = True


def translation_save(original: TranslatableContent, *, language: str, **text):
    """Create or change an original's translation into a language, as the admin's Translate
    action does (a copy of the original with its children, such as a meeting's agenda), with the
    given text. Only ``translatable_fields`` may be given."""
    wrong = set(text) - set(original.translatable_fields)
    if wrong:
        raise ValueError(f"Not translatable: {', '.join(sorted(wrong))}")
    locale = Locale.objects.get(language_code=language)
    translation = original.get_translation_or_none(locale)
    if translation is None:
        translation = original.copy_for_translation(locale)
    for field, value in text.items():
        setattr(translation, field, value)
    translation.full_clean()
    translation.save()
    return translation


def _index_original(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from modelsearch.tasks import insert_or_update_object_task

    original = instance.original()
    if original.pk is not None:
        meta = original._meta
        insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, str(original.pk))


def _unindex(sender, instance, **kwargs):
    from modelsearch import index

    if instance.is_original:
        index.remove_object(instance)
        return
    # At once, not in a task: deleting an original deletes its translations first, and a task
    # would look for the original after it was gone.
    original = instance.original()
    if original is not instance:
        index.insert_or_update_object(original)


def connect_search_signals() -> None:
    """Keep the search index of every searchable translatable model: originals only."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from modelsearch import index

    for model in apps.get_models():
        if issubclass(model, TranslatableContent) and issubclass(model, index.Indexed):
            post_save.connect(_index_original, sender=model)
            post_delete.connect(_unindex, sender=model)
