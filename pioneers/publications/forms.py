"""Forms of publications: comments on draft reports, the knowledge base, nominations, search."""

import time
from datetime import timedelta

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from pioneers.core.ids import MAX_ID, ModelIdChoiceField, ModelIdMultipleChoiceField
from pioneers.network.models import Organisation
from pioneers.publications.models import Nomination, PracticePage
from pioneers.publications.services import COMMENT_MAX_LENGTH
from pioneers.topics.models import Topic


class CommentRoundForm(forms.Form):
    closes_on = forms.DateField(
        label=_("Comments close on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("At the end of that day. Usually two weeks from now."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"closes_on": timezone.localdate() + timedelta(days=14)})
        super().__init__(*args, **kwargs)

    def closes_at(self):
        from datetime import datetime, time

        day = self.cleaned_data["closes_on"]
        return timezone.make_aware(datetime.combine(day, time(23, 59)))


class DraftCommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class AnswerForm(forms.Form):
    comment = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    answer = forms.CharField(
        label=_("Answer"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    resolve = forms.BooleanField(label=_("Resolved"), required=False)


class PracticeFilterForm(forms.Form):
    """Search and facets of the knowledge base; option labels carry how many practices match."""

    q = forms.CharField(label=_("Search words"), required=False, max_length=200)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    value = forms.ChoiceField(label=_("Open-government value"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = {
            "topic": [(t.slug, t.label) for t in Topic.objects.all()],
            "value": [(field, label) for field, label in PracticePage.VALUES],
            "province": list(
                Organisation.objects.filter(kind=Organisation.Kind.PROVINCE)
                .order_by("name")
                .values_list("slug", "name")
            ),
            "status": list(PracticePage.Status.choices),
        }
        for name, options in self.options.items():
            self.fields[name].choices = [("", _("All")), *options]

    def set_counts(self, counts: dict) -> None:
        """Show each option with its count; options without practices go, unless chosen."""
        chosen = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        for name, options in self.options.items():
            self.fields[name].choices = [("", _("All"))] + [
                (value, f"{label} ({counts[name].get(value, 0)})")
                for value, label in options
                if counts[name].get(value) or chosen.get(name) == value
            ]


class PracticeForm(forms.ModelForm):
    """A pioneer shares what their municipality did; coordinators review it before publication."""

    title = forms.CharField(label=_("Name of the practice"), max_length=200)
    values = forms.MultipleChoiceField(
        label=_("Open-government values"),
        choices=PracticePage.VALUES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    problem = forms.CharField(label=_("Problem"), max_length=5000, widget=forms.Textarea)
    approach = forms.CharField(
        label=_("What your municipality did"), max_length=5000, widget=forms.Textarea
    )
    result = forms.CharField(
        label=_("Result"), max_length=5000, required=False, widget=forms.Textarea
    )
    lessons = forms.CharField(
        label=_("Lessons"), max_length=5000, required=False, widget=forms.Textarea
    )

    field_order = [
        "title",
        "summary",
        "problem",
        "approach",
        "result",
        "lessons",
        "status",
        "started_on",
        "topics",
        "values",
        "contact_consent",
    ]

    class Meta:
        model = PracticePage
        fields = ["title", "summary", "status", "topics", "started_on", "contact_consent"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.CheckboxSelectMultiple,
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        field_classes = {"topics": ModelIdMultipleChoiceField}
        labels = {"contact_consent": _("Show my name on the practice as its contact person")}
        help_texts = {
            "contact_consent": _(
                "Your email address is never shown. Others reach you through the platform."
            )
        }


class ReuseForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the contact person"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Your name, organisation and email address are sent along."),
    )


def _nomination_token() -> str:
    return signing.dumps(time.time(), salt="nomination")


class NominationForm(forms.ModelForm):
    """The public nomination form. Spam protection: a field people leave empty, and time.

    The signed time stamp is a token that sends one nomination: used tokens are remembered
    until they expire. A form shown again gets a fresh one, so it can always be sent again.
    """

    MIN_SECONDS = 3
    MAX_SECONDS = 24 * 3600

    # Not shown to people; form-filling robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, widget=forms.HiddenInput
    )
    started = forms.CharField(widget=forms.HiddenInput)
    link = forms.URLField(
        label=capfirst(Nomination._meta.get_field("link").verbose_name),
        required=False,
        assume_scheme="https",
        max_length=200,
    )

    class Meta:
        model = Nomination
        fields = ["title", "municipality_name", "description", "link", "name", "email"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "email": _("Only the coordinators see it, to ask you about the initiative."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = _nomination_token()

    def clean(self):
        from pioneers.core.ratelimit import first_time

        cleaned = super().clean()
        token = cleaned.get("started", "")
        try:
            started = signing.loads(token, salt="nomination")
        except signing.BadSignature:
            started = None
        age = time.time() - started if isinstance(started, float) else None
        if cleaned.get("website") or age is None or age < self.MIN_SECONDS:
            raise forms.ValidationError(
                _("We could not accept this form. Please wait a moment and send it again."),
                code="spam",
            )
        if age > self.MAX_SECONDS:
            raise forms.ValidationError(
                _(
                    "This form was open for more than a day. "
                    "Check what you typed and send it again."
                ),
                code="expired",
            )
        if not self.errors and not first_time(f"nomination-token:{token}", self.MAX_SECONDS):
            raise forms.ValidationError(
                _(
                    "This form has already been sent once. "
                    "If you meant to send another nomination, send the form again."
                ),
                code="used",
            )
        return cleaned

    def renew_token(self) -> None:
        """Shown again (after an error): a fresh token, so sending again works."""
        if self.is_bound:
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = _nomination_token()


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Show"), required=False)


class TriageForm(forms.Form):
    municipality = ModelIdChoiceField(
        label=_("Municipality of the practice"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).order_by("name"),
    )

    def __init__(self, *args, nomination, **kwargs):
        super().__init__(*args, **kwargs)
        guess = self.fields["municipality"].queryset.filter(
            name__iexact=nomination.municipality_name.removeprefix("Gemeente ").strip()
        )
        self.initial.setdefault("municipality", guess.first())


class ArticleSubmissionForm(forms.Form):
    """A member's article for the magazine: plain text, turned into safe paragraphs on saving."""

    edition = ModelIdChoiceField(
        label=_("Edition"),
        queryset=None,
        empty_label=None,
        help_text=_("The editions that accept articles now."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    intro = forms.CharField(
        label=_("Introduction"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences that make people want to read on."),
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Plain text; leave an empty line between paragraphs."),
    )
    lessons = forms.CharField(
        label=_("Lessons learned"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What would you tell another municipality that starts with this?"),
    )
    practical_experience = forms.CharField(
        label=_("Practical experience"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("How it went in practice: time, people, cost, what helped."),
    )
    topics = ModelIdMultipleChoiceField(
        label=_("Topics"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    municipalities = ModelIdMultipleChoiceField(
        label=_("Municipalities involved"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, editions, **kwargs):
        from pioneers.network.models import Organisation
        from pioneers.network.selectors import current_members
        from pioneers.topics.models import Topic

        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = editions
        self.fields["edition"].label_from_instance = lambda e: f"{e.title} ({e.season})"
        self.fields["topics"].queryset = Topic.objects.order_by("name")
        self.fields["topics"].label_from_instance = lambda t: t.label
        self.fields["municipalities"].queryset = current_members().filter(
            kind=Organisation.Kind.MUNICIPALITY
        )
