"""The baseline server for `bench/run.py`: the pages' saved HTML, served from memory.

Run under the same gunicorn (same sync workers, same worker count) as the real site, so the
difference between the two measurements is what Django and Wagtail cost per request, not what
the HTTP server or the network stack costs.
"""

import json
import os
from pathlib import Path

# Everything is read once at import (gunicorn --preload): a request only looks up bytes.
_DIRECTORY = Path(os.environ["BENCH_STATIC_DIR"])
_PAGES = {
    path: (_DIRECTORY / name).read_bytes()
    for path, name in json.loads((_DIRECTORY / "pages.json").read_text()).items()
}


def application(environ, start_response):
    body = _PAGES.get(environ.get("PATH_INFO", ""))
    if body is None:
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "0")])
        return [b""]
    start_response(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]
