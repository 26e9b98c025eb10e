"""The knowledge base: browsing with facets, Dutch search, sharing, reuse and nominations."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.test import Client
from freezegun import freeze_time
from wagtail.models import Page, WorkflowPage

from pioneers.core.search import highlight, stem_text
from pioneers.network.models import Organisation, Person
from pioneers.practices.models import Nomination, PracticeIndexPage, PracticePage, PracticeReuse
from pioneers.topics.models import Topic

INDEX = "/nl/kennisbank/"


def _practice(title="Proef", **fields) -> PracticePage:
    index = PracticeIndexPage.objects.get(locale__language_code="nl")
    defaults = {
        "summary": "Een samenvatting.",
        "problem": "<p>Een probleem.</p>",
        "approach": "<p>Een aanpak.</p>",
        "status": PracticePage.Status.PILOT,
        "municipality": Organisation.objects.get(cbs_code="GM0606"),
    }
    practice = PracticePage(title=title, **{**defaults, **fields})
    index.add_child(instance=practice)
    practice.save_revision().publish()
    return practice


def _member(cbs_code: str) -> Person:
    return Person.objects.filter(organisation__cbs_code=cbs_code).select_related("user").first()


def test_demo_knowledge_base_has_forty_practices_in_both_languages(client, demo):
    assert PracticePage.objects.live().count() >= 40
    for url in (INDEX, "/en/knowledge-base/"):
        html = client.get(url).content.decode()
        assert html.count('class="pioneers-meeting-card"') == 20  # the first page of results
        assert 'rel="next"' in html


def test_stemmed_search_finds_other_forms_and_marks_them(client, demo):
    _practice("Spreekuur", problem="<p>De gemeente beantwoordt vragen van inwoners.</p>")
    html = client.get(INDEX, {"q": "gemeenten spreekuur"}).content.decode()
    assert "Spreekuur" in html
    assert "<mark>gemeente</mark>" in html  # the excerpt marks the stemmed match


def test_search_ignores_diacritics(client, demo):
    _practice("Samen", summary="Betere coördinatie tussen afdelingen.")
    html = client.get(INDEX, {"q": "coordinatie samen"}).content.decode()
    assert "<mark>coördinatie</mark>" in html


def test_search_of_only_symbols_explains_and_shows_nothing(client, demo):
    response = client.get(INDEX, {"q": "!!! ??? ***"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Typ minstens één woord of getal" in html
    assert 'class="pioneers-meeting-card"' not in html


def test_facets_filter_and_count(client, demo):
    algorithms = Topic.objects.originals().get(slug="algoritmes")
    expected = PracticePage.objects.live().filter(topics=algorithms).count()
    assert expected >= 3
    html = client.get(INDEX, {"topic": "algoritmes"}).content.decode()
    assert html.count('class="pioneers-meeting-card"') == min(expected, 20)
    assert f"Algoritmes ({expected})" in html
    running = PracticePage.objects.live().filter(topics=algorithms, status="running").count()
    assert f"lopend ({running})" in html


def test_every_facet_counts_all_practices_of_an_option(demo):
    from django.http import QueryDict

    from pioneers.practices.selectors import practice_browse

    form = practice_browse(QueryDict(""))["form"]
    live = PracticePage.objects.live()
    for status, label in PracticePage.Status.choices:
        expected = f"{label} ({live.filter(status=status).count()})"
        assert (status, expected) in form.fields["status"].choices
    utrecht = Organisation.objects.get(cbs_code="GM0344").province
    in_utrecht = live.filter(municipality__province=utrecht).count()
    assert (utrecht.slug, f"{utrecht.name} ({in_utrecht})") in form.fields["province"].choices
    participation = live.filter(participation=True).count()
    assert ("participation", f"participatie ({participation})") in form.fields["value"].choices


def test_unknown_facet_values_are_ignored(client, demo):
    response = client.get(INDEX, {"topic": "<script>", "status": "nonsense", "page": "x"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_practice_page_hides_a_contact_without_consent(client, demo, no_page_cache):
    person = _member("GM0344")
    practice = _practice(contact=person, contact_consent=False)
    html = client.get(practice.url).content.decode()
    assert person.name not in html and person.user.email not in html
    practice.contact_consent = True
    practice.save_revision().publish()
    html = client.get(practice.url).content.decode()
    assert person.name in html and person.user.email not in html


SHARE = "/nl/kennisbank/delen/"
SHARED = {
    "title": "Vragenuur voor inwoners",
    "summary": "Elke maand beantwoordt het college vragen.",
    "problem": "Inwoners weten niet <script>alert(1)</script> wie beslist.",
    "approach": "Een vragenuur.\n\nMet een verslag.",
    "status": "pilot",
}


def test_a_pioneer_shares_a_practice_that_waits_for_review(client, demo):
    person = _member("GM0344")
    client.force_login(person.user)
    topic = Topic.objects.originals().get(slug="participatie")
    response = client.post(SHARE, {**SHARED, "topics": [topic.pk], "values": ["participation"]})
    assert response.status_code == 302
    practice = PracticePage.objects.get(title="Vragenuur voor inwoners")
    assert not practice.live
    assert practice.municipality == person.organisation and practice.contact == person
    assert practice.participation and not practice.transparency
    assert list(practice.topics.all()) == [topic]
    assert "<script" not in practice.problem and "&lt;script&gt;" in practice.problem
    assert practice.approach == "<p>Een vragenuur.</p><p>Met een verslag.</p>"
    assert practice.workflow_in_progress  # the coordinators review it before publication
    assert any("coordinator@example.org" in m.to for m in mail.outbox)  # from the workflow
    assert client.get(practice.url).status_code == 404
    coordinator = get_user_model().objects.get(email="coordinator@example.org")
    while practice.workflow_in_progress:  # every task of the coordinators' workflow
        task_state = practice.current_workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, coordinator, "approve")
        practice.refresh_from_db()
    # The magazine tells members of its decisions itself; of a practice, Wagtail does.
    assert [m for m in mail.outbox if m.to == [person.user.email]]
    assert client.get(practice.url).status_code == 200


def test_without_a_workflow_the_coordinators_get_an_email(
    client, demo, django_capture_on_commit_callbacks
):
    WorkflowPage.objects.all().delete()
    client.force_login(_member("GM0344").user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(SHARE, SHARED).status_code == 302
    practice = PracticePage.objects.get(title="Vragenuur voor inwoners")
    assert not practice.live and not practice.workflow_in_progress
    [message] = mail.outbox
    assert message.subject == "Praktijk ter beoordeling: Vragenuur voor inwoners"
    assert "coordinator@example.org" in message.to
    assert f"/admin/pages/{practice.pk}/edit/" in message.body
    assert client.get(practice.url).status_code == 404


def test_sharing_with_missing_fields_keeps_what_was_typed(client, demo):
    client.force_login(_member("GM0344").user)
    response = client.post(SHARE, {**SHARED, "approach": ""})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Dit is een verplicht veld" in html and "Vragenuur voor inwoners" in html
    assert not PracticePage.objects.filter(title="Vragenuur voor inwoners").exists()


def test_only_pioneers_of_members_share(client, demo, django_user_model):
    outsider = django_user_model.objects.create_user(email="o@example.org", password="x")
    client.force_login(outsider)
    response = client.get(SHARE)
    assert response.status_code == 403
    assert "Alleen pioniers van een aangesloten organisatie" in response.content.decode()


def test_similar_practices_appear_while_writing(client, demo):
    html = client.get(
        "/nl/kennisbank/vergelijkbaar/", {"title": "Ons algoritmeregister"}
    ).content.decode()
    found = PracticePage.objects.live().search("algoritmeregister").count()
    assert found >= 3
    assert html.count('class="pioneers-meeting-card"') == min(found, 5)


def test_similar_practices_come_by_post_for_realistic_text(demo):
    """About 1,700 characters in two fields made a GET URL too long for servers (414)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(_member("GM0344").user)
    html = client.get(SHARE).content.decode()
    form = re.search(r"<form method=\"post\" novalidate[^>]*>", html).group(0)
    assert 'data-hx-post="/nl/kennisbank/vergelijkbaar/"' in form
    assert "hx-get" not in form and "hx-include" not in form
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    typed = {
        "title": "Ons algoritmeregister",
        "summary": "Welke algoritmes gebruikt de gemeente en waarvoor? " * 17,
        "problem": "Inwoners weten niet hoe besluiten over hen tot stand komen. " * 15,
    }
    assert len(typed["summary"] + typed["problem"]) > 1700
    response = client.post("/nl/kennisbank/vergelijkbaar/", {**typed, "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert response.content.decode().count('class="pioneers-meeting-card"') >= 1


def test_we_want_to_try_this_too_counts_once_and_tells_the_contact(
    client, demo, django_capture_on_commit_callbacks
):
    contact = _member("GM0606")
    practice = _practice(contact=contact)
    taker = _member("GM0344")
    client.force_login(taker.user)
    url = f"/nl/kennisbank/{practice.pk}/ook-proberen/"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"message": "Mogen we bellen?"}).status_code == 302
    assert PracticeReuse.objects.filter(practice=practice).count() == 1
    [message] = mail.outbox
    assert message.to == [contact.user.email]
    assert message.extra_headers["Reply-To"] == taker.user.email
    assert "Mogen we bellen?" in message.body and taker.organisation.name in message.subject
    client.post(url, {"message": "Nog eens"})
    assert PracticeReuse.objects.filter(practice=practice).count() == 1
    assert len(mail.outbox) == 1
    html = client.get(practice.url).content.decode()
    assert "1 organisatie uit het netwerk probeert dit ook" in html


