"""The way in for coordinators from Wagtail's admin: a menu item to the campaign pages, which
live on the site itself (they poll their progress with HTMX, like the magazine's PDF page), and
the list of unsubscribed addresses."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pioneers.core.roles import is_coordinator
from pioneers.core.snippets import ReadOnlyPermissionPolicy
from pioneers.outreach.models import Unsubscribe


class CoordinatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def campaigns_menu_item():
    return CoordinatorsMenuItem(
        _("Outreach campaigns"), reverse("outreach:campaigns"), icon_name="mail", order=440
    )


class ViewAndRemovePolicy(ReadOnlyPermissionPolicy):
    """Coordinators see the unsubscribed addresses and remove one when its owner asks to get
    the campaigns again; nobody adds or edits one here (that is the owner's link)."""

    READ_ONLY = ("view", "delete")


register_permission_policy(Unsubscribe, ViewAndRemovePolicy(Unsubscribe))


class UnsubscribeViewSet(SnippetViewSet):
    model = Unsubscribe
    icon = "mail"
    menu_label = _("Unsubscribed addresses")
    menu_order = 441
    add_to_admin_menu = True
    list_display = ["email", "created_at"]
    search_fields = ["email"]
    search_backend_name = None  # a plain database search: no index to keep
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = False


register_snippet(UnsubscribeViewSet)
