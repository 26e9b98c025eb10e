"""The console email backend of the embedded profile: each email as a block a person can read in
the terminal of `make run` (subject, addresses, text with its links, attachments), not as MIME."""

from email.message import Message
from html.parser import HTMLParser

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

SEPARATOR = "=" * 72
# What each tag adds before and after its text; three or more line breaks become two.
_PARAGRAPH = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre")
_LINE = ("div", "section", "article", "header", "footer", "main", "address", "ul", "ol", "dl")
_LAYOUT = {
    **dict.fromkeys(_PARAGRAPH, ("\n\n", "\n\n")),
    **dict.fromkeys((*_LINE, "hr"), ("\n", "\n")),
    **dict.fromkeys(("br", "tr"), ("\n", "")),
    "li": ("\n- ", ""),
    "dt": ("\n", ""),
    "dd": ("\n  ", ""),
    "td": ("", " "),
    "th": ("", " "),
}
_HIDDEN = {"head", "script", "style", "template", "title"}


class EmailBackend(DjangoConsoleBackend):
    """Writes each email to the stream (standard output) as a readable block."""

    def write_message(self, message):
        text = email_as_text(message) + "\n"
        try:
            self.stream.write(text)
        except UnicodeEncodeError:  # a terminal that cannot show every character still gets all
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            self.stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


def email_as_text(message) -> str:
    """A Django EmailMessage as lines of text: headers, body, links of an HTML body, files."""
    lines = [SEPARATOR]
    for label, value in (
        ("Subject:", message.subject),
        ("From:", message.from_email),
        ("To:", message.to),
        ("Cc:", message.cc),
        ("Bcc:", message.bcc),
        ("Reply-To:", message.reply_to or _header(message, "Reply-To")),
    ):
        if value:
            lines.append(f"{label:<10}{_addresses(value)}")
    lines.append("")
    body, links = _body(message)
    lines.append(body.strip() or "(no text)")
    if links:
        lines += ["", "Links:", *(f"  [{number}] {url}" for number, url in enumerate(links, 1))]
    files = [_attachment(attachment) for attachment in message.attachments]
    if files:
        lines += ["", "Attachments:", *(f"  - {name}" for name in files)]
    return "\n".join(lines) + "\n"


def _header(message, name: str) -> str:
    return next((v for k, v in message.extra_headers.items() if k.lower() == name.lower()), "")


def _addresses(value) -> str:
    """A header's value: one string as it is, a list of addresses separated by commas."""
    return ", ".join(str(a) for a in value) if isinstance(value, list | tuple) else str(value)


def _body(message) -> tuple[str, list[str]]:
    """The plain text, or a text rendering of the HTML with its link addresses listed."""
    if message.content_subtype != "html" and message.body.strip():
        return message.body, []
    html = message.body if message.content_subtype == "html" else ""
    for content, mimetype in getattr(message, "alternatives", []):
        if not html and mimetype == "text/html":
            html = content
    if not html:
        return message.body, []
    return html_as_text(html)


def html_as_text(html: str) -> tuple[str, list[str]]:
    """Text of an HTML email, each link marked [n], and the list of link addresses."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip(), parser.links


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0
        self._href: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _LAYOUT:
            self.parts.append(_LAYOUT[tag][0])
        if tag == "a":
            href = dict(attrs).get("href") or None
            self._href.append(href if href and not href.startswith("#") else None)
        elif tag == "img" and not self._hidden:
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _LAYOUT:
            self.parts.append(_LAYOUT[tag][1])
        if tag == "a" and self._href:
            href = self._href.pop()
            if href:
                if href not in self.links:
                    self.links.append(href)
                self.parts.append(f" [{self.links.index(href) + 1}]")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def _attachment(attachment) -> str:
    """``name (type, size)`` of an attachment given as a tuple or as a MIME part."""
    if isinstance(attachment, Message):
        name = attachment.get_filename() or "(no name)"
        mimetype = attachment.get_content_type()
        content = attachment.get_payload(decode=True) or b""
    else:
        name, content, mimetype = attachment
        name = name or "(no name)"
    if isinstance(content, str):
        content = content.encode()
    return f"{name} ({mimetype or 'unknown type'}, {_size(len(content))})"


def _size(count: int) -> str:
    if count < 1000:
        return f"{count} bytes"
    if count < 1000 * 1000:
        return f"{count / 1000:.1f} kB"
    return f"{count / 1000 / 1000:.1f} MB"
