"""Programmes, meetings and registrations in the coordinators' admin."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    HistoryView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from pioneers.core.snippets import OriginalsIndexView, ReadOnlyPermissionPolicy
from pioneers.meetings.models import Meeting, Programme, Registration
from pioneers.meetings.services import ATTENDANCE_CORRECTED, REGISTRANTS_EMAILED, meeting_update


class ProgrammeViewSet(SnippetViewSet):
    index_view_class = OriginalsIndexView
    model = Programme
    icon = "date"
    menu_label = _("Programmes")
    list_display = ["name", "start_date", "end_date", "planned_meetings"]


class MeetingEditView(EditView):
    """Saves through the services: capacity, waiting list, and telling the registrants.

    A live meeting changes only when a revision is published (``Meeting.publish`` goes
    through ``meeting_publish``); saving a draft of it only keeps a revision. A meeting that
    is not live is saved as before, through ``meeting_update``, since Wagtail writes its row.
    A refusal shows on its field with the coordinator's input kept, and nothing is saved.
    """

    def save_instance(self):
        if self.live_object.live:
            return super().save_instance()
        meeting_update(meeting=self.form.instance, by=self.request.user, save=self._wagtail_save)
        return self.form.instance

    def _wagtail_save(self, meeting):
        # Wagtail's own save (the form with agenda and materials, the edit in the history),
        # which the service runs under the meeting's lock.
        return super().save_instance()

    def form_valid(self, form):
        try:
            # Publishing runs after the draft is saved: a refusal takes that draft back too.
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class MeetingViewSet(SnippetViewSet):
    index_view_class = OriginalsIndexView
    model = Meeting
    edit_view_class = MeetingEditView
    icon = "calendar"
    menu_label = _("Meetings")
    # Wagtail's live/draft tag, named apart from the meeting's own status (planned, held, …).
    list_display = [
        "__str__",
        "date",
        "host",
        "format",
        "status",
        LiveStatusTagColumn(label=_("Publication")),
    ]
    list_filter = ["programme", "status", "format", "live"]
    search_fields = ["title", "topic__name"]
    # The list searches these columns in the database, on SQLite as on PostgreSQL: Wagtail's
    # search index cannot be limited to chosen fields on SQLite ("no such column").
    search_backend_name = None
    ordering = ["-date"]


register_permission_policy(Registration, ReadOnlyPermissionPolicy(Registration))


class RegistrationHistoryView(HistoryView):
    # Wagtail shows the history to those who may change the object; here, to those who see it.
    any_permission_required = ["view"]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Registrations")
    list_display = ["name", "meeting", "status", "created_at", "checked_in_at"]
    list_filter = ["status", "meeting"]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "meeting",
        "name",
        "email",
        "person",
        "residence",
        "status",
        "language",
        "created_at",
        "checked_in_at",
    ]
    copy_view_enabled = False
    history_view_class = RegistrationHistoryView


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

    @actions.register_action(REGISTRANTS_EMAILED)
    class RegistrantsEmailed(LogFormatter):
        label = _("Registrants emailed")

        def format_message(self, log_entry):
            count = log_entry.data.get("count", 0)
            if log_entry.data.get("kind") == "cancelled_meeting":
                return _("Registrants emailed that the meeting is cancelled: %(count)s") % {
                    "count": count
                }
            return _("Registrants emailed the new time or place: %(count)s") % {"count": count}
