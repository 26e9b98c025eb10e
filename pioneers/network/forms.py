"""Forms of the network's public pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.network.models import JoinRequest, Organisation, Person


class MemberFilterForm(forms.Form):
    """Filters of the members page; an unknown province is an error, never a crash."""

    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.PROVINCE).order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All provinces"),
    )


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name or organisation"), required=False, max_length=100)


class OrganisationByNameField(forms.CharField):
    """An organisation typed by its name (the page offers the names as suggestions)."""

    default_error_messages = {
        "unknown": _("There is no organisation called “%(name)s”. Choose a name from the list."),
    }

    def clean(self, value):
        name = super().clean(value).strip()
        organisation = Organisation.objects.filter(name__iexact=name).first()
        if organisation is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"name": name}
            )
        return organisation


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "job_title", "role", "seniority", "interests", "photo", "public_profile"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def clean_photo(self):
        # Django's ImageField has already refused what Pillow cannot open as an image.
        photo = self.cleaned_data.get("photo")
        if photo and getattr(photo, "content_type", None) not in (None, "image/jpeg", "image/png"):
            raise forms.ValidationError(_("Upload a JPEG or PNG photo."))
        return photo


class JoinForm(forms.Form):
    organisation = OrganisationByNameField(
        label=_("Your organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"list": "organisation-names", "autocomplete": "off"}),
        help_text=_("Start typing and choose your municipality or organisation from the list."),
    )
    kind = forms.ChoiceField(
        label=_("What do you want?"),
        choices=JoinRequest.Kind.choices,
        widget=forms.RadioSelect,
        initial=JoinRequest.Kind.JOIN,
    )
    motivation = forms.CharField(
        label=_("Motivation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed when you propose your organisation: why should it join?"),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you decline. The person reads it in the email."),
    )


class OrganisationRegisterForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    motivation = forms.CharField(
        label=_("Motivation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What does your organisation do for open government, and what would it bring?"),
    )
