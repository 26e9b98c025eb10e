"""Loading the demo network into a test database, also after a flush emptied it."""

import io


def load_test_demo() -> None:
    """The demo network, idempotent; restores what Wagtail's migrations made and a flush removed.

    Transactional tests (the live server's, the concurrency test's) empty the database after
    they ran, the root page and root collection included.
    """
    from wagtail.models import Collection, Locale, Page

    from pioneers.demo.loader import load_demo

    if not Page.objects.exists():
        locale, _ = Locale.objects.get_or_create(language_code="nl")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    # Tests make accounts of their own; the demo's refusal of real accounts is tested apart.
    load_demo(io.StringIO(), force=True)
