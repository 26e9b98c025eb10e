"""Configuration of the call-for-papers app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core.cache import invalidates


class CfpConfig(AppConfig):
    name = "pioneers.cfp"
    label = "cfp"
    verbose_name = _("Call for papers")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.cfp import caching, emails, reviewing, sections, services
        from pioneers.core import email, menu, personal_data
        from pioneers.core.pages import register_page_section

        invalidates("cfp.call", caching.call_tags)
        for model in ("sessionformat", "track", "extraquestion", "reviewcriterion"):
            invalidates(f"cfp.{model}", caching.part_tags)
        register_page_section("meetings.meeting", sections.meeting_call_block, place="top")
        # The programme: slots of confirmed talks, under the meeting's agenda.
        invalidates("cfp.room", caching.part_tags)
        invalidates("cfp.slot", caching.slot_tags)
        invalidates("cfp.submission", caching.submission_tags)
        register_page_section("meetings.meeting", sections.meeting_programme, place="agenda")
        email.register("cfp/email/", emails.email_parts)
        menu.register("account", _("My proposals"), "cfp:proposals", order=32)
        menu.register(
            "account", _("Reviews"), "cfp:reviews", order=33, visible=reviewing.is_reviewer
        )
        personal_data.register(
            "proposals",
            export=services.personal_data_export,
            erase=services.personal_data_erase,
        )
        personal_data.register(
            "reviews",
            export=reviewing.personal_data_export,
            erase=reviewing.personal_data_erase,
        )
