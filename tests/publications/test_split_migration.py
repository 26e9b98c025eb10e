"""Moving reports, the knowledge base and the magazine out of publications keeps the data.

The database goes back to before the move, rows are made with the models of then, and after
migrating forward they are found through the new apps' models, under the same content types.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale, Page

from pioneers.magazine.models import ArticleAuthor, ArticlePage, EditionPage
from pioneers.meetings.models import Meeting
from pioneers.network.models import Organisation, Person
from pioneers.practices.models import Nomination, PracticePage, PracticeReuse
from pioneers.reports.models import DraftComment, FollowUpAction, ReportPage
from pioneers.topics.models import Topic

BEFORE_SPLIT = [
    ("publications", "0005_magazine"),
    ("reports", None),
    ("practices", None),
    ("magazine", None),
]
MOVED = {
    "reports": ["reportpage", "draftcomment", "followupaction"],
    "practices": ["practicepage", "practicereuse", "nomination"],
    "magazine": ["editionpage", "articlepage", "articleauthor"],
}


def _migrate(targets=None):
    """Migrate to ``targets`` (the latest state without); the models of that state."""
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    return state.apps


def _page(old, model, path, **fields):
    """A page row at ``path`` in the tree, made with the models of before the move."""
    content_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="publications", model=model.lower()
    )
    return old.get_model("publications", model).objects.create(
        title=f"Moved {model}",
        draft_title=f"Moved {model}",
        slug=f"moved-{model.lower()}",
        path=path,
        depth=len(path) // Page.steplen,
        url_path=f"/moved-{model.lower()}/",
        content_type=content_type,
        locale_id=Locale.objects.get(language_code="nl").pk,
        live=True,
        **fields,
    )


@pytest.mark.django_db(transaction=True)
def test_the_split_keeps_rows_and_content_type_ids(demo):
    meeting = Meeting.objects.filter(live=True).first()
    municipality = Organisation.objects.filter(kind="municipality").first()
    other = Organisation.objects.exclude(pk=municipality.pk).first()
    person = Person.objects.first()
    topic = Topic.objects.originals().first()
    # Under the root, after the demo's pages: "ZZ" sorts after every path the demo made.
    root_path = Page.get_first_root_node().path
    counts = {
        model: model.objects.count()
        for model in (ReportPage, DraftComment, PracticePage, PracticeReuse, ArticlePage)
    }
    content_type_ids = {
        (app, model): ContentType.objects.get(app_label=app, model=model).pk
        for app, models in MOVED.items()
        for model in models
    }
    try:
        old = _migrate(BEFORE_SPLIT)
        for (_app, model), pk in content_type_ids.items():
            found = old.get_model("contenttypes", "ContentType").objects.get(pk=pk)
            assert (found.app_label, found.model) == ("publications", model)

        report = _page(
            old, "ReportPage", f"{root_path}ZZ01", meeting_id=meeting.pk, summary="Kort."
        )
        old.get_model("publications", "DraftComment").objects.create(
            report_id=report.pk, name="Ans", body="Een opmerking."
        )
        old.get_model("publications", "FollowUpAction").objects.create(
            report_id=report.pk, action="Nabellen", owner="Bert", sort_order=0
        )
        practice = _page(
            old,
            "PracticePage",
            f"{root_path}ZZ02",
            summary="Samen.",
            problem="<p>P</p>",
            approach="<p>A</p>",
            status="pilot",
            municipality_id=municipality.pk,
        )
        old.get_model("publications", "PracticePage").topics.through.objects.create(
            practicepage_id=practice.pk, topic_id=topic.pk
        )
        old.get_model("publications", "PracticeReuse").objects.create(
            practice_id=practice.pk,
            organisation_id=other.pk,
            person_id=person.pk,
            message="Wij ook.",
        )
        old.get_model("publications", "Nomination").objects.create(
            title="Moved nomination",
            municipality_name="Utrecht",
            description="Iets nieuws.",
            name="Cor",
            email="cor@example.org",
            practice_id=practice.pk,
        )
        edition = _page(
            old,
            "EditionPage",
            f"{root_path}ZZ03",
            number=99,
            season="Winter",
            publication_date="2026-12-01",
            cover_alt_text="Een omslag",
        )
        article = _page(
            old, "ArticlePage", f"{root_path}ZZ030001", intro="Inleiding.", body="<p>Tekst</p>"
        )
        old.get_model("publications", "ArticleAuthor").objects.create(
            article_id=article.pk, guest_name="Gast", sort_order=0
        )
        old.get_model("publications", "ArticlePage").municipalities.through.objects.create(
            articlepage_id=article.pk, organisation_id=municipality.pk
        )
    finally:
        _migrate()

    for (app, model), pk in content_type_ids.items():
        assert ContentType.objects.get_for_id(pk).natural_key() == (app, model)
    assert (
        ContentType.objects.get_for_model(ReportPage).pk
        == content_type_ids[("reports", "reportpage")]
    )
    moved_report = Page.objects.get(pk=report.pk).specific
    assert isinstance(moved_report, ReportPage)
    assert moved_report.meeting == meeting and moved_report.summary == "Kort."
    assert [c.body for c in DraftComment.objects.filter(report=moved_report)] == ["Een opmerking."]
    assert FollowUpAction.objects.get(report=moved_report).owner == "Bert"

    moved_practice = Page.objects.get(pk=practice.pk).specific
    assert isinstance(moved_practice, PracticePage)
    assert list(moved_practice.topics.all()) == [topic]
    reuse = PracticeReuse.objects.get(practice=moved_practice)
    assert (reuse.organisation, reuse.person) == (other, person)
    assert Nomination.objects.get(title="Moved nomination").practice == moved_practice

    moved_edition = Page.objects.get(pk=edition.pk).specific
    assert isinstance(moved_edition, EditionPage) and moved_edition.number == 99
    moved_article = Page.objects.get(pk=article.pk).specific
    assert isinstance(moved_article, ArticlePage)
    assert moved_article.get_parent().pk == moved_edition.pk
    assert list(moved_article.municipalities.all()) == [municipality]
    assert ArticleAuthor.objects.get(article=moved_article).name == "Gast"

    # The demo's own rows all came through, besides the ones made here.
    assert ReportPage.objects.count() == counts[ReportPage] + 1
    assert DraftComment.objects.count() == counts[DraftComment] + 1
    assert PracticePage.objects.count() == counts[PracticePage] + 1
    assert PracticeReuse.objects.count() == counts[PracticeReuse] + 1
    assert ArticlePage.objects.count() == counts[ArticlePage] + 1
