"""Demo topics: what the 2018-2020 network talked about."""

from django.utils.text import slugify

from pioneers.topics.models import Topic

TOPICS = [
    ("Open overheid", "Open government"),
    ("Actieve openbaarmaking", "Proactive disclosure"),
    ("Woo-verzoeken", "Freedom of information requests"),
    ("Open data", "Open data"),
    ("Open raadsinformatie", "Open council information"),
    ("Participatie", "Participation"),
    ("Informatiehuishouding", "Information management"),
    ("Open begroting", "Open budget"),
    ("Algoritmes", "Algorithms"),
    ("Toegankelijke overheidsinformatie", "Accessible government information"),
]


def load_topics_demo() -> None:
    for name, name_en in TOPICS:
        Topic.objects.get_or_create(slug=slugify(name), defaults={"name": name, "name_en": name_en})
