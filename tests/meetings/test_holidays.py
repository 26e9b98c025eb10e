"""Dutch public holidays and school holidays per region, as the meeting planner avoids them."""

import csv
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pioneers.meetings import holidays
from pioneers.meetings.holidays import (
    REGIONS,
    easter_sunday,
    is_school_holiday,
    public_holidays,
    region_for_province,
    school_holiday_period,
    school_holidays,
)

FAST = settings(max_examples=60, deadline=None)
PUBLISHED = range(2018, 2027)  # first years of the school years in the data file


def test_easter_sunday_known_years():
    known = {
        2000: date(2000, 4, 23),
        2008: date(2008, 3, 23),
        2011: date(2011, 4, 24),
        2019: date(2019, 4, 21),
        2024: date(2024, 3, 31),
        2025: date(2025, 4, 20),
        2038: date(2038, 4, 25),
    }
    assert {year: easter_sunday(year) for year in known} == known


def test_public_holidays_2019():
    assert public_holidays(2019) == {
        date(2019, 1, 1): "Nieuwjaarsdag",
        date(2019, 4, 19): "Goede Vrijdag",
        date(2019, 4, 21): "1e Paasdag",
        date(2019, 4, 22): "2e Paasdag",
        date(2019, 4, 27): "Koningsdag",
        date(2019, 5, 5): "Bevrijdingsdag",
        date(2019, 5, 30): "Hemelvaartsdag",
        date(2019, 6, 9): "1e Pinksterdag",
        date(2019, 6, 10): "2e Pinksterdag",
        date(2019, 12, 25): "1e Kerstdag",
        date(2019, 12, 26): "2e Kerstdag",
    }


@pytest.mark.parametrize(
    ("year", "day"),
    [(2014, date(2014, 4, 26)), (2025, date(2025, 4, 26)), (2024, date(2024, 4, 27))],
)
def test_kings_day_moves_to_saturday_when_27_april_is_a_sunday(year, day):
    assert public_holidays(year)[day] == "Koningsdag"


def test_queens_day_before_2014():
    assert public_holidays(2013)[date(2013, 4, 30)] == "Koninginnedag"


@FAST
@given(st.integers(1900, 2200))
def test_public_holidays_fall_on_their_weekdays(year):
    days = {
        name: day for day, names in public_holidays(year).items() for name in names.split(" / ")
    }
    assert len(days) == 11
    assert all(day.year == year for day in days.values())
    assert days["Goede Vrijdag"].weekday() == 4
    assert days["1e Paasdag"].weekday() == 6
    assert days["Hemelvaartsdag"].weekday() == 3
    assert days["2e Pinksterdag"].weekday() == 0
    kings = days.get("Koningsdag") or days["Koninginnedag"]
    assert kings.weekday() != 6


@pytest.mark.parametrize(
    ("province", "region"),
    [
        ("Groningen", "north"),
        ("Fryslân", "north"),
        ("Friesland", "north"),
        ("Drenthe", "north"),
        ("Overijssel", "north"),
        ("Flevoland", "north"),
        ("Noord-Holland", "north"),
        ("Utrecht", "middle"),
        ("Zuid-Holland", "middle"),
        ("Gelderland", "middle"),
        ("Zeeland", "south"),
        ("Noord-Brabant", "south"),
        ("Limburg", "south"),
        (" limburg ", "south"),
    ],
)
def test_region_for_province(province, region):
    assert region_for_province(province) == region


def test_region_for_province_without_province_is_unknown():
    assert region_for_province("") == ""
    assert region_for_province(None) == ""


def test_region_for_province_rejects_a_typo():
    with pytest.raises(ValueError, match="not a Dutch province"):
        region_for_province("Zuid Holand")


def test_region_for_province_knows_every_province_as_stored():
    names = [
        "Groningen",
        "Fryslân",
        "Drenthe",
        "Overijssel",
        "Flevoland",
        "Gelderland",
        "Utrecht",
        "Noord-Holland",
        "Zuid-Holland",
        "Zeeland",
        "Noord-Brabant",
        "Limburg",
    ]
    regions = [region_for_province(name) for name in names]
    assert regions.count("north") == 6
    assert regions.count("middle") == 3
    assert regions.count("south") == 3


