"""Wagtail page types: home, content pages, meeting reports, the magazine (editions, articles and
their PDFs) and the knowledge base of practices."""

import functools

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pioneers.core.cache import cached, page_depends_on
from pioneers.core.ids import parse_id

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomePage(Page):
    """The front page: what the network is, how many take part, how to join."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    join_heading = models.CharField(_("heading of the joining section"), max_length=120)
    join_text = RichTextField(_("how to join"), features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("join_heading"),
        FieldPanel("join_text"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from pioneers.meetings.selectors import next_meeting
        from pioneers.network.selectors import member_municipality_count

        context = super().get_context(request, *args, **kwargs)
        context["member_count"] = member_municipality_count()
        context["next_meeting"] = next_meeting()
        return context


class ContentPage(Page):
    """A page of text: about the network, privacy statement, accessibility statement, contact."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("Link to this page from the footer of every page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")


@functools.cache
def woo_categories() -> list[tuple[str, str]]:
    """The Open Government Act's information categories as (TOOI identifier, Dutch name)."""
    import csv
    from pathlib import Path

    path = Path(__file__).parent / "data" / "woo-information-categories.csv"
    with path.open(encoding="utf-8") as file:
        return [(row["tooi_identifier"], row["name"]) for row in csv.DictReader(file)]


# "onderzoeksrapport": what a report of a meeting on how government works most often is.
DEFAULT_WOO_CATEGORY = "https://identifier.overheid.nl/tooi/def/thes/kern/c_fdaee95e"


