"""A local SMTP server (aiosmtpd) that keeps what it receives, for the tests and the bench."""

import socket
import threading
import time
from contextlib import contextmanager

from aiosmtpd.controller import Controller


class Sink:
    """Each message received: the time it arrived and its recipients."""

    def __init__(self):
        self.received: list[tuple[float, tuple[str, ...]]] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.received.append((time.monotonic(), tuple(envelope.rcpt_tos)))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_sink():
    """A running sink and its port; stopped on leaving."""
    sink = Sink()
    port = _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


def use_sink(settings, port: int) -> None:
    """Point Django's SMTP backend at the sink (plain SMTP on 127.0.0.1, no login)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
