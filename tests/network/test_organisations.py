"""Who may publish an organisation: proposals stay private until approved; names are checked."""

import pytest

from pioneers.core.models import User
from pioneers.network.models import JoinRequest, Organisation, Person
from pioneers.network.services import MAX_PENDING_REGISTRATIONS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/nl/meedoen/organisatie/"


def _person(email="nieuw@example.org") -> User:
    user = UserFactory(email=email)
    Person.objects.create(user=user, name=f"Nina {email}", role="civil_society")
    return user


@pytest.fixture
def proposer(client, demo):
    user = _person()
    client.force_login(user)
    return user


def _register(client, name, website="buurtdata.example.org"):
    return client.post(
        REGISTER, {"name": name, "website": website, "motivation": "Wij helpen buurten."}
    )


def _coordinator():
    return User.objects.get(email="coordinator@example.org")


def test_registered_organisation_is_private_until_a_coordinator_approves_it(client, proposer):
    assert _register(client, "Stichting Buurtdata").status_code == 302
    organisation = Organisation.objects.get(name="Stichting Buurtdata")
    page = organisation.get_absolute_url()
    own = client.get(page)
    assert own.status_code == 200 and "Wacht op goedkeuring" in own.content.decode()

    client.force_login(_person("ander@example.org"))
    assert client.get(page).status_code == 404
    join = client.get("/nl/meedoen/").content.decode()
    assert "Stichting Buurtdata" not in join  # not offered in the list of names
    response = client.post(
        "/nl/meedoen/",
        {"organisation": "Stichting Buurtdata", "kind": "propose", "motivation": "Ik ook."},
    )
    assert "Er is geen organisatie" in response.content.decode()
    client.logout()
    assert client.get(page).status_code == 404
    assert page not in client.get("/nl/zoeken/", {"q": "Buurtdata"}).content.decode()
    assert "buurtdata.example.org" not in client.get("/nl/leden/").content.decode()

    client.force_login(_coordinator())
    listing = client.get("/nl/aanvragen/").content.decode()
    assert "Stichting Buurtdata (wacht op goedkeuring)" in listing
    join_request = JoinRequest.objects.get(organisation=organisation)
    decide = client.get(f"/nl/aanvragen/{join_request.pk}/").content.decode()
    assert "https://buurtdata.example.org" in decide
    client.post(f"/nl/aanvragen/{join_request.pk}/", {"decision": "approve"})
    client.logout()
    html = client.get(page).content.decode()
    assert "https://buurtdata.example.org" in html and "Wacht op goedkeuring" not in html
    assert page in client.get("/nl/zoeken/", {"q": "Buurtdata"}).content.decode()


def test_declined_organisation_stays_private(client, proposer):
    _register(client, "Stichting Buurtdata")
    join_request = JoinRequest.objects.get()
    client.force_login(_coordinator())
    client.post(f"/nl/aanvragen/{join_request.pk}/", {"decision": "decline", "reason": "Onbekend"})
    client.logout()
    assert client.get("/nl/organisaties/stichting-buurtdata/").status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "Schie\u200bdam",  # zero-width space
        "Schie\u2060dam\ufeff",  # word joiner, byte-order mark
        "\u200eSchiedam\u200f",  # direction marks
        "Schied\u0430m",  # Cyrillic a
        "\u0405\u0441\u04bb\u0456\u0435\u0501\u0430\u043c",  # Cyrillic throughout
        "SCHIEDAM",
        "Ｓｃｈｉｅｄａｍ",  # full-width
        "Schie dam",
    ],
)
def test_a_name_that_looks_like_a_known_one_is_refused(client, proposer, name):
    response = _register(client, name)
    assert response.status_code == 422
    assert "Schiedam is al bekend" in response.content.decode()
    assert not Organisation.objects.filter(is_approved=False).exists()


def test_a_name_that_mixes_alphabets_is_refused(client, proposer):
    response = _register(client, "Stichting \u0411uurtdata")
    assert response.status_code == 422
    html = response.content.decode()
    assert "mengt letters uit verschillende alfabetten" in html
    assert "buurtdata.example.org" in html  # what was typed is kept
    assert not Organisation.objects.filter(is_approved=False).exists()


def test_a_name_is_stored_without_invisible_characters(client, proposer):
    assert _register(client, "\ufeffStichting\u200b  Buurt\u00addata\u2060 ").status_code == 302
    assert Organisation.objects.filter(name="Stichting Buurtdata", is_approved=False).exists()


def test_a_name_of_only_invisible_characters_is_refused(client, proposer):
    response = _register(client, "\u200b\u200b")
    assert response.status_code == 422
    assert "Vul de naam van de organisatie in" in response.content.decode()


def test_a_name_already_proposed_by_someone_else_is_refused(client, proposer):
    _register(client, "Stichting Buurtdata")
    client.force_login(_person("ander@example.org"))
    response = _register(client, "stichting buurtdata")
    assert response.status_code == 422
    assert "Stichting Buurtdata is al voorgedragen" in response.content.decode()


