"""The rotation planner: its rules as properties over generated programmes, plus worked examples.

The checks here are written independently of the planner's own code, so a property test fails
when the planner and the rule drift apart. No database is used.
"""

import math
import random
import time
from collections import Counter
from datetime import date, timedelta

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from pioneers.meetings.holidays import (
    is_public_holiday,
    is_school_holiday,
    region_for_province,
)
from pioneers.meetings.planner import (
    CELLS,
    DEFAULT_WEEKDAYS,
    FORMATS,
    RESIDENTS,
    RULE_CHAIR_ROTATION,
    RULE_DATES,
    RULE_DISTINCT_HOSTS,
    RULE_FORMATS_MIXED,
    RULE_HOST_NOT_CHAIR,
    RULE_RESIDENTS_YEARLY,
    Lock,
    Member,
    plan_rotation,
)

FAST = settings(max_examples=60, deadline=None)

# Province centres (shared/data/municipalities/provinces.csv); members are scattered around them.
PROVINCES = {
    "Groningen": (53.21613, 6.74426),
    "Fryslân": (53.10815, 5.8453),
    "Drenthe": (52.86262, 6.61851),
    "Overijssel": (52.44373, 6.44403),
    "Flevoland": (52.52689, 5.5953),
    "Gelderland": (52.06069, 5.94019),
    "Utrecht": (52.08389, 5.16309),
    "Noord-Holland": (52.58186, 4.87096),
    "Zuid-Holland": (51.94915, 4.47828),
    "Zeeland": (51.4518, 3.83667),
    "Noord-Brabant": (51.56058, 5.18792),
    "Limburg": (51.21006, 5.9335),
}
MOSTLY_TRUE = st.sampled_from([True, True, True, False])
# Topic ids, as the planner gets them: Open data, Woo, Participatie, Open besluitvorming,
# Algoritmes; and Open overheid, not on the list.
TOPICS = [101, 102, 103, 104, 105]
WOO, OPEN_GOVERNMENT = 102, 106


# --- Independent statements of the rules ---------------------------------------------------


