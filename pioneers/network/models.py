"""Organisations and their membership of the network, with its history."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from pioneers.core.storage import private_storage
from pioneers.network.photos import (
    PhotoField,
    photo_upload_to,
    validate_photo_size,
)


class Organisation(index.Indexed, models.Model):
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
    public_email = models.EmailField(
        _("general email address"),
        blank=True,
        help_text=_("The organisation's public address, for letters from the network."),
    )
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("The organisation's public postal address, one line per line of the label."),
    )
    population = models.PositiveIntegerField(
        _("population"),
        null=True,
        blank=True,
        help_text=_("Number of inhabitants of a municipality; the topic map groups by size."),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    is_approved = models.BooleanField(
        _("approved"),
        default=True,
        help_text=_(
            "An organisation proposed on the site stays hidden from others until a coordinator "
            "approves it here or approves its join request."
        ),
    )

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.RelatedFields("province", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("is_approved"),
    ]

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

    def clean(self):
        # Here so that the admin keeps the same rules for names as the join pages; imported
        # here because the services import these models.
        from pioneers.network.services import JoinError, organisation_name_clean

        try:
            self.name = organisation_name_clean(name=self.name, organisation=self)
        except JoinError as error:
            raise ValidationError({"name": str(error)}) from None

    @property
    def domains(self) -> list[str]:
        return [d.strip().lower().lstrip("@") for d in self.email_domains.split(",") if d.strip()]


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
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation}: {self.get_status_display()}"


class Person(models.Model):
    """A pioneer's profile: who they are in the network. Private unless they consent."""

    class Role(models.TextChoices):
        OFFICIAL = "official", _("civil servant")
        ALDERMAN = "alderman", _("alderman")
        COUNCIL_MEMBER = "council_member", _("council member")
        MAYOR_OR_SECRETARY = "mayor_or_secretary", _("mayor or municipal secretary")
        CIVIL_SOCIETY = "civil_society", _("civil-society representative")
        EXPERT = "expert", _("expert")
        RESIDENT = "resident", _("resident")

    class Seniority(models.TextChoices):
        EXECUTIVE = "executive", _("executive")
        MANAGER = "manager", _("manager")
        PROFESSIONAL = "professional", _("professional")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person"
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    role = models.CharField(_("role in the network"), max_length=20, choices=Role.choices)
    seniority = models.CharField(
        _("seniority"), max_length=20, choices=Seniority.choices, blank=True
    )
    interests = models.CharField(
        _("interests"),
        max_length=300,
        blank=True,
        help_text=_("Topics you work on, separated by commas."),
    )
    photo = PhotoField(
        _("photo"),
        upload_to=photo_upload_to,
        storage=private_storage,
        blank=True,
        validators=[validate_photo_size],
        help_text=_(
            "A JPEG or PNG of at most 2 MB and 4000 × 4000 pixels. We remove what the file says "
            "besides the picture, such as where it was taken. Only you and the coordinators see "
            "it, unless your profile is public."
        ),
    )
    public_profile = models.BooleanField(
        _("show my name, role and organisation publicly"),
        default=False,
        help_text=_("Your email address and phone number are never shown."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """A replaced or removed photo is deleted from storage once the change is committed."""
        update_fields = kwargs.get("update_fields")
        old = ""
        if self.pk and (update_fields is None or "photo" in update_fields):
            old = Person.objects.filter(pk=self.pk).values_list("photo", flat=True).first() or ""
        super().save(*args, **kwargs)
        if old and old != self.photo.name:
            _delete_photo_on_commit(old)

    @property
    def interest_list(self) -> list[str]:
        return [i.strip() for i in self.interests.split(",") if i.strip()]


def _delete_photo_on_commit(name: str) -> None:
    storage = Person._meta.get_field("photo").storage
    transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=Person)
def _person_deleted(sender, instance, **kwargs):
    if instance.photo:
        _delete_photo_on_commit(instance.photo.name)


class JoinRequest(models.Model):
    """A person asking to join a member organisation, or proposing their organisation as member."""

    class Kind(models.TextChoices):
        JOIN = "join", _("join a member organisation")
        PROPOSE = "propose", _("propose the organisation as member")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a decision")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="join_requests"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    motivation = models.TextField(_("motivation"), blank=True)
    email_on_domain = models.BooleanField(
        _("email address on the organisation's domain"), default=False
    )
    language = models.CharField(
        _("language"), max_length=10, default="nl", help_text=_("Emails about it use this.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"],
                condition=models.Q(status="pending"),
                name="one_pending_request_per_person_and_organisation",
            )
        ]

    def __str__(self):
        return f"{self.person} → {self.organisation}"


class ContactLog(models.Model):
    """A contact with an organisation (civil society above all), seen by coordinators only."""

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", _("consultation")
        MEETING = "meeting", _("meeting")
        LETTER = "letter", _("letter")
        CALL = "call", _("call")
        REPLY = "reply", _("reply to a campaign")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("summary"))
    follow_up = models.TextField(_("follow-up"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contact log")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.organisation}, {self.date}: {self.get_kind_display()}"
