"""publiccode.yml at the repository root, checked against the keys standard 0.4 requires (no
validator of the standard installs from PyPI; the official one is written in Go), and the
footer's links to the licence and the source code."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def publiccode():
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_publiccode_has_the_keys_the_standard_requires(publiccode):
    assert publiccode["publiccodeYmlVersion"] == "0.4"
    for key in ("name", "url", "platforms", "categories", "developmentStatus", "softwareType"):
        assert publiccode[key], key
    assert publiccode["developmentStatus"] in {
        "concept",
        "development",
        "beta",
        "stable",
        "obsolete",
    }
    assert publiccode["softwareType"] == "standalone/web"
    assert publiccode["legal"]["license"] == "EUPL-1.2"
    assert publiccode["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    assert publiccode["maintenance"]["contacts"][0]["name"]
    assert publiccode["localisation"]["localisationReady"] is True
    assert publiccode["localisation"]["availableLanguages"] == ["nl", "en"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_publiccode_describes_the_platform_in_dutch_and_english(publiccode, language):
    description = publiccode["description"][language]
    assert 0 < len(description["shortDescription"]) <= 150
    assert 150 <= len(description["longDescription"]) <= 10000
    assert description["features"] and all(len(f) <= 100 for f in description["features"])


def test_publiccode_names_the_repository_the_footer_links_to(publiccode):
    assert publiccode["url"] == settings.SOURCE_URL
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in licence


def test_footer_links_to_the_licence_and_the_source_code(client, db, settings):
    settings.SOURCE_URL = "https://code.example.org/pioneers"
    html = client.get("/en/accounts/login/").content.decode()
    assert f'rel="license" href="{settings.LICENCE_URL}">EUPL 1.2</a>' in html
    assert 'href="https://code.example.org/pioneers">source code</a>' in html
    html = client.get("/nl/accounts/login/").content.decode()
    assert 'href="https://code.example.org/pioneers">broncode</a>' in html
