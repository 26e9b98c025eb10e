"""Writes for the site's page tree: the home page in both languages and its content pages."""

from wagtail.models import Locale, Page, Revision, Site

from pioneers.core.pages import publish
from pioneers.publications.models import ContentPage, HomePage


def site_tree_ensure(*, home: dict, pages: list[dict]) -> list[str]:
    """The home page in Dutch and English, and under it every content page that is missing.

    ``home`` holds the home page's fields per language; each of ``pages`` holds ``menu``,
    ``footer``, the page's fields per language and optionally its ``model`` (a subclass of
    ContentPage; ContentPage when absent). A page counts as there when the Dutch home
    has a child with its Dutch slug, so what coordinators edited stays as it is. Returns the
    Dutch titles of the pages made.
    """
    nl, _created = Locale.objects.get_or_create(language_code="nl")
    en, _created = Locale.objects.get_or_create(language_code="en")
    made = []
    home_nl = HomePage.objects.filter(locale=nl).first()
    if home_nl is None:
        home_nl = _home_create(home, nl, en)
        made.append(home_nl.title)
    taken = set(home_nl.get_children().values_list("slug", flat=True))
    for spec in pages:
        if spec["nl"]["slug"] in taken:
            continue
        page = spec.get("model", ContentPage)(
            locale=nl, show_in_menus=spec["menu"], show_in_footer=spec["footer"], **spec["nl"]
        )
        home_nl.add_child(instance=page)
        publish(page)
        if HomePage.objects.filter(locale=en).exists():
            translation = page.copy_for_translation(en, copy_parents=False)
            for field, value in spec["en"].items():
                setattr(translation, field, value)
            translation.save()
            publish(translation)
        made.append(page.title)
    return made


def _home_create(home: dict, nl, en):
    root = Page.get_first_root_node()
    # Wagtail's first migration makes a "Welcome" page; the network's home replaces it.
    placeholder_ids = list(
        Page.objects.child_of(root)
        .exclude(content_type__model="homepage")
        .values_list("pk", flat=True)
    )
    Page.objects.filter(pk__in=placeholder_ids).update(slug="placeholder")
    if root.locale_id != nl.pk:
        Page.objects.filter(pk=root.pk).update(locale=nl)
        root.refresh_from_db()
    home_nl = HomePage(locale=nl, **home["nl"])
    root.add_child(instance=home_nl)
    publish(home_nl)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name="")
    site.root_page = home_nl
    site.save()
    Page.objects.filter(pk__in=placeholder_ids).delete()

    home_en = home_nl.copy_for_translation(en)
    for field, value in home["en"].items():
        setattr(home_en, field, value)
    home_en.save()
    publish(home_en)
    return home_nl


# A person's own data (see pioneers.core.personal_data) ------------------------------------


def pages_erase(user) -> None:
    """Pages a person made stay, without them as owner, in saved revisions too (so publishing a
    draft later does not bring the link back)."""
    for revision in Revision.objects.filter(content__owner=user.pk).iterator():
        revision.content["owner"] = None
        revision.save(update_fields=["content"])
