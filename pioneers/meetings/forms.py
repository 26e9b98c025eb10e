"""Forms of the meeting pages: filters, registration without an account, check-in by name."""

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.meetings.models import Format
from pioneers.network.models import Organisation


class MeetingFilterForm(forms.Form):
    """Filters of the meeting lists; an unknown value is an error message, never a crash."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)  # a topic's slug
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("All formats")), *Format.choices]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, topics=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics")), *((t.slug, t.label) for t in topics)]
        self.fields["year"].choices = [("", _("All years")), *((y, y) for y in years)]


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send a link to confirm; the address is never shown to others."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    residence = forms.CharField(
        label=_("Municipality where you live"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"list": "municipality-names", "autocomplete": "off"}),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example a wheelchair-accessible room, a sign-language interpreter. Only the "
            "coordinators and the host organisation see this, until the meeting is over; then "
            "it is erased."
        ),
    )

    def clean_residence(self):
        name = self.cleaned_data["residence"].strip()
        if not name:
            return None
        municipality = Organisation.objects.filter(
            kind=Organisation.Kind.MUNICIPALITY, name__iexact=name
        ).first()
        if municipality is None:
            raise forms.ValidationError(
                _("There is no municipality called “%(name)s”. Choose a name from the list."),
                params={"name": name},
            )
        return municipality


class GuestSearchForm(forms.Form):
    q = forms.CharField(label=_("Find by name"), required=False, max_length=100)


def parse_dates(text: str) -> list:
    """Dates typed one per line (31-12-2027 or 2027-12-31); unreadable lines raise an error."""

    dates, bad = set(), []
    for line in text.replace(",", "\n").splitlines():
        line = line.strip()
        if not line:
            continue
        for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
            try:
                dates.add(datetime.strptime(line, pattern).date())  # noqa: DTZ007 - a calendar day
                break
            except ValueError:
                continue
        else:
            bad.append(line)
    if bad:
        raise forms.ValidationError(
            _("Not a date: %(lines)s. Write one date per line, like 31-12-2027."),
            params={"lines": ", ".join(bad[:5])},
        )
    return sorted(dates)


class AvailabilityForm(forms.Form):
    willing_to_host = forms.BooleanField(
        label=_("We are willing to host a meeting"), required=False
    )
    willing_to_chair = forms.BooleanField(
        label=_("We are willing to provide a guest chair"), required=False
    )
    blocked_dates = forms.CharField(
        label=_("Dates we cannot do"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One date per line, like 31-12-2027."),
    )

    def clean_blocked_dates(self):
        return parse_dates(self.cleaned_data["blocked_dates"])


PLAN_FIELDS = ("date", "host_id", "chair_id", "format", "topic_id")


class PlanRowForm(forms.Form):
    """One meeting of the planner's proposal; a changed or ticked cell is locked."""

    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    host_id = forms.TypedChoiceField(label=_("Host"), coerce=int)
    chair_id = forms.TypedChoiceField(
        label=_("Guest chair"), coerce=int, required=False, empty_value=None
    )
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    topic_id = forms.TypedChoiceField(
        label=_("Topic"), coerce=int, required=False, empty_value=None
    )
    lock_date = forms.BooleanField(label=_("Lock the date"), required=False)
    lock_host_id = forms.BooleanField(label=_("Lock the host"), required=False)
    lock_chair_id = forms.BooleanField(label=_("Lock the guest chair"), required=False)
    lock_format = forms.BooleanField(label=_("Lock the format"), required=False)
    lock_topic_id = forms.BooleanField(label=_("Lock the topic"), required=False)

    def __init__(self, *args, members=(), topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(m.pk, m.name) for m in members]
        self.fields["host_id"].choices = choices
        self.fields["chair_id"].choices = [("", "—"), *choices]
        self.fields["topic_id"].choices = [("", "—"), *((t.pk, t.label) for t in topics)]

    def locks(self, proposed: dict) -> dict:
        """The cells to keep: ticked ones, and those the coordinator changed."""
        locks = {}
        for field in PLAN_FIELDS:
            value = self.cleaned_data[field]
            if self.cleaned_data[f"lock_{field}"] or value != proposed.get(field):
                locks[field] = value.isoformat() if field == "date" else value
        return locks
