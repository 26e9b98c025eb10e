"""The four values of the Open Government Partnership, which practices and topics are tagged with.

Apps store each value as a boolean field of the same name; ``OGP_VALUES`` lists them as
(field, label) in the order pages show them.
"""

from django.utils.translation import gettext_lazy as _

OGP_VALUES = [
    ("transparency", _("transparency")),
    ("participation", _("participation")),
    ("accountability", _("accountability")),
    ("technology", _("technology and innovation")),
]


def values_of(obj) -> list:
    """The labels of the values an object (with one boolean field per value) has."""
    return [label for field, label in OGP_VALUES if getattr(obj, field)]
