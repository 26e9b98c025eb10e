"""The CSV import of an action plan's commitments: every kind of bad file gets a clear message
and writes nothing; a good one is previewed, then written once, however often it is confirmed."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from pioneers.commitments import services
from pioneers.commitments.admin_views import SESSION_KEY
from pioneers.commitments.models import ActionPlan, Commitment
from pioneers.network.models import Organisation
from tests.commitments.test_admin import speaking
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.usefixtures("demo")

URL = "/admin/commitments/import/"
CONFIRM = "/admin/commitments/import/confirm/"
NL_FILE = Path(services.__file__).parent / "data" / "nl-ogp-commitments.csv"

GOOD = (
    "code,title_nl,title_en,policy_area_en,lead_institution,supporting_institutions,start,end\n"
    "XX0001,Open raad,Open council,Access to information,Schiedam,Utrecht; Delft,"
    "2030-07-01,2032-06-30\n"
    'XX0002,,"Open budgets, for all",Fiscal openness,,,,\n'
)


@pytest.fixture(autouse=True)
def _english():
    """The services speak the active language; these checks read the English text (the admin
    speaks the coordinator's, see the end)."""
    with translation.override("en"):
        yield


@pytest.fixture
def plan():
    item = services.action_plan_new("xx", 2030, 2032)
    item.full_clean()
    item.save()
    return item


def read(text: str):
    return services.read_commitments_csv(text.encode())


def messages_of(errors):
    return [(error.line, error.message) for error in errors]


# --- reading the file ---------------------------------------------------------------------------


def test_a_good_file_is_read_into_rows():
    rows, errors = read(GOOD)
    assert errors == []
    first, second = rows
    assert first["code"] == "XX0001"
    assert first["text"]["nl"] == {"title": "Open raad"}
    assert first["text"]["en"]["policy_areas"] == "Access to information"
    assert first["supporting_institutions"] == ["Utrecht", "Delft"]
    assert (first["starts_on"], first["ends_on"]) == ("2030-07-01", "2032-06-30")
    assert second["text"]["en"]["title"] == "Open budgets, for all"
    assert second["lead_institution"] == ""


def test_missing_columns_are_one_error_naming_them():
    rows, errors = read("omschrijving,description\nx,y\n")
    assert rows == []
    text = " ".join(message for _line, message in messages_of(errors))
    assert "code" in text and "title_en" in text and "title_nl" in text
    assert "omschrijving" in text  # the unknown column is named too
    assert {line for line, _message in messages_of(errors)} == {1}


def test_a_file_not_in_utf8_is_refused_clearly():
    rows, errors = services.read_commitments_csv("code,title\nXX0001,Één\n".encode("latin-1"))
    assert rows == []
    assert errors == [
        services.RowError(
            0,
            "The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and "
            "upload it again.",
        )
    ]


def test_a_byte_order_mark_and_semicolons_of_a_dutch_spreadsheet_are_fine():
    data = '\ufeffcode;title_nl;supporting_institutions\nxx0001;Één raad;"Utrecht;Delft"\n'
    rows, errors = services.read_commitments_csv(data.encode("utf-8"))
    assert errors == []
    assert rows[0]["code"] == "XX0001"
    assert rows[0]["text"]["nl"]["title"] == "Één raad"
    assert rows[0]["supporting_institutions"] == ["Utrecht", "Delft"]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_refused(data):
    assert services.read_commitments_csv(data) == ([], [services.RowError(0, "The file is empty.")])


def test_column_names_without_rows_are_refused():
    rows, errors = read("code,title\n")
    assert rows == []
    assert messages_of(errors) == [(0, "The file has column names but no commitments.")]


def test_a_file_over_2_mb_is_refused():
    data = ("code,title\n" + "XX0001,Titel\n" * 200_000).encode()
    assert len(data) > 2 * 1024 * 1024
    assert services.read_commitments_csv(data) == (
        [],
        [services.RowError(0, "The file is larger than 2 MB.")],
    )


def test_duplicate_codes_name_the_first_line():
    rows, errors = read("code,title\nXX0001,Een\nXX0002,Twee\nxx0001,Drie\n")
    assert messages_of(errors) == [(4, "The code XX0001 is on line 2 too.")]


def test_unknown_institutions_are_named_per_row():
    rows, errors = read(
        "code,title,lead_institution,supporting_institutions\n"
        "XX0001,Een,SCHIEDAM,utrecht\n"  # any case matches
        "XX0002,Twee,Gemeente Nergensdorp,Utrecht;Nooitgedacht\n"
    )
    found = messages_of(errors)
    assert [line for line, _message in found] == [3, 3]
    assert "Gemeente Nergensdorp" in found[0][1]
    assert "Nooitgedacht" in found[1][1]


@pytest.mark.parametrize("value", ["01-07-2030", "2030-13-01", "2030-02-30", "morgen", "20300701"])
def test_bad_dates_are_refused(value):
    rows, errors = read(f"code,title,start\nXX0001,Een,{value}\n")
    assert messages_of(errors) == [(2, f"The date “{value}” is not a date like 2018-07-01.")]


def test_other_row_errors():
    rows, errors = read(
        "code,title,start,end,action_plan\n"
        ",Zonder code,,,\n"
        "XX/1,Schuine streep,,,\n"
        "XX0003,,,,\n"
        "XX0004,Verkeerd om,2031-01-01,2030-01-01,\n"
        "XX0005,Jaar,,,twintig\n"
        "XX0006,Te veel,,,,extra\n"
    )
    found = dict(messages_of(errors))
    assert found[2] == "The code is missing."
    assert "XX/1" in found[3]
    assert found[4] == "The title is missing."
    assert found[5] == "The end cannot be before the start."
    assert "twintig" in found[6]
    assert found[7] == "This line has more cells than there are columns."


def test_line_numbers_count_lines_in_quoted_cells():
    rows, errors = read('code,title,start\nXX0001,"Twee\nregels",\nXX0002,Fout,gisteren\n')
    assert messages_of(errors)[0][0] == 4


def test_a_code_of_another_action_plan_is_refused(plan):
    other = services.action_plan_new("XX", 2026, 2028)
    other.save()
    Commitment.objects.create(action_plan=other, code="XX0002", title="Al bezet")
    rows, errors = read(GOOD)
    preview, errors = services.commitments_preview(plan, rows)
    assert messages_of(errors) == [
        (3, f"The code XX0002 belongs to another action plan: {other.title}.")
    ]
    with pytest.raises(services.CommitmentsImportError):
        services.import_commitments(plan, rows)
    assert not Commitment.objects.filter(code="XX0001").exists()  # all or nothing


# --- writing ----------------------------------------------------------------------------------


def test_import_creates_then_updates_by_code(plan):
    rows, _errors = read(GOOD)
    assert services.import_commitments(plan, rows) == (2, 0)
    council = Commitment.objects.get(code="XX0001")
    assert (council.title, council.written_in) == ("Open raad", "nl")
    assert council.lead_institution.name == "Schiedam"
    assert sorted(o.name for o in council.supporting_institutions.all()) == ["Delft", "Utrecht"]
    assert council.starts_on == datetime.date(2030, 7, 1)
    english = council.get_translations().get(locale__language_code="en")
    assert (english.title, english.policy_areas) == ("Open council", "Access to information")
    budgets = Commitment.objects.get(code="XX0002")
    # English only: the original is the English text, and says so.
    assert (budgets.title, budgets.written_in) == ("Open budgets, for all", "en")
    assert budgets.action_plan == plan

    assert services.import_commitments(plan, rows) == (0, 0)  # the same file again: nothing
    rows, _errors = read(GOOD.replace("Open raad", "Open gemeenteraad"))
    assert services.import_commitments(plan, rows) == (0, 1)
    council.refresh_from_db()
    assert council.title == "Open gemeenteraad"
    assert Commitment.all_locales.filter(code="XX0001").count() == 2  # original, translation


def test_a_column_not_in_the_file_leaves_the_value_alone(plan):
    rows, _errors = read(GOOD)
    services.import_commitments(plan, rows)
    rows, _errors = read("code,title_en\nXX0001,Open council meetings\n")
    assert services.import_commitments(plan, rows) == (0, 1)
    council = Commitment.objects.get(code="XX0001")
    # The Dutch original stays; the English text is its translation.
    assert (council.title, council.written_in) == ("Open raad", "nl")
    assert council.lead_institution.name == "Schiedam"
    assert council.get_translations().get().title == "Open council meetings"


def test_rows_with_a_year_go_to_that_years_action_plan(plan):
    rows, errors = read(
        "code,action_plan,title\nXX0001,2030,In het gekozen plan\n"
        "XX0002,2026,In een nieuw plan\nXX0003,2023-2024,Met eigen jaren\nXX0004,,Zonder jaar\n"
    )
    assert errors == []
    preview, errors = services.commitments_preview(plan, rows)
    assert [row.plan_is_new for row in preview] == [False, True, True, False]
    services.import_commitments(plan, rows)
    years = {
        c.code: (c.action_plan.start_year, c.action_plan.end_year)
        for c in Commitment.objects.filter(code__startswith="XX")
    }
    assert years == {
        "XX0001": (2030, 2032),
        "XX0002": (2026, 2028),
        "XX0003": (2023, 2024),
        "XX0004": (2030, 2032),
    }
    assert ActionPlan.objects.filter(country="XX").count() == 3


def test_the_dutch_commitments_file_reads_without_errors_and_imports():
    rows, errors = services.read_commitments_csv(NL_FILE.read_bytes())
    assert errors == []
    assert len(rows) == 38
    plan = ActionPlan.objects.filter(
        country="NL", start_year=2018
    ).first() or services.action_plan_new("NL", 2018, 2020)
    services.import_commitments(plan, rows)
    ours = Commitment.objects.get(code="NL0037")
    assert ours.action_plan.start_year == 2018
    # The demo's own commitment was written in Dutch: the file's English leaves that text be.
    assert ours.written_in == "nl" and ours.title.startswith("Pioniersnetwerk")
    assert Commitment.objects.get(code="NL0038").written_in == "en"
    assert Commitment.objects.get(code="NL0001").action_plan.start_year == 2013
    assert Commitment.objects.filter(code__startswith="NL").count() >= 38


# --- the admin's preview and confirmation -------------------------------------------------------


@pytest.fixture
def coordinator(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(user)
    return speaking(client, "en")


def upload(client, text, **fields):
    data = text.encode() if isinstance(text, str) else text
    return client.post(URL, {"file": SimpleUploadedFile("plan.csv", data, "text/csv"), **fields})


def test_preview_writes_nothing_and_confirm_writes_all_once(coordinator, plan):
    count = Commitment.all_locales.count()
    response = upload(coordinator, GOOD, action_plan=plan.pk)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Open raad" in page and "Open budgets, for all" in page
    assert 'lang="en"' in page  # the English title marked as such
    assert Commitment.all_locales.count() == count  # the preview wrote nothing
    token = coordinator.session[SESSION_KEY]["token"]
    assert token in page
    assert "Open raad" not in response.request.get("QUERY_STRING", "")

    response = coordinator.post(CONFIRM, {"token": token}, follow=True)
    assert "Import done: 2 commitments added, 0 changed." in response.content.decode()
    assert Commitment.objects.filter(action_plan=plan).count() == 2
    after = Commitment.all_locales.count()
    assert after == count + 3  # two originals and one translation

    # A second click (or the back button and again) writes nothing new.
    response = coordinator.post(CONFIRM, {"token": token}, follow=True)
    assert "This import is done already" in response.content.decode()
    assert Commitment.all_locales.count() == after


def test_a_new_action_plan_is_made_on_confirm_only(coordinator):
    response = upload(coordinator, GOOD, country="xx", start_year="2034", end_year="2035")
    assert response.status_code == 200
    # Titled in the network's language, as the original's text is.
    assert "Actieplan XX 2034–2035" in response.content.decode()
    assert not ActionPlan.all_locales.filter(country="XX").exists()
    coordinator.post(CONFIRM, {"token": coordinator.session[SESSION_KEY]["token"]})
    plan = ActionPlan.objects.get(country="XX")
    assert (plan.start_year, plan.end_year) == (2034, 2035)
    assert plan.commitments.count() == 2


def test_a_file_with_errors_shows_them_per_row_and_offers_no_confirmation(coordinator, plan):
    bad = GOOD + "XX0001,Dubbel,,,Atlantis,,2030-02-31,\n"
    response = upload(coordinator, bad, action_plan=plan.pk)
    assert response.status_code == 422
    page = response.content.decode()
    assert "The code XX0001 is on line 2 too." in page
    assert "No organisation is called “Atlantis”" in page
    assert "The date “2030-02-31” is not a date like 2018-07-01." in page
    assert CONFIRM not in page
    assert SESSION_KEY not in coordinator.session
    assert not Commitment.all_locales.filter(code__startswith="XX").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("code,title\nXX0001,Één\n".encode("latin-1"), "The file is not UTF-8 text."),
        (b"", "file is empty."),  # an empty upload is refused by the form itself
        ("titel\nEen\n", "Required columns are missing: code; title (or title_nl, title_en)."),
    ],
)
def test_bad_files_get_a_clear_message(coordinator, plan, data, message):
    response = upload(coordinator, data, action_plan=plan.pk)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Commitment.all_locales.filter(code__startswith="XX").exists()


