"""Private files: kept outside the publicly served media folder, served only by views that check
who asks (a private profile's photo, for example). ``STORAGES["private"]`` says where they live.
"""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class _PrivateStorage(LazyObject):
    """``storages["private"]``, looked up when first used, so tests can point it elsewhere."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


def private_storage():
    """For ``FileField(storage=private_storage)``: migrations keep this reference."""
    return _private


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty
