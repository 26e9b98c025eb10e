"""Forms of publications: the comment round on a draft report."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pioneers.publications.services import COMMENT_MAX_LENGTH


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
    comment = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.CharField(
        label=_("Answer"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    resolve = forms.BooleanField(label=_("Resolved"), required=False)


class ArticleSubmissionForm(forms.Form):
    """A member's article for the magazine: plain text, turned into safe paragraphs on saving."""

    edition = forms.ModelChoiceField(
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
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    municipalities = forms.ModelMultipleChoiceField(
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
