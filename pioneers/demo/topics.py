"""Demo topics: what the 2018–2020 network talked about (``data/topics.toml``)."""

from pioneers.core.slugs import slug_of
from pioneers.demo.files import read
from pioneers.topics.models import Topic


def load(stdout) -> None:
    for topic in read("topics")["topics"]:
        Topic.objects.get_or_create(
            slug=slug_of(topic["name"]),
            defaults={"name": topic["name"], "name_en": topic["name_en"]},
        )
