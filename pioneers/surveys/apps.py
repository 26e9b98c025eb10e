"""Configuration of the surveys app: questionnaires, invitations, responses and results, and
live polls during meetings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core.cache import invalidates


def poll_tags(poll) -> set[str]:
    # A meeting's report (and page) show its closed polls; votes are left out on purpose: an
    # open poll shows nowhere cached, and a closed one takes no votes.
    return {f"meeting:{poll.meeting_id}"}


class SurveysConfig(AppConfig):
    name = "pioneers.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.core.pages import register_page_section
        from pioneers.surveys import polls

        invalidates("surveys.poll", poll_tags)
        register_page_section("reports.reportpage", polls.report_section)
        register_page_section("meetings.meeting", polls.meeting_page_section)
