"""Forms of reviewing: a review (a score per criterion and a comment) and the coordinators'
sorting and filtering of a call's submissions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.cfp.models import Submission
from pioneers.core.ids import ModelIdChoiceField

SCORE_CHOICES = [
    (1, _("1 – poor")),
    (2, _("2 – weak")),
    (3, _("3 – fair")),
    (4, _("4 – good")),
    (5, _("5 – excellent")),
]


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The coordinators and the other reviewers read it; the speakers do not."),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scores = {
            f"score_{criterion.pk}": forms.TypedChoiceField(
                label=criterion.name,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Give a score from 1 to 5.")},
            )
            for criterion in self.criteria
        }
        # The scores first, the comment last.
        self.fields = {**scores, "comment": self.fields["comment"]}

    def scores(self) -> dict[int, int]:
        return {
            criterion.pk: self.cleaned_data[f"score_{criterion.pk}"] for criterion in self.criteria
        }

    @classmethod
    def initial_from(cls, review) -> dict:
        initial = {"comment": review.comment}
        for score in review.scores.all():
            initial[f"score_{score.criterion_id}"] = score.value
        return initial


SORT_CHOICES = [
    ("avg", _("average score")),
    ("spread", _("spread of the scores")),
    ("reviews", _("number of reviews")),
    ("title", _("title")),
]


class SubmissionFilterForm(forms.Form):
    """Sorting and filtering of the coordinators' list, from the query string: a value that is
    not one of the choices gives a message and is left out."""

    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    format = ModelIdChoiceField(label=_("Format"), queryset=None, required=False)
    track = ModelIdChoiceField(label=_("Track"), queryset=None, required=False)
    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].queryset = call.formats.all()
        self.fields["format"].label_from_instance = lambda f: f.name
        self.fields["format"].empty_label = _("all formats")
        tracks = call.tracks.all()
        self.fields["track"].queryset = tracks
        self.fields["track"].label_from_instance = lambda t: t.name
        self.fields["track"].empty_label = _("all tracks")
        self.fields["state"].choices = [("", _("all states")), *Submission.State.choices]

    def filters(self) -> dict:
        """The valid values only; a field with an invalid one counts as not given."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        chosen = data.get("format"), data.get("track")
        return {
            "sort": data.get("sort") or "avg",
            "format_id": chosen[0].pk if chosen[0] else None,
            "track_id": chosen[1].pk if chosen[1] else None,
            "state": data.get("state") or "",
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accepted", ""), ("rejected", ""), ("waitlisted", "")])
