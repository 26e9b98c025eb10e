"""Forms of the network's public pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pioneers.network.models import Organisation


class MemberFilterForm(forms.Form):
    """Filters of the members page; an unknown province is an error, never a crash."""

    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.PROVINCE).order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All provinces"),
    )
