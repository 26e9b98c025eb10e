"""Success defined up front: indicators with a target, a deadline and a direction, and their
values over time.

An indicator is either computed from the platform's own data by one of the computations in
``catalogue`` (members, attendance, reports on time, practices taken up, survey scores, ...),
or entered by a coordinator with a source and a date. Housekeeping records each computed
indicator's value daily, so every indicator has a trend; ``indicator_backfill`` fills in the
history from the network's start.
"""

import functools
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pioneers.core.cache import page_depends_on
from pioneers.core.links import page_url
from pioneers.core.pages import RICH_TEXT_FEATURES, PublishedVersionsMixin
from pioneers.core.translations import (
    TranslatableContent,
    TranslatableContentForm,
    originals_only,
)
from pioneers.evaluation.catalogue import CATALOGUE, ENTERED, computation_choices


class Indicator(TranslatableContent):
    class Direction(models.TextChoices):
        AT_LEAST = "at_least", _("at least the target")
        AT_MOST = "at_most", _("at most the target")

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("why it matters"),
        blank=True,
        help_text=_("What success on this indicator means for the network."),
    )
    computation = models.CharField(
        _("counted from"),
        max_length=40,
        choices=computation_choices,
        help_text=_("How the platform computes the value, or 'entered by hand'."),
    )
    parameter = models.DecimalField(
        _("parameter"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Only for some computations, e.g. the number of days within which a report counts "
            "as on time. Left empty, the computation's default is used."
        ),
    )
    question_code = models.SlugField(
        _("survey question"),
        max_length=50,
        blank=True,
        help_text=_("For survey scores: the code of the question, e.g. 'learned'."),
    )
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.AT_LEAST
    )
    deadline = models.DateField(_("deadline"))
    starts_on = models.DateField(
        _("trend starts on"),
        help_text=_("The start of the trend, usually the network's start."),
    )
    is_public = models.BooleanField(_("on the results page"), default=True)
    home_position = models.PositiveSmallIntegerField(
        _("position on the home page"),
        null=True,
        blank=True,
        choices=[(1, "1"), (2, "2"), (3, "3")],
        help_text=_("The home page shows three indicators; pick 1, 2 or 3, or leave empty."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order on the results page"), default=0)

    translatable_fields = ("name", "description")
    base_form_class = TranslatableContentForm

    class Meta(TranslatableContent.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def catalogue_entry(self):
        return CATALOGUE.get(self.computation, CATALOGUE[ENTERED])

    @property
    def is_computed(self) -> bool:
        return self.catalogue_entry.compute is not None

    @property
    def unit(self) -> str:
        return self.catalogue_entry.unit

    def explanation(self) -> str:
        return self.catalogue_entry.explain(self)

    def clean(self):
        super().clean()
        errors = {}
        entry = CATALOGUE.get(self.computation)
        if entry is not None and entry.needs_question and not self.question_code:
            errors["question_code"] = _("Give the code of the survey question to average.")
        if entry is not None and self.parameter is not None and entry.default_parameter is None:
            errors["parameter"] = _("This computation takes no parameter; leave it empty.")
        if self.parameter is not None and self.parameter <= 0:
            errors["parameter"] = _("Give a number above zero.")
        if self.deadline and self.starts_on and self.deadline < self.starts_on:
            errors["deadline"] = _("The deadline cannot be before the start of the counting.")
        if self.home_position and self.is_original:
            taken = Indicator.objects.filter(home_position=self.home_position).exclude(pk=self.pk)
            if taken.exists():
                errors["home_position"] = _(
                    "Another indicator has this position on the home page already."
                )
        if errors:
            raise ValidationError(errors)

    def is_met(self, value: Decimal | None) -> bool | None:
        if value is None:
            return None
        if self.direction == self.Direction.AT_MOST:
            return value <= self.target
        return value >= self.target


class IndicatorValue(models.Model):
    """An indicator's value on a day: computed by housekeeping, or entered with its source."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="values",
        limit_choices_to=originals_only,
    )
    date = models.DateField(_("date"))
    # None: the data it is counted from was empty that day (e.g. no meeting held yet).
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where an entered value comes from, e.g. a council letter or a count."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="evaluation_value_once")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.date})"

    def clean(self):
        # The admin's form: values are entered only for indicators that are not computed.
        super().clean()
        errors = {}
        if self.indicator_id and self.indicator.is_computed:
            errors["indicator"] = _(
                "The platform computes this indicator; values are entered only for indicators "
                "counted 'by hand'."
            )
        if self.value is None:
            errors["value"] = _("Give the value.")
        if not self.source.strip():
            errors["source"] = _("Say where the value comes from.")
        if errors:
            raise ValidationError(errors)


class EvaluationReportPage(PublishedVersionsMixin, RoutablePageMixin, Page):
    """An evaluation report (such as the mid-term evaluation): the indicators' values and survey
    results as they were on a date, with the coordinators' conclusions. Published, versioned and
    available as PDF."""

    summary = models.TextField(_("summary"))
    as_of = models.DateField(
        _("figures as on"),
        help_text=_("The indicators show their value on this day, and their trend up to it."),
    )
    conclusions = RichTextField(_("conclusions"), features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("as_of"),
        InlinePanel("indicators", heading=_("Indicators"), label=_("indicator")),
        InlinePanel("surveys", heading=_("Survey results"), label=_("survey")),
        FieldPanel("conclusions"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("conclusions"),
    ]
    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("evaluation report")

    def get_context(self, request, *args, **kwargs):
        # Imported here: the selectors import this module.
        from pioneers.evaluation.rendered import report_figures
        from pioneers.reports.linked_data import report_json_ld

        figures, tags = report_figures(self)
        page_depends_on(request, *tags)
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = figures
        context["json_ld"] = report_json_ld(self, self.metadata)
        return context

    @functools.cached_property
    def metadata(self):
        """Its Woo metadata (a research report the network publishes through its lead
        organisation), as DCTERMS meta tags and schema.org data."""
        from pioneers.reports.selectors import lead_organisation
        from pioneers.reports.woo import evaluation_report_metadata

        return evaluation_report_metadata(self, lead=lead_organisation(), url=page_url(self))

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The live version as PDF, built once per published version."""
        from pioneers.evaluation.services import report_pdf

        if request.GET.get("version"):
            raise Http404
        name, content = report_pdf(self, request)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response


class EvaluationIndicator(Orderable):
    page = ParentalKey(EvaluationReportPage, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=originals_only,
    )

    panels = [FieldPanel("indicator")]


class EvaluationSurvey(Orderable):
    page = ParentalKey(EvaluationReportPage, on_delete=models.CASCADE, related_name="surveys")
    survey = models.ForeignKey(
        "surveys.Survey", verbose_name=_("survey"), on_delete=models.PROTECT, related_name="+"
    )
    compare = models.BooleanField(
        _("compare with the previous round"),
        default=True,
        help_text=_("Show the change since the survey's previous round, where it has one."),
    )

    panels = [FieldPanel("survey"), FieldPanel("compare")]
