"""The network's shared list of topics: what meetings, articles and practices are about.

Topic proposals, votes and topic-mapping surveys (a later issue) build on this list.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from pioneers.core.languages import current_language


class Topic(models.Model):
    name = models.CharField(_("name (Dutch)"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language."""
        return self.name_en if self.label_language == "en" else self.name

    @property
    def label_language(self) -> str:
        """The language the label is in: Dutch where no English name was given."""
        return "en" if current_language() == "en" and self.name_en else "nl"
