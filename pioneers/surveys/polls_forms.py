"""Live polls, the forms: a new poll (for the host) and an answer (for the attendee's phone)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.surveys.models import parse_options
from pioneers.surveys.models_polls import MAX_CHOICES, TEXT_ANSWER_LENGTH, Poll

# Far beyond any sensible answer, and within the database column (12 digits, 2 decimals).
NUMBER_LIMIT = Decimal("9999999999")


class PollForm(forms.ModelForm):
    class Meta:
        model = Poll
        fields = ["kind", "text", "text_en", "choices", "minimum", "maximum", "show_in_report"]
        widgets = {
            "kind": forms.RadioSelect,
            "choices": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "minimum": _("For a number question: the lowest answer allowed."),
            "maximum": _("For a number question: the highest answer allowed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every poll has a kind: no empty choice among the radio buttons.
        self.fields["kind"].choices = Poll._meta.get_field("kind").choices
        self.fields["kind"].initial = Poll.Kind.SINGLE

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in (Poll.Kind.SINGLE, Poll.Kind.MULTIPLE):
            count = len(parse_options(data.get("choices") or ""))
            if count < 2:
                self.add_error("choices", _("Give at least two choices, one a line."))
            elif count > MAX_CHOICES:
                self.add_error(
                    "choices",
                    _("Give at most %(count)d choices.") % {"count": MAX_CHOICES},
                )
        if kind == Poll.Kind.NUMBER:
            low, high = data.get("minimum"), data.get("maximum")
            if low is not None and high is not None and low > high:
                self.add_error("maximum", _("The maximum is lower than the minimum."))
        return data


class VoteForm(forms.Form):
    """The answer to one poll; the field is built for the poll's kind."""

    def __init__(self, *args, poll: Poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        label = _("Your answer")  # the page's heading is the question
        if poll.kind == Poll.Kind.MULTIPLE:
            field = forms.TypedMultipleChoiceField(
                label=label,
                choices=[(str(n), text) for n, text in poll.options()],
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": _("Choose at least one answer.")},
            )
        elif poll.has_options:
            field = forms.TypedChoiceField(
                label=label,
                choices=[(str(n), text) for n, text in poll.options()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )
        elif poll.kind == Poll.Kind.NUMBER:
            low = poll.minimum if poll.minimum is not None else -NUMBER_LIMIT
            high = poll.maximum if poll.maximum is not None else NUMBER_LIMIT
            field = forms.DecimalField(
                label=label,
                min_value=low,
                max_value=high,
                max_digits=12,
                decimal_places=2,
                localize=True,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            )
        else:
            field = forms.CharField(
                label=label,
                max_length=TEXT_ANSWER_LENGTH,
                widget=forms.TextInput(attrs={"autocomplete": "off"}),
            )
        self.fields["answer"] = field

    def initial_from(self, vote) -> None:
        """Show the voter's saved answer, to change it."""
        if vote is None:
            return
        if self.poll.kind == Poll.Kind.MULTIPLE:
            self.initial["answer"] = [str(n) for n in vote.choices]
        elif self.poll.kind == Poll.Kind.SHORT_TEXT:
            self.initial["answer"] = vote.text
        elif self.poll.kind == Poll.Kind.NUMBER:
            number = vote.number
            if number is not None and number == number.to_integral_value():
                number = number.quantize(Decimal(1))
            self.initial["answer"] = number
        elif vote.number is not None:
            self.initial["answer"] = str(int(vote.number))
