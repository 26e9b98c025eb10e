"""An edition of the magazine as one PDF: cover, contents and every article, with WeasyPrint.

Each part is laid out on its own, so the build can report progress per article; the pages are
then joined into one tagged PDF (see ``pioneers.core.pdf``).
"""

import base64
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from pioneers.core.models import NetworkSettings
from pioneers.core.pdf import layout, write_options
from pioneers.magazine.selectors import edition_articles

COVER_RENDITION = "max-1240x1754"


def _cover_url(edition) -> str:
    image = edition.cover_image
    if image is None:
        return ""
    rendition = image.get_rendition(COVER_RENDITION)
    try:
        return Path(rendition.file.path).resolve().as_uri()
    except NotImplementedError:  # object storage: embed the bytes instead of fetching them
        with rendition.file.open("rb") as file:
            data = base64.b64encode(file.read()).decode()
        return f"data:image/jpeg;base64,{data}"


def _layout(template: str, context: dict, *, first_page: int = 1):
    html = render_to_string(template, context)
    stylesheet = render_to_string(
        "magazine/pdf/edition.css", {"first_page": first_page - 1, **context}
    )
    return layout(html, stylesheet)


def render_edition_pdf(edition, progress=lambda rendered, total: None) -> tuple[bytes, int]:
    """The PDF of an edition's live articles, and its number of pages.

    ``progress(rendered, total)`` is called before the first article and after each one.
    """
    document = edition_document(edition, progress)
    return document.write_pdf(**write_options()), len(document.pages)


def edition_document(edition, progress=lambda rendered, total: None):
    """The laid-out edition (a WeasyPrint Document): cover, contents, then every article."""
    articles = edition_articles(edition)
    total = len(articles)
    progress(0, total)
    language = edition.locale.language_code
    with translation.override(language):
        base = {
            "edition": edition,
            "network_name": NetworkSettings.load().name,
            "language": language,
        }
        # The header line is a CSS string: no quotes or backslashes from the data.
        head = f"{base['network_name']} · {edition.season}"
        base["running_head"] = head.replace('"', "").replace("\\", "")
        cover = _layout("magazine/pdf/cover.html", {**base, "cover_url": _cover_url(edition)})
        # Articles start after the cover and the contents; the contents take one page for a
        # magazine's few articles, and are laid out again below if they take more.
        parts = []
        contents_pages = 1
        page = len(cover.pages) + contents_pages + 1
        for number, article in enumerate(articles, start=1):
            document = _layout(
                "magazine/pdf/article.html",
                {**base, "article": article, "number": number},
                first_page=page,
            )
            article.pdf_page = page
            page += len(document.pages)
            parts.append(document)
            progress(number, total)
        contents = _layout(
            "magazine/pdf/contents.html",
            {**base, "articles": articles},
            first_page=len(cover.pages) + 1,
        )
        if len(contents.pages) != contents_pages:
            shift = len(contents.pages) - contents_pages
            for article in articles:
                article.pdf_page += shift
            contents = _layout(
                "magazine/pdf/contents.html",
                {**base, "articles": articles},
                first_page=len(cover.pages) + 1,
            )
    pages = [*cover.pages, *contents.pages, *(p for part in parts for p in part.pages)]
    return cover.copy(pages)
