"""Demo topics: what the 2018–2020 network talked about (``data/topics.toml``)."""

from pioneers.demo.files import read
from pioneers.topics.services import topic_get_or_create, topic_translate


def load(stdout) -> None:
    for row in read("topics")["topics"]:
        topic = topic_get_or_create(name=row["name"])
        topic_translate(topic=topic, language="en", name=row["name_en"])
