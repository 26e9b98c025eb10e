"""The public directory: all municipalities loaded, the members page and map, organisation pages."""

import re

import pytest

from pioneers.network.models import Membership, Organisation
from pioneers.network.services import municipalities_load
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_all_municipalities_and_provinces_are_loaded_once(demo):
    assert Organisation.objects.filter(kind="municipality").count() == 342
    assert Organisation.objects.filter(kind="province").count() == 12
    assert municipalities_load() == {"created": 0, "updated": 0}
    schiedam = Organisation.objects.get(cbs_code="GM0606")
    assert schiedam.province.name == "Zuid-Holland"
    assert schiedam.slug == "schiedam"
    assert Organisation.objects.get(cbs_code="GM0344").slug == "utrecht"
    assert Organisation.objects.get(cbs_code="PV26").slug == "provincie-utrecht"


def test_loading_again_keeps_what_coordinators_added(demo):
    schiedam = Organisation.objects.get(cbs_code="GM0606")
    schiedam.website = "https://www.schiedam.nl"
    schiedam.name = "Oude naam"
    schiedam.save()
    assert municipalities_load() == {"created": 0, "updated": 1}
    schiedam.refresh_from_db()
    assert schiedam.name == "Schiedam"
    assert schiedam.website == "https://www.schiedam.nl"
    assert schiedam.memberships.filter(status="member").exists()


def _names(html: str) -> list[str]:
    return re.findall(r'<th class="utrecht-table__cell" scope="row"><a [^>]*>([^<]+)</a>', html)


def test_members_page_lists_member_municipalities_with_province_and_date(client, demo):
    html = client.get("/nl/leden/").content.decode()
    names = _names(html)
    assert len(names) == 22
    assert "Schiedam" in names and "Amsterdam" not in names
    assert "1 september 2018" in html
    assert "22 gemeenten doen mee aan het netwerk." in html


def test_members_page_filters_by_province_and_name(client, demo):
    zuid_holland = _names(client.get("/nl/leden/?province=provincie-zuid-holland").content.decode())
    assert sorted(zuid_holland) == ["Delft", "Dordrecht", "Leiden", "Schiedam"]
    assert _names(client.get("/nl/leden/?q=schie").content.decode()) == ["Schiedam"]
    html = client.get("/nl/leden/?q=bestaatniet").content.decode()
    assert "Geen enkele deelnemende gemeente past bij deze filters." in html


def test_members_page_answers_bad_filters_with_a_message_not_an_error(client, demo):
    response = client.get("/nl/leden/", {"province": "99999", "q": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in html
    assert "<script>alert(1)</script>" not in html
    assert len(_names(html)) == 22


def test_members_page_answers_htmx_with_the_list_only(client, demo):
    response = client.get("/nl/leden/?q=delft", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert _names(html) == ["Delft"]


@pytest.mark.parametrize("url", ["/nl/leden/", "/en/members/", "/nl/organisaties/schiedam/"])
def test_directory_pages_use_a_fixed_number_of_queries(demo, queries_of, url):
    few = queries_of(url)
    for organisation in Organisation.objects.filter(kind="municipality", memberships=None)[:40]:
        MembershipFactory(organisation=organisation)
    assert queries_of(url) == few


def test_map_draws_every_municipality_as_a_link_and_highlights_members(client, demo):
    html = client.get("/nl/leden/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    assert len(svg.encode()) < 250_000
    assert svg.count('<a href="/nl/organisaties/') == 342
    assert svg.count("pioneers-map__area--member") == 22
    assert "<title>Schiedam (lid van het netwerk)</title>" in svg
    assert "<title>Amsterdam</title>" in svg
    assert "Bron: CBS / Kadaster, via PDOK" in html


def test_members_menu_item_and_language_switch(client, demo):
    html = client.get("/nl/leden/").content.decode()
    assert 'href="/nl/leden/" aria-current="page"' in html
    assert 'href="/en/members/" hreflang="en"' in html


def test_organisation_page_shows_membership(client, demo):
    html = client.get("/nl/organisaties/schiedam/").content.decode()
    assert '<h1 class="utrecht-heading-1">Schiedam</h1>' in html
    assert "Lid sinds 1 september 2018" in html and "trekker" in html
    assert "Zuid-Holland" in html
    assert "Geen lid" in client.get("/nl/organisaties/amsterdam/").content.decode()


def test_organisation_that_left_says_so(client, demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Membership.objects.filter(organisation__slug="heerlen").update(
            status="left", left_on="2020-01-31"
        )
        Organisation.objects.get(slug="heerlen").save()  # updates bypass signals
    html = client.get("/nl/organisaties/heerlen/").content.decode()
    assert "Uit het netwerk gegaan op 31 januari 2020" in html


def test_unknown_organisation_is_a_404_in_the_language(client, demo):
    response = client.get("/en/organisations/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_members_page_counts_pioneers_and_lists_partners(client, demo):
    html = client.get("/nl/leden/").content.decode()
    schiedam_row = re.search(r">Schiedam</a></th>(.*?)</tr>", html, re.S).group(1)
    expected = Organisation.objects.get(slug="schiedam").people.count()
    assert f'<td class="utrecht-table__cell">{expected}</td>' in schiedam_row
    assert "Partners" in html and "Stichting Open Raad (fictief)" in html


def test_people_directory_is_for_members_and_shows_consenting_profiles_only(client, demo):
    from pioneers.core.models import User
    from pioneers.network.models import Person

    response = client.get("/nl/pioniers/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(User.objects.get(email="member@example.org"))
    html = client.get("/nl/pioniers/").content.decode()
    for person in Person.objects.filter(public_profile=True):
        assert person.name in html
    for person in Person.objects.filter(public_profile=False):
        assert person.name not in html
    assert "@example.org" not in html.split("<footer", 1)[0]
    assert "Geen enkele pionier past" in client.get("/nl/pioniers/?q=zzz").content.decode()


def test_people_directory_uses_a_fixed_number_of_queries(client, demo, queries_of):
    from pioneers.core.models import User
    from pioneers.network.models import Person
    from tests.factories import UserFactory

    client.force_login(User.objects.get(email="member@example.org"))
    few = queries_of("/nl/pioniers/")
    delft = Organisation.objects.get(slug="delft")
    for _ in range(25):
        user = UserFactory()
        Person.objects.create(
            user=user, name=user.email, role="official", organisation=delft, public_profile=True
        )
    assert queries_of("/nl/pioniers/") == few


def test_contact_log_is_shown_to_coordinators_only(client, demo):
    from pioneers.core.models import User

    url = "/nl/organisaties/stichting-open-raad/"
    assert "Consultatie over de onderwerpen" not in client.get(url).content.decode()
    client.force_login(User.objects.get(email="member@example.org"))
    assert "Consultatie over de onderwerpen" not in client.get(url).content.decode()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    html = client.get(url).content.decode()
    assert "Consultatie over de onderwerpen" in html and "Contact vastleggen" in html
    assert "<title>Stichting Open Raad (fictief) · " in html