def _rows():
    with holidays.DATA_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_data_file_periods_run_saturday_to_sunday_with_their_length():
    lengths = {"autumn": 9, "spring": 9, "may": 9, "christmas": 16, "summer": 44}
    for row in _rows():
        start, end = date.fromisoformat(row["start"]), date.fromisoformat(row["end"])
        assert start.weekday() == 5, row
        assert end.weekday() == 6, row
        assert (end - start).days + 1 == lengths[row["holiday"]], row
        first_year = int(row["school_year"][:4])
        assert row["school_year"] == f"{first_year}-{first_year + 1}"
        assert date(first_year, 8, 1) <= start < date(first_year + 1, 9, 30), row


def test_data_file_covers_every_holiday_of_the_published_years():
    for first_year in range(2018, 2026):
        for kind in holidays.HOLIDAY_KINDS:
            for region in REGIONS:
                assert school_holiday_period(first_year, kind, region)[2], (
                    first_year,
                    kind,
                    region,
                )


def test_christmas_and_may_are_the_same_everywhere():
    for first_year in PUBLISHED:
        for kind in ("christmas", "may"):
            periods = {school_holiday_period(first_year, kind, r)[:2] for r in REGIONS}
            assert len(periods) == 1, (first_year, kind)


def test_school_holidays_2019_south():
    assert school_holidays(2019, "south") == [
        (date(2018, 12, 22), date(2019, 1, 6)),
        (date(2019, 2, 23), date(2019, 3, 3)),
        (date(2019, 4, 27), date(2019, 5, 5)),
        (date(2019, 7, 6), date(2019, 8, 18)),
        (date(2019, 10, 12), date(2019, 10, 20)),
        (date(2019, 12, 21), date(2020, 1, 5)),
    ]


def test_is_school_holiday_per_region():
    # Summer 2019: the south from 6 July, the north from 13 July.
    assert is_school_holiday(date(2019, 7, 10), "south")
    assert not is_school_holiday(date(2019, 7, 10), "north")
    # Autumn 2024 fell a week later in the north and middle than in the south.
    assert is_school_holiday(date(2024, 10, 30), "north")
    assert not is_school_holiday(date(2024, 10, 30), "south")
    # An unknown region counts every region's holidays.
    assert is_school_holiday(date(2019, 7, 10), "")


def test_unknown_region_is_refused():
    with pytest.raises(ValueError, match="region"):
        school_holidays(2019, "east")


def test_rules_reproduce_the_published_christmas_and_summer_holidays():
    for first_year in PUBLISHED:
        for region in REGIONS:
            for kind in ("christmas", "summer"):
                start, end, published = school_holiday_period(first_year, kind, region)
                if published:
                    assert holidays._rule_period(first_year, kind, region) == (start, end)


def test_rules_cover_the_published_autumn_spring_and_may_holidays():
    for first_year in PUBLISHED:
        for region in REGIONS:
            for kind in ("autumn", "spring", "may"):
                start, end, published = school_holiday_period(first_year, kind, region)
                if not published or (kind, first_year) == ("autumn", 2024):
                    continue  # autumn 2024 was a week later than ever before or since
                rule_start, rule_end = holidays._rule_period(first_year, kind, region)
                assert rule_start <= start and end <= rule_end, (first_year, kind, region)


def test_years_outside_the_file_are_approximated():
    periods = school_holidays(2031, "middle")
    assert [start.month for start, _end in periods] == [12, 2, 4, 7, 10, 12]
    summer = [(s, e) for s, e in periods if s.month == 7]
    assert (summer[0][1] - summer[0][0]).days == 43


@FAST
@given(st.integers(2000, 2100))
def test_rule_summers_are_staggered_by_a_week(year):
    starts = sorted(holidays._rule_period(year - 1, "summer", r)[0] for r in REGIONS)
    assert starts[0].weekday() == 5
    assert date(year, 7, 4) <= starts[0] <= date(year, 7, 10)
    assert [(b - a).days for a, b in zip(starts, starts[1:], strict=False)] == [7, 7]


@FAST
@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.sampled_from((*REGIONS, "")))
def test_is_school_holiday_agrees_with_the_periods(day, region):
    periods = school_holidays(day.year, region)
    assert is_school_holiday(day, region) == any(s <= day <= e for s, e in periods)
    assert all(s <= e for s, e in periods)
    assert all(e >= date(day.year, 1, 1) and s <= date(day.year, 12, 31) for s, e in periods)


@FAST
@given(st.integers(2000, 2100), st.sampled_from(REGIONS))
def test_every_year_has_christmas_and_summer(year, region):
    periods = school_holidays(year, region)
    july = date(year, 7, 31)
    new_year = date(year, 1, 1)
    assert any(s <= july <= e for s, e in periods)
    assert any(s <= new_year <= e for s, e in periods)
    assert all((e - s) <= timedelta(days=43) for s, e in periods)
