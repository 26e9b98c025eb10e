"""The site's navigation (menu, footer, home) for every page's layout."""

from django.utils.functional import SimpleLazyObject


def navigation(request):
    def build():
        from pioneers.publications.selectors import site_navigation

        return site_navigation()

    # Lazy: a page that does not show the menu (the 500 page) never touches the database.
    return {"navigation": SimpleLazyObject(build)}