def test_the_same_name_registered_at_the_same_moment_is_refused(client, proposer, monkeypatch):
    from pioneers.network import services

    # The other registration took the slug between this one's checks and its insert.
    monkeypatch.setattr(services, "_unique_slug", lambda name, taken: "schiedam")
    response = _register(client, "Stichting Buurtdata")
    assert response.status_code == 422
    assert "Stichting Buurtdata is al voorgedragen" in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_a_person_has_a_few_registrations_waiting_at_most(client, proposer):
    for number in range(MAX_PENDING_REGISTRATIONS):
        assert _register(client, f"Stichting Nummer {number}").status_code == 302
    response = _register(client, "Stichting Eén Te Veel")
    assert response.status_code == 422
    assert (
        f"Je hebt al {MAX_PENDING_REGISTRATIONS} aangemelde organisaties die wachten"
        in response.content.decode()
    )
    assert not Organisation.objects.filter(name="Stichting Eén Te Veel").exists()
    # Once the coordinators decided on one, another may be registered.
    client.force_login(_coordinator())
    first = JoinRequest.objects.order_by("created_at").first()
    client.post(f"/nl/aanvragen/{first.pk}/", {"decision": "approve"})
    client.force_login(proposer)
    assert _register(client, "Stichting Eén Te Veel").status_code == 302


def _admin_form(organisation=None, **overrides):
    data = {
        "name": "",
        "slug": "",
        "kind": "civil_society",
        "cbs_code": "",
        "province": "",
        "website": "",
        "email_domains": "",
        "latitude": "",
        "longitude": "",
        "is_approved": "on",
    }
    if organisation is not None:
        for field in ("name", "slug", "kind", "cbs_code", "latitude", "longitude"):
            data[field] = getattr(organisation, field)
        data["province"] = organisation.province_id
    data.update(overrides)
    return {k: "" if v is None else v for k, v in data.items()}


def test_the_admin_normalises_names_and_refuses_look_alikes(client, demo):
    client.force_login(_coordinator())
    add = "/admin/snippets/network/organisation/add/"
    response = client.post(add, _admin_form(name="Schied\u0430m", slug="nep-schiedam"))
    assert response.status_code == 200
    assert "Er is al een organisatie die Schiedam heet" in response.content.decode()
    assert not Organisation.objects.filter(slug="nep-schiedam").exists()

    response = client.post(add, _admin_form(name="Stichting\u200b Nieuw", slug="nieuw"))
    assert response.status_code == 302
    assert Organisation.objects.get(slug="nieuw").name == "Stichting Nieuw"

    # Renaming to a look-alike of another is refused; keeping a shared name is fine.
    utrecht = Organisation.objects.get(slug="utrecht")
    edit = f"/admin/snippets/network/organisation/edit/{utrecht.pk}/"
    assert client.post(edit, _admin_form(utrecht, website="https://utrecht.nl")).status_code == 302
    response = client.post(edit, _admin_form(utrecht, name="Schiedam"))
    assert "Er is al een organisatie die Schiedam heet" in response.content.decode()
    assert Organisation.objects.get(slug="utrecht").name == "Utrecht"


def test_every_known_name_is_in_one_alphabet_and_demo_organisations_are_public(demo):
    from pioneers.network.names import normalise_name, scripts

    for name, approved in Organisation.objects.values_list("name", "is_approved"):
        assert approved
        assert normalise_name(name) == name and len(scripts(name)) == 1, name


def test_a_declined_proposal_does_not_keep_its_name_reserved(client, proposer):
    """Found in review: after a decline, proposing the name again said "the coordinators will
    decide soon", for ever, to everyone."""
    _register(client, "Stichting Buurtdata")
    declined = JoinRequest.objects.get()
    client.force_login(_coordinator())
    client.post(f"/nl/aanvragen/{declined.pk}/", {"decision": "decline", "reason": "Onduidelijk"})

    client.force_login(proposer)
    response = _register(client, "Stichting Buurtdata", website="buurtdata.example.net")
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Stichting Buurtdata")
    assert not organisation.is_approved and "buurtdata.example.net" in organisation.website
    again = JoinRequest.objects.get(status=JoinRequest.Status.PENDING)
    assert again.organisation == organisation and again.person == proposer.person

    # While that proposal waits, the name is taken as before.
    client.force_login(_person("ander@example.org"))
    response = _register(client, "Stichting Buurtdata")
    assert "is al voorgedragen" in response.content.decode()


def test_a_name_that_grows_too_long_when_normalised_is_refused(client, proposer):
    """Found in review: NFKC writes "ﷺ" out as 18 characters, so 12 of them passed the form's
    200 characters and made a 216-character name (a database error on PostgreSQL)."""
    response = _register(client, "\ufdfa" * 12)
    assert response.status_code == 422
    assert "Maak de naam korter: hooguit 200 tekens" in response.content.decode()
    assert not Organisation.objects.filter(is_approved=False).exists()
