"""The home page's blocks, rendered once per language and day and cached until what they show
changes: eight lists, a map and figures cost more to render than to fetch. The introduction,
member figure and joining section around them are rendered as usual."""

from django.template.loader import render_to_string
from django.utils import timezone

from pioneers.core.cache import SITE, cached_render
from pioneers.core.languages import current_language

# Pages (reports, practices, editions, the home page itself) are "site"; meetings, take-ups,
# members and results have tags of their own. The blocks' own caches use a subset of these.
HOME_TAGS = (SITE, "meetings", "practices", "network", "evaluation")
TEMPLATE = "publications/_home_body.html"


def home_body_html(page, *, preview: bool = False) -> str:
    """The home page's blocks as HTML; a preview of unsaved blocks is never cached."""
    from pioneers.publications.selectors import home_sections

    language = current_language()

    def context() -> dict:
        return {"page": page, "sections": home_sections(page), "LANGUAGE_CODE": language}

    if preview:
        return render_to_string(TEMPLATE, context())
    # The day is in the key: which meetings are still to come changes at midnight.
    today = timezone.localdate().isoformat()
    return cached_render(f"home:{page.pk}:{language}:{today}", TEMPLATE, context, tags=HOME_TAGS)
