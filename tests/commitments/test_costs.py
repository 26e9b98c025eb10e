"""A commitment's public costs as open data: CSV and JSON downloads in the URL's language,
without confidential costs, safe for spreadsheets, fresh after a change, in a fixed number of
queries."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from pioneers.commitments.models import Commitment, Cost
from tests.commitments.test_pages import commitment, meeting

pytestmark = pytest.mark.usefixtures("demo")

DAY = datetime.date(2031, 3, 1)
CSV_URL = {"nl": "/nl/actiepunten/ts0001/kosten.csv", "en": "/en/commitments/ts0001/costs.csv"}
JSON_URL = {"nl": "/nl/actiepunten/ts0001/kosten.json", "en": "/en/commitments/ts0001/costs.json"}
COLUMNS = [
    "date",
    "category",
    "category_label",
    "description",
    "meeting",
    "meeting_url",
    "planned",
    "spent",
    "receipt",
]


def cost(owner, description="Zaalhuur", **fields) -> Cost:
    fields = {"category": "venue", "planned": Decimal("100"), "date": DAY, **fields}
    return Cost.objects.create(commitment=owner, description=description, **fields)


def secret(owner) -> Cost:
    return cost(
        owner,
        "Geheime spreker",
        category="speakers",
        planned=Decimal("777.77"),
        actual=Decimal("777.77"),
        confidential=True,
        confidential_reason="Afspraak met de spreker",
    )


def csv_rows(client, url) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs open it as UTF-8
    assert text.endswith("\r\n")  # RFC 4180 line ends
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[0] == COLUMNS
    return rows[1:]


def json_of(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_confidential_cost_is_never_in_the_files(client, language):
    owner = commitment(budget=Decimal("75000"))
    cost(owner, actual=Decimal("80"))
    secret(owner)
    for url in (CSV_URL[language], JSON_URL[language]):
        content = client.get(url).content.decode()
        assert "Zaalhuur" in content
        assert "Geheime spreker" not in content and "777" not in content
    assert [row[3] for row in csv_rows(client, CSV_URL[language])] == ["Zaalhuur"]
    data = json_of(client, JSON_URL[language])
    assert [row["description"] for row in data["costs"]] == ["Zaalhuur"]
    # Counted, with the reason: the totals are those of the public costs.
    assert data["confidential"] == {"count": 1, "reasons": ["Afspraak met de spreker"]}
    assert (data["planned"], data["spent"]) == ("100.00", "80.00")


@pytest.mark.usefixtures("no_page_cache")
def test_the_demo_leaves_out_the_fee_of_the_chair(client):
    data = json_of(client, "/nl/actiepunten/nl0037/kosten.json")
    assert data["commitment"] == "NL0037" and data["budget"] == "75000.00"
    assert data["confidential"]["count"] == 1
    assert not [row for row in data["costs"] if "Dagvoorzitter" in row["description"]]
    assert "Dagvoorzitter" not in client.get("/nl/actiepunten/nl0037/kosten.csv").content.decode()


@pytest.mark.usefixtures("no_page_cache")
def test_the_csv_neutralises_formulas(client):
    owner = commitment()
    for text in ['=HYPERLINK("http://evil.example","klik")', "+31 6 1234", "-2+3", "@SUM(A1)"]:
        cost(owner, text)
    descriptions = {row[3] for row in csv_rows(client, CSV_URL["nl"])}
    assert descriptions == {
        '\'=HYPERLINK("http://evil.example","klik")',
        "'+31 6 1234",
        "'-2+3",
        "'@SUM(A1)",
    }
    # The JSON is not opened by a spreadsheet: it keeps the text as typed.
    data = json_of(client, JSON_URL["nl"])
    assert "-2+3" in {row["description"] for row in data["costs"]}


@pytest.mark.usefixtures("no_page_cache", "media")
def test_each_language_has_its_labels_addresses_and_file_name(client):
    owner = commitment()
    held = meeting(title="Lab over open data")
    receipt = get_document_model().objects.create(
        title="Bon zaalhuur", file=ContentFile(b"%PDF-1.4", name="bon.pdf")
    )
    cost(owner, meeting=held, receipt=receipt, actual=Decimal("80.5"))
    cost(owner, "Soep", category="catering", planned=Decimal("12.3"))
    for language, venue, meetings_word, name in [
        ("nl", "locatie", "bijeenkomsten", "ts0001-kosten"),
        ("en", "venue", "meetings", "ts0001-costs"),
    ]:
        response = client.get(CSV_URL[language])
        assert response["Content-Disposition"] == f'attachment; filename="{name}.csv"'
        response = client.get(JSON_URL[language])
        assert response["Content-Disposition"] == f'attachment; filename="{name}.json"'
        first, second = csv_rows(client, CSV_URL[language])
        assert first == [
            "2031-03-01",
            "venue",
            venue,
            "Zaalhuur",
            "Lab over open data",
            f"http://testserver/{language}/{meetings_word}/{held.slug}/",
            "100.00",
            "80.50",
            f"http://testserver{receipt.url}",
        ]
        # Not paid yet, no meeting, no receipt: empty cells.
        assert second[1:4] == ["catering", "catering", "Soep"]
        assert second[4:] == ["", "", "12.30", "", ""]
        data = json_of(client, JSON_URL[language])
        assert data["costs"][0]["category_label"] == venue
        assert data["costs"][0]["meeting_url"] == first[5]


@pytest.mark.usefixtures("no_page_cache")
def test_amounts_are_text_with_a_dot_and_missing_values_null_in_the_json(client):
    owner = commitment(budget=Decimal("1234.5"))
    cost(owner, planned=Decimal("1135.5"), actual=Decimal("0.1"))
    cost(owner, "Nog niet betaald", planned=Decimal("0.2"))
    data = json_of(client, JSON_URL["en"])
    assert data["currency"] == "EUR"
    assert (data["budget"], data["planned"], data["spent"]) == ("1234.50", "1135.70", "0.10")
    assert [(row["planned"], row["spent"]) for row in data["costs"]] == [
        ("1135.50", "0.10"),
        ("0.20", None),
    ]
    assert data["costs"][1]["meeting"] is None and data["costs"][1]["receipt"] is None
    assert data["confidential"] == {"count": 0, "reasons": []}


@pytest.mark.usefixtures("no_page_cache")
def test_a_commitment_without_costs_gives_empty_files(client):
    commitment()
    assert csv_rows(client, CSV_URL["en"]) == []
    data = json_of(client, JSON_URL["en"])
    assert data["costs"] == [] and data["budget"] is None and data["planned"] == "0.00"


@pytest.mark.parametrize(
    "code", ["onbekend", "%C2%B2", "99999999999999999999", "-1", "x" * 300, "ts0001%00"]
)
@pytest.mark.parametrize("path", ["nl/actiepunten/{}/kosten.csv", "en/commitments/{}/costs.json"])
def test_a_bad_code_is_not_found(client, code, path):
    commitment()
    assert client.get("/" + path.format(code)).status_code == 404


def test_a_code_in_capitals_leads_to_the_file_in_lower_case(client):
    commitment()
    response = client.get("/nl/actiepunten/TS0001/kosten.json")
    assert response.status_code == 301
    assert response["Location"] == "/nl/actiepunten/ts0001/kosten.json"


def test_the_budget_section_links_both_files(client):
    owner = commitment()
    cost(owner)
    page = client.get("/nl/actiepunten/ts0001/").content.decode()
    section = page[page.index('id="budget-heading"') :]
    assert 'href="/nl/actiepunten/ts0001/kosten.csv"' in section
    assert 'href="/nl/actiepunten/ts0001/kosten.json"' in section
    assert "Deze cijfers zijn open data" in section


def test_a_new_cost_is_in_the_files_at_once(client, django_capture_on_commit_callbacks):
    """With the page cache on, as for every anonymous visitor."""
    owner = commitment()
    cost(owner)
    for url in (CSV_URL["nl"], JSON_URL["en"]):
        assert "Zaalhuur" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        cost(owner, "Koffie en thee", category="catering")
    for url in (CSV_URL["nl"], JSON_URL["en"]):
        assert "Koffie en thee" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Cost.objects.filter(description="Koffie en thee").update(
            confidential=True, confidential_reason="Privé"
        )
        Cost.objects.get(description="Koffie en thee").save()  # the admin saves the row
    for url in (CSV_URL["nl"], JSON_URL["en"]):
        assert "Koffie en thee" not in client.get(url).content.decode()


@pytest.mark.usefixtures("media")
@pytest.mark.parametrize("url", [*CSV_URL.values(), *JSON_URL.values()])
def test_the_files_ask_a_fixed_number_of_queries(queries_of, cold_queries_of, url):
    """3 costs, then 60, each with a meeting and a receipt, a third of them confidential."""
    owner = commitment()
    receipt = get_document_model().objects.create(
        title="Bon", file=ContentFile(b"%PDF-1.4", name="bon.pdf")
    )

    def fill(count):
        Cost.objects.filter(commitment=owner).delete()
        Cost.objects.bulk_create(
            [
                Cost(
                    commitment=owner,
                    category="venue",
                    description=f"Zaal {n}",
                    planned=10,
                    actual=9,
                    meeting=meeting(title=f"Lab {n}"),
                    receipt=receipt,
                    date=DAY,
                    confidential=n % 3 == 0,
                    confidential_reason="Reden" if n % 3 == 0 else "",
                )
                for n in range(count)
            ]
        )

    fill(3)
    few_warm, few_cold = queries_of(url), cold_queries_of(url)
    fill(60)
    assert queries_of(url) == few_warm
    assert cold_queries_of(url) == few_cold
    assert Commitment.objects.get(pk=owner.pk).costs.count() == 60
