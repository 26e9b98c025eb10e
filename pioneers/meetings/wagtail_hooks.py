"""Programmes, meetings and registrations in the coordinators' admin."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pioneers.meetings.models import Meeting, Programme, Registration
from pioneers.meetings.services import ATTENDANCE_CORRECTED


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "date"
    menu_label = _("Programmes")
    list_display = ["name", "start_date", "end_date", "planned_meetings"]


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "calendar"
    menu_label = _("Meetings")
    list_display = ["__str__", "date", "host", "format", "status", "is_published"]
    list_filter = ["programme", "status", "format", "is_published"]
    search_fields = ["title", "topic"]
    # The list searches these columns in the database, on SQLite as on PostgreSQL: Wagtail's
    # search index cannot be limited to chosen fields on SQLite ("no such column").
    search_backend_name = None
    ordering = ["-date"]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Registrations")
    list_display = ["name", "meeting", "status", "created_at", "checked_in_at"]
    list_filter = ["status", "meeting"]
    search_fields = ["name"]


class MeetingsViewSetGroup(SnippetViewSetGroup):
    items = (ProgrammeViewSet, MeetingViewSet, RegistrationViewSet)
    menu_icon = "calendar"
    menu_label = _("Meetings")
    menu_name = "meetings"


register_snippet(MeetingsViewSetGroup)


@hooks.register("register_admin_menu_item")
def attendance_menu_item():
    return MenuItem(_("Attendance"), reverse("meetings:attendance"), icon_name="tasks", order=260)


@hooks.register("register_log_actions")
def attendance_log_actions(actions):
    """Corrections of who came, made after check-in closed, in the registration's history."""

    @actions.register_action(ATTENDANCE_CORRECTED)
    class AttendanceCorrected(LogFormatter):
        label = _("Attendance corrected")

        def format_message(self, log_entry):
            if log_entry.data.get("came"):
                return _("Marked as come, after check-in closed")
            return _("Marked as not come, after check-in closed")
