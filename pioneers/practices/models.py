"""The knowledge base: practices of member municipalities as Wagtail pages, their take-up by
other members and the public nominations of pioneering initiatives."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from pioneers.core.cache import cached, page_depends_on
from pioneers.core.ogp import OGP_VALUES, values_of
from pioneers.core.pages import RICH_TEXT_FEATURES, AttachedDocument, SectionIndexPage
from pioneers.core.translations import originals_only
from pioneers.topics.widgets import PickableTopicCheckboxes


class PracticeIndexPage(SectionIndexPage):
    """The knowledge base: what member municipalities tried, findable by the next one."""

    parent_page_types = ["publications.HomePage"]
    subpage_types = ["practices.PracticePage"]

    class Meta:
        verbose_name = _("knowledge base")

    def get_context(self, request, *args, **kwargs):
        # Imported here: the selectors import these models.
        from pioneers.practices.selectors import practice_browse

        context = super().get_context(request, *args, **kwargs)
        context.update(practice_browse(request.GET))
        return context


class PracticePage(Page):
    """One practice: the problem, what a municipality did, the result and the lessons."""

    class Status(models.TextChoices):
        IDEA = "idea", _("idea")
        PILOT = "pilot", _("pilot")
        RUNNING = "running", _("running")
        STOPPED = "stopped", _("stopped")

    # The four values of the Open Government Partnership, as (field, label).
    VALUES = OGP_VALUES

    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences."))
    problem = RichTextField(_("problem"), features=RICH_TEXT_FEATURES)
    approach = RichTextField(_("what the municipality did"), features=RICH_TEXT_FEATURES)
    result = RichTextField(_("result"), features=RICH_TEXT_FEATURES, blank=True)
    lessons = RichTextField(_("lessons"), features=RICH_TEXT_FEATURES, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    municipality = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="practices",
        limit_choices_to={"kind": "municipality"},
    )
    topics = ParentalManyToManyField(
        "topics.Topic", verbose_name=_("topics"), blank=True, limit_choices_to=originals_only
    )
    transparency = models.BooleanField(_("transparency"), default=False)
    participation = models.BooleanField(_("participation"), default=False)
    accountability = models.BooleanField(_("accountability"), default=False)
    technology = models.BooleanField(_("technology and innovation"), default=False)
    contact = models.ForeignKey(
        "network.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    contact_consent = models.BooleanField(
        _("the contact person agreed to be named on this page"),
        default=False,
        help_text=_("Without consent the page shows no name; requests still reach the person."),
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        FieldPanel("result"),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("status"),
                FieldPanel("started_on"),
                FieldPanel("topics", widget=PickableTopicCheckboxes),
            ],
            heading=_("Where and what"),
        ),
        MultiFieldPanel(
            [FieldPanel(field) for field, _label in VALUES], heading=_("Open-government values")
        ),
        MultiFieldPanel(
            [FieldPanel("contact"), FieldPanel("contact_consent")], heading=_("Contact")
        ),
        InlinePanel("documents", heading=_("Documents"), label=_("document")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("result"),
        index.SearchField("lessons"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("municipality"),
        index.FilterField("transparency"),
        index.FilterField("participation"),
        index.FilterField("accountability"),
        index.FilterField("technology"),
    ]
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice")

    @property
    def values(self) -> list:
        return values_of(self)

    def get_context(self, request, *args, **kwargs):
        # Imported here: the forms and selectors import these models.
        from pioneers.practices.forms import ReuseForm
        from pioneers.practices.linked_data import practice_json_ld
        from pioneers.practices.selectors import practice_reuse_of, similar_practices

        page_depends_on(request, f"practice:{self.pk}")  # how many organisations reuse it
        context = super().get_context(request, *args, **kwargs)
        context["reuse"] = practice_reuse_of(self, request.user)
        context["reuse_form"] = ReuseForm()
        context["json_ld"] = practice_json_ld(self)
        # A search per view otherwise; the answer changes only when some page does.
        context["similar"] = cached(
            f"similar-practices:{self.pk}",
            lambda: similar_practices(f"{self.title} {self.summary}", exclude=self.pk, limit=3),
        )
        return context


class PracticeDocument(AttachedDocument):
    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="documents")


class PracticeReuse(models.Model):
    """ "We want to try this too": a member organisation taking up a practice of another."""

    practice = models.ForeignKey(PracticePage, on_delete=models.CASCADE, related_name="reuses")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        "network.Person", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message to the contact person"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reuse of a practice")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "organisation"], name="one_reuse_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} → {self.practice}"


class Nomination(models.Model):
    """A pioneering initiative nominated by anyone through the public form, to be triaged."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("turned into a practice")
        DECLINED = "declined", _("declined")

    title = models.CharField(_("initiative"), max_length=200)
    municipality_name = models.CharField(_("municipality or organisation"), max_length=150)
    description = models.TextField(_("what makes it pioneering"), max_length=4000)
    link = models.URLField(_("web address with more information"), blank=True)
    name = models.CharField(_("your name"), max_length=150)
    email = models.EmailField(_("your email address"))
    created_at = models.DateTimeField(_("nominated at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    practice = models.ForeignKey(
        PracticePage,
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("nomination")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
