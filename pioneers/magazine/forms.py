"""Forms of the magazine: a member's article submission."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.core.ids import ModelIdChoiceField, ModelIdMultipleChoiceField
from pioneers.network.models import Organisation
from pioneers.network.selectors import current_members
from pioneers.topics.models import Topic


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
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = editions
        self.fields["edition"].label_from_instance = lambda e: f"{e.title} ({e.season})"
        self.fields["topics"].queryset = Topic.objects.originals().order_by("name")
        self.fields["topics"].label_from_instance = lambda t: t.label
        self.fields["municipalities"].queryset = current_members().filter(
            kind=Organisation.Kind.MUNICIPALITY
        )
