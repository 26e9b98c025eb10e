"""Ids in paths, query strings and forms: 1 to 18 ASCII digits, nothing else.

``str.isdigit()`` and ``int()`` accept "²", "①" and "٣", and a 20-digit number is too large for
the database (SQLite raises OverflowError): such a value is simply not an id, so the page says
"not found" or the form "not a valid choice". The ``id`` path converter is registered by the
core app; use ``<id:pk>`` instead of ``<int:pk>``.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

ID_REGEX = "[0-9]{1,18}"  # below 2**63: every integer key of SQLite and PostgreSQL
MAX_ID = 10**18 - 1
_ID = re.compile(ID_REGEX)


def parse_id(value) -> int | None:
    """The id that a query or form value holds, or None when it holds none."""
    if isinstance(value, str) and _ID.fullmatch(value):
        return int(value)
    return None


class IdConverter:
    regex = ID_REGEX

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


def _not_an_id(field, value) -> bool:
    """Whether a submitted value cannot be a key of the field's queryset, without asking it."""
    return field.to_field_name is None and isinstance(value, str) and parse_id(value) is None


class ModelIdChoiceField(forms.ModelChoiceField):
    """A model choice whose submitted value is an id: anything else is an unknown choice."""

    def to_python(self, value):
        if value not in self.empty_values and _not_an_id(self, value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class ModelIdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Model choices whose submitted values are ids: anything else is not a valid value."""

    def _check_values(self, value):
        for pk in value if isinstance(value, (list, tuple)) else ():
            if _not_an_id(self, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
