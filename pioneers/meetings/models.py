"""Programmes of meetings, the meetings with their agenda and materials, and registrations."""

import secrets
from datetime import datetime, time, timedelta
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.search import index

from pioneers.core.translations import (
    TranslatableContent,
    TranslatableContentForm,
    originals_only,
)
from pioneers.network.models import Organisation, Person


class Format(models.TextChoices):
    KNOWLEDGE_SESSION = "knowledge_session", _("knowledge session with an expert")
    LAB = "lab", _("open-government lab")
    CONFERENCE = "conference", _("conference")
    RESIDENTS = "residents", _("residents' meeting")


def default_times(format: str) -> tuple[time, time]:
    """Residents come in the evening, after work; the network meets in the afternoon."""
    if format == Format.RESIDENTS:
        return time(19, 0), time(21, 30)
    return time(13, 30), time(17, 0)


class Programme(TranslatableContent, ClusterableModel):
    """A series of meetings over a period, such as "2018–2020", with its rotation rules.

    A translation (another locale) gives the name only; see ``pioneers.core.translations``.
    """

    translatable_fields = ("name",)
    base_form_class = TranslatableContentForm

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    cadence_months = models.PositiveSmallIntegerField(
        _("months between meetings"), default=3, help_text=_("3 means quarterly.")
    )
    planned_meetings = models.PositiveSmallIntegerField(_("planned number of meetings"), default=8)
    allow_same_host_and_chair = models.BooleanField(
        _("a host may also chair its own meeting"), default=False
    )
    # Cells of the planner that the coordinator fixed: {"3": {"host_id": 12, "date": "…"}}.
    plan_locks = models.JSONField(default=dict, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("cadence_months"), FieldPanel("planned_meetings")]),
        FieldPanel("allow_same_host_and_chair"),
        InlinePanel(
            "topic_items",
            heading=_("Topics"),
            label=_("topic"),
            help_text=_("In order of preference; the planner assigns them."),
        ),
    ]

    class Meta(TranslatableContent.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="unique_programme_slug_per_locale",
                violation_error_message=_("Another programme has this slug already."),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end lies before the start.")})


class ProgrammeTopic(Orderable):
    """A topic of a programme's list, which the planner assigns in this order."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="topic_items")
    topic = models.ForeignKey(
        "topics.Topic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=originals_only,
    )

    panels = [FieldPanel("topic")]


class Availability(models.Model):
    """What a member organisation offers a programme: hosting, chairing, dates it cannot do."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="availabilities"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="availabilities"
    )
    willing_to_host = models.BooleanField(_("we are willing to host a meeting"), default=True)
    willing_to_chair = models.BooleanField(
        _("we are willing to provide a guest chair"), default=True
    )
    blocked_dates = models.JSONField(_("dates we cannot do"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availabilities")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation"], name="one_availability_per_member"
            )
        ]

    def __str__(self):
        return f"{self.organisation} — {self.programme}"


