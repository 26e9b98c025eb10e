"""The site's navigation (menu, footer, home) for every page's layout."""

from django.utils.functional import SimpleLazyObject

from pioneers.publications.selectors import site_navigation


def navigation(request):
    def build():
        return site_navigation()

    # Lazy: a page that does not show the menu (the 500 page) never touches the database.
    return {"navigation": SimpleLazyObject(build)}
