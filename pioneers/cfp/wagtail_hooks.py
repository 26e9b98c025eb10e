"""Calls for papers and their submissions in the coordinators' admin."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pioneers.cfp.models import Call, Submission


class CallViewSet(SnippetViewSet):
    model = Call
    icon = "doc-full"
    menu_label = _("Calls for papers")
    list_display = ["meeting", "opens_at", "closes_at"]
    ordering = ["-closes_at"]
    copy_view_enabled = False


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Submissions change through their speakers' pages (and, later, the review flow), which
    keep the deadline and the speakers' rights; the admin only shows them."""

    READ_ONLY = ("view",)

    def user_has_permission(self, user, action):
        return action in self.READ_ONLY and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in self.READ_ONLY]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


register_permission_policy(Submission, ReadOnlyPolicy(Submission))


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
