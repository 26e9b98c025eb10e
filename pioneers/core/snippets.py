"""What the admin's snippet views share: the originals of translatable content
(``core.translations``), and read-only models."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import IndexView


class OriginalsIndexView(IndexView):
    """The originals, unless the editor picks a language (or all) in the locale filter: a
    translation is reached from its original's "Translate" and language menu."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if "locale" not in self.request.GET:
            queryset = queryset.originals()
        return queryset


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Coordinators see the rows; nobody adds, changes or deletes them in the admin.

    For models that change through their own flows (a meeting's registrations: the
    registrant's link and the guest list keep the capacity and send the emails), which the
    admin's generic forms would bypass. Wagtail refuses the add, edit, copy and delete views,
    also to superusers.
    """

    READ_ONLY = ("view",)

    def user_has_permission(self, user, action):
        return action in self.READ_ONLY and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in self.READ_ONLY]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
