"""Demo topics: what the 2018–2020 network talked about, and the topic map that came out of the
2018 letter to every municipality: proposals, votes and comments of member municipalities
(``data/topics.toml``). Loaded through the services, so the demo keeps the rules too."""

import datetime as dt

from pioneers.demo.files import read
from pioneers.network.models import Person
from pioneers.topics.models import Topic, TopicComment, TopicVote
from pioneers.topics.services import (
    topic_comment_create,
    topic_get_or_create,
    topic_propose,
    topic_set_status,
    topic_translate,
    topic_vote_set,
)

PROPOSED_AT = dt.datetime(2018, 10, 15, 10, 0, tzinfo=dt.UTC)


def _pioneer(code: str) -> Person:
    return (
        Person.objects.filter(organisation__cbs_code=code, user__isnull=False)
        .select_related("user", "organisation")
        .order_by("pk")
        .first()
    )


def load(stdout) -> None:
    data = read("topics")
    for row in data["topics"]:
        topic = topic_get_or_create(name=row["name"])
        topic_translate(topic=topic, language="en", name=row["name_en"])
    if TopicVote.objects.exists():
        return  # the map is there already
    for row in data["proposals"]:
        topic = Topic.objects.filter(name=row["name"]).first() or topic_propose(
            person=_pioneer(row["organisation"]),
            name=row["name"],
            description=row["description"],
            values=row["values"],
        )
        topic_translate(
            topic=topic, language="en", name=row["name_en"], description=row["description_en"]
        )
        # The demo's proposals answered the letter of autumn 2018.
        Topic.all_locales.filter(translation_key=topic.translation_key).update(
            proposed_at=PROPOSED_AT
        )
        if row["status"] != topic.status:
            topic_set_status(topic=topic, status=row["status"])
    topics = {t.slug: t for t in Topic.objects.all()}
    count = 0
    for row in data["mapping"]["votes"]:
        person = _pioneer(row["code"])
        for slug, votes in row["topics"].items():
            topic_vote_set(person=person, topic=topics[slug], votes=votes)
            count += votes
    for day, row in enumerate(data["comments"], start=1):
        comment = topic_comment_create(
            person=_pioneer(row["code"]), topic=topics[row["topic"]], text=row["text"]
        )
        TopicComment.objects.filter(pk=comment.pk).update(
            created_at=PROPOSED_AT + dt.timedelta(days=14 + day)
        )
    stdout.write(f"  topic map: {len(data['proposals'])} proposals, {count} votes\n")
