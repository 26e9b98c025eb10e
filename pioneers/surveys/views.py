"""The respondent's pages: a survey answered through a personal link, without logging in.

One page per section; every button saves the page's answers, and with HTMX every changed
answer is saved at once. The same link resumes the response until the survey closes.
"""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pioneers.core.ids import parse_id
from pioneers.surveys import services
from pioneers.surveys.forms import SectionForm, field_names


def _invitation(token):
    invitation = services.invitation_by_token(token)
    if invitation is None:
        raise Http404(_("This link is unknown. Check that you copied all of it."))
    return invitation


def _not_open(request, invitation, *, posted: bool):
    """The page of a survey that is not open (yet or any more); a POST saves nothing."""
    survey = invitation.survey
    return render(
        request,
        "surveys/respond_not_open.html",
        {
            "survey": survey,
            "not_yet": timezone.now() < survey.opens_at,
            "posted": posted,
        },
        status=409 if posted else 200,
    )


def _load(invitation):
    """The pages of questions, the response (None before the first save) and its values."""
    questions = list(invitation.survey.questions.all())
    pages = services.survey_pages(questions)
    response = services.response_find(invitation)
    values = {}
    if response is not None:
        by_id = {question.pk: question for question in questions}
        answers = list(response.answers.all())
        for answer in answers:
            answer.question = by_id[answer.question_id]
        values = services.answer_values(answers)
    return pages, response, values


def _page_number(value, pages) -> int:
    number = parse_id(value) or 1
    return min(max(number, 1), len(pages))


def _url(invitation, number=None, **params):
    url = reverse("surveys:respond", kwargs={"token": invitation.token})
    query = {"section": number, **params} if number else params
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


@never_cache  # personal answers: never in the page cache nor in a shared cache
def respond(request, token):
    invitation = _invitation(token)
    survey = invitation.survey
    if not survey.is_open():
        return _not_open(request, invitation, posted=request.method == "POST")
    pages, response, values = _load(invitation)
    source = request.POST if request.method == "POST" else request.GET
    number = _page_number(source.get("section"), pages)
    page = pages[number - 1]
    if request.method == "GET":
        if response is not None and response.is_submitted and "section" not in request.GET:
            return _render(
                request, invitation, pages, response, None, "surveys/respond_thanks.html"
            )
        form = SectionForm(initial=values, questions=page["questions"])
        return _render(request, invitation, pages, response, form, number=number)

    form = SectionForm(request.POST, initial=values, questions=page["questions"])
    if not form.is_valid():
        return _render(request, invitation, pages, response, form, number=number)
    try:
        response = services.answers_save(
            invitation=invitation, questions=page["questions"], cleaned=form.cleaned_data
        )
    except services.SurveyError:
        return _not_open(request, invitation, posted=True)
    action = request.POST.get("action", "save")
    if action == "previous":
        return HttpResponseRedirect(_url(invitation, max(number - 1, 1)))
    if action in ("next", "submit"):
        missing = services.missing_required(page["questions"], form.cleaned_data)
        if missing:
            _required_errors(form, missing)
            return _render(request, invitation, pages, response, form, number=number)
    if action == "next" and number < len(pages):
        return HttpResponseRedirect(_url(invitation, number + 1))
    if action == "submit":
        values = {**values, **form.cleaned_data}
        missing = [
            (index, question)
            for index, each in enumerate(pages, start=1)
            for question in services.missing_required(each["questions"], values)
        ]
        if missing:
            return _render(
                request, invitation, pages, response, form, number=number, missing=missing
            )
        try:
            services.response_submit(invitation=invitation, response=response)
        except services.SurveyError:
            return _not_open(request, invitation, posted=True)
        return HttpResponseRedirect(_url(invitation))
    return HttpResponseRedirect(_url(invitation, number, saved=1))


def _required_errors(form, missing):
    for question in missing:
        for name in field_names(question):
            if services._is_empty(form.cleaned_data.get(name)):
                form.add_error(name, _("Please answer this question."))


@never_cache
@require_POST
def autosave(request, token):
    """Save the page's answers as the respondent changes them (HTMX); answers with a small
    status for the page's live region."""
    invitation = _invitation(token)
    survey = invitation.survey
    context = {"survey": survey}
    if not survey.is_open():
        context["status"] = "closed"
        return render(request, "surveys/_save_status.html", context, status=409)
    questions = list(survey.questions.all())
    pages = services.survey_pages(questions)
    page = pages[_page_number(request.POST.get("section"), pages) - 1]
    form = SectionForm(request.POST, questions=page["questions"])
    if not form.is_valid():
        context["status"] = "invalid"
        return render(request, "surveys/_save_status.html", context)
    try:
        services.answers_save(
            invitation=invitation, questions=page["questions"], cleaned=form.cleaned_data
        )
    except services.SurveyError:
        context["status"] = "closed"
        return render(request, "surveys/_save_status.html", context, status=409)
    context["status"] = "saved"
    context["saved_at"] = timezone.now()
    return render(request, "surveys/_save_status.html", context)


def _render(
    request,
    invitation,
    pages,
    response,
    form,
    template="surveys/respond.html",
    *,
    number=1,
    missing=(),
):
    survey = invitation.survey
    return render(
        request,
        template,
        {
            "survey": survey,
            "invitation": invitation,
            "response": response,
            "form": form,
            "page": pages[number - 1],
            "number": number,
            "count": len(pages),
            "is_last": number == len(pages),
            "missing": missing,
            "saved": request.GET.get("saved") == "1",
            "action_url": reverse("surveys:respond", kwargs={"token": invitation.token}),
            "autosave_url": reverse("surveys:autosave", kwargs={"token": invitation.token}),
            "edit_url": _url(invitation, 1),
        },
    )
