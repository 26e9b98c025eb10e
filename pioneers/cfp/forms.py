"""Forms of the call for papers: a submission (with the call's own questions) and an invitation."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pioneers.cfp.models import Submission
from pioneers.cfp.programme import SlotEntry
from pioneers.core.ids import ModelIdChoiceField

TEXT_FIELDS = ("title", "abstract", "description", "language", "notes")


class SubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    abstract = forms.CharField(
        label=_("Abstract"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences for the programme; at most 1000 characters."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you will do and what participants take home."),
    )
    format = ModelIdChoiceField(
        label=_("Format"), queryset=None, empty_label=None, widget=forms.RadioSelect
    )
    track = ModelIdChoiceField(label=_("Track"), queryset=None, required=False)
    language = forms.ChoiceField(
        label=_("Language of the session"), choices=Submission.Language.choices
    )
    notes = forms.CharField(
        label=_("Notes for the organisers"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the organisers read these."),
    )
    slides = forms.FileField(
        label=_("Slides (PDF, optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        formats = list(call.formats.all())
        tracks = list(call.tracks.all())
        self.fields["format"].queryset = call.formats.all()
        self.fields["format"].label_from_instance = lambda f: (
            _("%(name)s (%(minutes)s minutes)")
            % {
                "name": f.name,
                "minutes": f.duration_minutes,
            }
        )
        if len(formats) == 1 and not self.is_bound:
            self.initial.setdefault("format", formats[0].pk)
        if tracks:
            self.fields["track"].queryset = call.tracks.all()
            self.fields["track"].label_from_instance = lambda t: t.name
        else:
            del self.fields["track"]
        self.questions = list(call.questions.all())
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=question.text,
                required=question.required,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def clean_slides(self):
        from pioneers.cfp.services import slides_check  # circular: services import the models

        upload = self.cleaned_data.get("slides")
        if upload:
            slides_check(upload)
        return upload or None

    def submission_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in TEXT_FIELDS}
        fields["format"] = data["format"]
        fields["track"] = data.get("track")
        fields["answers"] = {
            str(question.pk): data.get(f"question_{question.pk}", "") for question in self.questions
        }
        return fields

    @classmethod
    def initial_from(cls, submission: Submission) -> dict:
        initial = {name: getattr(submission, name) for name in TEXT_FIELDS}
        initial["format"] = submission.format_id
        initial["track"] = submission.track_id
        initial["slides"] = submission.slides or None
        for key, answer in (submission.answers or {}).items():
            initial[f"question_{key}"] = answer
        return initial


# What an anonymous visitor typed, kept in the session while they log in or sign up.
DRAFT_FIELDS = (*TEXT_FIELDS, "format", "track")


def draft_from_post(post, call) -> dict:
    keys = [*DRAFT_FIELDS, *(f"question_{q.pk}" for q in call.questions.all())]
    return {key: str(post.get(key, ""))[:10000] for key in keys if post.get(key)}


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the co-speaker"))


class TimetableRowForm(forms.Form):
    """One confirmed talk's row in the timetable: start time, duration, room. An empty start
    takes the talk off the programme."""

    start = forms.TimeField(
        label=_("Start"),
        required=False,
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time", "step": 300}),
    )
    duration = forms.IntegerField(label=_("Minutes"), min_value=5, max_value=480, required=False)
    # The rooms come as a list, read once for all rows: no query per row.
    room = forms.TypedChoiceField(label=_("Room"), coerce=int, empty_value=None, required=False)

    def __init__(self, *args, submission, rooms, **kwargs):
        super().__init__(*args, prefix=f"talk{submission.pk}", **kwargs)
        self.submission = submission
        self.fields["room"].choices = [("", "—"), *((room.pk, room.name) for room in rooms)]

    def entry(self, day):
        """The row as the programme's service takes it, the start on ``day``."""
        start = self.cleaned_data["start"]
        return SlotEntry(
            submission_id=self.submission.pk,
            start=timezone.make_aware(datetime.combine(day, start)) if start is not None else None,
            duration_minutes=self.cleaned_data["duration"],
            room_id=self.cleaned_data["room"],
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") is not None:
            if not cleaned.get("room") and "room" not in self.errors:
                self.add_error("room", _("Choose a room."))
            if cleaned.get("duration") is None and "duration" not in self.errors:
                self.add_error("duration", _("Enter the length in minutes."))
        return cleaned
