"""Forms of the surveys: the coordinators' builder in the admin, and one page of questions for
the respondent."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from pioneers.surveys import services
from pioneers.surveys.models import Question, likert_options

K = Question.Kind


class SurveyForm(WagtailAdminModelForm):
    """The builder: the survey with its questions (an inline panel), checked as a whole by
    ``services.survey_check`` once each form on its own is valid."""

    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            return False
        formset = self.formsets["questions"]
        drafts = []
        for form in formset.forms:
            deleted = formset.can_delete and formset._should_delete_form(form)
            data = getattr(form, "cleaned_data", None) or {}
            if form.instance.pk is None and (deleted or not form.has_changed()):
                continue
            drafts.append(
                (
                    form,
                    services.QuestionDraft(
                        pk=form.instance.pk,
                        kind=data.get("kind", ""),
                        code=data.get("code", ""),
                        choices=data.get("choices", ""),
                        minimum=data.get("minimum"),
                        maximum=data.get("maximum"),
                        deleted=deleted,
                    ),
                )
            )
        errors = services.survey_check(
            survey=self.instance,
            opens_at=self.cleaned_data.get("opens_at"),
            closes_at=self.cleaned_data.get("closes_at"),
            anonymous=self.cleaned_data.get("anonymous", self.instance.anonymous),
            drafts=[draft for _form, draft in drafts],
        )
        for error in errors:
            self.add_error(None, error)
        question_errors = False
        for form, draft in drafts:
            for name, messages in draft.errors.items():
                for message in messages:
                    form.add_error(name, message)
                    question_errors = True
        if question_errors:
            self.add_error(None, _("Some questions need a correction; see below."))
        return not errors and not question_errors


def field_name(question: Question, item: int = 0) -> str:
    return f"q{question.pk}_{item}" if item else f"q{question.pk}"


def field_names(question: Question) -> list[str]:
    if question.kind == K.MATRIX:
        return [field_name(question, number) for number, _label in question.options()]
    return [field_name(question)]


class SectionForm(forms.Form):
    """The questions of one page, none required here: a page may be saved half done; the
    required ones are checked on "Next" and on submitting (``services.missing_required``)."""

    def __init__(self, *args, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            for name, formfield in _fields(question):
                self.fields[name] = formfield

    def question_fields(self):
        """(question, its bound fields) in order, for the template."""
        return [
            (question, [self[name] for name in field_names(question)])
            for question in self.questions
        ]


def _fields(question: Question) -> list[tuple[str, forms.Field]]:
    label = question.localized_text
    common = {"label": label, "required": False, "help_text": question.localized_help_text}
    kind = question.kind
    if kind == K.LIKERT:
        return [(field_name(question), _choice(likert_options(), common))]
    if kind == K.SINGLE:
        return [(field_name(question), _choice(question.options(), common))]
    if kind == K.MULTIPLE:
        return [
            (
                field_name(question),
                forms.TypedMultipleChoiceField(
                    choices=question.options(),
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    **common,
                ),
            )
        ]
    if kind == K.NUMBER:
        return [
            (
                field_name(question),
                forms.DecimalField(
                    min_value=question.minimum,
                    max_value=question.maximum,
                    max_digits=12,
                    decimal_places=2,
                    **common,
                ),
            )
        ]
    if kind == K.SHORT_TEXT:
        return [
            (field_name(question), forms.CharField(max_length=services.SHORT_TEXT_MAX, **common))
        ]
    if kind == K.LONG_TEXT:
        return [
            (
                field_name(question),
                forms.CharField(
                    max_length=services.LONG_TEXT_MAX,
                    widget=forms.Textarea(attrs={"rows": 5}),
                    **common,
                ),
            )
        ]
    if kind == K.MATRIX:
        return [
            (
                field_name(question, number),
                _choice(likert_options(), {"label": statement, "required": False}),
            )
            for number, statement in question.options()
        ]
    return []


def _choice(choices, common) -> forms.Field:
    return forms.TypedChoiceField(
        choices=list(choices),
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        **common,
    )
