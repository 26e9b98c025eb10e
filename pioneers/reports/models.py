"""Meeting reports as Wagtail pages, with the metadata Dutch active publication asks for, and
the round in which attendees comment on a report's draft."""

import csv
import functools
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pioneers.core.cache import page_depends_on
from pioneers.core.links import page_url
from pioneers.core.pages import (
    RICH_TEXT_FEATURES,
    AttachedDocument,
    PublishedVersionsMixin,
    SectionIndexPage,
)
from pioneers.core.translations import originals_only
from pioneers.reports.woo import MEETING_DOCUMENTS, WooMetadata, report_metadata


@functools.cache
def woo_categories() -> list[tuple[str, str]]:
    """The Open Government Act's information categories as (TOOI identifier, Dutch name)."""
    path = Path(__file__).parent / "data" / "woo-information-categories.csv"
    with path.open(encoding="utf-8") as file:
        return [(row["tooi_identifier"], row["name"]) for row in csv.DictReader(file)]


# A meeting's report is a "vergaderstuk" of local government (art. 3.3 (2)(h) Woo).
DEFAULT_WOO_CATEGORY = MEETING_DOCUMENTS


def _other_report_types() -> list:
    """The page types besides meeting reports that the reports overview may hold."""
    return [
        model
        for model in ReportIndexPage.allowed_subpage_models()
        if model._meta.label != "reports.ReportPage"
    ]


class ReportIndexPage(SectionIndexPage):
    """The list of meeting reports."""

    parent_page_types = ["publications.HomePage"]
    # Evaluation reports (such as the mid-term evaluation) are published among the reports.
    subpage_types = ["reports.ReportPage", "evaluation.EvaluationReportPage"]

    class Meta:
        verbose_name = _("reports overview")

    def get_context(self, request, *args, **kwargs):
        page_depends_on(request, "meetings")  # each report's meeting: its date and host
        context = super().get_context(request, *args, **kwargs)
        # Reports are written in the network's language; every language's overview lists them.
        context["reports"] = (
            ReportPage.objects.live()
            .public()
            .select_related("meeting__host", "locale")
            .order_by("-meeting__date")
        )
        # Other publications among the reports, such as evaluation reports, by their title.
        context["publications"] = (
            Page.objects.live()
            .public()
            .type(*_other_report_types())
            .filter(depth=self.depth + 1)
            .select_related("locale")
            .order_by("-first_published_at")
        )
        return context


class ReportPage(PublishedVersionsMixin, Page):
    """The public report of one meeting, with the metadata Dutch active publication asks for."""

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="reports",
        limit_choices_to=originals_only,
    )
    summary = models.TextField(_("summary"))
    insights = RichTextField(_("insights"), features=RICH_TEXT_FEATURES, blank=True)
    agreements = RichTextField(_("agreements"), features=RICH_TEXT_FEATURES, blank=True)
    lessons = RichTextField(_("lessons"), features=RICH_TEXT_FEATURES, blank=True)
    # Metadata for active publication under the Open Government Act (Woo).
    publisher = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Publishes and answers for the report under the Woo. Empty means the municipality "
            "that hosted the meeting, or else the network's lead organisation."
        ),
    )
    information_category = models.CharField(
        _("information category (Woo)"),
        max_length=100,
        choices=woo_categories,
        default=DEFAULT_WOO_CATEGORY,
    )
    created_on = models.DateField(
        _("created on"), null=True, blank=True, help_text=_("Empty means the meeting's date.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("meeting"),
        FieldPanel("summary"),
        FieldPanel("insights"),
        FieldPanel("agreements"),
        FieldPanel("lessons"),
        InlinePanel("actions", heading=_("Follow-up actions"), label=_("action")),
        InlinePanel("photos", heading=_("Photos"), label=_("photo")),
        InlinePanel("attachments", heading=_("Attachments"), label=_("attachment")),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("information_category"), FieldPanel("created_on")],
            heading=_("Publication metadata"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("insights"),
        index.SearchField("agreements"),
        index.SearchField("lessons"),
    ]
    parent_page_types = ["reports.ReportIndexPage"]

    class Meta:
        verbose_name = _("meeting report")

    def clean(self):
        super().clean()
        others = ReportPage.objects.filter(meeting_id=self.meeting_id, locale_id=self.locale_id)
        if self.meeting_id and others.exclude(pk=self.pk).exists():
            raise ValidationError({"meeting": _("This meeting already has a report.")})

    def get_context(self, request, *args, **kwargs):
        from pioneers.reports.linked_data import report_json_ld  # it reads the network's models

        # The meeting's title, date and host, and the participants its check-ins count.
        page_depends_on(request, f"meeting:{self.meeting_id}")
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = report_json_ld(self, self.metadata, meeting=self.meeting)
        return context

    @property
    def participant_count(self) -> int:
        """Counted from the check-ins of the meeting, not typed in."""
        return self.meeting.registrations.filter(
            status="confirmed", checked_in_at__isnull=False
        ).count()

    @functools.cached_property
    def metadata(self) -> WooMetadata:
        """Publisher, category, dates, language and format, as shown and as DCTERMS meta tags."""
        from pioneers.reports.selectors import lead_organisation  # it reads these models

        lead = lead_organisation() if self.publisher_id is None else None
        return report_metadata(self, lead=lead, url=page_url(self))


class FollowUpAction(Orderable):
    report = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("owner"), max_length=150)
    due = models.DateField(_("due"), null=True, blank=True)

    panels = [FieldPanel("action"), FieldPanel("owner"), FieldPanel("due")]


class ReportPhoto(Orderable):
    report = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it. Required."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]


class ReportAttachment(AttachedDocument):
    report = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="attachments")


class CommentRound(models.Model):
    """Attendees invited to comment on a report's draft, until a set moment."""

    report = models.OneToOneField(
        ReportPage, on_delete=models.CASCADE, related_name="comment_round"
    )
    closes_at = models.DateTimeField(_("comments close at"))
    invited = models.PositiveIntegerField(_("attendees invited"), default=0)
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("comment round")

    def __str__(self):
        return str(self.report)

    @property
    def is_open(self) -> bool:
        return timezone.now() < self.closes_at


class DraftComment(models.Model):
    """An attendee's comment on a draft report; editors answer or resolve each one."""

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for an answer")
        ANSWERED = "answered", _("answered")
        RESOLVED = "resolved", _("resolved")

    report = models.ForeignKey(ReportPage, on_delete=models.CASCADE, related_name="draft_comments")
    registration = models.ForeignKey(
        "meetings.Registration", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=150)
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment on a draft")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name}: {self.body[:40]}"
