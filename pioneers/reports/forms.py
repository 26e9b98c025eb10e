"""Forms of reports: opening a comment round, commenting on a draft, answering a comment."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pioneers.core.ids import MAX_ID
from pioneers.reports.services import COMMENT_MAX_LENGTH


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
        day = self.cleaned_data["closes_on"]
        return timezone.make_aware(datetime.combine(day, time(23, 59)))


class DraftCommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class AnswerForm(forms.Form):
    comment = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)
    answer = forms.CharField(
        label=_("Answer"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    resolve = forms.BooleanField(label=_("Resolved"), required=False)
