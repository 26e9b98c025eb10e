"""Joining the network: profile, join requests, the coordinators' decision and the emails."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from pioneers.core.models import User
from pioneers.network.models import JoinRequest, Membership, Organisation, Person
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _png(size=(40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def newcomer(client, demo):
    user = UserFactory(email="nieuw@schiedam.nl")
    client.force_login(user)
    return user


def _profile(client, **extra):
    data = {"name": "Nina Nieuw", "job_title": "Adviseur", "role": "official", "seniority": ""}
    data.update(extra)
    return client.post("/nl/profiel/", data)


def _join(client, organisation, kind="join", motivation=""):
    return client.post(
        "/nl/meedoen/", {"organisation": organisation, "kind": kind, "motivation": motivation}
    )


def test_profile_is_created_private_by_default(client, newcomer):
    response = _profile(client)
    assert response.status_code == 302
    person = Person.objects.get(user=newcomer)
    assert person.name == "Nina Nieuw" and person.public_profile is False


def test_profile_photo_must_be_a_small_image(client, newcomer, media):
    fake = SimpleUploadedFile("foto.png", b"not an image", content_type="image/png")
    html = _profile(client, photo=fake).content.decode()
    assert "geen JPEG- of PNG-foto" in html
    assert 'value="Nina Nieuw"' in html
    assert not Person.objects.filter(user=newcomer).exists()
    big = SimpleUploadedFile("groot.png", _png() + b"\0" * 2_100_000, content_type="image/png")
    html = _profile(client, photo=big).content.decode()
    assert "maximaal 2 MB" in html
    assert _profile(client, photo=SimpleUploadedFile("ok.png", _png())).status_code == 302
    assert Person.objects.get(user=newcomer).photo.name.startswith("people/")


def test_join_a_member_municipality_and_be_approved(
    client, newcomer, django_capture_on_commit_callbacks
):
    _profile(client)
    schiedam = Organisation.objects.get(slug="schiedam")
    schiedam.email_domains = "schiedam.nl"
    schiedam.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = _join(client, "schiedam")
    assert response.status_code == 302
    join_request = JoinRequest.objects.get(person__user=newcomer)
    assert join_request.status == "pending" and join_request.email_on_domain
    to = sorted(tuple(m.to) for m in mail.outbox)
    assert ("nieuw@schiedam.nl",) in to and ("coordinator@example.org",) in to
    assert "We hebben je aanvraag voor Schiedam ontvangen" in [m.subject for m in mail.outbox]

    mail.outbox.clear()
    coordinator = User.objects.get(email="coordinator@example.org")
    client.force_login(coordinator)
    pending = client.get("/nl/aanvragen/").content.decode()
    assert "Nina Nieuw" in pending and "ja, geverifieerd" in pending
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/nl/aanvragen/{join_request.pk}/", {"decision": "approve", "reason": ""}
        )
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == "approved" and join_request.decided_by == coordinator
    assert Person.objects.get(user=newcomer).organisation == schiedam
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["nieuw@schiedam.nl"] == "Welkom: je aanvraag voor Schiedam is goedgekeurd"
    assert "coordinator@example.org" in subjects


def test_join_requests_in_english_are_answered_in_english(
    client, newcomer, django_capture_on_commit_callbacks
):
    _profile(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/join/", {"organisation": "Delft", "kind": "join"})
    to_person = [m for m in mail.outbox if m.to == ["nieuw@schiedam.nl"]]
    assert to_person[0].subject == "We received your request about Delft"


def test_a_decision_taken_in_dutch_reaches_an_english_asker_in_english(
    client, newcomer, django_capture_on_commit_callbacks
):
    _profile(client)
    client.post("/en/join/", {"organisation": "Delft", "kind": "join"})
    join_request = JoinRequest.objects.get()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/nl/aanvragen/{join_request.pk}/", {"decision": "decline", "reason": "Nog niet."}
        )
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["nieuw@schiedam.nl"] == "Your request about Delft is declined"
    assert subjects["coordinator@example.org"] == "Aanvraag voor Delft: afgewezen"


@pytest.mark.parametrize(
    ("organisation", "kind", "motivation", "message"),
    [
        ("Amsterdam", "join", "", "Amsterdam is nog geen lid van het netwerk"),
        ("Schiedam", "propose", "Graag", "Schiedam is al lid"),
        ("Amsterdam", "propose", "", "Vertel de coördinatoren waarom Amsterdam"),
        ("Atlantis", "join", "", "Er is geen organisatie met de naam “Atlantis”"),
        ("Schiedam", "raad", "", "Selecteer een geldige keuze"),
    ],
)
def test_bad_join_requests_are_explained_and_change_nothing(
    client, newcomer, organisation, kind, motivation, message
):
    _profile(client)
    response = _join(client, organisation, kind, motivation)
    html = response.content.decode()
    assert response.status_code == 422
    assert message in html
    assert f'value="{organisation}"' in html
    assert not JoinRequest.objects.exists()
    assert not Membership.objects.filter(status="applied").exists()


def test_a_second_request_for_the_same_organisation_is_refused(client, newcomer):
    _profile(client)
    _join(client, "Delft")
    response = _join(client, "Delft")
    assert response.status_code == 422
    assert "Je hebt al een aanvraag voor Delft gedaan" in response.content.decode()
    assert JoinRequest.objects.count() == 1


def test_joining_an_organisation_that_left_is_refused(client, newcomer):
    Membership.objects.filter(organisation__slug="heerlen").update(status="left")
    _profile(client)
    response = _join(client, "Heerlen")
    assert response.status_code == 422
    assert "Heerlen is uit het netwerk gegaan" in response.content.decode()


def test_proposing_a_municipality_makes_it_a_member_when_approved(
    client, newcomer, django_capture_on_commit_callbacks
):
    _profile(client)
    _join(client, "Amsterdam", "propose", "Amsterdam werkt al aan open data.")
    amsterdam = Organisation.objects.get(slug="amsterdam")
    assert amsterdam.memberships.get().status == "applied"
    join_request = JoinRequest.objects.get()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/nl/aanvragen/{join_request.pk}/", {"decision": "approve"})
    membership = amsterdam.memberships.get()
    assert membership.status == "member" and membership.member_since is not None
    assert "Amsterdam" in client.get("/nl/leden/").content.decode()


def test_declining_needs_a_reason_and_a_decision_is_final(
    client, newcomer, django_capture_on_commit_callbacks
):
    _profile(client)
    _join(client, "Amsterdam", "propose", "Graag meedoen.")
    join_request = JoinRequest.objects.get()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    url = f"/nl/aanvragen/{join_request.pk}/"
    response = client.post(url, {"decision": "decline", "reason": " "})
    assert response.status_code == 422
    assert "Geef een reden als je afwijst" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "decline", "reason": "Eerst na de verkiezingen."})
    join_request.refresh_from_db()
    assert join_request.status == "declined"
    assert Membership.objects.get(organisation__slug="amsterdam").status == "declined"
    declined = [m for m in mail.outbox if m.to == ["nieuw@schiedam.nl"]][-1]
    assert "Eerst na de verkiezingen." in declined.body
    response = client.post(url, {"decision": "approve"})
    assert response.status_code == 422
    assert "Over deze aanvraag is al besloten" in response.content.decode()
    join_request.refresh_from_db()
    assert join_request.status == "declined"


def test_only_coordinators_see_join_requests(client, demo):
    client.force_login(User.objects.get(email="member@example.org"))
    response = client.get("/nl/aanvragen/")
    assert response.status_code == 403
    assert "Deze pagina is voor coördinatoren" in response.content.decode()


def test_join_requests_page_uses_a_fixed_number_of_queries(client, demo, no_page_cache):
    from tests.factories import OrganisationFactory

    client.force_login(User.objects.get(email="coordinator@example.org"))

    def add_requests(count):
        for _ in range(count):
            user = UserFactory()
            person = Person.objects.create(user=user, name=user.email, role="official")
            JoinRequest.objects.create(
                person=person, organisation=OrganisationFactory(), kind="propose"
            )

    def queries():
        client.get("/nl/aanvragen/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/nl/aanvragen/")
        return len(captured)

    add_requests(2)
    few = queries()
    add_requests(20)
    assert queries() == few


def test_organisation_page_shows_only_consenting_pioneers_without_contact_data(client, demo):
    schiedam = Organisation.objects.get(slug="schiedam")
    public = schiedam.people.filter(public_profile=True)
    private = schiedam.people.filter(public_profile=False)
    assert public.exists() and private.exists()
    html = client.get("/nl/organisaties/schiedam/").content.decode()
    for person in public:
        assert person.name in html
    for person in private:
        assert person.name not in html
    assert "@example.org" not in html.split("<footer", 1)[0]


def test_civil_society_organisation_registers_and_becomes_a_partner(
    client, newcomer, django_capture_on_commit_callbacks
):
    _profile(client, role="civil_society")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/nl/meedoen/organisatie/",
            {
                "name": "Stichting  Buurtdata",
                "website": "buurtdata.example.org",
                "motivation": "Wij helpen buurten open data te gebruiken.",
            },
        )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Stichting Buurtdata")
    assert organisation.kind == "civil_society"
    assert organisation.website == "https://buurtdata.example.org"
    join_request = JoinRequest.objects.get(organisation=organisation)
    client.force_login(User.objects.get(email="coordinator@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/nl/aanvragen/{join_request.pk}/", {"decision": "approve"})
    html = client.get("/nl/leden/").content.decode()
    assert "Stichting Buurtdata" in html.split("Partners", 1)[1]


def test_registering_a_known_organisation_is_refused(client, newcomer):
    _profile(client)
    response = client.post(
        "/nl/meedoen/organisatie/", {"name": "schiedam", "website": "", "motivation": "x"}
    )
    assert response.status_code == 422
    assert "Schiedam is al bekend" in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_join_requests_are_rate_limited_and_keep_what_was_typed(
    client, newcomer, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_RATE_PER_ADDRESS = 1
    _profile(client)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert _join(client, "Delft").status_code == 302
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = _join(client, "Amsterdam", "propose", "Amsterdam werkt al aan open data.")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Te veel aanvragen" in html and "Amsterdam werkt al aan open data." in html
    assert JoinRequest.objects.count() == 1
    assert not Membership.objects.filter(status="applied").exists()
    assert len(mail.outbox) == sent


def test_an_apostrophe_in_an_organisation_name_arrives_in_email_subjects_as_typed(
    client, newcomer, django_capture_on_commit_callbacks
):
    _profile(client)
    with django_capture_on_commit_callbacks(execute=True):
        assert _join(client, "'s-Hertogenbosch").status_code == 302
    subjects = [m.subject for m in mail.outbox]
    assert "We hebben je aanvraag voor 's-Hertogenbosch ontvangen" in subjects
    assert "Nieuwe aanvraag voor 's-Hertogenbosch" in subjects
    assert not [s for s in subjects if "&" in s]


# template: English and Dutch subject of an approved request about Delft
NETWORK_EMAILS = {
    "join_request_received": (
        "We received your request about Delft",
        "We hebben je aanvraag voor Delft ontvangen",
    ),
    "join_request_to_coordinators": ("New request about Delft", "Nieuwe aanvraag voor Delft"),
    "join_request_decided": (
        "Welcome: your request about Delft is approved",
        "Welkom: je aanvraag voor Delft is goedgekeurd",
    ),
    "join_request_decided_to_coordinators": (
        "Request about Delft: approved",
        "Aanvraag voor Delft: goedgekeurd",
    ),
    "account_erased": ("Your account has been deleted", "Je account is verwijderd"),
}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("template", NETWORK_EMAILS)
def test_a_network_email_is_in_the_language_asked_for(
    newcomer, template, language, django_capture_on_commit_callbacks
):
    from pioneers.core.email import email_send

    person = Person.objects.create(user=newcomer, name="Nina Nieuw")
    join_request = JoinRequest.objects.create(
        person=person,
        organisation=Organisation.objects.get(name="Delft"),
        kind="join",
        language=language,
        status="approved",
        decided_by=User.objects.get(email="coordinator@example.org"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        email_send(
            template=f"network/email/{template}",
            to=[newcomer],
            language=language,
            context={"join_request": join_request, "email": newcomer.email},
        )
    [message] = mail.outbox
    english, dutch = NETWORK_EMAILS[template]
    assert message.subject == (english if language == "en" else dutch)
    assert message.to == ["nieuw@schiedam.nl"]
