"""Calls for papers and their submissions in the coordinators' admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pioneers.cfp.models import Call, Submission
from pioneers.core.snippets import ReadOnlyPermissionPolicy


class CallViewSet(SnippetViewSet):
    model = Call
    icon = "doc-full"
    menu_label = _("Calls for papers")
    list_display = ["meeting", "opens_at", "closes_at"]
    ordering = ["-closes_at"]
    copy_view_enabled = False


# Submissions change through their speakers' pages (and, later, the review flow), which keep
# the deadline and the speakers' rights; the admin only shows them.
register_permission_policy(Submission, ReadOnlyPermissionPolicy(Submission))


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    icon = "doc-full-inverse"
    menu_label = _("Submissions")
    list_display = ["title", "call", "format", "state", "submitted_at"]
    list_filter = ["state", "call"]
    search_fields = ["title"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [
        "call",
        "title",
        "abstract",
        "description",
        "format",
        "track",
        "language",
        "notes",
        "state",
        "submitted_at",
        "updated_at",
    ]
    copy_view_enabled = False


class CfpViewSetGroup(SnippetViewSetGroup):
    items = (CallViewSet, SubmissionViewSet)
    menu_icon = "doc-full"
    menu_label = _("Call for papers")
    menu_name = "cfp"


register_snippet(CfpViewSetGroup)
