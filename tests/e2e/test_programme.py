"""The programme in a real browser: a coordinator gives a confirmed talk of the demo's 2019
conference a slot in the timetable, with the keyboard only, and finds it on the meeting's page
and its programme; every page checked by axe."""

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD
from tests.e2e.test_join import log_in

pytestmark = pytest.mark.e2e

SLUG = "2019-pioniersconferentie-2019"


def _new_confirmed_talk(django_code) -> int:
    with django_code():
        from pioneers.cfp.models import Call, Submission, SubmissionSpeaker
        from pioneers.core.models import User

        call = Call.objects.get(meeting__slug=SLUG, meeting__locale__language_code="nl")
        submission = Submission.objects.create(
            call=call,
            title="Een nieuwe lezing over open raadsinformatie",
            abstract="Wat we leerden.",
            format=call.formats.first(),
            state=Submission.State.CONFIRMED,
        )
        SubmissionSpeaker.objects.create(
            submission=submission, user=User.objects.get(email=COORDINATOR_EMAIL)
        )
        return submission.pk


def test_coordinator_gives_a_talk_a_slot_and_it_shows_on_the_meeting(
    site, page, audit, django_code
):
    pk = _new_confirmed_talk(django_code)
    problems = []
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/nl/bijeenkomsten/{SLUG}/oproep/rooster/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rooster")
    problems += audit("nl")

    # A clash first: the council chamber is taken at 09:30; the row says so, keeps the time.
    start = page.get_by_label("Begin van “Een nieuwe lezing over open raadsinformatie”")
    start.fill("09:30")
    room = page.get_by_label("Zaal van “Een nieuwe lezing over open raadsinformatie”")
    room.focus()
    room.select_option(label="Raadzaal")
    page.get_by_role("button", name="Programma opslaan").press("Enter")
    expect(page.locator(f"#row-{pk}")).to_contain_text("is op dat moment in gebruik")
    expect(start).to_have_value("09:30")
    problems += audit("nl")

    start.fill("15:00")
    page.get_by_role("button", name="Programma opslaan").press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("Het programma is opgeslagen")

    page.goto(f"{site}/nl/bijeenkomsten/{SLUG}/")
    programme = page.locator("section", has=page.locator("#programme-heading"))
    expect(programme).to_contain_text("Een nieuwe lezing over open raadsinformatie")
    expect(programme).to_contain_text("15:00")
    problems += audit("nl")

    page.goto(f"{site}/en/meetings/{SLUG}/programme/")
    expect(page.locator("main")).to_contain_text("Een nieuwe lezing over open raadsinformatie")
    problems += audit("en")
    assert problems == []
