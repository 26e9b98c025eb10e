"""The site-wide search form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Show"), required=False)
