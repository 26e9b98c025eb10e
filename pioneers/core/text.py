"""Plain text that people typed, as safe HTML."""

from django.utils.html import escape


def text_to_html(text: str) -> str:
    """Plain text as safe HTML: blank lines separate paragraphs, single newlines break lines.

    Everything typed is escaped, so no tag, script or link survives as markup; rich-text fields
    take the result as it is.
    """
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs
        if p
    )
