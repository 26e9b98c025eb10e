"""Calls for papers of conference meetings: the call with its formats, tracks, questions and
review criteria, the submissions with their speakers and co-speaker invitations, and their
reviewers, reviews with scores, and the decision emails."""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from pioneers.cfp.admin_forms import CallAdminForm
from pioneers.core.storage import private_storage
from pioneers.core.translations import originals_only


def _in_language(nl: str, en: str) -> str:
    """The English text for English readers when there is one; the Dutch text otherwise."""
    return en if _language_of(nl, en) == "en" else nl


def _language_of(nl: str, en: str) -> str:
    """The language of what ``_in_language`` shows, for the page's lang attributes."""
    if en and ((get_language() or "").startswith("en") or not nl):
        return "en"
    return "nl"


PLACEHOLDERS = ("title", "name", "meeting", "url")
DECISION_HELP = _(
    "Subject and text of the email a speaker gets with the decision, per kind and language. "
    "Placeholders: {title} (the proposal), {name} (the speaker), {meeting}, {url} (the "
    "proposal's page). Without one here, the standard text is sent."
)


class Call(ClusterableModel):
    """The call for papers of one meeting: when it is open, what it asks for, how it is reviewed."""

    base_form_class = CallAdminForm

    meeting = models.OneToOneField(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="call",
        limit_choices_to=originals_only,
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes (deadline)"))
    introduction_nl = models.TextField(_("introduction (Dutch)"), blank=True)
    introduction_en = models.TextField(_("introduction (English)"), blank=True)
    hide_reviewer_names = models.BooleanField(
        _("hide reviewers' names from each other"), default=True
    )

    panels = [
        FieldPanel("meeting"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [FieldPanel("introduction_nl"), FieldPanel("introduction_en")],
            heading=_("Introduction"),
        ),
        FieldPanel("hide_reviewer_names"),
        InlinePanel("formats", heading=_("Session formats"), label=_("format"), min_num=1),
        InlinePanel("tracks", heading=_("Tracks"), label=_("track")),
        InlinePanel("questions", heading=_("Extra questions"), label=_("question")),
        InlinePanel("criteria", heading=_("Review criteria"), label=_("criterion")),
        InlinePanel("reviewers", heading=_("Reviewers"), label=_("reviewer")),
        InlinePanel(
            "decision_templates",
            heading=_("Decision emails"),
            label=_("decision email"),
            help_text=DECISION_HELP,
        ),
    ]

    class Meta:
        verbose_name = _("call for papers")
        verbose_name_plural = _("calls for papers")
        ordering = ["-closes_at"]

    def __str__(self):
        return str(self.meeting)

    def get_absolute_url(self):
        return reverse("cfp:call", kwargs={"slug": self.meeting.slug})

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call closes before it opens.")})

    @property
    def introduction(self) -> str:
        return _in_language(self.introduction_nl, self.introduction_en)

    @property
    def introduction_language(self) -> str:
        return _language_of(self.introduction_nl, self.introduction_en)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def state(self, now=None) -> str:
        """ "not_yet", "open" or "closed"."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "not_yet"
        return "open" if now < self.closes_at else "closed"


class _Named(models.Model):
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self.name_nl, self.name_en)

    @property
    def name_language(self) -> str:
        return _language_of(self.name_nl, self.name_en)


class SessionFormat(_Named, Orderable):
    """A kind of session the call asks for: talk, workshop, lab, pitch, with its length."""

    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="formats")
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=30)

    panels = [
        FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en")]),
        FieldPanel("duration_minutes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session format")

    def clean(self):
        if self.duration_minutes is not None and not 5 <= self.duration_minutes <= 480:
            raise ValidationError(
                {"duration_minutes": _("A session lasts between 5 and 480 minutes.")}
            )


class Track(_Named, Orderable):
    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="tracks")

    panels = [FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en")])]

    class Meta(Orderable.Meta):
        verbose_name = _("track")


class ReviewCriterion(_Named, Orderable):
    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="criteria")

    panels = [FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en")])]

    class Meta(Orderable.Meta):
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")


class ExtraQuestion(Orderable):
    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="questions")
    text_nl = models.CharField(_("question (Dutch)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)

    panels = [FieldPanel("text_nl"), FieldPanel("text_en"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        verbose_name = _("extra question")

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        return _in_language(self.text_nl, self.text_en)

    @property
    def text_language(self) -> str:
        return _language_of(self.text_nl, self.text_en)


def slides_path(instance, filename) -> str:
    # A random name: the file's own name may carry personal data, and guessing is pointless.
    return f"cfp/slides/{secrets.token_urlsafe(16)}.pdf"


class Submission(models.Model):
    """A proposal for a session, by one or more speakers; never deleted, only withdrawn."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        IN_REVIEW = "in_review", _("in review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        CONFIRMED = "confirmed", pgettext_lazy("submission", "confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Language(models.TextChoices):
        NL = "nl", _("Dutch")
        EN = "en", _("English")

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="submissions"
    )
    title = models.CharField(_("title"), max_length=200)
    abstract = models.TextField(_("abstract"), max_length=1000)
    description = models.TextField(_("description"), max_length=10000, blank=True)
    format = models.ForeignKey(
        SessionFormat, verbose_name=_("format"), on_delete=models.PROTECT, related_name="+"
    )
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("language of the session"), max_length=2, choices=Language.choices, default="nl"
    )
    notes = models.TextField(_("notes for the organisers"), max_length=5000, blank=True)
    # {"<question pk>": "answer"}
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    slides = models.FileField(
        _("slides (PDF)"), storage=private_storage, upload_to=slides_path, blank=True
    )
    speakers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="SubmissionSpeaker",
        related_name="cfp_submissions",
        verbose_name=_("speakers"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)
    state_changed_at = models.DateTimeField(_("state changed at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cfp:proposal", kwargs={"pk": self.pk})


class SubmissionSpeaker(models.Model):
    """A speaker of a submission; position 0 is the one who submitted it."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="speaker_rows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cfp_speaker_rows"
    )
    position = models.PositiveSmallIntegerField(default=0)
    # The language the speaker used on the site when they joined: the decision's email uses it.
    language = models.CharField(max_length=10, default="nl")

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "user"], name="cfp_one_speaker_row")
        ]

    def __str__(self):
        return f"{self.user} — {self.submission}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A co-speaker invited by email, who accepts or declines with the token link."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=10, default="nl")
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One invitation per address and submission, whatever its answer: an address that
            # declined is not asked again.
            models.UniqueConstraint(fields=["submission", "email"], name="cfp_one_invitation")
        ]

    def __str__(self):
        return self.email


# --- reviewing and decisions ------------------------------------------------------------------


class Reviewer(Orderable):
    """Someone the coordinators appointed to review the call's submissions."""

    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="cfp_reviewer_rows",
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="cfp_one_reviewer")]

    def __str__(self):
        return str(self.user)


