"""The open-data page: the editors' text about reuse, and under it every dataset with its
formats and licence, the full dump, the API, the feeds and calendars, the widgets and what
harvesters read, all from the registry in ``datasets.py`` so the page never lags behind it."""

from django.utils.translation import gettext_lazy as _

from pioneers.publications.models import ContentPage


class OpenDataPage(ContentPage):
    """A content page (menu, footer, search) that also lists the network's open data."""

    template = "opendata/open_data_page.html"
    parent_page_types = ["publications.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open-data page")
        verbose_name_plural = _("open-data pages")

    def get_context(self, request, *args, **kwargs):
        from pioneers.opendata.overview import overview

        context = super().get_context(request, *args, **kwargs)
        context.update(overview(request))
        return context