class Meeting(DraftStateMixin, RevisionMixin, TranslatableContent, index.Indexed, ClusterableModel):
    """One meeting of the network: where, when, who chairs, what about, and who comes.

    Wagtail's draft state: the site shows live meetings only; edits of a live meeting wait in
    revisions until they are published, through the services (see ``publish``). A translation
    (another locale) gives the text in ``translatable_fields`` and its own agenda; everything
    else is the original's (see ``pioneers.core.translations``).
    """

    translatable_fields = (
        "title",
        "description",
        "venue_name",
        "cancellation_reason",
        "case_challenge",
        "case_stakeholders",
        "case_insights",
        "case_ideas",
        "case_next_steps",
    )
    base_form_class = TranslatableContentForm

    class Audience(models.TextChoices):
        MEMBERS = "members", _("members of the network")
        PUBLIC = "public", _("everyone")
        RESIDENTS = "residents", _("residents")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        CONFIRMED = "confirmed", _("confirmed")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    number = models.PositiveSmallIntegerField(_("number in the programme"))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    # PROTECT: a topic that meetings were about stays until they point elsewhere (the admin
    # lists them); SET_NULL would silently drop what past meetings and their reports were on.
    topic = models.ForeignKey(
        "topics.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        limit_choices_to=originals_only,
    )
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    description = models.TextField(_("description"), blank=True)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), default=time(13, 30))
    end_time = models.TimeField(_("end time"), default=time(17, 0))
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        related_name="meetings_hosted",
    )
    guest_chair = models.ForeignKey(
        Organisation,
        verbose_name=_("guest chair's municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings_chaired",
    )
    guest_chair_name = models.CharField(_("guest chair"), max_length=150, blank=True)
    venue_name = models.CharField(_("venue"), max_length=200, help_text=_("E.g. Stadskantoor."))
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100)
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=60)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    cancellation_reason = models.TextField(
        _("reason for cancelling"),
        blank=True,
        help_text=_("When you cancel the meeting, everyone registered gets this in their email."),
    )
    # An open-government lab works on a real case; filled in during or after the meeting.
    case_challenge = models.TextField(_("the challenge"), blank=True)
    case_stakeholders = models.TextField(_("who is involved"), blank=True)
    case_insights = models.TextField(_("insights"), blank=True)
    case_ideas = models.TextField(_("ideas"), blank=True)
    case_next_steps = models.TextField(_("next steps"), blank=True)
    reminders_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The iCalendar SEQUENCE: raised when the time or place changes and when the meeting is
    # cancelled, so that calendars replace the event they have instead of adding another.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # The last change of the row: calendars' DTSTAMP and LAST-MODIFIED, feeds' <updated>.
    updated_at = models.DateTimeField(auto_now=True)
    # Deletes a meeting's revisions with it (Wagtail's advice for RevisionMixin).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="meeting")

    search_fields = [
        index.SearchField("title", boost=2),
        index.RelatedFields("topic", [index.SearchField("name")]),
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("case_challenge"),
        index.SearchField("case_insights"),
        index.SearchField("case_ideas"),
        index.FilterField("live"),
        index.FilterField("date"),
        index.SearchField("translated_text"),  # an English visitor finds the meeting too
        index.FilterField("locale"),  # search looks in the originals only (Meeting.objects)
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldPanel("number"),
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel("topic"),
                FieldPanel("format"),
                FieldPanel("description"),
                FieldPanel("status"),
                FieldPanel("cancellation_reason"),
            ],
            heading=_("Meeting"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]
                ),
                FieldPanel("host"),
                FieldPanel("guest_chair"),
                FieldPanel("guest_chair_name"),
                FieldPanel("venue_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
            ],
            heading=_("Where and when"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("agenda item")),
        InlinePanel("materials", heading=_("Materials"), label=_("document")),
        MultiFieldPanel(
            [
                FieldPanel("case_challenge"),
                FieldPanel("case_stakeholders"),
                FieldPanel("case_insights"),
                FieldPanel("case_ideas"),
                FieldPanel("case_next_steps"),
            ],
            heading=_("Case of the open-government lab"),
        ),
        PublishingPanel(),
    ]

    class Meta(TranslatableContent.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["date", "start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "number", "locale"], name="unique_meeting_number"
            ),
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="unique_meeting_slug_per_locale",
                violation_error_message=_("Another meeting has this slug already."),
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("meetings:meeting", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The meeting ends before it starts.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration closes before it opens.")
        if errors:
            raise ValidationError(errors)

    @property
    def revisions(self):
        return self._revisions

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        """Every publication (the admin, a scheduled time, a revert) goes through the services:
        capacity, waiting list, emails, and what people need to come (``MeetingPublishAction``).
        """
        # circular: the publishing action uses the services, which import these models
        from pioneers.meetings.publishing import MeetingPublishAction

        return MeetingPublishAction(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
        ).execute(skip_permission_checks=skip_permission_checks)

    # What people need to come: what, when and where. The postal code helps but is not needed
    # to find a town hall; the host is required by the database already.
    PUBLICATION_FIELDS = (
        "title",
        "date",
        "start_time",
        "end_time",
        "venue_name",
        "street_address",
        "city",
    )

    def missing_for_publication(self) -> list[str]:
        """The fields people need to come that this meeting leaves empty, in form order."""
        return [
            field
            for field in self.PUBLICATION_FIELDS
            if getattr(self, field) is None or str(getattr(self, field)).strip() == ""
        ]

    @property
    def address(self) -> str:
        """Venue, street and postal code with city, leaving out the parts not known yet."""
        place = " ".join(p for p in (self.postal_code.strip(), self.city.strip()) if p)
        parts = (self.venue_name.strip(), self.street_address.strip(), place)
        return ", ".join(p for p in parts if p)

    @property
    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.date, self.end_time))

    @property
    def checkin_opens_at(self) -> datetime:
        midnight = timezone.make_aware(datetime.combine(self.date, time.min))
        return midnight - timedelta(hours=settings.CHECKIN_OPENS_HOURS)

    @property
    def checkin_closes_at(self) -> datetime:
        return self.ends_at + timedelta(hours=settings.CHECKIN_CLOSES_HOURS)

    def checkin_state(self, now: datetime | None = None) -> str:
        """Check-in is "not_yet" open before the meeting day, "open" on it, then "closed"."""
        now = now or timezone.now()
        if now < self.checkin_opens_at:
            return "not_yet"
        return "open" if now < self.checkin_closes_at else "closed"

    @property
    def has_begun(self) -> bool:
        """From its start on, a registration stands: it counts for the attendance."""
        return self.status == self.Status.HELD or timezone.now() >= self.starts_at

    @property
    def is_open_to_all(self) -> bool:
        """Public and residents' meetings take registrations without an account."""
        return self.audience != self.Audience.MEMBERS

    def registration_state(self, now: datetime | None = None) -> str:
        """The state of registration at a moment: open, not_yet, closed or cancelled."""
        now = now or timezone.now()
        if self.status in (self.Status.CANCELLED, self.Status.HELD):
            return "cancelled" if self.status == self.Status.CANCELLED else "closed"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        closes = self.registration_closes_at or self.starts_at
        if now >= closes:
            return "closed"
        return "open"

    @property
    def route_url(self) -> str:

        place = " ".join(p for p in (self.postal_code.strip(), self.city.strip()) if p)
        destination = ", ".join(p for p in (self.street_address.strip(), place) if p)
        return f"https://www.openstreetmap.org/directions?to={quote(destination)}"


