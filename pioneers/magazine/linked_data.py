"""Magazine editions (schema.org PublicationIssue) and their articles (Article) as data."""

from pioneers.core.linked_data import creative_work
from pioneers.core.links import page_url


def edition_json_ld(edition) -> dict:
    magazine = edition.get_parent()
    return creative_work(
        edition,
        "PublicationIssue",
        description=edition.season,
        issueNumber=str(edition.number),
        datePublished=edition.publication_date.isoformat(),
        isPartOf={"@type": "Periodical", "name": magazine.title, "url": page_url(magazine)},
    )


def article_json_ld(article, edition) -> dict:
    data = creative_work(
        article,
        "Article",
        description=article.intro,
        headline=article.title[:110],
        datePublished=edition.publication_date.isoformat(),
        isPartOf={"@type": "PublicationIssue", "@id": page_url(edition), "name": edition.title},
    )
    authors = [{"@type": "Person", "name": author.name} for author in article.authors.all()]
    if authors:
        data["author"] = authors
    return data
