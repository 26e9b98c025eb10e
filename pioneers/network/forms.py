"""Forms of the network's public pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.network.models import JoinRequest, Organisation, Person
from pioneers.network.names import normalise_name
from pioneers.network.selectors import approved_organisations


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
        name = normalise_name(super().clean(value))
        organisation = approved_organisations().filter(name__iexact=name).first()
        if organisation is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"name": name}
            )
        return organisation


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Person
        # The photo field checks and re-encodes the upload (network/photos.py).
        fields = ["name", "job_title", "role", "seniority", "interests", "photo", "public_profile"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }


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


class AccountDeleteForm(forms.Form):
    """Deleting one's account: confirmed with the password, or without one by typing the address."""

    confirmation = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            field = self.fields["confirmation"]
            field.label = _("Your email address")
            field.help_text = _("Type your email address to confirm.")
            field.widget = forms.EmailInput(attrs={"autocomplete": "email"})

    def clean_confirmation(self):
        value = self.cleaned_data["confirmation"]
        if self.user.has_usable_password():
            if not self.user.check_password(value):
                raise forms.ValidationError(_("This is not your password."))
        elif value.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(_("This is not the email address of your account."))
        return value
