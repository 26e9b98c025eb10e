"""An email backend for the tests: like locmem, but refuses addresses that start with "bounce"."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class BouncingBackend(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            refused = [address for address in message.to if address.startswith("bounce")]
            if refused:
                raise smtplib.SMTPRecipientsRefused(dict.fromkeys(refused, (550, b"No such user")))
        return super().send_messages(messages)
