"""What the admin's snippet views of translatable content share (``core.translations``)."""

from wagtail.snippets.views.snippets import IndexView


class OriginalsIndexView(IndexView):
    """The originals, unless the editor picks a language (or all) in the locale filter: a
    translation is reached from its original's "Translate" and language menu."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if "locale" not in self.request.GET:
            queryset = queryset.originals()
        return queryset
