"""Forms of the knowledge base: browsing, sharing a practice, taking one up, nominating, triage."""

import time

from django import forms
from django.core import signing
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from pioneers.core.ids import ModelIdChoiceField, ModelIdMultipleChoiceField
from pioneers.core.ratelimit import first_time
from pioneers.network.models import Organisation
from pioneers.practices.models import Nomination, PracticePage
from pioneers.topics.models import Topic


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
            "topic": sorted(
                ((t.slug, t.label) for t in Topic.objects.originals()), key=lambda o: o[1].lower()
            ),
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