class Review(models.Model):
    """One reviewer's scores and comment on one submission. It stays when the reviewer is no
    longer appointed: the scores were given."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cfp_reviews"
    )
    comment = models.TextField(_("comment"), max_length=5000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("review")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "reviewer"], name="cfp_one_review")
        ]

    def __str__(self):
        return f"{self.reviewer} — {self.submission}"


class Score(models.Model):
    """A review's score (1–5) on one of the call's criteria."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="cfp_one_score"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5), name="cfp_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholders_check(text: str) -> None:
    """Refuse a placeholder other than the known ones (a typo would reach the speaker)."""
    unknown = sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(unknown)s. Use %(known)s.")
            % {
                "unknown": ", ".join(f"{{{name}}}" for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            }
        )


def placeholders_fill(text: str, values: dict[str, str]) -> str:
    """The text with its known placeholders replaced; other braces stay as they are."""
    return _PLACEHOLDER.sub(lambda match: str(values.get(match[1], match[0])), text)


class DecisionTemplate(Orderable):
    """The email for one kind of decision in one language, as the coordinators word it."""

    class Kind(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        WAITLISTED = "waitlisted", _("on the waiting list")

    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="decision_templates")
    kind = models.CharField(_("decision"), max_length=10, choices=Kind.choices)
    language = models.CharField(
        _("language"), max_length=2, choices=Submission.Language.choices, default="nl"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), max_length=10000)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        FieldPanel("subject"),
        FieldPanel("body"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("decision email")
        verbose_name_plural = _("decision emails")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "kind", "language"], name="cfp_one_decision_template"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language})"

    def clean(self):
        errors = {}
        for field in ("subject", "body"):
            try:
                placeholders_check(getattr(self, field) or "")
            except ValidationError as error:
                errors[field] = error.messages
        if errors:
            raise ValidationError(errors)


# --- programme: rooms and slots of confirmed talks ---------------------------------------------


class Room(_Named, Orderable):
    """A room of the conference; removing it removes its slots from the programme."""

    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="rooms")

    panels = [FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en")])]

    class Meta(Orderable.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")


# Kept here rather than in Call.panels so the programme's block stays in one place.
Call.panels = [*Call.panels, InlinePanel("rooms", heading=_("Rooms"), label=_("room"))]


class Slot(models.Model):
    """When and where a confirmed talk is given; one per submission. The rules (no room used
    twice at once, no speaker in two places, within the meeting's day) live in
    ``pioneers.cfp.programme``."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="slots")
    submission = models.OneToOneField(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="slot"
    )
    start = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"))
    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="slots"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # How often the talk moved (time, length or room): its calendar event's SEQUENCE.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["start", "room__sort_order", "pk"]

    def __str__(self):
        return f"{self.submission} — {self.start:%Y-%m-%d %H:%M}"

    @property
    def end(self):
        return self.start + timedelta(minutes=self.duration_minutes)
