"""Surveys: a questionnaire in Dutch and English, invitations with a personal link, responses
saved as the respondent goes, and rounds that can be compared (baseline against mid-term).

A survey's text is kept side by side in both languages (``text`` and ``text_en``), not as a
translation row: both languages must have exactly the same questions in the same order, and
answers point to one question whatever the language they were given in.

Anonymous surveys keep no link from a response to a person or an invitation: a response holds
its organisation (for results per municipality) and a keyed hash of the personal link, so that
the same link finds it again until the survey closes; closing wipes the hash. The invitation
records only *that* it was answered.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from pioneers.core.languages import current_language

# The five points of an agree-or-disagree scale (Likert); answers store the numbers 1 to 5.
LIKERT_LABELS = (
    _("strongly disagree"),
    _("disagree"),
    _("neither agree nor disagree"),
    _("agree"),
    _("strongly agree"),
)
LIKERT_POINTS = len(LIKERT_LABELS)


def likert_options() -> list[tuple[int, str]]:
    """(number, label in the reader's language, capitalised) of the five points."""
    language = current_language()
    return [
        (number, LocalizedText(capfirst(str(label)), language))
        for number, label in enumerate(LIKERT_LABELS, start=1)
    ]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class LocalizedText(str):
    """A text that knows its language, so that ``{{ text|in_language }}`` marks Dutch text on an
    English page with ``lang="nl"`` (WCAG 3.1.2)."""

    language = "nl"

    def __new__(cls, value: str, language: str):
        text = super().__new__(cls, value)
        text.language = language
        return text

    def __reduce__(self):  # cached results keep the language
        return (LocalizedText, (str(self), self.language))


def localized(obj, field: str) -> LocalizedText:
    """A text in the reader's language: ``field_en`` on /en/ when it is filled in, else the
    Dutch ``field``."""
    if current_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return LocalizedText(english, "en")
    return LocalizedText(getattr(obj, field), "nl")


def parse_options(choices: str) -> list[tuple[int, str]]:
    """(number, label in the reader's language) of choices written one a line as
    "Dutch | English", numbered from 1 and skipping empty lines; answers store the numbers."""
    english = current_language() == "en"
    found = []
    for number, line in enumerate((line for line in choices.splitlines() if line.strip()), 1):
        dutch, _sep, other = line.partition("|")
        if english and other.strip():
            found.append((number, LocalizedText(other.strip(), "en")))
        else:
            found.append((number, LocalizedText(dutch.strip(), "nl")))
    return found


class Survey(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    intro = models.TextField(_("introduction"), blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)
    previous_round = models.ForeignKey(
        "self",
        verbose_name=_("previous round"),
        help_text=_(
            "The earlier round of the same survey (e.g. the baseline), to compare the answers "
            "with. Questions with the same code are compared."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_rounds",
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=True,
        help_text=_(
            "Responses keep the municipality but no link to a person. Cannot be changed once "
            "answers have arrived."
        ),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    results_published = models.BooleanField(
        _("results published"),
        default=False,
        help_text=_("Everyone can see the results page (groups under five stay hidden)."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-opens_at"]

    def __str__(self):
        return self.title

    @property
    def localized_title(self) -> str:
        return localized(self, "title")

    @property
    def localized_intro(self) -> str:
        return localized(self, "intro")

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class Question(Orderable):
    """One question, or a section heading (kind ``section``) that starts a new page."""

    class Kind(models.TextChoices):
        SECTION = "section", _("section heading")
        LIKERT = "likert", _("agree or disagree (5 points)")
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        NUMBER = "number", _("number")
        SHORT_TEXT = "short_text", _("short text")
        LONG_TEXT = "long_text", _("long text")
        MATRIX = "matrix", _("matrix of statements (5 points each)")

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_(
            "A short name, e.g. 'learned'. Rounds and indicators find the same question by it."
        ),
    )
    text = models.CharField(_("question"), max_length=300)
    text_en = models.CharField(_("question in English"), max_length=300, blank=True)
    help_text = models.CharField(_("explanation"), max_length=300, blank=True)
    help_text_en = models.CharField(_("explanation in English"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_(
            "One choice a line, Dutch and English separated by '|'. For a matrix: the "
            "statements. Once answers have arrived, choices can be reworded or added, not "
            "removed."
        ),
    )
    minimum = models.DecimalField(
        _("minimum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    maximum = models.DecimalField(
        _("maximum"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    hidden = models.BooleanField(
        _("hidden"),
        default=False,
        help_text=_("Hidden questions are no longer asked; their answers are kept."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="surveys_question_code")
        ]

    def __str__(self):
        return self.text

    @property
    def localized_text(self) -> str:
        return localized(self, "text")

    @property
    def localized_help_text(self) -> str:
        return localized(self, "help_text")

    def options(self) -> list[tuple[int, str]]:
        """(number, label in the reader's language) of the choices or matrix statements,
        numbered from 1; answers store the numbers."""
        return parse_options(self.choices)


class Invitation(models.Model):
    """A personal link to a survey, for one person or for one organisation (its contact)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="survey_invitations",
    )
    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
    )
    email = models.EmailField(_("email address"))
    language = models.CharField(_("language"), max_length=10, default="nl")
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    # Only that it was answered, not when: a time would link it to an anonymous response.
    answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "person"],
                condition=models.Q(person__isnull=False),
                name="surveys_invitation_person",
            ),
            models.UniqueConstraint(
                fields=["survey", "organisation"],
                condition=models.Q(person__isnull=True),
                name="surveys_invitation_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.survey}: {self.person or self.organisation}"


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    # The respondent's role (a Person.Role value), for results per role; not who they are.
    role = models.CharField(_("role"), max_length=20, blank=True)
    # Only in surveys that are not anonymous.
    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="response"
    )
    # Anonymous surveys: a keyed hash of the personal link, wiped when the survey closes.
    key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    # Anonymous surveys keep the day only, so that no time links a response to an invitation.
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.survey}: {self.organisation or '-'}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_on is not None


class Answer(models.Model):
    """An answer to one question (for a matrix: to one of its statements, ``item``).

    Likert and single choice store the number in ``number``; multiple choice the chosen numbers
    in ``choices``; number questions ``number``; text questions ``text``."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    item = models.PositiveSmallIntegerField(default=0)
    number = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    choices = models.JSONField(default=list, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "item"], name="surveys_answer_once"
            )
        ]

    def __str__(self):
        return f"{self.response}: {self.question.code}"


from pioneers.surveys.models_polls import Poll, PollVote  # noqa: E402,F401
