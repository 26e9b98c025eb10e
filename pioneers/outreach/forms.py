"""Forms of the outreach app: a campaign (coordinators) and a reply (no account needed)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pioneers.core.ids import ModelIdChoiceField
from pioneers.network.models import Membership, Organisation
from pioneers.outreach.models import Campaign, Recipient
from pioneers.outreach.services import CAMPAIGN_FIELDS
from pioneers.topics.models import RANKS
from pioneers.topics.services import ranking_topics

NEWSLETTER_FILTERS = ("interest", "organisation", "province", "role")
LETTER_FIELDS = tuple(
    name for name in CAMPAIGN_FIELDS if name not in ("purpose", "interest", "organisation", "role")
)


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
        fields = LETTER_FIELDS
        widgets = {
            "body": forms.Textarea(attrs={"rows": 14}),
            "body_en": forms.Textarea(attrs={"rows": 10}),
            "channel": forms.RadioSelect,
            "membership": forms.RadioSelect,
        }


class NewsletterForm(forms.ModelForm):
    """A newsletter to members' people: the text, and whom it reaches (any combination of the
    filters; none reaches every member)."""

    organisation = ModelIdChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(memberships__status=Membership.Status.MEMBER)
        .distinct()
        .order_by("name"),
        required=False,
        empty_label=_("Every member organisation"),
    )
    province = CampaignForm.base_fields["province"]

    class Meta:
        model = Campaign
        fields = ("title", "subject", "body", "subject_en", "body_en") + NEWSLETTER_FILTERS
        labels = {"body": _("newsletter (Dutch)"), "body_en": _("newsletter (English)")}
        help_texts = {
            "body": _("Merge fields: {name}, {municipality}, {unsubscribe_link}."),
        }
        widgets = CampaignForm.Meta.widgets


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


CHOICE_LABELS = (
    pgettext_lazy("topic questionnaire", "1st choice"),
    pgettext_lazy("topic questionnaire", "2nd choice"),
    pgettext_lazy("topic questionnaire", "3rd choice"),
    pgettext_lazy("topic questionnaire", "4th choice"),
    pgettext_lazy("topic questionnaire", "5th choice"),
)
MAX_PROPOSALS = 3


class TopicQuestionnaireForm(forms.Form):
    """The topic questionnaire in a reply: up to ``RANKS`` topics in order of preference (one
    select per place: usable with a keyboard, no dragging) and topics of one's own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        topics = ranking_topics().order_by("name")
        for place in range(1, RANKS + 1):
            self.fields[f"choice_{place}"] = ModelIdChoiceField(
                label=CHOICE_LABELS[place - 1],
                queryset=topics,
                required=False,
                empty_label=_("(no topic)"),
            )
        self.fields["proposals"] = forms.CharField(
            label=_("Topics you would like to add"),
            help_text=_("One topic a line, at most three; a short title each."),
            required=False,
            max_length=1000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def clean(self):
        data = super().clean()
        seen = {}
        for place in range(1, RANKS + 1):
            topic = data.get(f"choice_{place}")
            if topic is None:
                continue
            if topic.pk in seen:
                self.add_error(
                    f"choice_{place}",
                    _("You chose “%(topic)s” already as your %(place)s; choose another topic.")
                    % {"topic": topic.label, "place": CHOICE_LABELS[seen[topic.pk] - 1]},
                )
            else:
                seen[topic.pk] = place
        return data

    def clean_proposals(self):
        lines = [" ".join(line.split()) for line in self.cleaned_data["proposals"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_PROPOSALS:
            raise forms.ValidationError(
                _("Give at most %(count)d topics, one a line.") % {"count": MAX_PROPOSALS}
            )
        if any(len(line) > 120 for line in lines):
            raise forms.ValidationError(_("Keep each topic's title under 120 characters."))
        return list(dict.fromkeys(lines))  # the same line twice is one proposal

    @property
    def ranking(self) -> list:
        """The chosen topics, first choice first (empty places left out)."""
        return [
            self.cleaned_data[f"choice_{place}"]
            for place in range(1, RANKS + 1)
            if self.cleaned_data.get(f"choice_{place}") is not None
        ]
