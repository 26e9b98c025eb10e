"""Configuration of the surveys app: questionnaires, invitations, responses, results and live
polls."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import chores, personal_data
from pioneers.core.cache import invalidates


class SurveysConfig(AppConfig):
    name = "pioneers.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.core import email
        from pioneers.core.pages import register_page_section
        from pioneers.surveys import caching, polls, services, signals  # noqa: F401 (signals)

        # The results pages must never show counts from before a response was submitted.
        invalidates("surveys.survey", caching.survey_tags)
        invalidates("surveys.question", caching.question_tags)
        invalidates("surveys.response", caching.response_tags)
        invalidates("surveys.answer", caching.answer_tags)
        invalidates("surveys.poll", caching.poll_tags)
        register_page_section("reports.reportpage", polls.report_section)
        register_page_section("meetings.meeting", polls.meeting_page_section)
        email.register("surveys/email/", services.invitation_email_parts)
        chores.register("survey_reminders_send", services.reminders_send)
        chores.register("surveys_close", services.surveys_close)
        personal_data.register(
            "surveys",
            export=services.personal_data_export,
            erase=services.personal_data_erase,
        )
