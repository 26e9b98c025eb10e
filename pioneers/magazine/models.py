"""The online magazine: editions with articles by members of the network and guests, the
editions' PDFs and who submitted an article from the website."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pioneers.core.cache import page_depends_on
from pioneers.core.pages import RICH_TEXT_FEATURES, SectionIndexPage
from pioneers.core.translations import originals_only
from pioneers.topics.widgets import PickableTopicCheckboxes


class MagazineIndexPage(SectionIndexPage):
    """The magazine: every published edition, newest first."""

    parent_page_types = ["publications.HomePage"]
    subpage_types = ["magazine.EditionPage"]

    class Meta:
        verbose_name = _("magazine")

    def get_context(self, request, *args, **kwargs):
        # Imported here: the selectors import these models.
        from pioneers.magazine.selectors import magazine_editions

        context = super().get_context(request, *args, **kwargs)
        context["editions"] = magazine_editions(self)
        return context


class EditionPage(Page):
    """One edition of the magazine: its cover, the editorial and its articles in order.

    Articles become public together with their edition: an approved article of an edition
    that is not live yet stays hidden (see ``ArticlePage.route``).
    """

    number = models.PositiveIntegerField(_("number"))
    season = models.CharField(
        _("season"), max_length=60, help_text=_("For example “Spring 2019” or “Q2 2019”.")
    )
    publication_date = models.DateField(_("publication date"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt_text = models.CharField(
        _("alternative text of the cover"),
        max_length=250,
        help_text=_("What the cover shows, for people who cannot see it. Required."),
    )
    editorial = RichTextField(_("editorial"), features=RICH_TEXT_FEATURES, blank=True)
    accepts_submissions = models.BooleanField(
        _("accepts submissions"),
        default=False,
        help_text=_("Members can submit articles for this edition from the website."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("season"), FieldPanel("publication_date")],
            heading=_("Edition"),
        ),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt_text")], heading=_("Cover")
        ),
        FieldPanel("editorial"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("accepts_submissions")]
    search_fields = [*Page.search_fields, index.SearchField("editorial")]
    parent_page_types = ["magazine.MagazineIndexPage"]
    subpage_types = ["magazine.ArticlePage"]

    class Meta:
        verbose_name = _("magazine edition")

    def get_context(self, request, *args, **kwargs):
        # Imported here: the selectors import these models.
        from pioneers.magazine.linked_data import edition_json_ld
        from pioneers.magazine.selectors import edition_articles

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = edition_json_ld(self)
        context["articles"] = edition_articles(self)
        context["pdf"] = self.published_pdf()
        return context

    def published_pdf(self):
        """The last PDF built of this edition (kept while a new one builds), or None."""
        return EditionPDF.objects.filter(edition=self).exclude(file="").first()


class ArticlePage(Page):
    """An article in an edition: by pioneers or guests, with lessons learned and practice."""

    intro = models.TextField(_("introduction"), help_text=_("The lead: two or three sentences."))
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)
    lessons = RichTextField(_("lessons learned"), features=RICH_TEXT_FEATURES, blank=True)
    practical_experience = RichTextField(
        _("practical experience"), features=RICH_TEXT_FEATURES, blank=True
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    municipalities = ParentalManyToManyField(
        "network.Organisation",
        verbose_name=_("municipalities"),
        blank=True,
        related_name="magazine_articles",
        limit_choices_to={"kind": "municipality"},
    )
    topics = ParentalManyToManyField(
        "topics.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="magazine_articles",
        limit_choices_to=originals_only,
    )
    related_meetings = ParentalManyToManyField(
        "meetings.Meeting",
        verbose_name=_("related meetings"),
        blank=True,
        related_name="magazine_articles",
        limit_choices_to=originals_only,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("authors", heading=_("Authors"), label=_("author"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Article image")
        ),
        FieldPanel("body"),
        FieldPanel("lessons"),
        FieldPanel("practical_experience"),
        MultiFieldPanel(
            [
                FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=PickableTopicCheckboxes),
                FieldPanel("related_meetings"),
            ],
            heading=_("What the article is about"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("lessons"),
        index.SearchField("practical_experience"),
    ]
    parent_page_types = ["magazine.EditionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("magazine article")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt_text.strip():
            raise ValidationError(
                {
                    "image_alt_text": _(
                        "Describe what the image shows, for people who cannot see it."
                    )
                }
            )

    def route(self, request, path_components):
        # Published with the edition: until the edition is live, its articles are not public.
        if not path_components and not self.get_parent().live:
            raise Http404
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        page_depends_on(request, "meetings")  # its related meetings' titles and dates
        context = super().get_context(request, *args, **kwargs)
        from pioneers.magazine.linked_data import article_json_ld  # it reads these models

        context["edition"] = self.get_parent().specific
        context["json_ld"] = article_json_ld(self, context["edition"])
        return context


class ArticleAuthor(Orderable):
    """An author of an article: a person of the network, or a guest named here."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("person of the network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="magazine_authorships",
    )
    guest_name = models.CharField(_("guest's name"), max_length=150, blank=True)
    guest_affiliation = models.CharField(_("guest's organisation"), max_length=200, blank=True)

    panels = [FieldPanel("person"), FieldPanel("guest_name"), FieldPanel("guest_affiliation")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")

    def clean(self):
        super().clean()
        if bool(self.person_id) == bool(self.guest_name.strip()):
            raise ValidationError(
                _("Choose a person of the network or name a guest author, not both.")
            )
        if self.person_id and self.guest_affiliation.strip():
            raise ValidationError(
                {"guest_affiliation": _("Only a guest author has an organisation here.")}
            )

    @property
    def name(self) -> str:
        return self.person.name if self.person_id else self.guest_name

    @property
    def affiliation(self) -> str:
        if self.person_id:
            return self.person.organisation.name if self.person.organisation_id else ""
        return self.guest_affiliation

    def __str__(self):
        return self.name


class EditionPDF(models.Model):
    """The PDF of one edition (per language), built in the background; not a revisioned field."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        BUILDING = "building", _("building")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    edition = models.OneToOneField(
        EditionPage, on_delete=models.CASCADE, related_name="pdf", verbose_name=_("edition")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    rendered = models.PositiveIntegerField(_("articles rendered"), default=0)
    total = models.PositiveIntegerField(_("articles in total"), default=0)
    file = models.FileField(_("file"), upload_to="magazine/", blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)
    seconds = models.FloatField(_("build time in seconds"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("edition PDF")

    def __str__(self):
        return f"{self.edition}: {self.get_status_display()}"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.BUILDING)

    @property
    def percent(self) -> int:
        return round(100 * self.rendered / self.total) if self.total else 0


class ArticleSubmission(models.Model):
    """Who submitted an article from the website, in which language: for their list and mail."""

    article = models.OneToOneField(ArticlePage, on_delete=models.CASCADE, related_name="submission")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.CASCADE,
        related_name="magazine_submissions",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("article submission")

    def __str__(self):
        return str(self.article)
