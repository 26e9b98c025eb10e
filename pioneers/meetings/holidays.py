"""Dutch public holidays and school holidays per region, for planning meetings around them.

Public holidays are computed (most from Easter). School holidays come from the periods that
Rijksoverheid publishes (``data/school_holidays.csv``, see ``data/SOURCE.md``); a holiday that
the file does not hold, such as one in a school year not yet published, is approximated by
the rules in ``_rule_period``, so every year has an answer.

Regions are "north", "middle" and "south". The law assigns a region per municipality:
Zeewolde (Flevoland) belongs to the middle, Hattem (Gelderland) to the north, the south of
Gelderland (Arnhem, Nijmegen and their surroundings) to the south, Eemnes (Utrecht) to the
north and part of Altena (Noord-Brabant) to the middle. ``region_for_province`` maps by
province instead: Groningen, Fryslân, Drenthe, Overijssel, Flevoland and Noord-Holland are
north; Utrecht, Zuid-Holland and Gelderland are middle; Zeeland, Noord-Brabant and Limburg are
south. That is the simplification this project makes: a municipality on the wrong side of it
is planned around its neighbours' school holidays, which differ by a week or two.
"""

import csv
from datetime import date, timedelta
from functools import cache
from pathlib import Path

REGIONS = ("north", "middle", "south")
HOLIDAY_KINDS = ("autumn", "christmas", "spring", "may", "summer")

DATA_FILE = Path(__file__).resolve().parent / "data" / "school_holidays.csv"

_PROVINCE_REGIONS = {
    "groningen": "north",
    "fryslân": "north",
    "friesland": "north",  # the Dutch name, still common in data next to the Frisian one
    "drenthe": "north",
    "overijssel": "north",
    "flevoland": "north",
    "noord-holland": "north",
    "utrecht": "middle",
    "zuid-holland": "middle",
    "gelderland": "middle",
    "zeeland": "south",
    "noord-brabant": "south",
    "limburg": "south",
}


