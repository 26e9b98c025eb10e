"""Forms of the coordinators' admin: a commitment's open-government values as checkboxes, and the
CSV import's choice of action plan and file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.commitments import services
from pioneers.commitments.models import ActionPlan, OGPValue
from pioneers.core.translations import TranslatableContentForm


class CommitmentForm(TranslatableContentForm):
    """The values are a JSON list in the model; coordinators tick them."""

    ogp_values = forms.MultipleChoiceField(
        label=_("open-government values"),
        choices=OGPValue.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The OGP values the commitment is relevant to."),
    )


def _year_field(label):
    return forms.IntegerField(label=label, required=False, min_value=1990, max_value=2100)


class CommitmentsImportForm(forms.Form):
    """An existing action plan, or the country and years of a new one, and the file."""

    action_plan = forms.ModelChoiceField(
        label=_("action plan"),
        queryset=ActionPlan.objects.order_by("country", "-start_year"),
        required=False,
        help_text=_("Or give the country and years of a new action plan below."),
    )
    country = forms.CharField(
        label=_("country"),
        required=False,
        max_length=2,
        help_text=_("Two-letter ISO code, e.g. NL."),
    )
    start_year = _year_field(_("first year"))
    end_year = _year_field(_("last year"))
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, at most 2 MB. The columns are explained in the user guide."),
    )

    def clean_country(self):
        country = self.cleaned_data["country"].strip().upper()
        if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
            raise forms.ValidationError(_("Give the country as two letters, e.g. NL."))
        return country

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > services.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload

    def clean(self):
        data = super().clean()
        plan = data.get("action_plan")
        country, first, last = data.get("country"), data.get("start_year"), data.get("end_year")
        new = bool(country or first or last)
        if plan and new:
            raise forms.ValidationError(
                _("Choose an action plan or give a new one's country and years, not both.")
            )
        if not plan and not new and "action_plan" not in self.errors:
            self.add_error("action_plan", _("Choose an action plan or give a new one."))
        if new and not plan:
            if not country and "country" not in self.errors:
                self.add_error("country", _("Give the action plan's country."))
            if not first and "start_year" not in self.errors:
                self.add_error("start_year", _("Give the action plan's first year."))
            if first and last and last < first:
                self.add_error("end_year", _("The last year cannot be before the first."))
        return data

    def chosen_plan(self) -> ActionPlan:
        """The chosen plan, or the one of the country and first year (new and not saved yet
        when there is none)."""
        data = self.cleaned_data
        if data.get("action_plan"):
            return data["action_plan"]
        existing = ActionPlan.objects.filter(
            country=data["country"], start_year=data["start_year"]
        ).first()
        return existing or services.action_plan_new(
            data["country"], data["start_year"], data.get("end_year")
        )


class ConfirmForm(forms.Form):
    token = forms.CharField(max_length=64, widget=forms.HiddenInput)