def test_a_municipality_cannot_take_up_its_own_practice(client, demo):
    practice = _practice()
    client.force_login(_member("GM0606").user)
    client.post(f"/nl/kennisbank/{practice.pk}/ook-proberen/")
    assert not PracticeReuse.objects.filter(practice=practice).exists()


NOMINATE = "/nl/kennisbank/nomineren/"


def _nomination(age=30, **changes):
    data = {
        "title": "Open raad in Assen",
        "municipality_name": "Gemeente Assen",
        "description": "Elke vergadering live <script>alert(1)</script> met tolk.",
        "name": "Piet",
        "email": "piet@example.org",
        "website": "",
        "started": signing.dumps(time.time() - age, salt="nomination"),
    }
    return {**data, **changes}


def test_anyone_nominates_and_the_coordinators_hear_of_it(
    client, demo, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NOMINATE, _nomination())
    assert response.status_code == 200 and "Bedankt voor je nominatie" in response.content.decode()
    nomination = Nomination.objects.get(title="Open raad in Assen")
    assert nomination.status == "new"
    assert "coordinator@example.org" in mail.outbox[0].to


@pytest.mark.parametrize(
    "changes",
    [
        {"website": "http://spam.example"},
        {"age": 1},  # sent within 3 seconds of opening the form
        {"age": 2 * 24 * 3600},  # a form kept for two days
        {"started": "forged"},
    ],
)
def test_spam_nominations_are_refused_with_the_text_kept(client, demo, changes):
    response = client.post(NOMINATE, _nomination(**changes))
    assert response.status_code == 422
    assert "Open raad in Assen" in response.content.decode()
    assert not Nomination.objects.filter(title="Open raad in Assen").exists()


