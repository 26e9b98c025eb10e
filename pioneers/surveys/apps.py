"""Configuration of the surveys app: questionnaires, invitations, responses and results."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import chores, personal_data


class SurveysConfig(AppConfig):
    name = "pioneers.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        # Imported here: the services import models, which are loaded only by now.
        from pioneers.core import email
        from pioneers.surveys import services, signals  # noqa: F401 (signals connects)

        email.register("surveys/email/", services.invitation_email_parts)
        chores.register("survey_reminders_send", services.reminders_send)
        chores.register("surveys_close", services.surveys_close)
        personal_data.register(
            "surveys",
            export=services.personal_data_export,
            erase=services.personal_data_erase,
        )
