"""Organisations and their membership of the network, with its history."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        PROVINCE = "province", _("province")
        EXPERTISE_CENTRE = "expertise_centre", _("expertise centre")
        CIVIL_SOCIETY = "civil_society", _("civil-society organisation")
        MINISTRY = "ministry", _("ministry")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    cbs_code = models.CharField(
        _("CBS code"), max_length=10, blank=True, help_text=_("For example GM0606.")
    )
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        limit_choices_to={"kind": "province"},
    )
    website = models.URLField(_("website"), blank=True)
    email_domains = models.CharField(
        _("email domains"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated, for example schiedam.nl. Addresses on these are flagged."),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"], condition=~models.Q(cbs_code=""), name="unique_cbs_code"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:organisation", kwargs={"slug": self.slug})


class Membership(models.Model):
    """One period of an organisation's relation to the network; rejoining starts a new one."""

    class Status(models.TextChoices):
        INVITED = "invited", _("invited")
        APPLIED = "applied", _("applied")
        MEMBER = "member", _("member")
        DECLINED = "declined", _("declined")
        LEFT = "left", _("left")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    is_lead = models.BooleanField(_("lead organisation"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    member_since = models.DateField(_("member since"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation}: {self.get_status_display()}"
