"""What every page's layout needs: navigation and the links to the other language."""

from django.utils.functional import SimpleLazyObject


def site_chrome(request):
    def navigation():
        from pioneers.publications.selectors import site_navigation

        return site_navigation()

    # Lazy: a page that does not show the menu (the 500 page) never touches the database.
    return {"navigation": SimpleLazyObject(navigation)}