def region_for_province(province_name: str | None) -> str:
    """The school-holiday region of a Dutch province ("north", "middle" or "south").

    An empty name gives "" (region unknown), which the functions here read as "any region",
    so that a member without a province is planned around every region's holidays. A name
    that is not a Dutch province raises ValueError, because a typo would silently move a
    municipality to the wrong holidays.
    """
    if not province_name or not province_name.strip():
        return ""
    try:
        return _PROVINCE_REGIONS[province_name.strip().lower()]
    except KeyError:
        raise ValueError(f"{province_name!r} is not a Dutch province.") from None


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous algorithm of Meeus/Jones/Butcher."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    x = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * x) // 451
    month, day = divmod(h + x - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _kings_day(year: int) -> tuple[date, str]:
    if year >= 2014:
        day = date(year, 4, 27)
        name = "Koningsdag"
    else:
        day = date(year, 4, 30)
        name = "Koninginnedag"
    # Never celebrated on a Sunday: it moves to the Saturday before.
    if day.weekday() == 6:
        day -= timedelta(days=1)
    return day, name


@cache
def _public_holidays(year: int) -> tuple[tuple[date, str], ...]:
    easter = easter_sunday(year)
    kings_day, kings_name = _kings_day(year)
    days = [
        (date(year, 1, 1), "Nieuwjaarsdag"),
        (easter - timedelta(days=2), "Goede Vrijdag"),
        (easter, "1e Paasdag"),
        (easter + timedelta(days=1), "2e Paasdag"),
        (kings_day, kings_name),
        # Liberation Day is a national holiday every year, although many collective labour
        # agreements give the day off only once every five years; a meeting is avoided on it.
        (date(year, 5, 5), "Bevrijdingsdag"),
        (easter + timedelta(days=39), "Hemelvaartsdag"),
        (easter + timedelta(days=49), "1e Pinksterdag"),
        (easter + timedelta(days=50), "2e Pinksterdag"),
        (date(year, 12, 25), "1e Kerstdag"),
        (date(year, 12, 26), "2e Kerstdag"),
    ]
    # Two holidays can share a day (Ascension Day was on Liberation Day in 2005 and 2016):
    # one entry with both names.
    merged: dict[date, str] = {}
    for day, name in sorted(days):
        merged[day] = f"{merged[day]} / {name}" if day in merged else name
    return tuple(merged.items())


def public_holidays(year: int) -> dict[date, str]:
    """The Dutch public holidays of ``year`` with their Dutch names, in date order."""
    return dict(_public_holidays(year))


@cache
def _public_holiday_days(year: int) -> frozenset[date]:
    return frozenset(day for day, _name in _public_holidays(year))


def is_public_holiday(day: date) -> bool:
    return day in _public_holiday_days(day.year)


# --- School holidays ---------------------------------------------------------------------


@cache
def _published() -> dict[tuple[int, str, str], tuple[date, date]]:
    """The file as {(first year of the school year, holiday, region): (start, end)}."""
    periods = {}
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            first_year = int(row["school_year"].split("-")[0])
            regions = REGIONS if row["region"] == "all" else (row["region"],)
            for region in regions:
                periods[(first_year, row["holiday"], region)] = (
                    date.fromisoformat(row["start"]),
                    date.fromisoformat(row["end"]),
                )
    return periods


def published_school_years() -> tuple[int, ...]:
    """First years of the school years the data file holds (2018 for 2018-2019, ...)."""
    return tuple(sorted({first_year for first_year, _kind, _region in _published()}))


def _monday_of_iso_week(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def _saturday_on_or_before(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 5) % 7)


# Position (0 = first, 1 = a week later, 2 = two weeks later) of each region's summer holiday,
# repeating every six years: each region goes first twice, then middle, last twice, middle.
# Derived from the published years 2017-2026, which all follow it.
_SUMMER_CYCLE = (0, 0, 1, 2, 2, 1)
_SUMMER_OFFSET = {"south": 0, "middle": 2, "north": 4}
_SUMMER_CYCLE_YEAR = 2018


def _rule_period(first_year: int, kind: str, region: str) -> tuple[date, date]:
    """The approximation of one holiday where no published dates are known.

    Where the published dates vary between regions or years in no fixed pattern, the
    approximation covers every week the holiday has fallen in, so that a date planned
    outside it is outside the real holiday too. The published years 2018-2026 agree with these
    rules except the autumn of 2024, which fell a week later (weeks 43 and 44).
    """
    year = first_year + 1  # the calendar year of the holidays after New Year
    if kind == "autumn":
        # The advised autumn week is week 42 or 43 depending on region and year: both.
        start = _monday_of_iso_week(first_year, 42) - timedelta(days=2)
        return start, start + timedelta(days=15)
    if kind == "christmas":
        # Two weeks, from the Saturday on or before Christmas Day, the same for all regions.
        start = _saturday_on_or_before(date(first_year, 12, 25))
        return start, start + timedelta(days=15)
    if kind == "spring":
        if region == "south":
            # The south takes its spring week around carnival (Monday is 48 days before
            # Easter), but never later than week 9.
            carnival_monday = easter_sunday(year) - timedelta(days=48)
            week = min(carnival_monday.isocalendar().week, 9)
            start = _monday_of_iso_week(year, week) - timedelta(days=2)
            return start, start + timedelta(days=8)
        # The north and the middle have had week 8 or week 9: both.
        start = _monday_of_iso_week(year, 8) - timedelta(days=2)
        return start, start + timedelta(days=15)
    if kind == "may":
        # The compulsory week is the week of King's Day or the one after; schools may add a
        # second week: the week holding 27 April and the next one, for all regions.
        start = _saturday_on_or_before(date(year, 4, 27))
        return start, start + timedelta(days=15)
    if kind == "summer":
        # Six weeks; the first region starts on the first Saturday from 4 July, the others one
        # and two weeks later, in the rotating order of _SUMMER_CYCLE.
        first_start = date(year, 7, 4) + timedelta(days=(5 - date(year, 7, 4).weekday()) % 7)
        position = _SUMMER_CYCLE[(year - _SUMMER_CYCLE_YEAR + _SUMMER_OFFSET[region]) % 6]
        start = first_start + timedelta(weeks=position)
        return start, start + timedelta(days=43)
    raise ValueError(f"Unknown school holiday {kind!r}.")


def _check_region(region: str) -> tuple[str, ...]:
    if region == "":
        return REGIONS
    if region not in REGIONS:
        raise ValueError(f"Unknown school-holiday region {region!r}; use one of {REGIONS}.")
    return (region,)


def school_holiday_period(first_year: int, kind: str, region: str) -> tuple[date, date, bool]:
    """(start, end, published) of one holiday of the school year that starts in ``first_year``.

    ``published`` is False when the period is the rule-based approximation.
    """
    if region not in REGIONS:
        raise ValueError(f"Unknown school-holiday region {region!r}; use one of {REGIONS}.")
    published = _published().get((first_year, kind, region))
    if published:
        return (*published, True)
    return (*_rule_period(first_year, kind, region), False)


@cache
def _school_holidays(year: int, region: str) -> tuple[tuple[date, date], ...]:
    first_day, last_day = date(year, 1, 1), date(year, 12, 31)
    periods = set()
    for reg in _check_region(region):
        for first_year in (year - 1, year):
            for kind in HOLIDAY_KINDS:
                start, end, _known = school_holiday_period(first_year, kind, reg)
                if start <= last_day and end >= first_day:
                    periods.add((start, end))
    return tuple(sorted(periods))


def school_holidays(year: int, region: str) -> list[tuple[date, date]]:
    """School holiday periods (first and last day, inclusive) that touch calendar ``year``.

    Christmas holidays that start in December of the year before are included. Region ""
    (unknown) gives the periods of all three regions.
    """
    return list(_school_holidays(year, region))


@cache
def school_holiday_days(year: int, region: str) -> frozenset[date]:
    """Every day of calendar ``year`` that falls in a school holiday of ``region``."""
    days = set()
    for start, end in _school_holidays(year, region):
        day = max(start, date(year, 1, 1))
        last = min(end, date(year, 12, 31))
        while day <= last:
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


def is_school_holiday(day: date, region: str) -> bool:
    """Whether ``day`` falls in a school holiday of ``region`` ("" means: of any region)."""
    return day in school_holiday_days(day.year, region)
