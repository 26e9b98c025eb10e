"""The way in for coordinators from Wagtail's admin: a menu item to the campaign pages, which
live on the site itself (they poll their progress with HTMX, like the magazine's PDF page)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from pioneers.core.roles import is_coordinator


class CoordinatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def campaigns_menu_item():
    return CoordinatorsMenuItem(
        _("Outreach campaigns"), reverse("outreach:campaigns"), icon_name="mail", order=440
    )
