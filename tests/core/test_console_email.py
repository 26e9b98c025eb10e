"""The console email backend of `make run`: each email as a readable block, never raw MIME."""

import io

from django.core.mail import EmailMessage, EmailMultiAlternatives

from pioneers.core.console_email import EmailBackend

LINK = "https://example.org/nl/aanmelding/5vBuos9n4NcB8_e_9jbfehI5fXUb3jhJ/?taal=nl&stap=2"


def _printed(*messages) -> str:
    stream = io.StringIO()
    assert EmailBackend(stream=stream).send_messages(list(messages)) == len(messages)
    return stream.getvalue()


def test_a_text_email_prints_subject_addresses_text_with_links_and_attachments():
    message = EmailMultiAlternatives(
        subject="Je bent aangemeld: Kennissessie in ’s-Hertogenbosch",
        body=f"Hallo Anneke,\n\nJe aanmelding bekijken of annuleren:\n{LINK}\n\nGroet",
        from_email="Pioniersnetwerk <noreply@example.org>",
        to=["Anneke Één <anneke@example.org>", "jan@example.org"],
        headers={"Reply-To": "coordinator@example.org"},
    )
    message.attach_alternative(f'<p>Hallo <a href="{LINK}">bekijk</a></p>', "text/html")
    message.attach("meeting.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.attach("check-in.png", b"\x89PNG" + bytes(1996), "image/png")

    printed = _printed(message)

    assert printed.startswith("=" * 72 + "\n")
    assert "Subject:  Je bent aangemeld: Kennissessie in ’s-Hertogenbosch\n" in printed
    assert "From:     Pioniersnetwerk <noreply@example.org>\n" in printed
    assert "To:       Anneke Één <anneke@example.org>, jan@example.org\n" in printed
    assert "Reply-To: coordinator@example.org\n" in printed
    assert f"\n{LINK}\n" in printed  # the link whole, as in the email
    assert "Hallo Anneke," in printed and "<p>" not in printed  # the text, not the HTML
    assert "  - meeting.ics (text/calendar, 32 bytes)\n" in printed
    assert "  - check-in.png (image/png, 2.0 kB)\n" in printed
    for mime in ("Content-Type", "Content-Transfer-Encoding", "=3D", "=\n", "=?utf-8?", "iVBOR"):
        assert mime not in printed.removeprefix("=" * 72)


def test_an_html_only_email_prints_its_text_and_lists_its_links():
    message = EmailMessage(
        subject="Inloggen bij Pioneers",
        body=(
            "<html><head><title>Inloggen</title><style>p { color: red }</style></head><body>"
            "<h1>Welkom terug</h1><p>Je code is <strong>ABC-123</strong>. "
            f'<a href="{LINK}">Log hier in</a> of <a href="https://example.org/nl/">ga naar '
            "de site</a>.</p><ul><li>Eén keer geldig</li><li>10 minuten</li></ul>"
            "<p>Groet &amp; tot ziens</p></body></html>"
        ),
        to=["member@example.org"],
    )
    message.content_subtype = "html"

    printed = _printed(message)

    assert "Subject:  Inloggen bij Pioneers\n" in printed
    assert "To:       member@example.org\n" in printed
    assert "Welkom terug\n\nJe code is ABC-123. Log hier in [1] of ga naar de site [2].\n" in (
        printed
    )
    assert "- Eén keer geldig\n- 10 minuten\n" in printed
    assert "Groet & tot ziens" in printed
    assert f"Links:\n  [1] {LINK}\n  [2] https://example.org/nl/\n" in printed
    body = printed.split("\n\n", 1)[1]
    assert "<" not in body and "color: red" not in body and "Inloggen" not in body  # nor title


def test_several_emails_print_as_separate_blocks():
    first = EmailMessage("Eerste", "Een", to=["a@example.org"])
    second = EmailMessage("Tweede", "Twee", to=["b@example.org"])
    printed = _printed(first, second)
    assert printed.count("=" * 72) == 2
    assert printed.index("Subject:  Eerste") < printed.index("Subject:  Tweede")
