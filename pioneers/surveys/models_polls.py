"""Live polls: one question asked during a meeting, answered on phones through a short link.

A vote belongs to a random voter key kept in a signed cookie on the phone, never to a person:
no login, no personal data. One vote per voter and poll; voting again changes it while the poll
is open.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pioneers.core.translations import originals_only
from pioneers.surveys.models import Question, localized, parse_options

# No 0/O, 1/I/L: a code read from a projector is typed without doubt.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
MAX_CHOICES = 20
TEXT_ANSWER_LENGTH = 200

POLL_KINDS = [
    Question.Kind.LIKERT,
    Question.Kind.SINGLE,
    Question.Kind.MULTIPLE,
    Question.Kind.NUMBER,
    Question.Kind.SHORT_TEXT,
]


def new_poll_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Poll(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    Kind = Question.Kind

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="polls",
        limit_choices_to=originals_only,
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=[(kind.value, kind.label) for kind in POLL_KINDS]
    )
    text = models.CharField(_("question"), max_length=300)
    text_en = models.CharField(_("question in English"), max_length=300, blank=True)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_(
            "For single and multiple choice: one choice a line, Dutch and English separated by '|'."
        ),
    )
    minimum = models.DecimalField(
        _("minimum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    maximum = models.DecimalField(
        _("maximum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    code = models.CharField(
        _("code"), max_length=CODE_LENGTH, unique=True, default=new_poll_code, editable=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    show_in_report = models.BooleanField(
        _("show in the report"),
        default=True,
        help_text=_("The results appear in the meeting's report once the poll is closed."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("live poll")
        verbose_name_plural = _("live polls")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text

    @property
    def localized_text(self) -> str:
        return localized(self, "text")

    def options(self) -> list[tuple[int, str]]:
        """(number, label) of the choices: of the Likert scale, or as written."""
        if self.kind == self.Kind.LIKERT:
            from pioneers.surveys.models import likert_options

            return likert_options()
        return parse_options(self.choices)

    @property
    def has_options(self) -> bool:
        return self.kind in (self.Kind.LIKERT, self.Kind.SINGLE, self.Kind.MULTIPLE)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class PollVote(models.Model):
    """One phone's answer to a poll. Likert, single choice and number answers are in
    ``number``; multiple choice in ``choices`` (the numbers) and ``choice_bits`` (bit n set for
    choice n, so that the database counts each choice); short text in ``text``."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=40, editable=False)
    number = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    choices = models.JSONField(default=list, blank=True)
    choice_bits = models.PositiveIntegerField(default=0)
    text = models.CharField(max_length=TEXT_ANSWER_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("vote in a live poll")
        verbose_name_plural = _("votes in live polls")
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter"], name="surveys_pollvote_once")
        ]

    def __str__(self):
        return f"{self.poll}: {self.voter[:6]}"
