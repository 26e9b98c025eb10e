"""Accounts and the network's site settings (name, description, logo, colours)."""

import re

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from pioneers.core.cache import cached
from pioneers.core.languages import current_language
from pioneers.core.licences import (
    DEFAULT_TEXT_LICENCE,
    TEXT_LICENCE_CHOICES,
    Licence,
    text_licence,
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person's account. The email address is the login; there is no user name."""

    username = None
    email = models.EmailField(_("email address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio between a #rrggbb colour and white."""

    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def validate_hex_colour(value: str) -> None:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value or ""):
        raise ValidationError(_("Enter a colour as # followed by six hexadecimal digits."))
    ratio = contrast_with_white(value)
    if ratio < 4.5:
        raise ValidationError(
            _("This colour has a contrast of %(ratio).1f:1 with white; at least 4.5:1 is needed."),
            params={"ratio": ratio},
        )


@register_setting(icon="site")
class NetworkSettings(BaseGenericSetting):
    """What makes this installation one particular network. Edited by coordinators."""

    name_nl = models.CharField(_("name (Dutch)"), max_length=120, default="Pioniersnetwerk")
    name_en = models.CharField(_("name (English)"), max_length=120, default="Pioneer network")
    description_nl = models.TextField(_("short description (Dutch)"), blank=True)
    description_en = models.TextField(_("short description (English)"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#154273",
        validators=[validate_hex_colour],
        help_text=_("Buttons and links; needs a contrast of at least 4.5:1 with white."),
    )
    header_colour = models.CharField(
        _("header colour"),
        max_length=7,
        default="#154273",
        validators=[validate_hex_colour],
        help_text=_("Background of the page header, behind white text."),
    )
    contact_email = models.EmailField(_("contact email address"), blank=True)
    topic_votes = models.PositiveSmallIntegerField(
        _("votes per member municipality"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_(
            "How many votes each member municipality spreads over the topics it wants to work on."
        ),
    )

    text_licence = models.CharField(
        _("licence of the texts"),
        max_length=20,
        choices=TEXT_LICENCE_CHOICES,
        default=DEFAULT_TEXT_LICENCE,
        help_text=_(
            "Under which licence others may reuse the reports, articles and practices. "
            "Data (calendars, exports) is always free of rights (CC0)."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_nl"), FieldPanel("name_en")],
            heading=_("Name"),
        ),
        MultiFieldPanel(
            [FieldPanel("description_nl"), FieldPanel("description_en")],
            heading=_("Description"),
        ),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("primary_colour"), FieldPanel("header_colour")],
            heading=_("Colours"),
        ),
        FieldPanel("contact_email"),
        FieldPanel("topic_votes"),
        FieldPanel("text_licence"),
    ]

    class Meta:
        verbose_name = _("network settings")

    @classmethod
    def load(cls, request_or_site=None):
        """The settings, cached across requests until the site changes (saving them included)."""

        base = super().load

        def fresh():
            settings = base()
            settings.logo  # noqa: B018 - loaded now, so it is cached with the settings
            return settings

        return cached("network-settings", fresh)

    def _localised(self, field: str) -> str:
        language = current_language()
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_nl")

    @property
    def licence(self) -> Licence:
        """The licence of the network's texts."""
        return text_licence(self.text_licence)

    @property
    def name(self) -> str:
        return self._localised("name")

    @property
    def description(self) -> str:
        return self._localised("description")