def add_months(day, months):
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def whole_period(start, cadence, index):
    """(first day, day after the last) of the quarter (or shorter period) of meeting ``index``."""
    span = min(cadence, 3)  # a quarter, or one or two months for a faster cadence
    anchor = date(start.year, (start.month - 1) // span * span + 1, 1)
    first = add_months(anchor, index * cadence)
    return first, add_months(first, span)


def period(start, cadence, index):
    """(first day, last day) of the period meeting ``index`` must fall in."""
    first, end = whole_period(start, cadence, index)
    return max(first, start), end - timedelta(days=1)


def date_problems(day, index, host, chair, scenario):
    """What is wrong with ``day`` for the meeting: empty when it is a valid date."""
    first, last = period(scenario["start"], scenario["cadence_months"], index)
    weekdays = scenario.get("weekdays", DEFAULT_WEEKDAYS)
    problems = []
    if not first <= day <= last:
        problems.append("period")
    if day.weekday() not in weekdays:
        problems.append("weekday")
    if is_public_holiday(day):
        problems.append("public holiday")
    if host is not None and is_school_holiday(day, host.region):
        problems.append("school holiday")
    for member in (host, chair):
        if member is not None and day in member.blocked_dates:
            problems.append("blocked")
    return problems


def valid_days(index, host, chair, scenario):
    first, last = period(scenario["start"], scenario["cadence_months"], index)
    days = (first + timedelta(days=k) for k in range((last - first).days + 1))
    return [d for d in days if not date_problems(d, index, host, chair, scenario)]


def meeting_year(meeting, scenario):
    if meeting.date:
        return meeting.date.year
    return period(scenario["start"], scenario["cadence_months"], meeting.index)[0].year


def broken_rules(plan, scenario):
    """The codes of the rules the plan breaks, by the rules' own words."""
    members = {m.id: m for m in scenario["members"]}
    meetings = plan.meetings
    broken = set()

    hosts = [m.host_id for m in meetings]
    if None in hosts or len(set(hosts)) < len(hosts):
        broken.add(RULE_DISTINCT_HOSTS)

    willing = [m.id for m in members.values() if m.willing_to_chair]
    times = Counter(m.chair_id for m in meetings)
    if any(m.chair_id is None for m in meetings) or (
        willing and max(times[w] for w in willing) - min(times[w] for w in willing) >= 2
    ):
        broken.add(RULE_CHAIR_ROTATION)

    if not scenario.get("allow_same_host_and_chair") and any(
        m.host_id is not None and m.host_id == m.chair_id for m in meetings
    ):
        broken.add(RULE_HOST_NOT_CHAIR)

    def at_city_hall(m):
        return m.host_id is not None and members[m.host_id].is_municipality

    residents = [m for m in meetings if m.format == RESIDENTS]
    years = {meeting_year(m, scenario) for m in meetings}
    if any(not at_city_hall(m) for m in residents) or any(
        not any(meeting_year(m, scenario) == y and at_city_hall(m) for m in residents)
        for y in years
    ):
        broken.add(RULE_RESIDENTS_YEARLY)

    formats = [m.format for m in meetings]
    if any(a == b for a, b in zip(formats, formats[1:], strict=False)) or (
        len(formats) >= 4 and set(formats) != set(FORMATS)
    ):
        broken.add(RULE_FORMATS_MIXED)

    for m in meetings:
        host = members.get(m.host_id)
        chair = members.get(m.chair_id)
        if m.date is None or date_problems(m.date, m.index, host, chair, scenario):
            broken.add(RULE_DATES)
    return broken


def haversine(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def travel_spread(members, hosts):
    totals = [sum(haversine(m, h) for h in hosts) for m in members]
    return max(totals) - min(totals)


# --- Generated programmes -----------------------------------------------------------------


@st.composite
def blocked_dates(draw, start):
    days = set(draw(st.lists(st.dates(start, start + timedelta(days=1100)), max_size=4)))
    if draw(st.booleans()):
        # A whole stretch blocked, so that quarters without any good day occur too.
        first = draw(st.dates(start, start + timedelta(days=1100)))
        days |= {first + timedelta(days=k) for k in range(draw(st.integers(5, 80)))}
    return frozenset(days)


@st.composite
def scenarios(
    draw,
    *,
    members=(1, 12),
    meetings=(1, 10),
    cadences=(1, 2, 3, 3, 3, 4, 6, 12),
    blocked=True,
    municipal=MOSTLY_TRUE,
    hosting=MOSTLY_TRUE,
    chairing=MOSTLY_TRUE,
):
    start = draw(st.dates(date(2016, 1, 1), date(2030, 12, 31)))
    count = draw(st.integers(*members))
    ids = draw(st.lists(st.integers(1, 999), min_size=count, max_size=count, unique=True))
    people = []
    for member_id in ids:
        province = draw(st.sampled_from(sorted(PROVINCES)))
        latitude, longitude = PROVINCES[province]
        people.append(
            Member(
                id=member_id,
                name=f"Member {member_id}",
                province=province,
                latitude=latitude + draw(st.floats(-0.25, 0.25)),
                longitude=longitude + draw(st.floats(-0.25, 0.25)),
                region=region_for_province(province),
                is_municipality=draw(municipal),
                willing_to_host=draw(hosting),
                willing_to_chair=draw(chairing),
                blocked_dates=draw(blocked_dates(start)) if blocked else frozenset(),
            )
        )
    return {
        "start": start,
        "meetings": draw(st.integers(*meetings)),
        "members": people,
        "topics": draw(st.lists(st.sampled_from(TOPICS), max_size=6)),
        "cadence_months": draw(st.sampled_from(cadences)),
        "weekdays": draw(
            st.one_of(st.just(DEFAULT_WEEKDAYS), st.frozensets(st.integers(0, 6), min_size=1))
        ),
        "allow_same_host_and_chair": draw(st.booleans()),
        "chair_counts": draw(st.dictionaries(st.sampled_from(ids), st.integers(0, 4))),
    }


@st.composite
def scenarios_with_locks(draw, **kwargs):
    scenario = draw(scenarios(**kwargs))
    ids = [m.id for m in scenario["members"]]
    locks = {}
    for index in sorted(draw(st.sets(st.integers(0, scenario["meetings"] - 1)))):
        first, last = period(scenario["start"], scenario["cadence_months"], index)
        locks[index] = Lock(
            date=draw(st.none() | st.dates(first, last) | st.dates(first, last + timedelta(60))),
            host_id=draw(st.none() | st.sampled_from(ids)),
            chair_id=draw(st.none() | st.sampled_from(ids)),
            format=draw(st.none() | st.sampled_from(FORMATS)),
            topic_id=draw(st.none() | st.sampled_from(TOPICS)),
        )
    scenario["locked"] = locks
    return scenario


@st.composite
def scenarios_with_fixed(draw, **kwargs):
    """Some meetings exist already (each a distinct host), the coordinator locked others."""
    scenario = draw(scenarios_with_locks(**kwargs))
    ids = [m.id for m in scenario["members"]]
    indexes = sorted(draw(st.sets(st.integers(0, scenario["meetings"] - 1))))
    hosts = draw(st.lists(st.sampled_from(ids), min_size=len(indexes), max_size=len(indexes)))
    locks = dict(scenario["locked"])
    for index, host_id in zip(indexes, hosts, strict=True):
        first, last = period(scenario["start"], scenario["cadence_months"], index)
        locks[index] = Lock(
            fixed=True,
            # An existing meeting may have moved out of its quarter.
            date=draw(st.dates(first, last) | st.dates(first, last + timedelta(60))),
            host_id=host_id,
            chair_id=draw(st.none() | st.sampled_from(ids)),
            format=draw(st.sampled_from(FORMATS)),
            topic_id=draw(st.none() | st.sampled_from(TOPICS)),
        )
    scenario["locked"] = locks
    return scenario


# --- Properties of every rule --------------------------------------------------------------


@FAST
@given(scenarios())
def test_hosts_are_distinct_and_willing(scenario):
    plan = plan_rotation(**scenario)
    willing = {m.id for m in scenario["members"] if m.willing_to_host}
    hosts = [m.host_id for m in plan.meetings if m.host_id is not None]
    assert len(set(hosts)) == len(hosts)
    assert set(hosts) <= willing
    assert len(hosts) == min(len(willing), scenario["meetings"])
    assert (RULE_DISTINCT_HOSTS in plan.violated_rules) == (len(willing) < scenario["meetings"])


@FAST
@given(scenarios())
def test_no_chair_twice_before_every_willing_member_chaired(scenario):
    plan = plan_rotation(**scenario)
    willing = [m.id for m in scenario["members"] if m.willing_to_chair]
    chairs = [m.chair_id for m in plan.meetings]
    if len(willing) >= 2:
        assert None not in chairs
        times = Counter(chairs)
        assert max(times[w] for w in willing) - min(times[w] for w in willing) <= 1
        assert RULE_CHAIR_ROTATION not in plan.violated_rules
    assert {c for c in chairs if c is not None} <= set(willing)


@FAST
@given(scenarios(blocked=False))
def test_who_chaired_least_before_chairs_first(scenario):
    plan = plan_rotation(**scenario)
    prior = scenario["chair_counts"]
    willing = [m.id for m in scenario["members"] if m.willing_to_chair]
    chairs = [m.chair_id for m in plan.meetings]
    never = [w for w in willing if w not in chairs]
    for meeting in plan.meetings:
        chair = meeting.chair_id
        earlier = chairs[: meeting.index].count(chair)
        for left_out in never:
            if left_out == meeting.host_id and not scenario["allow_same_host_and_chair"]:
                continue  # could not chair this one: it hosts it
            # Someone who never chairs was passed over only for a first-timer who chaired
            # no more often in earlier programmes.
            assert earlier == 0
            assert prior.get(left_out, 0) >= prior.get(chair, 0)


@FAST
@given(scenarios())
def test_host_does_not_chair_unless_allowed(scenario):
    plan = plan_rotation(**scenario)
    if not scenario["allow_same_host_and_chair"]:
        assert all(m.host_id != m.chair_id for m in plan.meetings if m.host_id is not None)
        assert RULE_HOST_NOT_CHAIR not in plan.violated_rules


@FAST
@given(
    scenarios(
        members=(12, 14),
        meetings=(5, 12),
        cadences=(3,),
        municipal=st.just(True),
        hosting=st.just(True),
    )
)
def test_residents_meeting_each_year_and_formats_mixed(scenario):
    plan = plan_rotation(**scenario)
    members = {m.id: m for m in scenario["members"]}
    if len(members) >= scenario["meetings"]:
        for year in {m.date.year for m in plan.meetings}:
            assert any(
                m.date.year == year and m.format == RESIDENTS and members[m.host_id].is_municipality
                for m in plan.meetings
            )
        formats = [m.format for m in plan.meetings]
        assert all(a != b for a, b in zip(formats, formats[1:], strict=False))
        assert set(formats) == set(FORMATS)
        assert RULE_RESIDENTS_YEARLY not in plan.violated_rules
        assert RULE_FORMATS_MIXED not in plan.violated_rules


def format_violations(formats, years):
    consecutive = sum(a == b for a, b in zip(formats, formats[1:], strict=False))
    missing = len(set(FORMATS) - set(formats)) if len(formats) >= 4 else 0
    no_residents = sum(
        not any(f == RESIDENTS and y == year for f, y in zip(formats, years, strict=True))
        for year in set(years)
    )
    return consecutive + missing + no_residents


@settings(max_examples=40, deadline=None)
@given(
    scenarios(
        members=(8, 10),
        meetings=(1, 6),
        cadences=(1, 3, 6, 12),
        municipal=st.just(True),
        hosting=st.just(True),
    )
)
def test_formats_break_as_few_rules_as_possible(scenario):
    plan = plan_rotation(**scenario)
    years = [m.date.year for m in plan.meetings]
    formats = [m.format for m in plan.meetings]
    best = min(
        format_violations(list(candidate), years) for candidate in _product(FORMATS, len(formats))
    )
    assert format_violations(formats, years) == best


def _product(values, length):
    if length == 0:
        yield ()
        return
    for rest in _product(values, length - 1):
        for value in values:
            yield (*rest, value)


@FAST
@given(scenarios())
def test_dates_are_valid_whenever_a_valid_date_exists(scenario):
    plan = plan_rotation(**scenario)
    members = {m.id: m for m in scenario["members"]}
    for meeting in plan.meetings:
        host, chair = members.get(meeting.host_id), members.get(meeting.chair_id)
        options = valid_days(meeting.index, host, chair, scenario)
        if options:
            assert not date_problems(meeting.date, meeting.index, host, chair, scenario)
            if host is not None:
                # The day closest to the middle of the period among the valid ones.
                first, end = whole_period(
                    scenario["start"], scenario["cadence_months"], meeting.index
                )
                middle = first + timedelta(days=(end - first).days // 2)
                distance = abs((meeting.date - middle).days)
                assert all(abs((d - middle).days) >= distance for d in options)
        else:
            assert RULE_DATES in plan.violated_rules
            assert meeting.date is not None


@FAST
@given(scenarios_with_locks())
def test_locked_cells_are_kept_exactly(scenario):
    plan = plan_rotation(**scenario)
    locked_hosts = {lock.host_id for lock in scenario["locked"].values()} - {None}
    for index, lock in scenario["locked"].items():
        meeting = plan.meetings[index]
        assert meeting.locked == lock.cells()
        for cell, attribute in (
            ("date", "date"),
            ("host_id", "host_id"),
            ("chair_id", "chair_id"),
            ("format", "format"),
            ("topic_id", "topic_id"),
        ):
            if getattr(lock, cell) is not None:
                assert getattr(meeting, attribute) == getattr(lock, cell)
    members = {m.id: m for m in scenario["members"]}
    for meeting in plan.meetings:
        if "host" not in meeting.locked and meeting.host_id is not None:
            assert meeting.host_id not in locked_hosts  # a locked host is a used venue
        if "format" not in meeting.locked and meeting.format == RESIDENTS:
            assert members[meeting.host_id].is_municipality  # never proposed outside city hall
    topics = [m.topic_id for m in plan.meetings if "topic" not in m.locked and m.topic_id]
    locked_topics = {lock.topic_id for lock in scenario["locked"].values()} - {None}
    assert len(set(topics)) == len(topics)
    assert not set(topics) & locked_topics


@FAST
@given(scenarios_with_fixed())
def test_existing_meetings_are_kept_and_counted_by_the_rules(scenario):
    with translation.override("en"):
        plan = plan_rotation(**scenario)
    fixed = {i: lock for i, lock in scenario["locked"].items() if lock.fixed}
    for index, lock in fixed.items():
        meeting = plan.meetings[index]
        assert meeting.fixed and meeting.locked == frozenset(CELLS)
        # Every cell as it is, an empty chair or topic too.
        assert (
            meeting.date,
            meeting.host_id,
            meeting.chair_id,
            meeting.format,
            meeting.topic_id,
        ) == (
            lock.date,
            lock.host_id,
            lock.chair_id,
            lock.format,
            lock.topic_id,
        )
        assert set(meeting.reasons.values()) == {"The meeting exists; kept as it is"}
    fixed_hosts = {lock.host_id for lock in fixed.values()}
    fixed_topics = {lock.topic_id for lock in fixed.values()} - {None}
    for meeting in plan.meetings:
        if not meeting.fixed:
            assert "host" in meeting.locked or meeting.host_id not in fixed_hosts
            assert "topic" in meeting.locked or meeting.topic_id not in fixed_topics
    # The fairness figures describe the whole programme, existing meetings included.
    members = {m.id: m for m in scenario["members"]}
    hosts = [members[m.host_id] for m in plan.meetings if m.host_id is not None]
    for member_id, km in plan.travel_km.items():
        expected = sum(haversine(members[member_id], host) for host in hosts)
        assert km == pytest.approx(expected, abs=0.06)
    assert set(plan.violated_rules) == broken_rules(plan, scenario)


@FAST
@given(scenarios_with_locks())
def test_warnings_exactly_when_a_rule_is_broken(scenario):
    plan = plan_rotation(**scenario)
    assert set(plan.violated_rules) == broken_rules(plan, scenario)
    assert len(plan.warnings) == len(plan.violated_rules)
    assert all(isinstance(w, str) and w for w in plan.warnings)


@FAST
@given(scenarios_with_locks(), st.randoms(use_true_random=False))
def test_same_inputs_give_the_same_plan(scenario, rng):
    plan = plan_rotation(**scenario)
    assert plan_rotation(**scenario) == plan
    shuffled = dict(scenario)
    shuffled["members"] = list(scenario["members"])
    rng.shuffle(shuffled["members"])
    shuffled["chair_counts"] = dict(reversed(list(scenario["chair_counts"].items())))
    shuffled["locked"] = dict(reversed(list(scenario["locked"].items())))
    assert plan_rotation(**shuffled) == plan


@FAST
@given(scenarios_with_locks())
def test_every_cell_has_a_reason(scenario):
    plan = plan_rotation(**scenario)
    for meeting in plan.meetings:
        assert set(meeting.reasons) == {"date", "host", "chair", "format", "topic"}
        assert all(isinstance(r, str) and r for r in meeting.reasons.values())
    assert sum(plan.hosts_per_province.values()) == sum(
        1 for m in plan.meetings if m.host_id is not None
    )
    assert plan.travel_min <= plan.travel_mean <= plan.travel_max
    assert plan.travel_spread == pytest.approx(plan.travel_max - plan.travel_min, abs=0.11)


# --- Worked examples -----------------------------------------------------------------------

SEED = [
    # (CBS number, name, province, latitude, longitude)
    (606, "Schiedam", "Zuid-Holland", 51.92681, 4.38423),
    (344, "Utrecht", "Utrecht", 52.09143, 5.07567),
    (14, "Groningen", "Groningen", 53.21798, 6.62037),
    (80, "Leeuwarden", "Fryslân", 53.17077, 5.79642),
    (106, "Assen", "Drenthe", 53.0019, 6.55168),
    (193, "Zwolle", "Overijssel", 52.51912, 6.11964),
    (153, "Enschede", "Overijssel", 52.2211, 6.87734),
    (34, "Almere", "Flevoland", 52.36707, 5.24637),
    (202, "Arnhem", "Gelderland", 52.00063, 5.89343),
    (268, "Nijmegen", "Gelderland", 51.83903, 5.83785),
    (363, "Amsterdam", "Noord-Holland", 52.36378, 4.91037),
    (392, "Haarlem", "Noord-Holland", 52.38375, 4.64768),
    (599, "Rotterdam", "Zuid-Holland", 51.92649, 4.30469),
    (518, "'s-Gravenhage", "Zuid-Holland", 52.06937, 4.30086),
    (718, "Vlissingen", "Zeeland", 51.46091, 3.61134),
    (772, "Eindhoven", "Noord-Brabant", 51.44978, 5.4581),
    (855, "Tilburg", "Noord-Brabant", 51.58318, 5.07725),
    (935, "Maastricht", "Limburg", 50.85333, 5.69923),
    (917, "Heerlen", "Limburg", 50.8941, 5.96821),
    (355, "Zeist", "Utrecht", 52.10221, 5.25424),
]


def seed_members():
    members = [
        Member(
            id=number,
            name=name,
            province=province,
            latitude=latitude,
            longitude=longitude,
            region=region_for_province(province),
        )
        for number, name, province, latitude, longitude in SEED
    ]
    # The expertise centre takes part, but is no municipality: no residents' meeting there.
    members.append(
        Member(
            id=5000,
            name="Kenniscentrum Open Overheid",
            province="Zuid-Holland",
            latitude=52.0799,
            longitude=4.3113,
            region="middle",
            is_municipality=False,
            willing_to_chair=False,
        )
    )
    return members


def seed_plan(**kwargs):
    return plan_rotation(
        start=date(2018, 10, 1),
        meetings=8,
        members=seed_members(),
        topics=TOPICS,
        **kwargs,
    )


def test_seed_programme_follows_every_rule():
    plan = seed_plan()
    members = {m.id: m for m in seed_members()}
    meetings = plan.meetings
    assert plan.warnings == ()
    assert len({m.host_id for m in meetings}) == 8
    assert len({m.chair_id for m in meetings}) == 8
    assert all(m.host_id != m.chair_id for m in meetings)
    # Eight hosts, all from different provinces.
    assert max(plan.hosts_per_province.values()) == 1
    assert [m.date.weekday() in (1, 2, 3) for m in meetings] == [True] * 8
    quarters = [(m.date.year, (m.date.month - 1) // 3 + 1) for m in meetings]
    assert quarters == [(2018, 4), (2019, 1), (2019, 2), (2019, 3)] + [
        (2019, 4),
        (2020, 1),
        (2020, 2),
        (2020, 3),
    ]
    for year in (2018, 2019, 2020):
        assert any(
            m.date.year == year and m.format == RESIDENTS and members[m.host_id].is_municipality
            for m in meetings
        )
    assert {m.format for m in meetings} == set(FORMATS)
    assert [m.topic_id for m in meetings] == [*TOPICS, None, None, None]
    for m in meetings:
        host = members[m.host_id]
        assert not is_school_holiday(m.date, host.region)
        assert not is_public_holiday(m.date)


def test_seed_programme_reasons_in_english():
    with translation.override("en"):
        plan = seed_plan()
    first = plan.meetings[0]
    assert first.format == RESIDENTS
    assert first.reasons["format"] == "First residents' meeting of 2018, at a city hall"
    assert first.reasons["chair"] == "Has not chaired yet"
    assert f"{plan.travel_spread:.0f} km" in first.reasons["host"]
    assert "Q4 2018" in first.reasons["date"]
    assert plan.meetings[5].reasons["topic"] == "No topic left on the list; choose one"


def test_travel_spread_no_worse_than_round_robin():
    members = seed_members()
    plan = seed_plan()
    willing = sorted((m for m in members if m.willing_to_host), key=lambda m: m.id)
    naive = travel_spread(members, willing[:8])
    hosts = [next(m for m in members if m.id == p.host_id) for p in plan.meetings]
    assert plan.travel_spread == pytest.approx(travel_spread(members, hosts), abs=0.1)
    assert plan.travel_spread <= naive
    assert plan.travel_km[606] == pytest.approx(
        sum(haversine(members[0], h) for h in hosts), abs=0.1
    )


def test_chair_counts_decide_who_chairs_first():
    members = [m for m in seed_members() if m.id in (14, 80, 106, 193)]
    # Only Groningen (14) and Assen (106) host; Leeuwarden chaired less often than Zwolle.
    members = [Member(**{**m.__dict__, "willing_to_host": m.id in (14, 106)}) for m in members]
    plan = plan_rotation(
        start=date(2019, 1, 1),
        meetings=2,
        members=members,
        chair_counts={14: 0, 80: 1, 106: 0, 193: 3},
    )
    chairs = [m.chair_id for m in plan.meetings]
    hosts = [m.host_id for m in plan.meetings]
    # Groningen and Assen have not chaired yet, so each chairs the other's meeting.
    assert sorted(chairs) == [14, 106]
    assert all(c != h for c, h in zip(chairs, hosts, strict=True))
    assert plan.warnings == ()


def test_replan_around_a_locked_host_and_format():
    first = seed_plan()
    moved = first.meetings[5].host_id
    locked = {2: Lock(host_id=moved, format="conference", topic_id=WOO)}
    plan = seed_plan(locked=locked)
    assert plan.meetings[2].host_id == moved
    assert plan.meetings[2].format == "conference"
    assert plan.meetings[2].locked == frozenset({"host", "format", "topic"})
    assert [m.host_id for m in plan.meetings].count(moved) == 1
    assert [m.topic_id for m in plan.meetings].count(WOO) == 1
    assert plan.meetings[1].format != "conference" != plan.meetings[3].format
    assert plan.warnings == ()


def test_existing_meetings_stay_and_the_rest_is_planned_around_them():
    fresh = seed_plan()
    first = fresh.meetings[0]
    # Meeting 1 exists, hosted by the member that would otherwise host meeting 2; meeting 3
    # exists at a venue that left the network and whose place is unknown, with no chair.
    gone = Member(
        id=9000,
        name="Former member",
        province="",
        latitude=None,
        longitude=None,
        region="",
        plannable=False,
    )
    locked = {
        0: Lock(
            fixed=True,
            date=first.date,
            host_id=fresh.meetings[1].host_id,
            chair_id=first.chair_id,
            format=first.format,
            topic_id=OPEN_GOVERNMENT,
        ),
        2: Lock(fixed=True, date=date(2019, 4, 11), host_id=9000, format="lab"),
    }
    plan = plan_rotation(
        start=date(2018, 10, 1),
        meetings=8,
        members=[*seed_members(), gone],
        topics=TOPICS,
        locked=locked,
    )
    meetings = plan.meetings
    assert meetings[0].host_id == fresh.meetings[1].host_id and meetings[0].fixed
    assert (meetings[2].host_id, meetings[2].chair_id, meetings[2].topic_id) == (9000, None, None)
    hosts = [m.host_id for m in meetings]
    assert len(set(hosts)) == 8  # the planner moved meeting 2 elsewhere
    # The former member is proposed for nothing and travels nowhere.
    assert hosts.count(9000) == 1 and 9000 not in [m.chair_id for m in meetings]
    assert 9000 not in plan.travel_km and len(plan.travel_km) == len(seed_members())
    assert OPEN_GOVERNMENT not in [m.topic_id for m in meetings[1:]]
    assert plan.violated_rules == (RULE_CHAIR_ROTATION,)  # meeting 3 has no guest chair


def test_fewer_willing_hosts_than_meetings_warns_instead_of_failing():
    members = [
        Member(**{**m.__dict__, "willing_to_host": m.id in (606, 344, 14)}) for m in seed_members()
    ]
    plan = plan_rotation(start=date(2018, 10, 1), meetings=5, members=members)
    hosts = [m.host_id for m in plan.meetings]
    assert sorted(h for h in hosts if h is not None) == [14, 344, 606]
    # The latest meetings wait for a venue, but not the residents' meetings: they need a city
    # hall in their year.
    waiting = [m for m in plan.meetings if m.host_id is None]
    assert [m.index for m in waiting] == [2, 4]
    assert all(m.format != RESIDENTS for m in waiting)
    assert RULE_DISTINCT_HOSTS in plan.violated_rules
    assert all(m.chair_id is not None and m.date is not None for m in plan.meetings)


def test_no_valid_date_in_a_quarter_warns():
    members = [
        Member(
            id=i,
            name=f"M{i}",
            province="Utrecht",
            latitude=52.09,
            longitude=5.12,
            region="middle",
            blocked_dates=frozenset(date(2019, 1, 1) + timedelta(days=k) for k in range(90)),
        )
        for i in (1, 2)
    ]
    plan = plan_rotation(start=date(2019, 1, 1), meetings=1, members=members)
    assert plan.violated_rules == (RULE_DATES,)
    assert plan.meetings[0].date is not None
    assert plan.meetings[0].date.month in (1, 2, 3)


def test_residents_meeting_stays_at_a_city_hall_even_without_a_good_date():
    whole_quarter = frozenset(date(2019, 1, 1) + timedelta(days=k) for k in range(90))
    town = Member(
        id=1,
        name="Town",
        province="Utrecht",
        latitude=52.1,
        longitude=5.1,
        region="middle",
        blocked_dates=whole_quarter,
    )
    centre = Member(
        id=2,
        name="Centre",
        province="Utrecht",
        latitude=52.0,
        longitude=5.0,
        region="middle",
        is_municipality=False,
    )
    plan = plan_rotation(start=date(2019, 1, 1), meetings=1, members=[town, centre])
    assert (plan.meetings[0].format, plan.meetings[0].host_id) == (RESIDENTS, 1)
    assert plan.violated_rules == (RULE_DATES,)


def test_only_the_host_can_chair():
    member = seed_members()[0]
    allowed = plan_rotation(
        start=date(2019, 1, 1), meetings=1, members=[member], allow_same_host_and_chair=True
    )
    assert allowed.meetings[0].chair_id == member.id == allowed.meetings[0].host_id
    assert RULE_HOST_NOT_CHAIR not in allowed.violated_rules
    refused = plan_rotation(start=date(2019, 1, 1), meetings=1, members=[member])
    assert refused.meetings[0].chair_id is None
    assert refused.violated_rules == (RULE_CHAIR_ROTATION,)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"meetings": 0}, "at least one meeting"),
        ({"meetings": 201}, "at most 200"),
        ({"members": []}, "at least one member"),
        ({"cadence_months": 0}, "cadence"),
        ({"weekdays": frozenset()}, "Weekdays"),
        ({"locked": {8: Lock(format="lab")}}, "outside the programme"),
        ({"locked": {0: Lock(format="party")}}, "Unknown format"),
        ({"locked": {0: Lock(host_id=12345)}}, "not a member"),
        ({"locked": {0: Lock(fixed=True, format="lab", host_id=606)}}, "needs a date"),
        ({"chair_counts": {606: -1}}, "negative"),
    ],
)
def test_invalid_input_raises(kwargs, message):
    arguments = {"start": date(2018, 10, 1), "meetings": 8, "members": seed_members()}
    with pytest.raises(ValueError, match=message):
        plan_rotation(**{**arguments, **kwargs})


def test_duplicate_member_ids_raise():
    member = seed_members()[0]
    with pytest.raises(ValueError, match="same id"):
        plan_rotation(start=date(2018, 10, 1), meetings=2, members=[member, member])


def test_sixty_members_and_twelve_meetings_in_well_under_a_second():
    rng = random.Random(60)
    provinces = sorted(PROVINCES)
    members = []
    for member_id in range(1, 61):
        province = provinces[member_id % len(provinces)]
        latitude, longitude = PROVINCES[province]
        members.append(
            Member(
                id=member_id,
                name=f"Member {member_id}",
                province=province,
                latitude=latitude + rng.uniform(-0.3, 0.3),
                longitude=longitude + rng.uniform(-0.3, 0.3),
                region=region_for_province(province),
                is_municipality=member_id % 5 != 0,
                blocked_dates=frozenset(
                    date(2018, 10, 1) + timedelta(days=rng.randrange(1100)) for _ in range(6)
                ),
            )
        )
    started = time.perf_counter()
    plan = plan_rotation(start=date(2018, 10, 1), meetings=12, members=members)
    assert time.perf_counter() - started < 1.0
    assert plan.warnings == ()
