"""Demo home page: its blocks in Dutch and English (``data/home.toml``), on a home page that
has none yet, so that loading again duplicates nothing and coordinators' edits stay."""

from pioneers.core.pages import publish
from pioneers.demo.files import read
from pioneers.publications.models import HomePage


def load(stdout) -> None:
    data = read("home")
    filled = []
    for home in HomePage.objects.select_related("locale").order_by("pk"):
        blocks = data.get(home.locale.language_code)
        if home.body or not blocks:
            continue
        home.body = [
            (spec["type"], {key: value for key, value in spec.items() if key != "type"})
            for spec in blocks
        ]
        publish(home)
        filled.append(home.locale.language_code)
    if filled:
        stdout.write(f"  home page: {len(data[filled[0]])} blocks ({', '.join(filled)})\n")