class AgendaItem(Orderable):
    class Kind(models.TextChoices):
        WELCOME = "welcome", _("welcome")
        TALK = "talk", _("talk")
        WORKSHOP = "workshop", _("workshop")
        DISCUSSION = "discussion", _("discussion")
        BREAK = "break", _("break")
        CLOSING = "closing", _("closing")

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    start_time = models.TimeField(_("time"))
    title = models.CharField(_("title"), max_length=200)
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TALK)

    panels = [
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("kind")]),
        FieldPanel("title"),
        FieldPanel("speakers"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")


class Material(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    """A place (or a place on the waiting list) at a meeting; never deleted, only cancelled."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("waiting for email confirmation")
        CONFIRMED = "confirmed", _("registered")
        WAITLISTED = "waitlisted", _("on the waiting list")
        # Not the meeting's "cancelled" (afgelast): the person cancelled (geannuleerd).
        CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")

    # Addresses of erased people become <pk>@ this reserved domain: unique, and never mailed.
    ERASED_DOMAIN = "erased.invalid"

    # PROTECT: a meeting people registered for is cancelled (they are told), not deleted; the
    # admin's delete page lists the registrations and refuses.
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="registrations"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("pioneer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"))
    residence = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality of residence"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "municipality"},
    )
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    language = models.CharField(_("language"), max_length=10, default="nl")
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One live registration per address and meeting, whatever the race.
            models.UniqueConstraint(
                fields=["meeting", "email"],
                condition=~models.Q(status="cancelled"),
                name="one_live_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["meeting", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} — {self.meeting}"

    @property
    def is_erased(self) -> bool:
        return self.email.endswith(f"@{self.ERASED_DOMAIN}")