def test_the_action_plan_is_chosen_or_given_not_both(coordinator, plan):
    response = upload(coordinator, GOOD)
    assert "action_plan" in response.context["form"].errors
    response = upload(coordinator, GOOD, action_plan=plan.pk, country="XX", start_year="2040")
    assert response.context["form"].non_field_errors()
    response = upload(coordinator, GOOD, country="X1", start_year="2040")
    assert "country" in response.context["form"].errors
    for bad in ("99999999999999999999", "²", "-1"):
        response = upload(coordinator, GOOD, action_plan=bad)
        assert response.status_code == 422
        assert "action_plan" in response.context["form"].errors


def test_a_tampered_or_stale_token_writes_nothing(coordinator, plan):
    upload(coordinator, GOOD, action_plan=plan.pk)
    response = coordinator.post(CONFIRM, {"token": "0" * 32}, follow=True)
    assert "This import is done already" in response.content.decode()
    assert not Commitment.all_locales.filter(code__startswith="XX").exists()
    assert coordinator.get(CONFIRM).status_code == 302


def test_only_coordinators_import(client, plan):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    response = upload(client, GOOD, action_plan=plan.pk)
    assert response.status_code in (302, 403)
    assert client.post(CONFIRM, {"token": "x"}).status_code in (302, 403)
    assert URL not in client.get("/admin/").content.decode()
    assert not Commitment.all_locales.filter(code__startswith="XX").exists()
    client.logout()
    assert client.get(URL).status_code == 302  # to the login page


