"""What changes to surveys make stale in the caches: a survey's results pages carry the tag
``survey:<pk>``, which its questions, its submitted responses and their answers move on. The
open-data API lists every published survey's results under ``surveys``, which they move too."""

from pioneers.surveys.models import Response

# Every survey's results (the open-data API's list of them).
SURVEYS = "surveys"


def survey_tag(pk) -> str:
    return f"survey:{pk}"


def survey_tags(survey) -> set[str]:
    # A next round's comparison shows this round too; it names this round's tag itself.
    return {survey_tag(survey.pk), SURVEYS}


def question_tags(question) -> set[str]:
    return {survey_tag(question.survey_id), SURVEYS}


def response_tags(response) -> set[str]:
    """Submitting a response (or deleting a submitted one) changes the results; a response
    being filled in does not. Nothing un-submits a response."""
    return {survey_tag(response.survey_id), SURVEYS} if response.submitted_on else set()


def answer_tags(answer) -> set[str]:
    """An answer changes the results once its response is submitted; answers saved as the
    respondent goes change nothing yet (and cost no extra query when the response is known)."""
    response = answer._state.fields_cache.get("response")
    if response is None:
        response = (
            Response.objects.filter(pk=answer.response_id)
            .values("survey_id", "submitted_on")
            .first()
        )
        if response is None:
            return set()
        survey_id, submitted = response["survey_id"], response["submitted_on"]
    else:
        survey_id, submitted = response.survey_id, response.submitted_on
    return {survey_tag(survey_id), SURVEYS} if submitted else set()


def poll_tags(poll) -> set[str]:
    # A meeting's report (and page) show its closed polls; votes are left out on purpose: an
    # open poll shows nowhere cached, and a closed one takes no votes.
    return {f"meeting:{poll.meeting_id}"}
