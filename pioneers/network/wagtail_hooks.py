"""Organisations and memberships in the coordinators' admin."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pioneers.network.models import ContactLog, Membership, Organisation, Person


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "province", "is_approved"]
    list_filter = ["kind", "is_approved"]
    search_fields = ["name"]
    # The list searches these columns in the database, on SQLite as on PostgreSQL: Wagtail's
    # search index cannot be limited to chosen fields on SQLite ("no such column").
    search_backend_name = None


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "tick"
    menu_label = _("Memberships")
    list_display = ["organisation", "status", "member_since", "left_on"]
    list_filter = ["status"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "organisation", "role", "public_profile"]
    list_filter = ["role", "public_profile"]
    search_fields = ["name"]


class ContactLogViewSet(SnippetViewSet):
    model = ContactLog
    icon = "comment"
    menu_label = _("Contact log")
    list_display = ["organisation", "date", "kind"]
    list_filter = ["kind"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, MembershipViewSet, PersonViewSet, ContactLogViewSet)
    menu_icon = "group"
    menu_label = _("Network")
    menu_name = "network"


register_snippet(NetworkViewSetGroup)


@hooks.register("register_admin_menu_item")
def join_requests_menu_item():
    """Coordinators decide on join requests on a page of the site itself."""
    return MenuItem(
        _("Join requests"), reverse("network:join_requests"), icon_name="mail", order=250
    )