def test_messages_follow_the_coordinators_language(coordinator, plan):
    speaking(coordinator, "nl")
    response = upload(
        coordinator, "code,title\nXX0001,Één\n".encode("latin-1"), action_plan=plan.pk
    )
    page = response.content.decode()
    assert "The file is not UTF-8 text." not in page
    assert "Het bestand is geen UTF-8-tekst." in page
    assert "Actiepunten importeren (CSV)" in page


def test_an_institution_removed_after_the_preview_stops_the_import(coordinator, plan):
    OrganisationFactory(name="Vergankelijk")
    upload(coordinator, GOOD.replace("Delft", "Vergankelijk"), action_plan=plan.pk)
    Organisation.objects.get(name="Vergankelijk").delete()
    response = coordinator.post(CONFIRM, {"token": coordinator.session[SESSION_KEY]["token"]})
    assert response.status_code == 422
    assert "No organisation is called “Vergankelijk”" in response.content.decode()
    assert not Commitment.all_locales.filter(code__startswith="XX").exists()


def test_organisations_that_share_a_name_are_told_apart_by_their_web_name():
    OrganisationFactory(name="Tweeling", slug="tweeling-noord")
    OrganisationFactory(name="Tweeling", slug="tweeling-zuid")
    rows, errors = read(
        "code,title,lead_institution\nXX0001,Een,tweeling\nXX0002,Twee,Tweeling-Zuid\n"
    )
    assert messages_of(errors) == [
        (
            2,
            "More than one organisation is called “tweeling”: write its web name instead, one "
            "of tweeling-noord, tweeling-zuid.",
        )
    ]
    # The municipality of Utrecht, not the province: its web name is its name.
    rows, errors = read("code,title,lead_institution\nXX0001,Een,Utrecht\n")
    assert errors == []
