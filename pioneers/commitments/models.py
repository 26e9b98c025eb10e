"""Accountability: the action plans of the Open Government Partnership, their commitments (the
network's own among them), milestones with evidence and progress, links from the network's
work to any commitment, the budget, and the progress reports issued.

Commitments, action plans and milestones are translatable content (``core.translations``): the
original holds the facts, a translation only the text. A commitment imported with English text
only says so (``written_in``), so its text is marked ``lang="en"`` on Dutch pages.

Where the platform holds the evidence, a milestone's progress is computed (``progress``), not
typed; a coordinator can override it, with a reason that is shown beside the computed value.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from pioneers.core.translations import (
    TranslatableContent,
    TranslatableContentForm,
    originals_only,
)


class Status(models.TextChoices):
    """A milestone's completion, in the independent review's (IRM) words."""

    NOT_STARTED = "not_started", _("not started")
    LIMITED = "limited", _("limited")
    SUBSTANTIAL = "substantial", _("substantial")
    COMPLETED = "completed", _("completed")


class OGPValue(models.TextChoices):
    ACCESS = "access", _("access to information")
    PARTICIPATION = "participation", _("civic participation")
    ACCOUNTABILITY = "accountability", _("public accountability")
    TECHNOLOGY = "technology", _("technology and innovation for transparency and accountability")


class Assessment(models.TextChoices):
    """Yes, no, or not assessed yet (the IRM's "pending review")."""

    PENDING = "", _("pending review")
    YES = "yes", _("yes")
    NO = "no", _("no")


class Impact(models.TextChoices):
    PENDING = "", _("pending review")
    NONE = "none", pgettext_lazy("impact", "none")
    MINOR = "minor", _("minor")
    MODERATE = "moderate", _("moderate")
    TRANSFORMATIVE = "transformative", _("transformative")


class ActionPlan(TranslatableContent):
    """A country's action plan for the Open Government Partnership, e.g. the Netherlands
    2018–2020."""

    title = models.CharField(_("title"), max_length=200)
    country = models.CharField(
        _("country"), max_length=2, help_text=_("Two-letter ISO code, e.g. NL.")
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    url = models.URLField(_("web address"), blank=True)

    translatable_fields = ("title",)
    base_form_class = TranslatableContentForm

    class Meta(TranslatableContent.Meta):
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-start_year", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "start_year", "locale"], name="action_plan_once_per_locale"
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")), name="action_plan_years"
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        self.country = (self.country or "").upper()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot be before the first.")})


class Commitment(TranslatableContent, ClusterableModel):
    """One commitment of an action plan, e.g. NL0037, with the independent review's
    assessment."""

    action_plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.PROTECT,
        related_name="commitments",
        limit_choices_to=originals_only,
    )
    code = models.CharField(_("code"), max_length=20, help_text=_("The OGP's code, e.g. NL0037."))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    policy_areas = models.CharField(
        _("policy areas"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    written_in = models.CharField(
        _("written in"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the text above, e.g. English for an imported plan."),
    )
    lead_institution = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("lead institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments_led",
    )
    supporting_institutions = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("supporting institutions"),
        blank=True,
        related_name="commitments_supported",
    )
    ogp_values = models.JSONField(
        _("open-government values"),
        default=list,
        blank=True,
        help_text=_("The OGP values the commitment is relevant to."),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    is_ours = models.BooleanField(
        _("the network's own commitment"),
        default=False,
        help_text=_("The commitment this network carries out; its page shows the synergies."),
    )
    budget = models.DecimalField(
        _("budget"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("The money set aside for the commitment, in euros."),
    )
    # The independent review (IRM): its design and implementation assessment.
    verifiable = models.CharField(
        _("verifiable"), max_length=10, choices=Assessment.choices, blank=True, default=""
    )
    relevant = models.CharField(
        _("relevant to OGP values"),
        max_length=10,
        choices=Assessment.choices,
        blank=True,
        default="",
    )
    potential_impact = models.CharField(
        _("potential impact"), max_length=20, choices=Impact.choices, blank=True, default=""
    )
    completion = models.CharField(
        _("completion"), max_length=20, choices=Status.choices, blank=True, default=""
    )
    starred = models.CharField(
        _("starred"), max_length=10, choices=Assessment.choices, blank=True, default=""
    )

    translatable_fields = ("title", "description", "policy_areas")
    base_form_class = TranslatableContentForm

    class Meta(TranslatableContent.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="commitment_code_per_locale"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def text_language(self) -> str:
        """The language of ``text``: a translation's, else the one the original is written in."""
        if getattr(self, "_translation", None) is not None:
            return self._translation_language
        return self.written_in if self.is_original else self.locale.language_code

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("commitments:commitment", args=[self.code.lower()])

    def clean(self):
        super().clean()
        self.code = (self.code or "").strip().upper()
        unknown = set(self.ogp_values or []) - set(OGPValue.values)
        if unknown:
            raise ValidationError({"ogp_values": _("Unknown open-government value.")})
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end cannot be before the start.")})


def computation_choices():
    from pioneers.commitments.progress import CATALOGUE

    return [(key, entry.label) for key, entry in CATALOGUE.items()]


class Milestone(TranslatableContent, ClusterableModel):
    """A dated milestone of a commitment; its progress is computed from the platform's data
    (``computation``, see ``progress.CATALOGUE``) or set by the coordinators with evidence."""

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="milestones",
        limit_choices_to=originals_only,
    )
    number = models.CharField(_("number"), max_length=10, help_text=_("For example 3.1."))
    title = models.CharField(_("title"), max_length=400)
    starts_on = models.DateField(_("planned start"))
    ends_on = models.DateField(_("planned end"))
    computation = models.CharField(
        _("progress counted from"),
        max_length=40,
        default="entered",
        choices=computation_choices,
        help_text=_("How the platform computes the progress, or 'set by the coordinators'."),
    )
    target = models.PositiveSmallIntegerField(
        _("target"),
        null=True,
        blank=True,
        help_text=_("For counts: how many make the milestone complete, e.g. 8 meetings."),
    )
    survey = models.ForeignKey(
        "surveys.Survey",
        verbose_name=_("survey"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For a milestone that follows a survey's state."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NOT_STARTED,
        help_text=_("For milestones set by the coordinators; computed ones ignore it."),
    )
    override_status = models.CharField(
        _("override the computed status"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        default="",
    )
    override_reason = models.TextField(
        _("reason for the override"),
        blank=True,
        help_text=_(
            "Required with an override; shown on the public page beside the computed status."
        ),
    )
    actual_start = models.DateField(
        _("actual start"),
        null=True,
        blank=True,
        help_text=_("Only where the platform cannot tell from the evidence."),
    )
    actual_end = models.DateField(
        _("actual end"),
        null=True,
        blank=True,
        help_text=_("Only where the platform cannot tell from the evidence."),
    )
    what_happened = models.TextField(_("what happened"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)

    translatable_fields = ("title", "override_reason", "what_happened", "next_steps")
    base_form_class = TranslatableContentForm

    class Meta(TranslatableContent.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["commitment", "starts_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "number", "locale"], name="milestone_number_per_locale"
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def clean(self):
        super().clean()
        from pioneers.commitments.progress import CATALOGUE

        errors = {}
        entry = CATALOGUE.get(self.computation)
        if entry is None:
            errors["computation"] = _("Choose how the progress is counted.")
        elif entry.needs_survey and self.survey_id is None:
            errors["survey"] = _("Choose the survey whose state this milestone follows.")
        if self.override_status and not (self.override_reason or "").strip():
            errors["override_reason"] = _("Say why the computed status is overridden.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end cannot be before the start.")
        if errors:
            raise ValidationError(errors)


class Evidence(models.Model):
    """Evidence of a milestone entered by the coordinators: a page of this platform (report,
    edition, practice, article), a meeting, a survey, a document or a web address. Computed
    milestones find their own evidence as well."""

    milestone = ParentalKey(
        Milestone,
        verbose_name=_("milestone"),
        on_delete=models.CASCADE,
        related_name="evidence",
        limit_choices_to=originals_only,
    )
    label = models.CharField(
        _("description"), max_length=300, blank=True, help_text=_("Shown as the link's text.")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=originals_only,
    )
    survey = models.ForeignKey(
        "surveys.Survey",
        verbose_name=_("survey"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(_("web address"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["date", "pk"]

    def __str__(self):
        return self.label or str(
            self.page or self.meeting or self.survey or self.document or self.url
        )

    def clean(self):
        given = [
            bool(self.page_id),
            bool(self.meeting_id),
            bool(self.survey_id),
            bool(self.document_id),
            bool(self.url),
        ]
        if sum(given) != 1:
            raise ValidationError(
                _(
                    "Give exactly one piece of evidence: a page, a meeting, a survey, a document "
                    "or a web address."
                )
            )
        if self.url and not self.label.strip():
            raise ValidationError({"label": _("Describe what the web address shows.")})


class CommitmentLink(models.Model):
    """The network's work for a commitment: a meeting or a page (report, practice, article)."""

    commitment = ParentalKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="links",
        limit_choices_to=originals_only,
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="commitment_links",
        limit_choices_to=originals_only,
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="commitment_links",
        help_text=_("A report, practice or article."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("link to a commitment")
        verbose_name_plural = _("links to commitments")
        constraints = [
            models.CheckConstraint(
                condition=(Q(meeting__isnull=False, page__isnull=True))
                | (Q(meeting__isnull=True, page__isnull=False)),
                name="commitment_link_one_item",
            ),
            models.UniqueConstraint(
                fields=["commitment", "meeting"], name="commitment_link_meeting_once"
            ),
            models.UniqueConstraint(
                fields=["commitment", "page"], name="commitment_link_page_once"
            ),
        ]

    def __str__(self):
        return f"{self.commitment.code}: {self.meeting or self.page}"

    def clean(self):
        if bool(self.meeting_id) == bool(self.page_id):
            raise ValidationError(_("Link either a meeting or a page, not both and not neither."))


class Cost(models.Model):
    """A planned and (once paid) actual cost of a commitment, per meeting or activity, with its
    receipt. Open data unless confidential, with a reason."""

    class Category(models.TextChoices):
        VENUE = "venue", _("venue")
        CATERING = "catering", _("catering")
        SPEAKERS = "speakers", _("speakers")
        MAGAZINE = "magazine", _("magazine")
        PLATFORM = "platform", _("platform")
        OTHER = "other", _("other")

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="costs",
        limit_choices_to=originals_only,
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.CharField(_("description"), max_length=300)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=originals_only,
    )
    planned = models.DecimalField(
        _("planned (euros)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    actual = models.DecimalField(
        _("spent (euros)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty until it is paid."),
    )
    receipt = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("receipt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    date = models.DateField(_("date"))
    confidential = models.BooleanField(_("confidential"), default=False)
    confidential_reason = models.CharField(_("why it is confidential"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("cost")
        verbose_name_plural = _("costs")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidential=False) | ~Q(confidential_reason=""),
                name="cost_confidential_with_reason",
            ),
        ]

    def __str__(self):
        return self.description

    def clean(self):
        if self.confidential and not (self.confidential_reason or "").strip():
            raise ValidationError({"confidential_reason": _("Say why this cost is confidential.")})


class ProgressReport(models.Model):
    """A self-assessment of a commitment as issued on a day, in the independent review's
    structure: frozen in both languages (``content``), so every issued version stays as it was.
    """

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.PROTECT,
        related_name="progress_reports",
        limit_choices_to=originals_only,
    )
    number = models.PositiveSmallIntegerField(_("number"))
    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # {"nl": {...}, "en": {...}}: everything the report shows, per language, as on issue.
    content = models.JSONField(_("content"), default=dict, editable=False)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["commitment", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "number"], name="progress_report_number_once"
            ),
        ]

    def __str__(self):
        return f"{self.commitment.code} #{self.number} ({self.issued_on})"
