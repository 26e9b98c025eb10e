"""Campaigns (letters by email and on paper) to organisations, their recipients with a personal
reply link, and the addresses that unsubscribed.

A recipient is one organisation (a letter) or, for a newsletter, one person; the campaign's
purpose says which. The reply link's token is never stored: a recipient keeps a random nonce
from which the token is derived with the secret key (so the email and the printed letter give
the same link), and a keyed hash of the token to find the recipient again.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from pioneers.core.storage import private_storage
from pioneers.network.models import Organisation, Person

MERGE_FIELDS = ("municipality", "contact_name", "name", "reply_link", "unsubscribe_link")
MERGE_FIELD = re.compile(r"\{([^{}]*)\}")
MAX_ATTEMPTS = 3


def merge_fields_check(text: str) -> None:
    """Refuse a text with a merge field that does not exist, naming the ones that do."""
    unknown = [name for name in MERGE_FIELD.findall(text) if name not in MERGE_FIELDS]
    if unknown:
        raise ValidationError(
            _("The merge field {%(field)s} does not exist. Use one of: %(valid)s."),
            code="unknown_merge_field",
            params={
                "field": unknown[0],
                "valid": ", ".join("{" + name + "}" for name in MERGE_FIELDS),
            },
        )


def merge(text: str, values: dict) -> str:
    """``text`` with each known merge field replaced by its value."""
    return MERGE_FIELD.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


class Campaign(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("email")
        LETTER = "letter", _("printable letter")
        BOTH = "both", _("email and printable letter")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        DONE = "done", _("done")

    class Purpose(models.TextChoices):
        LETTER = "letter", _("letter to organisations")
        NEWSLETTER = "newsletter", _("newsletter to members")

    class LettersStatus(models.TextChoices):
        QUEUED = "queued", _("being prepared")
        BUILDING = "building", _("being prepared")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    class Membership(models.TextChoices):
        NON_MEMBERS = "non_members", _("not members of the network")
        MEMBERS = "members", _("members of the network")
        ANY = "any", _("members and non-members")

    title = models.CharField(
        _("title"), max_length=200, help_text=_("For coordinators; recipients do not see it.")
    )
    subject = models.CharField(_("subject (Dutch)"), max_length=200)
    body = models.TextField(
        _("letter (Dutch)"),
        help_text=_(
            "Merge fields: {municipality}, {contact_name}, {reply_link}, {unsubscribe_link}."
        ),
    )
    subject_en = models.CharField(_("subject (English)"), max_length=200, blank=True)
    body_en = models.TextField(
        _("letter (English)"),
        blank=True,
        help_text=_("Optional; recipients who read English get this version."),
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    # The selection (see ``selection``): organisations of a kind, in a province, by membership.
    kind = models.CharField(
        _("kind of organisation"),
        max_length=20,
        choices=Organisation.Kind.choices,
        default=Organisation.Kind.MUNICIPALITY,
    )
    province = models.ForeignKey(
        Organisation,
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": Organisation.Kind.PROVINCE},
        help_text=_("Leave empty for every province."),
    )
    membership = models.CharField(
        _("membership"),
        max_length=20,
        choices=Membership.choices,
        default=Membership.NON_MEMBERS,
    )
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=Purpose.choices, default=Purpose.LETTER
    )
    topic_questionnaire = models.BooleanField(
        _("ask for topics"),
        default=False,
        help_text=_(
            "The reply form also asks the organisation to rank the network's topics and to "
            "propose its own; the answers count on the topic map."
        ),
    )
    # A newsletter's selection: members' people by interest, organisation, province and role.
    interest = models.CharField(
        _("interest"),
        max_length=100,
        blank=True,
        help_text=_("A word in the people's interests, such as “open data”; empty for any."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for every member organisation."),
    )
    role = models.CharField(
        _("role in the network"),
        max_length=20,
        choices=Person.Role.choices,
        blank=True,
        help_text=_("Leave empty for every role."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True, editable=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True, editable=False)
    # One worker sends a campaign at a time (so the rate holds): it holds the lease until then.
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    # The printable letters, built in the background (``services.letters_pdf_request``) and
    # kept privately; ``letters_fingerprint`` says what they were built from, to see when the
    # addresses changed since.
    letters_status = models.CharField(
        _("printable letters"),
        max_length=10,
        choices=LettersStatus.choices,
        blank=True,
        editable=False,
    )
    letters_file = models.FileField(
        _("printable letters (PDF)"),
        storage=private_storage,
        upload_to="outreach/letters/",
        blank=True,
        editable=False,
    )
    letters_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    letters_built_at = models.DateTimeField(null=True, blank=True, editable=False)
    letters_error = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        for name in ("subject", "body", "subject_en", "body_en"):
            try:
                merge_fields_check(getattr(self, name) or "")
            except ValidationError as error:
                errors[name] = error
        if self.is_newsletter:
            for name in ("subject", "body", "subject_en", "body_en"):
                if name not in errors and "{reply_link}" in (getattr(self, name) or ""):
                    errors[name] = ValidationError(
                        _(
                            "A newsletter has no reply link: remove {reply_link}. "
                            "Members answer by replying to you directly."
                        ),
                        code="reply_link_in_newsletter",
                    )
        if bool(self.subject_en.strip()) != bool(self.body_en.strip()):
            errors["body_en" if self.subject_en.strip() else "subject_en"] = ValidationError(
                _("Give the English subject and letter both, or neither.")
            )
        if self.is_newsletter and self.topic_questionnaire:
            errors["topic_questionnaire"] = ValidationError(
                _("A newsletter has no reply form, so it cannot ask for topics.")
            )
        if not self.is_newsletter and self.province_id and self.kind == Organisation.Kind.PROVINCE:
            errors["province"] = ValidationError(
                _("A province is not in a province; leave the province empty.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_newsletter(self) -> bool:
        return self.purpose == self.Purpose.NEWSLETTER

    @property
    def by_email(self) -> bool:
        return self.is_newsletter or self.channel in (self.Channel.EMAIL, self.Channel.BOTH)

    @property
    def by_letter(self) -> bool:
        return not self.is_newsletter and self.channel in (self.Channel.LETTER, self.Channel.BOTH)

    @property
    def letters_in_progress(self) -> bool:
        return self.letters_status in (self.LettersStatus.QUEUED, self.LettersStatus.BUILDING)

    @property
    def selection(self):
        from pioneers.outreach.selectors import Selection

        return Selection(
            kind=self.kind,
            province_id=self.province_id,
            membership=self.membership,
            interest=self.interest,
            organisation_id=self.organisation_id,
            role=self.role,
        )

    def text(self, language: str) -> tuple[str, str]:
        """The subject and letter in ``language``: English when asked and written, else Dutch."""
        if language == "en" and self.body_en.strip():
            return self.subject_en, self.body_en
        return self.subject, self.body


class Recipient(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("not sent (unsubscribed)")

    class Answer(models.TextChoices):
        INTERESTED = "interested", _("We are interested")
        NOT_NOW = "not_now", _("Not now")
        CONTACT_ME = "contact_me", _("Please contact us")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="recipients"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="campaign_recipients",
    )
    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="campaign_recipients",
    )
    email = models.EmailField(_("email address"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="nl")
    nonce = models.CharField(max_length=32, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    claim = models.CharField(max_length=16, blank=True, editable=False)  # the sending worker's
    last_error = models.TextField(_("last error"), blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    opened_at = models.DateTimeField(_("reply link first opened"), null=True, blank=True)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    # The reply (contact persons are personal data: coordinators only).
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True)
    contact_name = models.CharField(_("name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("email address"), blank=True)
    contact_phone = models.CharField(_("phone number"), max_length=40, blank=True)
    message = models.TextField(_("message"), blank=True)
    # Topics the organisation proposed in its reply (the topic questionnaire): a new reply
    # replaces them.
    proposed_topics = models.ManyToManyField(
        "topics.Topic", blank=True, related_name="+", verbose_name=_("proposed topics")
    )
    contact_log = models.OneToOneField(
        "network.ContactLog",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaign_reply",
        editable=False,
    )

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="one_letter_per_organisation_and_campaign",
            ),
            models.UniqueConstraint(
                fields=["campaign", "person"],
                condition=models.Q(person__isnull=False),
                name="one_letter_per_person_and_campaign",
            ),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False, person__isnull=True)
                | models.Q(organisation__isnull=True, person__isnull=False),
                name="recipient_is_organisation_or_person",
            ),
        ]
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self):
        return f"{self.campaign}: {self.organisation or self.person}"


class Unsubscribe(models.Model):
    """An address that asked not to get the network's campaigns any more."""

    email = models.EmailField(_("email address"), unique=True)
    created_at = models.DateTimeField(_("unsubscribed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("unsubscribed address")
        verbose_name_plural = _("unsubscribed addresses")

    def __str__(self):
        return self.email