def test_coordinators_triage_a_nomination_into_a_draft_practice(client, demo, django_user_model):
    client.post(NOMINATE, _nomination())
    nomination = Nomination.objects.get(title="Open raad in Assen")
    client.force_login(django_user_model.objects.get(email="coordinator@example.org"))
    url = f"/nl/kennisbank/nominaties/{nomination.pk}/"
    html = client.get(url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "selected>Assen</option>" in html  # the municipality guessed from the name
    assen = Organisation.objects.get(cbs_code="GM0106")
    response = client.post(url, {"accept": "", "municipality": assen.pk})
    nomination.refresh_from_db()
    assert nomination.status == "accepted" and not nomination.practice.live
    assert response.url == f"/admin/pages/{nomination.practice.pk}/edit/"
    assert "<script" not in nomination.practice.problem
    response = client.post(url, {"decline": ""})
    assert response.status_code == 422 and "al beoordeeld" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == "accepted"


def test_the_public_cannot_triage(client, demo):
    nomination = Nomination.objects.first()
    response = client.get(f"/nl/kennisbank/nominaties/{nomination.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_knowledge_base_queries_do_not_grow_with_practices(demo, queries_of):
    searched, browsed = queries_of(INDEX + "?q=gemeente"), queries_of(INDEX)
    for number in range(25):
        _practice(f"Extra {number}", summary="Nog een gemeente.")
    assert queries_of(INDEX + "?q=gemeente") == searched
    assert queries_of(INDEX) == browsed


def test_highlight_escapes_and_marks_words_by_stem():
    html = highlight("De <b>gemeenten</b> & inwoners", "gemeente")
    assert html == "De &lt;b&gt;<mark>gemeenten</mark>&lt;/b&gt; &amp; inwoners"
    assert stem_text("Coördinatie GEMEENTEN") == "coordinatie gemeent"


def test_practices_leave_the_index_when_unpublished(client, demo):
    practice = _practice("Tijdelijk", summary="Een tijdelijke proef.")
    assert "Tijdelijk" in client.get(INDEX, {"q": "tijdelijke"}).content.decode()
    Page.objects.get(pk=practice.pk).specific.unpublish()
    assert "Tijdelijk" not in client.get(INDEX, {"q": "tijdelijke"}).content.decode()


def test_a_practice_page_shows_similar_practices(client, demo):
    practice = PracticePage.objects.live().get(slug="algoritmeregister-met-uitleg-in-gewone-taal")
    html = client.get(practice.url).content.decode()
    similar = html.split("Vergelijkbare praktijken", 1)[1]
    assert similar.count('class="pioneers-meeting-card"') == 3
    assert "lgoritmeregister" in similar and practice.url not in similar


def test_taking_up_practices_is_rate_limited_and_keeps_the_message(
    client, demo, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_RATE_PER_ADDRESS = 1
    contact = _member("GM0606")
    first, second = _practice("Eerste", contact=contact), _practice("Tweede", contact=contact)
    client.force_login(_member("GM0344").user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/nl/kennisbank/{first.pk}/ook-proberen/").status_code == 302
        response = client.post(
            f"/nl/kennisbank/{second.pk}/ook-proberen/", {"message": "Mogen we bellen?"}
        )
    assert response.status_code == 429
    html = response.content.decode()
    assert "Te veel aanvragen" in html and "Mogen we bellen?" in html
    assert not PracticeReuse.objects.filter(practice=second).exists()
    assert len(mail.outbox) == 1


def _started(html: str) -> str:
    return re.search(r'name="started" value="([^"]+)"', html).group(1)


def test_a_nomination_form_sends_one_nomination(client, demo, django_capture_on_commit_callbacks):
    """Sending the same form again (a replayed token) is refused and emails nobody."""
    data = _nomination()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(NOMINATE, data).status_code == 200
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(NOMINATE, data)
    assert again.status_code == 422
    html = again.content.decode()
    assert "Dit formulier is al eens verstuurd" in html and "Open raad in Assen" in html
    assert _started(html) != data["started"]  # a fresh token: sending once more works
    assert Nomination.objects.filter(title="Open raad in Assen").count() == 1
    assert sent >= 1 and len(mail.outbox) == sent


def test_a_nomination_form_left_open_for_days_can_be_sent_again(
    client, demo, django_capture_on_commit_callbacks
):
    with freeze_time() as clock:
        response = client.post(NOMINATE, _nomination(age=3 * 24 * 3600))
        html = response.content.decode()
        assert response.status_code == 422
        assert "langer dan een dag open" in html and "Open raad in Assen" in html
        clock.tick(10)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(NOMINATE, _nomination(started=_started(html)))
    assert response.status_code == 200 and "Bedankt voor je nominatie" in response.content.decode()
    assert Nomination.objects.filter(title="Open raad in Assen").count() == 1


def test_nominations_are_rate_limited_and_keep_the_text(
    client, demo, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_RATE_PER_CLIENT = 2
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            client.post(NOMINATE, _nomination(email=f"p{n}@example.org", title=f"Idee {n}"))
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NOMINATE, _nomination(title="Derde idee"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Te veel aanvragen" in html and "Derde idee" in html
    assert not Nomination.objects.filter(title="Derde idee").exists()
    assert len(mail.outbox) == sent


def test_search_results_show_apostrophes_and_angle_brackets_as_typed(client, demo):
    # Shared practices keep their text as escaped paragraphs (see practice_submit).
    _practice(
        "Wie z'n <raad> kent",
        summary="Raadsleden & inwoners: 'samen' <beter>.",
        problem="<p>Het college&#x27;s antwoord op raadsvragen kwam &lt; 2 weken.</p>",
    )
    for query in ("raadsvragen", "raad"):
        html = client.get(INDEX, {"q": query}).content.decode()
        assert "&amp;#x27;" not in html and "&amp;lt;" not in html and "&amp;amp;" not in html
    html = client.get(INDEX, {"q": "raadsvragen"}).content.decode()
    assert "college&#x27;s antwoord op <mark>raadsvragen</mark> kwam &lt; 2 weken" in html
    assert "Wie z&#x27;n &lt;raad&gt; kent" in html
    assert "Raadsleden &amp; inwoners: &#x27;samen&#x27; &lt;beter&gt;." in html


# template: English and Dutch subject about a practice "Proef" taken up by a member of GM0344
PRACTICE_EMAILS = {
    "practice_submitted": ("Practice to review: Proef", "Praktijk ter beoordeling: Proef"),
    "practice_reuse": (
        "{organisation} wants to try “Proef” too",
        "{organisation} wil “Proef” ook proberen",
    ),
    "nomination_received": ("New nomination: Proef", "Nieuwe nominatie: Proef"),
}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("template", PRACTICE_EMAILS)
def test_a_knowledge_base_email_is_in_the_language_asked_for(
    demo, template, language, django_capture_on_commit_callbacks
):
    from pioneers.core.email import email_send

    contact, taker = _member("GM0606"), _member("GM0344")
    practice = _practice(contact=contact)
    reuse = PracticeReuse.objects.create(
        practice=practice, organisation=taker.organisation, person=taker, message="Bellen?"
    )
    nomination = Nomination.objects.create(
        **{k: v for k, v in _nomination(title="Proef").items() if k not in ("website", "started")}
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        email_send(
            template=f"practices/email/{template}",
            to=[contact.user],
            language=language,
            context={
                "practice": Page.objects.get(pk=practice.pk),  # as a plain page, too
                "person": taker,
                "reuse": reuse,
                "email": taker.user.email,
                "nomination": nomination,
            },
        )
    [message] = mail.outbox
    english, dutch = PRACTICE_EMAILS[template]
    expected = english if language == "en" else dutch
    assert message.subject == expected.format(organisation=taker.organisation.name)