class SectionIndexPage(Page):
    """The overview page of a section of the site, one under each language's home page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["publications.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ReportIndexPage(SectionIndexPage):
    """The list of meeting reports."""

    subpage_types = ["publications.ReportPage"]

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
        return context


class ReportPage(Page):
    """The public report of one meeting, with the metadata Dutch active publication asks for."""

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="reports",
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
        help_text=_("Empty means the network's lead organisation."),
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
    parent_page_types = ["publications.ReportIndexPage"]

    class Meta:
        verbose_name = _("meeting report")

    def clean(self):
        super().clean()
        others = ReportPage.objects.filter(meeting_id=self.meeting_id, locale_id=self.locale_id)
        if self.meeting_id and others.exclude(pk=self.pk).exists():
            raise ValidationError({"meeting": _("This meeting already has a report.")})

    def published_versions(self) -> list[dict]:
        """Every version that was public, newest first: {"revision_id", "timestamp"}."""
        from wagtail.models import PageLogEntry

        return list(
            PageLogEntry.objects.filter(page=self, action="wagtail.publish")
            .exclude(revision=None)
            .order_by("-timestamp")
            .values("revision_id", "timestamp")
        )

    def serve(self, request, *args, **kwargs):
        """``?version=<id>`` shows a version that was published before; the history stays public."""
        version = request.GET.get("version")
        if not version:
            return super().serve(request, *args, **kwargs)
        version = parse_id(version)
        versions = {v["revision_id"]: v["timestamp"] for v in self.published_versions()}
        if version not in versions:
            raise Http404
        old = self.revisions.get(pk=version).as_object()
        context = self.get_context(request, *args, **kwargs)
        context.update(page=old, self=old, old_version=versions[version])
        return TemplateResponse(request, self.get_template(request), context)

    def get_context(self, request, *args, **kwargs):
        # The meeting's title, date and host, and the participants its check-ins count.
        page_depends_on(request, f"meeting:{self.meeting_id}")
        context = super().get_context(request, *args, **kwargs)
        context["versions"] = self.published_versions()
        return context

    @property
    def participant_count(self) -> int:
        """Counted from the check-ins of the meeting, not typed in."""
        return self.meeting.registrations.filter(
            status="confirmed", checked_in_at__isnull=False
        ).count()

    @functools.cached_property
    def metadata(self) -> dict:
        """Publisher, category, dates, language and format, as shown and as DCTERMS meta tags."""
        from pioneers.network.models import Membership

        publisher = self.publisher
        if publisher is None:
            lead = Membership.objects.filter(is_lead=True, status="member").first()
            publisher = lead.organisation if lead else None
        return {
            "publisher": publisher,
            "category": dict(woo_categories()).get(self.information_category, ""),
            "category_uri": self.information_category,
            "created": self.created_on or self.meeting.date,
            "issued": self.first_published_at,
            "modified": self.last_published_at,
            "language": self.locale.language_code,
            "format": "text/html",
        }


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


class ReportAttachment(Orderable):
    report = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]


class PracticeIndexPage(SectionIndexPage):
    """The knowledge base: what member municipalities tried, findable by the next one."""

    subpage_types = ["publications.PracticePage"]

    class Meta:
        verbose_name = _("knowledge base")

    def get_context(self, request, *args, **kwargs):
        from pioneers.publications.selectors import practice_browse

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
    VALUES = [
        ("transparency", _("transparency")),
        ("participation", _("participation")),
        ("accountability", _("accountability")),
        ("technology", _("technology and innovation")),
    ]

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
    topics = ParentalManyToManyField("topics.Topic", verbose_name=_("topics"), blank=True)
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
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
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
        index.RelatedFields("topics", [index.SearchField("name"), index.SearchField("name_en")]),
        index.FilterField("status"),
        index.FilterField("municipality"),
        index.FilterField("transparency"),
        index.FilterField("participation"),
        index.FilterField("accountability"),
        index.FilterField("technology"),
    ]
    parent_page_types = ["publications.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice")

    @property
    def values(self) -> list:
        return [label for field, label in self.VALUES if getattr(self, field)]

    def get_context(self, request, *args, **kwargs):
        from pioneers.publications.forms import ReuseForm
        from pioneers.publications.selectors import practice_reuse_of, similar_practices

        page_depends_on(request, f"practice:{self.pk}")  # how many organisations reuse it
        context = super().get_context(request, *args, **kwargs)
        context["reuse"] = practice_reuse_of(self, request.user)
        context["reuse_form"] = ReuseForm()
        # A search per view otherwise; the answer changes only when some page does.
        context["similar"] = cached(
            f"similar-practices:{self.pk}",
            lambda: similar_practices(f"{self.title} {self.summary}", exclude=self.pk, limit=3),
        )
        return context


class PracticeDocument(Orderable):
    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]


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


# The online magazine: editions with articles by members of the network and guests.


class MagazineIndexPage(SectionIndexPage):
    """The magazine: every published edition, newest first."""

    subpage_types = ["publications.EditionPage"]

    class Meta:
        verbose_name = _("magazine")

    def get_context(self, request, *args, **kwargs):
        from pioneers.publications.selectors import magazine_editions

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
    parent_page_types = ["publications.MagazineIndexPage"]
    subpage_types = ["publications.ArticlePage"]

    class Meta:
        verbose_name = _("magazine edition")

    def get_context(self, request, *args, **kwargs):
        from pioneers.publications.selectors import edition_articles

        context = super().get_context(request, *args, **kwargs)
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
    municipalities = ParentalManyToManyField(
        "network.Organisation",
        verbose_name=_("municipalities"),
        blank=True,
        related_name="magazine_articles",
        limit_choices_to={"kind": "municipality"},
    )
    topics = ParentalManyToManyField(
        "topics.Topic", verbose_name=_("topics"), blank=True, related_name="magazine_articles"
    )
    related_meetings = ParentalManyToManyField(
        "meetings.Meeting",
        verbose_name=_("related meetings"),
        blank=True,
        related_name="magazine_articles",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("authors", heading=_("Authors"), label=_("author"), min_num=1),
        FieldPanel("body"),
        FieldPanel("lessons"),
        FieldPanel("practical_experience"),
        MultiFieldPanel(
            [
                FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
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
    parent_page_types = ["publications.EditionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("magazine article")

    def route(self, request, path_components):
        # Published with the edition: until the edition is live, its articles are not public.
        if not path_components and not self.get_parent().live:
            raise Http404
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        page_depends_on(request, "meetings")  # its related meetings' titles and dates
        context = super().get_context(request, *args, **kwargs)
        context["edition"] = self.get_parent().specific
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
