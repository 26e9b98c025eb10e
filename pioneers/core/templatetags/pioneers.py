"""Template tags of the layout: the language switcher, form widgets, machine-readable dates."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.forms import BaseForm, BaseFormSet
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import timezone
from django.utils.html import conditional_escape, format_html

from pioneers.core.languages import current_language
from pioneers.core.linked_data import to_script
from pioneers.core.links import absolute_url, webcal_url
from pioneers.core.live import marker
from pioneers.core.pages import page_sections as _page_sections
from pioneers.core.selectors import nearest_translated_ancestor_url, page_translation_urls

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to this same page in that language, with its query string.

    A page that has no translation in a language links, through the language view that says so
    in that language, to the nearest listing above it in that language, or else its home page.
    """
    request = context.get("request")
    page = _tree_page(context)
    current = current_language()
    query = request.META.get("QUERY_STRING", "") if request is not None else ""
    links = []
    for code, name in settings.LANGUAGES:
        url = _translation_urls(context).get(code)
        if url is not None:
            url = f"{url}?{query}" if query else url
        else:
            url = _untranslated_link(page, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag
def software_links() -> dict:
    """The platform's licence and where its source code is, for the footer."""
    return {"licence": settings.LICENCE_URL, "source": settings.SOURCE_URL}


@register.inclusion_tag("core/_alternates.html", takes_context=True)
def alternate_links(context):
    """The canonical address of this page and, when it exists in more than one language, its
    address in each (``<link rel="alternate" hreflang>``): the same translations the language
    switcher links to, on the site's configured address, without the query string."""
    request = context.get("request")
    urls = _translation_urls(context)
    canonical = urls.get(current_language())
    if canonical is None and request is not None:
        canonical = request.path
    alternates = [(code, absolute_url(url)) for code, url in urls.items() if url is not None]
    return {
        "canonical": absolute_url(canonical) if canonical else "",
        "alternates": alternates if len(alternates) > 1 else [],
    }


def _tree_page(context):
    page = context.get("page")
    # Not a page of the tree (a list view's page of results, say): no page then.
    return page if getattr(page, "translation_key", None) else None


def _translation_urls(context) -> dict:
    """Language code to the path of this page in that language; None where it has none.

    Wagtail's pages through their translations, Django's views through their translated URL
    patterns. Computed once per rendering: the switcher and the head both ask.
    """
    cache_key = "_pioneers_translation_urls"
    if cache_key in context:
        return context[cache_key]
    request = context.get("request")
    page = _tree_page(context)
    translations = page_translation_urls(page) if page is not None else {}
    urls = {}
    for code, _name in settings.LANGUAGES:
        url = None
        if page is not None:
            url = translations.get(code)
        elif request is not None and _served_by_django(request):
            url = translate_url(request.path, code)
            # translate_url returns what it cannot resolve unchanged: never link to that.
            if url == request.path and code != current_language():
                url = None
            if url is not None and (not url.startswith("/") or url.startswith("//")):
                url = None
        urls[code] = url
    context.dicts[0][cache_key] = urls
    return urls


def _served_by_django(request) -> bool:
    """Not a path of Wagtail's page tree without its page (a 404 there): no translation then."""
    match = getattr(request, "resolver_match", None)
    return match is None or match.url_name != "wagtail_serve"


def _untranslated_link(page, code: str) -> str:
    """The language view's address that leads to the nearest listing in that language."""
    target = None
    if page is not None:
        target = nearest_translated_ancestor_url(page, code)
    try:
        view = reverse("untranslated", args=[code])
    except NoReverseMatch:  # an error page rendered under another URL configuration
        return target or f"/{code}/"
    return f"{view}?{urlencode({'next': target or f'/{code}/'})}"


WIDGET_CLASSES = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "clearablefile": "pioneers-file",
    "select": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
}


@register.simple_tag
def form_widget(field):
    """A field's widget with NL Design System classes; its messages linked for screen readers."""
    classes = WIDGET_CLASSES.get(field.widget_type, "utrecht-textbox utrecht-textbox--html-input")
    if field.errors:
        classes += " utrecht-textbox--invalid" if "textbox" in classes else ""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {"class": classes}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.form.errors:
        attrs["autofocus"] = False  # the error summary takes the focus; one autofocus a page
    return field.as_widget(attrs=attrs)


@register.filter
def error_anchor(field):
    """The id the error summary links to: the field's input, or a group's first choice."""
    if field.widget_type in ("radioselect", "checkboxselectmultiple"):
        return f"{field.auto_id}_0"
    return field.id_for_label


@register.simple_tag
def error_summary(form):
    """The form's error summary, once per form: allauth's form element and the fields both ask."""
    if not getattr(form, "errors", None) or getattr(form, "_error_summary_shown", False):
        return ""
    form._error_summary_shown = True
    return render_to_string("core/forms/error_summary.html", {"form": form})


@register.simple_tag(takes_context=True)
def page_has_form_errors(context) -> bool:
    """Whether any form on the page came back with errors: the page title then says so."""

    for value in context.flatten().values():
        kind = type(value)  # not isinstance(), which would evaluate lazy objects (the menu)
        if issubclass(kind, BaseForm) and value.is_bound and value.errors:
            return True
        if issubclass(kind, BaseFormSet) and value.is_bound and value.total_error_count():
            return True
    return False


@register.simple_tag
def json_ld(data):
    """A schema.org ``<script type="application/ld+json">`` element with ``data``."""
    if not data:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', to_script(data))


@register.filter
def webcal(path):
    """A path as a calendar subscription link (``webcal://`` on the site's address)."""
    return webcal_url(str(path))


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed, for links that keep filters."""
    params = context["request"].GET.copy()
    for name, value in changes.items():
        params[name] = value
    return params.urlencode()


@register.filter
def machine_datetime(value):
    """A date or moment for a ``datetime`` attribute: ``2027-02-16T13:30:00+01:00``.

    Django's ``date:"c"`` writes microseconds, which the HTML ``<time>`` element does not accept;
    moments are given in the site's time zone, to the second.
    """
    if not value:
        return ""
    if not hasattr(value, "hour"):
        return value.isoformat()  # a date
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


@register.filter(needs_autoescape=True)
def in_language(value, language=None, autoescape=True):
    """Content in the language it was written in, marked as such where the page's differs.

    ``{{ meeting.title|in_language }}`` on an English page gives ``<span lang="nl">…</span>``:
    what the network writes (meetings, organisations) is in its main language unless a language
    is given, e.g. a page's ``locale.language_code``, or the text knows its own (``.language``).
    WCAG 3.1.2, language of parts.
    """
    text = conditional_escape(value) if autoescape else value
    # A text may know its language (surveys' LocalizedText); else the network's.
    language = (language or getattr(value, "language", None) or settings.LANGUAGE_CODE)[:2]
    if value in (None, "") or language == current_language():
        return text
    return format_html('<span lang="{}">{}</span>', language, text)


@register.simple_tag
def live(name, *parts):
    """A live fragment's marker (pioneers.core.live), filled in on every response, even cached:
    ``{% live "places_left" meeting.pk "of" %}`` marks ``places_left`` for argument ``42.of``."""
    return marker(name, ".".join(str(part) for part in parts))


@register.simple_tag(takes_context=True)
def page_sections(context, obj, place=""):
    """The sections other apps add to the page of this object, at this place of it
    (``core.pages.register_page_section``)."""
    return _page_sections(obj, context.get("request"), place)
