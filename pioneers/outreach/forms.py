"""Forms of the outreach app: a campaign (coordinators) and a reply (no account needed)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.core.ids import ModelIdChoiceField
from pioneers.network.models import Organisation
from pioneers.outreach.models import Campaign, Recipient
from pioneers.outreach.services import CAMPAIGN_FIELDS


class CampaignForm(forms.ModelForm):
    """A campaign's letter and selection; the model's rules (merge fields) run on validation, and
    the services run them again on saving."""

    province = ModelIdChoiceField(
        label=_("Province"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.PROVINCE).order_by("name"),
        required=False,
        empty_label=_("Every province"),
        help_text=_("Leave empty for every province."),
    )

    class Meta:
        model = Campaign
        fields = CAMPAIGN_FIELDS
        widgets = {
            "body": forms.Textarea(attrs={"rows": 14}),
            "body_en": forms.Textarea(attrs={"rows": 10}),
            "channel": forms.RadioSelect,
            "membership": forms.RadioSelect,
        }


class ReplyForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Is your organisation interested in joining the network?"),
        choices=Recipient.Answer.choices,
        widget=forms.RadioSelect,
    )
    contact_name = forms.CharField(
        label=_("Name of your contact person"), max_length=150, required=False
    )
    contact_email = forms.EmailField(label=_("Their email address"), required=False)
    contact_phone = forms.CharField(label=_("Their phone number"), max_length=40, required=False)
    message = forms.CharField(
        label=_("Anything you would like to tell us"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == Recipient.Answer.CONTACT_ME and not (
            data.get("contact_email") or data.get("contact_phone")
        ):
            self.add_error(
                "contact_email",
                _("Give an email address or phone number so that we can reach you."),
            )
        return data
