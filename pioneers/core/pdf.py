"""Documents as PDF with WeasyPrint: tagged (PDF/UA-1 where the installed WeasyPrint supports
it), and with images from local files only. The URL fetcher refuses everything outside the media
and static folders, so a build never reaches the network.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

PDF_VARIANT = "pdf/ua-1"


def _allowed_roots() -> list[Path]:
    roots = [Path(settings.MEDIA_ROOT), Path(settings.STATIC_ROOT)]
    roots += [Path(p) for p in getattr(finders, "searched_locations", [])]
    return [root.resolve() for root in roots]


def fetcher():
    """A URL fetcher for files under MEDIA_ROOT and the static folders, and data: URLs."""

    # heavy: WeasyPrint loads only when a PDF is made (workers stay small)
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme != "file":
                raise ValueError(f"PDF builds fetch no network resources: {url}")
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in _allowed_roots()):
                raise ValueError(f"Not a media or static file: {path}")
            return URLFetcherResponse(url, path.read_bytes())

    return LocalFilesOnly(allowed_protocols=("file", "data"))


def write_options() -> dict:
    """Tagged PDF/UA-1 when this WeasyPrint knows the variant, else plain tags, else nothing."""
    import weasyprint  # heavy: loaded only when a PDF is made

    try:
        from weasyprint.pdf import VARIANTS
    except ImportError:  # pragma: no cover - an older WeasyPrint
        VARIANTS = {}
    if PDF_VARIANT in VARIANTS:
        return {"pdf_variant": PDF_VARIANT}
    if "pdf_tags" in getattr(weasyprint, "DEFAULT_OPTIONS", {}):
        return {"pdf_tags": True}
    return {}


def layout(html: str, stylesheet: str):
    """The laid-out document (a WeasyPrint Document) of an HTML string and its stylesheet."""
    from weasyprint import CSS, HTML  # heavy: loaded only when a PDF is made

    return HTML(string=html, base_url=str(settings.MEDIA_ROOT), url_fetcher=fetcher()).render(
        stylesheets=[CSS(string=stylesheet)], **write_options()
    )


def render_pdf(html: str, stylesheet: str) -> bytes:
    """A one-part document as PDF bytes."""
    return layout(html, stylesheet).write_pdf(**write_options())
