"""The rotation planner: proposes every meeting of a programme, with a reason for each choice.

``plan_rotation`` is a pure function: the same inputs give the same plan, and it touches no
database or settings (its reasons are translatable strings, rendered in the active language).
The coordinator's edits come back as ``Lock``s; locked cells are kept and the rest is planned
around them. Meetings that exist already come as fixed locks: every cell stays as it is, an
empty guest chair or topic too, and the rules count them like any other meeting (their hosts
are used venues, their chairs have chaired). A rule that cannot be met gives a warning in the
plan instead of an error.

The rules, in the order the plan is built:

- format: no two consecutive meetings share a format; every format appears once a programme
  has four meetings; every calendar year with a meeting has a residents' meeting, hosted by a
  municipality (at its city hall). A small dynamic programme finds the fewest violations
  possible; among the choices that reach it, the least used format wins.
- host: no venue twice. Hosts are spread over the provinces as evenly as the willing hosts
  allow; within that, a local search swaps hosts to make the total distance every member
  travels over the programme (sum of great-circle distances to the hosts) as even as possible,
  measured as max minus min.
- guest chair: least chaired in this programme first, then least chaired in earlier programmes
  (``chair_counts``), never the host unless allowed.
- date: a permitted weekday in the meeting's quarter, closest to its middle, avoiding public
  holidays, the host region's school holidays and the host's and chair's blocked dates.
- topic: the next unused topic of the list (topics are ids; the caller knows their names);
  when the list runs out, the topic with the most votes of those left (``voted_topics``).
"""

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from django.utils.translation import gettext_lazy as _

from pioneers.meetings import holidays

FORMATS = ("knowledge_session", "lab", "conference", "residents")
RESIDENTS = "residents"
CELLS = ("date", "host", "chair", "format", "topic")
DEFAULT_WEEKDAYS = frozenset({1, 2, 3})  # Tuesday to Thursday, as date.weekday() numbers them

# Codes of the rules a plan can break, one per warning (Plan.violated_rules).
RULE_DISTINCT_HOSTS = "distinct_hosts"
RULE_CHAIR_ROTATION = "chair_rotation"
RULE_HOST_NOT_CHAIR = "host_not_chair"
RULE_RESIDENTS_YEARLY = "residents_yearly"
RULE_FORMATS_MIXED = "formats_mixed"
RULE_DATES = "dates"

FORMAT_LABELS = {
    "knowledge_session": _("knowledge session"),
    "lab": _("open-government lab"),
    "conference": _("conference"),
    "residents": _("residents' meeting"),
}
REGION_LABELS = {
    "north": _("region north"),
    "middle": _("region middle"),
    "south": _("region south"),
    "": _("every region"),
}

EARTH_RADIUS_KM = 6371.0088
# Local search for the travel spread stops after this many swaps; it converges far sooner.
MAX_SWAPS = 200
# Fifty years of quarterly meetings; the format search recurses once per meeting.
MAX_MEETINGS = 200


@dataclass(frozen=True, kw_only=True)
class Member:
    """A member organisation as the planner sees it."""

    id: int
    name: str
    province: str
    latitude: float | None
    longitude: float | None
    region: str  # "north", "middle", "south", or "" when unknown (then every region counts)
    is_municipality: bool = True
    willing_to_host: bool = True
    willing_to_chair: bool = True
    blocked_dates: frozenset[dt.date] = frozenset()
    # False for an organisation that is only there as host or chair of a fixed meeting (one
    # that left the network, or has no known place): never proposed, its travel not measured.
    # Only such an organisation may lack a location; travel to it is then not counted.
    plannable: bool = True


@dataclass(frozen=True, kw_only=True)
class Lock:
    """Cells of one meeting the coordinator fixed; None leaves a cell to the planner.

    ``fixed`` marks a meeting that exists already: every cell is kept as given, and an empty
    guest chair or topic stays empty. It needs a date, a host and a format.
    """

    date: dt.date | None = None
    host_id: int | None = None
    chair_id: int | None = None
    format: str | None = None
    topic_id: int | None = None
    fixed: bool = False

    def cells(self) -> frozenset[str]:
        if self.fixed:
            return frozenset(CELLS)
        values = {
            "date": self.date,
            "host": self.host_id,
            "chair": self.chair_id,
            "format": self.format,
            "topic": self.topic_id,
        }
        return frozenset(cell for cell, value in values.items() if value is not None)


@dataclass(frozen=True, kw_only=True)
class PlannedMeeting:
    """One proposed meeting; ``locked`` names the cells kept; ``fixed``: the meeting exists."""

    index: int
    date: dt.date | None
    host_id: int | None
    chair_id: int | None
    format: str
    topic_id: int | None
    reasons: dict[str, str]  # one per cell: "date", "host", "chair", "format", "topic"
    locked: frozenset[str] = frozenset()
    fixed: bool = False


@dataclass(frozen=True, kw_only=True)
class Plan:
    """The proposal, the travel figures it was judged by, and a warning per broken rule."""

    meetings: tuple[PlannedMeeting, ...]
    hosts_per_province: dict[str, int]  # every province of a member, also those without a host
    # Plannable member id: km travelled to all meetings of the programme, fixed ones included.
    travel_km: dict[int, float]
    travel_min: float
    travel_mean: float
    travel_max: float
    travel_spread: float  # max minus min
    warnings: tuple[str, ...] = ()
    violated_rules: tuple[str, ...] = ()  # the rule code of each warning, in the same order


def plan_rotation(
    *,
    start: dt.date,
    meetings: int,
    members: Sequence[Member],
    topics: Sequence[int] = (),
    voted_topics: Sequence[tuple[int, int]] = (),
    cadence_months: int = 3,
    weekdays: Iterable[int] = DEFAULT_WEEKDAYS,
    allow_same_host_and_chair: bool = False,
    chair_counts: Mapping[int, int] | None = None,
    locked: Mapping[int, Lock] | None = None,
) -> Plan:
    """Propose a programme of ``meetings`` meetings from ``start``, every ``cadence_months``.

    Meeting i falls in the quarter that starts ``i * cadence_months`` months after the first
    day of the quarter holding ``start``, and not before ``start``. With a cadence under three
    months the period is that many months long, counted from the period holding ``start``
    (months 1-2, 3-4, ... for a cadence of 2). Raises ValueError on invalid input; a rule that
    cannot be met gives a warning instead.
    """
    ctx = _Context(
        start=start,
        n=meetings,
        members=members,
        cadence=cadence_months,
        weekdays=weekdays,
        allow_same=allow_same_host_and_chair,
        chair_counts=chair_counts or {},
        locked=locked or {},
    )
    formats, format_reasons = _plan_formats(ctx)
    hosts = _plan_hosts(ctx, formats)
    chairs = _plan_chairs(ctx, hosts)
    dates, date_reasons = _plan_dates(ctx, hosts, chairs)
    topics_, topic_reasons = _plan_topics(ctx, topics, voted_topics)

    travel = _travel(ctx, hosts)
    spread = round(max(travel.values()) - min(travel.values()), 1)
    host_reasons = _host_reasons(ctx, hosts, formats, spread)
    chair_reasons = _chair_reasons(ctx, hosts, chairs)

    planned = tuple(
        PlannedMeeting(
            index=i,
            date=dates[i],
            host_id=hosts[i],
            chair_id=chairs[i],
            format=formats[i],
            topic_id=topics_[i],
            reasons={
                "date": date_reasons[i],
                "host": host_reasons[i],
                "chair": chair_reasons[i],
                "format": format_reasons[i],
                "topic": topic_reasons[i],
            },
            locked=ctx.lock(i).cells(),
            fixed=ctx.lock(i).fixed,
        )
        for i in range(ctx.n)
    )
    provinces = sorted({m.province for m in ctx.members})
    hosted = Counter(ctx.by_id[h].province for h in hosts if h is not None)
    violations = _check_plan(ctx, planned)
    values = list(travel.values())
    return Plan(
        meetings=planned,
        hosts_per_province={p: hosted[p] for p in provinces},
        travel_km={member_id: round(km, 1) for member_id, km in travel.items()},
        travel_min=round(min(values), 1),
        travel_mean=round(sum(values) / len(values), 1),
        travel_max=round(max(values), 1),
        travel_spread=spread,
        warnings=tuple(message for _code, message in violations),
        violated_rules=tuple(code for code, _message in violations),
    )


# --- Input ---------------------------------------------------------------------------------


class _Context:
    """The validated input and what is derived from it once: periods, days, distances."""

    def __init__(self, *, start, n, members, cadence, weekdays, allow_same, chair_counts, locked):
        if not isinstance(n, int) or n < 1:
            raise ValueError("A programme needs at least one meeting.")
        if n > MAX_MEETINGS:
            raise ValueError(f"A programme has at most {MAX_MEETINGS} meetings.")
        if not any(m.plannable for m in members):
            raise ValueError("The planner needs at least one member.")
        if not isinstance(cadence, int) or cadence < 1:
            raise ValueError("The cadence must be a whole number of months, at least 1.")
        self.weekdays = frozenset(weekdays)
        if not self.weekdays or not self.weekdays <= set(range(7)):
            raise ValueError("Weekdays must be a non-empty set of numbers 0 (Monday) to 6.")
        # Sorting by id makes the plan independent of the order the members come in. An
        # organisation that is not plannable is offered nothing: it hosts and chairs no more.
        self.members = tuple(
            m if m.plannable else replace(m, willing_to_host=False, willing_to_chair=False)
            for m in sorted(members, key=lambda m: m.id)
        )
        self.by_id = {m.id: m for m in self.members}
        if len(self.by_id) != len(self.members):
            raise ValueError("Two members have the same id.")
        # Those whose travel the plan measures and evens out.
        self.travellers = tuple(m for m in self.members if m.plannable)
        for m in self.members:
            if m.region not in (*holidays.REGIONS, ""):
                raise ValueError(f"Member {m.id} has an unknown region {m.region!r}.")
            if not m.plannable and m.latitude is None and m.longitude is None:
                continue
            if not (
                m.latitude is not None
                and m.longitude is not None
                and -90 <= m.latitude <= 90
                and -180 <= m.longitude <= 180
            ):
                raise ValueError(f"Member {m.id} has no valid location.")
        if any(count < 0 for count in chair_counts.values()):
            raise ValueError("Chair counts cannot be negative.")
        self.prior = {m.id: chair_counts.get(m.id, 0) for m in self.members}
        for index, lock in locked.items():
            if not 0 <= index < n:
                raise ValueError(f"A lock refers to meeting {index}, outside the programme.")
            if lock.format is not None and lock.format not in FORMATS:
                raise ValueError(f"Unknown format {lock.format!r}; use one of {FORMATS}.")
            for member_id in (lock.host_id, lock.chair_id):
                if member_id is not None and member_id not in self.by_id:
                    raise ValueError(f"A lock refers to member {member_id}, not a member.")
            if lock.fixed and None in (lock.date, lock.host_id, lock.format):
                raise ValueError(f"Fixed meeting {index} needs a date, a host and a format.")
        self.locks = dict(locked)
        self.start, self.n, self.cadence, self.allow_same = start, n, cadence, allow_same

        self.periods = [self._period(i) for i in range(n)]
        # Candidate days per meeting, best first: permitted weekday, no public holiday.
        self.days = [self._candidate_days(i) for i in range(n)]
        self._clear_days = {}
        self._distance = {}

    def lock(self, i: int) -> Lock:
        return self.locks.get(i) or Lock()

    def kept_reason(self, i: int) -> str:
        """Why a cell of meeting i is not the planner's choice."""
        if self.lock(i).fixed:
            return _render(_("The meeting exists; kept as it is"))
        return _render(_("Locked by the coordinator"))

    def _bounds(self, i: int) -> tuple[dt.date, dt.date]:
        """First day and the day after the last of meeting i's whole period.

        Periods are quarters (or, with a cadence under three months, that many months),
        counted from the one that holds ``start``.
        """
        span = min(self.cadence, 3)
        month = self.start.month - 1
        anchor = dt.date(self.start.year, month - month % span + 1, 1)
        first = _add_months(anchor, i * self.cadence)
        return first, _add_months(first, span)

    def _period(self, i: int) -> tuple[dt.date, dt.date, dt.date]:
        """(first day, day after the last, preferred day) of meeting i, never before start."""
        first, end = self._bounds(i)
        middle = first + dt.timedelta(days=(end - first).days // 2)
        return max(first, self.start), end, middle

    def period_label(self, i: int) -> str:
        first, end = self._bounds(i)
        if (end.year * 12 + end.month) - (first.year * 12 + first.month) == 3 and (
            first.month in (1, 4, 7, 10)
        ):
            return f"Q{(first.month - 1) // 3 + 1} {first.year}"
        return f"{first.isoformat()} – {(end - dt.timedelta(days=1)).isoformat()}"

    def _candidate_days(self, i: int) -> tuple[dt.date, ...]:
        first, end, middle = self.periods[i]
        days = [
            first + dt.timedelta(days=k)
            for k in range((end - first).days)
            if (first + dt.timedelta(days=k)).weekday() in self.weekdays
        ]
        days = [d for d in days if not holidays.is_public_holiday(d)]
        # Closest to the middle of the period first; the earlier day on a tie.
        return tuple(sorted(days, key=lambda d: (abs((d - middle).days), d)))

    def year_of(self, i: int) -> int:
        lock = self.lock(i)
        return lock.date.year if lock.date else self.periods[i][2].year

    def clear_days(self, i: int, region: str) -> tuple[dt.date, ...]:
        """Days for meeting i outside the school holidays of ``region``, best first.

        A locked date is the only candidate (when it is permitted at all).
        """
        key = (i, region)
        if key not in self._clear_days:
            locked_date = self.lock(i).date
            if locked_date is not None:
                days = (locked_date,) if self.permitted(i, locked_date) else ()
            else:
                days = self.days[i]
            self._clear_days[key] = tuple(
                d for d in days if not holidays.is_school_holiday(d, region)
            )
        return self._clear_days[key]

    def permitted(self, i: int, day: dt.date) -> bool:
        first, end, _middle = self.periods[i]
        return (
            first <= day < end
            and day.weekday() in self.weekdays
            and not holidays.is_public_holiday(day)
        )

    def best_day(self, i: int, host_id: int | None, chair_id: int | None) -> dt.date | None:
        """The best day for meeting i that suits the host's region and both members' dates."""
        region = self.by_id[host_id].region if host_id is not None else ""
        blocked = frozenset()
        for member_id in (host_id, chair_id):
            if member_id is not None:
                blocked |= self.by_id[member_id].blocked_dates
        for day in self.clear_days(i, region):
            if day not in blocked:
                return day
        return None

    def distance(self, a: int, b: int) -> float:
        """Kilometres between two members; 0 when a place is unknown (then not counted)."""
        key = (a, b) if a <= b else (b, a)
        if key not in self._distance:
            first, second = self.by_id[a], self.by_id[b]
            known = first.latitude is not None and second.latitude is not None
            self._distance[key] = _haversine_km(first, second) if known else 0.0
        return self._distance[key]


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _haversine_km(a: Member, b: Member) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _render(message, **params) -> str:
    return str(message % params) if params else str(message)


# --- Formats -------------------------------------------------------------------------------


def _plan_formats(ctx: _Context) -> tuple[list[str], list[str]]:
    """Formats with the fewest rule violations possible; the least used format among equals.

    The violations counted are: two consecutive meetings with one format, a calendar year
    without a residents' meeting at a municipality, a format missing from a programme of four
    or more meetings. Meetings are in date order, so a year is a run of meetings and the
    dynamic programme only needs to know whether the current run has its residents' meeting.
    """
    n = ctx.n
    fixed = [ctx.lock(i).format for i in range(n)]
    years = [ctx.year_of(i) for i in range(n)]
    host_locked = [ctx.lock(i).host_id for i in range(n)]
    locked_hosts = {h for h in host_locked if h is not None}
    # Municipalities that can still take a residents' meeting whose host is not locked.
    spare_municipalities = sum(
        1
        for m in ctx.members
        if m.willing_to_host and m.is_municipality and m.id not in locked_hosts
    )
    unlocked_host_count = sum(1 for h in host_locked if h is None)
    # Only count residents' meetings when municipalities could run out (keeps the state small).
    limit = spare_municipalities if spare_municipalities < unlocked_host_count else None
    want_all = n >= 4
    full_mask = (1 << len(FORMATS)) - 1
    res = FORMATS.index(RESIDENTS)

    def step(i, prev, mask, has_res, used, f):
        """(cost, next state) of giving meeting i format f, or None if that cannot be."""
        cost = 0
        if i > 0 and years[i] != years[i - 1]:
            cost += not has_res
            has_res = False
        cost += prev == f
        valid_res = False
        if f == res:
            if host_locked[i] is not None:
                valid_res = ctx.by_id[host_locked[i]].is_municipality
            elif limit is None or used < limit:
                valid_res = True
                used += limit is not None
            if not valid_res:
                if fixed[i] is None:
                    return None  # no city hall for it: never proposed
                cost += 1  # locked so by the coordinator: a residents' meeting elsewhere
        return cost, (i + 1, f, mask | (1 << f), has_res or valid_res, used)

    def options(i):
        return [FORMATS.index(fixed[i])] if fixed[i] else range(len(FORMATS))

    @cache
    def best(i, prev, mask, has_res, used):
        if i == n:
            missing = bin(full_mask & ~mask).count("1") if want_all else 0
            return (not has_res) + missing
        results = []
        for f in options(i):
            moved = step(i, prev, mask, has_res, used, f)
            if moved is not None:
                results.append(moved[0] + best(*moved[1]))
        return min(results) if results else math.inf

    # The residents' meeting of a year goes to the middle meeting of that year, if it can.
    target = {}
    for i in range(n):
        run = [j for j in range(n) if years[j] == years[i]]
        target.setdefault(years[i], run[len(run) // 2])
    counts = Counter(f for f in fixed if f)
    state = (0, -1, 0, False, 0)
    chosen, reasons = [], []
    residents_years = set()
    for i in range(n):
        goal = best(*state)
        has_res = state[3] and not (i > 0 and years[i] != years[i - 1])
        if fixed[i]:
            order = [FORMATS.index(fixed[i])]
        else:
            others = sorted(
                (f for f in range(len(FORMATS)) if f != res),
                key=lambda f: (counts[FORMATS[f]], f),
            )
            later_fixed = any(
                fixed[j] == RESIDENTS and years[j] == years[i] for j in range(i + 1, n)
            )
            wants_res = not has_res and not later_fixed and i >= target[years[i]]
            order = [res, *others] if wants_res else [*others, res]
        for f in order:
            moved = step(*state, f)
            if moved is not None and moved[0] + best(*moved[1]) == goal:
                break
        else:  # cannot happen (a locked format always has a step), but never guess silently
            f = order[0]
            moved = (0, (i + 1, f, state[2] | (1 << f), state[3], state[4]))
        name = FORMATS[f]
        if fixed[i]:
            reasons.append(ctx.kept_reason(i))
        elif name == RESIDENTS:
            first = years[i] not in residents_years
            message = (
                _("First residents' meeting of %(year)s, at a city hall")
                if first
                else _("Another residents' meeting in %(year)s, at a city hall")
            )
            reasons.append(_render(message, year=years[i]))
        elif counts[name] == 0:
            reasons.append(_render(_("Not yet used in this programme; keeps the formats mixed")))
        elif counts[name] == min(counts[FORMATS[o]] for o in range(len(FORMATS)) if o != res):
            reasons.append(_render(_("Least used format so far; differs from the one before")))
        else:
            reasons.append(_render(_("Keeps the formats mixed: no repeat of the one before")))
        if name == RESIDENTS:
            residents_years.add(years[i])
        if not fixed[i]:
            counts[name] += 1
        chosen.append(name)
        state = moved[1]
    return chosen, reasons


# --- Hosts ---------------------------------------------------------------------------------


def _plan_hosts(ctx: _Context, formats: list[str]) -> list[int | None]:
    """One distinct host per meeting: first which members host, then who hosts which meeting."""
    n = ctx.n
    hosts: list[int | None] = [ctx.lock(i).host_id for i in range(n)]
    used = {h for h in hosts if h is not None}
    open_meetings = [i for i in range(n) if hosts[i] is None]
    candidates = [m for m in ctx.members if m.willing_to_host and m.id not in used]
    if not open_meetings or not candidates:
        return hosts

    def date_ok(i, member):
        return ctx.best_day(i, member.id, None) is not None

    # Too few willing hosts: the latest meetings that are not for residents stay without one.
    shortage = len(open_meetings) - len(candidates)
    if shortage > 0:
        dropped = sorted(open_meetings, key=lambda i: (formats[i] == RESIDENTS, -i))[:shortage]
        open_meetings = [i for i in open_meetings if i not in dropped]
    k = len(open_meetings)
    residents_needed = sum(1 for i in open_meetings if formats[i] == RESIDENTS)

    # A member with no possible date for any open meeting hosts only when nobody else can
    # (counting municipalities apart: a residents' meeting needs one).
    feasible = [m for m in candidates if any(date_ok(i, m) for i in open_meetings)]
    enough = len(feasible) >= k and (
        sum(m.is_municipality for m in feasible)
        >= min(residents_needed, sum(m.is_municipality for m in candidates))
    )
    pool = feasible if enough else candidates
    chosen = _choose_host_set(ctx, pool, k, residents_needed, used)

    # Who hosts which meeting: residents' meetings first (they need a municipality), then in
    # date order; a host with a possible date first, a province unlike the neighbours' next.
    remaining = sorted(chosen, key=lambda m: m.id)
    order = sorted(open_meetings, key=lambda i: (formats[i] != RESIDENTS, i))
    for i in order:
        options = remaining
        if formats[i] == RESIDENTS and any(m.is_municipality for m in remaining):
            options = [m for m in remaining if m.is_municipality]
        neighbours = {
            ctx.by_id[hosts[j]].province
            for j in (i - 1, i + 1)
            if 0 <= j < n and hosts[j] is not None
        }

        def key(m, i=i, neighbours=neighbours):
            day = ctx.best_day(i, m.id, None)
            distance = abs((day - ctx.periods[i][2]).days) if day else math.inf
            return (day is None, m.province in neighbours, distance, m.id)

        pick = min(options, key=key)
        hosts[i] = pick.id
        remaining.remove(pick)

    # Repair: swap hosts between two meetings when that gives both a possible date.
    for i in open_meetings:
        if date_ok(i, ctx.by_id[hosts[i]]):
            continue
        for j in open_meetings:
            a, b = ctx.by_id[hosts[i]], ctx.by_id[hosts[j]]
            if (
                j != i
                and date_ok(i, b)
                and date_ok(j, a)
                and (formats[i] != RESIDENTS or b.is_municipality)
                and (formats[j] != RESIDENTS or a.is_municipality)
            ):
                hosts[i], hosts[j] = hosts[j], hosts[i]
                break
    return hosts


def _choose_host_set(ctx, pool, k, residents_needed, used) -> list[Member]:
    """k hosts from pool: provinces as even as possible, then the smallest travel spread.

    Travel per member is a sum over the hosts, so it depends on the set of hosts only, not on
    which host takes which meeting. Greedy picks fill the provinces with the fewest hosts first
    (which makes the counts as even as the pool allows); swaps that keep the provinces as even
    then lower the spread (max minus min km) until no swap helps.
    """
    members = ctx.travellers
    totals = [0.0] * len(members)
    province_count = Counter()
    for host_id in used:
        province_count[ctx.by_id[host_id].province] += 1
        totals = [t + ctx.distance(m.id, host_id) for t, m in zip(totals, members, strict=True)]
    column = {c.id: [ctx.distance(m.id, c.id) for m in members] for c in pool}
    municipal_available = sum(1 for c in pool if c.is_municipality)
    residents_needed = min(residents_needed, municipal_available)

    def spread(values):
        return max(values) - min(values)

    chosen: list[Member] = []
    chosen_ids: set[int] = set()
    municipal = 0
    for step_ in range(k):
        left = [c for c in pool if c.id not in chosen_ids]
        if residents_needed - municipal >= k - step_:
            left = [c for c in left if c.is_municipality] or left
        fewest = min(province_count[c.province] for c in left)
        pick = min(
            (c for c in left if province_count[c.province] == fewest),
            key=lambda c: (
                spread([t + d for t, d in zip(totals, column[c.id], strict=True)]),
                c.id,
            ),
        )
        chosen.append(pick)
        chosen_ids.add(pick.id)
        municipal += pick.is_municipality
        province_count[pick.province] += 1
        totals = [t + d for t, d in zip(totals, column[pick.id], strict=True)]

    current = spread(totals)
    for _swap in range(MAX_SWAPS):
        best_move = None
        outside = [c for c in pool if c.id not in chosen_ids]
        for a in chosen:
            for b in outside:
                if municipal - a.is_municipality + b.is_municipality < residents_needed:
                    continue
                # Keep the provinces at least as even (the sum of squared counts not higher).
                if a.province != b.province and (
                    province_count[b.province] + 1 > province_count[a.province]
                ):
                    continue
                value = spread(
                    [
                        t - da + db
                        for t, da, db in zip(totals, column[a.id], column[b.id], strict=True)
                    ]
                )
                if value < current - 1e-9 and (best_move is None or value < best_move[0]):
                    best_move = (value, a, b)
        if best_move is None:
            break
        current, a, b = best_move
        chosen[chosen.index(a)] = b
        chosen_ids.remove(a.id)
        chosen_ids.add(b.id)
        municipal += b.is_municipality - a.is_municipality
        province_count[a.province] -= 1
        province_count[b.province] += 1
        totals = [t - da + db for t, da, db in zip(totals, column[a.id], column[b.id], strict=True)]
    return chosen


def _host_reasons(ctx, hosts, formats, spread) -> list[str]:
    hosted = Counter(ctx.by_id[h].province for h in hosts if h is not None)
    anyone_willing = any(m.willing_to_host for m in ctx.members)
    reasons = []
    for i, host_id in enumerate(hosts):
        if ctx.lock(i).host_id is not None:
            reasons.append(ctx.kept_reason(i))
            continue
        if host_id is None:
            message = (
                _("No willing host left: every willing member already hosts a meeting")
                if anyone_willing
                else _("No member is willing to host")
            )
            reasons.append(_render(message))
            continue
        host = ctx.by_id[host_id]
        count = hosted[host.province]
        params = {"province": host.province or "?", "count": count, "spread": f"{spread:.0f}"}
        if count == 1:
            message = _("Only meeting in %(province)s; keeps the travel spread at %(spread)s km")
        else:
            message = _(
                "%(count)s meetings in %(province)s, as even over the provinces as the willing "
                "hosts allow; keeps the travel spread at %(spread)s km"
            )
        reason = _render(message, **params)
        if formats[i] == RESIDENTS and host.is_municipality:
            reason = _render(_("A municipality, so the residents meet at its city hall.")) + (
                " " + reason
            )
        reasons.append(reason)
    return reasons


# --- Guest chairs --------------------------------------------------------------------------


def _plan_chairs(ctx: _Context, hosts: list[int | None]) -> list[int | None]:
    """Least chaired in this programme first, then least chaired before, then by id.

    Locked chairs (and those of fixed meetings) count from the start; a fixed meeting without
    a chair keeps none. A member who hosts a meeting cannot chair it (unless allowed); when
    that leaves someone behind, a repair pass moves a chair to them.
    """
    n = ctx.n
    chairs: list[int | None] = [ctx.lock(i).chair_id for i in range(n)]
    willing = [m for m in ctx.members if m.willing_to_chair]
    if not willing:
        return chairs
    times = Counter(c for c in chairs if c is not None)

    def eligible(i, member_id):
        return ctx.allow_same or member_id != hosts[i]

    open_meetings = [i for i in range(n) if chairs[i] is None and not ctx.lock(i).fixed]
    for i in open_meetings:
        options = [m for m in willing if eligible(i, m.id)]
        if not options:
            continue
        pick = min(
            options,
            key=lambda m, i=i: (
                times[m.id],
                ctx.best_day(i, hosts[i], m.id) is None,
                ctx.prior[m.id],
                m.id == hosts[i],
                m.id,
            ),
        )
        chairs[i] = pick.id
        times[pick.id] += 1

    # Repair: no willing member chairs two meetings more than another.
    for _round in range(n * len(willing)):
        low = min(willing, key=lambda m: (times[m.id], ctx.prior[m.id], m.id))
        high = max(willing, key=lambda m: (times[m.id], ctx.prior[m.id], m.id))
        if times[high.id] - times[low.id] < 2:
            break
        moved = False
        for over in sorted(willing, key=lambda m: (-times[m.id], -ctx.prior[m.id], -m.id)):
            if times[over.id] - times[low.id] < 2:
                break
            movable = [i for i in open_meetings if chairs[i] == over.id and eligible(i, low.id)]
            if movable:
                # The latest such meeting where the newcomer still has a possible date.
                i = min(movable, key=lambda i: (ctx.best_day(i, hosts[i], low.id) is None, -i))
                chairs[i] = low.id
                times[over.id] -= 1
                times[low.id] += 1
                moved = True
                break
        if not moved:
            break
    return chairs


def _chair_reasons(ctx, hosts, chairs) -> list[str]:
    willing = [m for m in ctx.members if m.willing_to_chair]
    seen = Counter()
    reasons = []
    for i, chair_id in enumerate(chairs):
        if ctx.lock(i).chair_id is not None or ctx.lock(i).fixed:
            reasons.append(ctx.kept_reason(i))
        elif chair_id is None:
            message = (
                _("No willing member other than the host can chair")
                if willing
                else _("No member is willing to chair")
            )
            reasons.append(_render(message))
        elif seen[chair_id] == 0 and ctx.prior[chair_id] == 0:
            reasons.append(_render(_("Has not chaired yet")))
        elif seen[chair_id] == 0:
            reasons.append(
                _render(
                    _(
                        "First time in this programme; chaired %(count)s times in earlier "
                        "programmes, among the fewest"
                    ),
                    count=ctx.prior[chair_id],
                )
            )
        else:
            reasons.append(
                _render(_("Every willing member has chaired in this programme; chaired least"))
            )
        if chair_id is not None:
            seen[chair_id] += 1
    return reasons


# --- Dates ---------------------------------------------------------------------------------


def _plan_dates(ctx: _Context, hosts, chairs) -> tuple[list[dt.date | None], list[str]]:
    dates, reasons = [], []
    for i in range(ctx.n):
        locked_date = ctx.lock(i).date
        if locked_date is not None:
            dates.append(locked_date)
            reasons.append(ctx.kept_reason(i))
            continue
        region = ctx.by_id[hosts[i]].region if hosts[i] is not None else ""
        day = ctx.best_day(i, hosts[i], chairs[i])
        if day is not None:
            dates.append(day)
            reasons.append(
                _render(
                    _(
                        "Permitted weekday closest to the middle of %(period)s, clear of public "
                        "holidays, school holidays (%(region)s) and blocked dates"
                    ),
                    period=ctx.period_label(i),
                    region=REGION_LABELS[region],
                )
            )
            continue
        day = _least_bad_day(ctx, i, hosts[i], chairs[i])
        dates.append(day)
        reasons.append(
            _render(
                _(
                    "No day in %(period)s is clear of every holiday and blocked date; this one "
                    "breaks the fewest"
                ),
                period=ctx.period_label(i),
            )
        )
    return dates, reasons


def _least_bad_day(ctx: _Context, i: int, host_id, chair_id) -> dt.date | None:
    first, end, middle = ctx.periods[i]
    region = ctx.by_id[host_id].region if host_id is not None else ""
    blocked = frozenset()
    for member_id in (host_id, chair_id):
        if member_id is not None:
            blocked |= ctx.by_id[member_id].blocked_dates

    def badness(day):
        # A public holiday is worst, then a member who cannot come, then children at home,
        # then a weekday outside the permitted ones. Without a host no region's school
        # holidays are a rule; they were only avoided while that was possible.
        school = host_id is not None and holidays.is_school_holiday(day, region)
        return (
            8 * holidays.is_public_holiday(day)
            + 4 * (day in blocked)
            + 2 * school
            + (day.weekday() not in ctx.weekdays)
        )

    days = [first + dt.timedelta(days=k) for k in range((end - first).days)]
    if not days:
        return None
    return min(days, key=lambda d: (badness(d), abs((d - middle).days), d))


# --- Topics --------------------------------------------------------------------------------


def _plan_topics(
    ctx: _Context, topics: Sequence[int], voted: Sequence[tuple[int, int]] = ()
) -> tuple[list[int | None], list[str]]:
    """The list's topics first, in its order; then the topics by votes, most first."""
    taken = {ctx.lock(i).topic_id for i in range(ctx.n)} - {None}
    queue = [t for t in dict.fromkeys(topics) if t is not None and t not in taken]
    votes = {}
    for topic_id, count in voted:
        if topic_id is not None and topic_id not in taken and topic_id not in queue:
            votes[topic_id] = count
            queue.append(topic_id)
    chosen, reasons = [], []
    for i in range(ctx.n):
        lock = ctx.lock(i)
        if lock.topic_id is not None or lock.fixed:
            chosen.append(lock.topic_id)
            reasons.append(ctx.kept_reason(i))
        elif queue:
            topic_id = queue.pop(0)
            chosen.append(topic_id)
            if topic_id in votes:
                reasons.append(
                    _render(_("Most votes of the topics left (%(votes)s)"), votes=votes[topic_id])
                )
            else:
                reasons.append(_render(_("Next topic on the list")))
        else:
            chosen.append(None)
            reasons.append(_render(_("No topic left on the list; choose one")))
    return chosen, reasons


# --- Travel --------------------------------------------------------------------------------


def _travel(ctx: _Context, hosts) -> dict[int, float]:
    return {
        m.id: sum(ctx.distance(m.id, h) for h in hosts if h is not None) for m in ctx.travellers
    }


# --- Checks --------------------------------------------------------------------------------


def _check_plan(ctx: _Context, planned: Sequence[PlannedMeeting]) -> list[tuple[str, str]]:
    """Every rule the plan breaks, as (rule code, warning), in rule order."""
    found: list[tuple[str, str]] = []

    def warn(code, message, **params):
        found.append((code, _render(message, **params)))

    def numbers(indexes):
        return ", ".join(str(i + 1) for i in indexes)

    by_id = ctx.by_id
    # 1. No venue twice; every meeting a venue.
    where = {}
    for m in planned:
        if m.host_id is not None:
            where.setdefault(m.host_id, []).append(m.index)
    for host_id, indexes in sorted(where.items()):
        if len(indexes) > 1:
            warn(
                RULE_DISTINCT_HOSTS,
                _("%(name)s hosts more than one meeting (%(meetings)s); each needs another venue"),
                name=by_id[host_id].name,
                meetings=numbers(indexes),
            )
    without_host = [m.index for m in planned if m.host_id is None]
    if without_host:
        warn(
            RULE_DISTINCT_HOSTS,
            _("No host for meeting %(meetings)s: fewer willing hosts than meetings"),
            meetings=numbers(without_host),
        )

    # 2. No guest chair twice before every willing member has chaired once.
    willing = [m for m in ctx.members if m.willing_to_chair]
    times = Counter(m.chair_id for m in planned if m.chair_id is not None)
    if willing:
        low = min(willing, key=lambda m: (times[m.id], m.id))
        high = max(willing, key=lambda m: (times[m.id], -m.id))
        if times[high.id] - times[low.id] >= 2:
            warn(
                RULE_CHAIR_ROTATION,
                _(
                    "%(name)s chairs %(count)s meetings while %(other)s, also willing, chairs "
                    "%(other_count)s: let every willing member chair before anyone chairs again"
                ),
                name=high.name,
                count=times[high.id],
                other=low.name,
                other_count=times[low.id],
            )
    without_chair = [m.index for m in planned if m.chair_id is None]
    if without_chair:
        warn(
            RULE_CHAIR_ROTATION,
            _("No guest chair for meeting %(meetings)s"),
            meetings=numbers(without_chair),
        )

    # 3. Host and guest chair differ unless allowed.
    if not ctx.allow_same:
        same = [m.index for m in planned if m.host_id is not None and m.host_id == m.chair_id]
        if same:
            warn(
                RULE_HOST_NOT_CHAIR,
                _("The host also chairs meeting %(meetings)s; the coordinator has not allowed it"),
                meetings=numbers(same),
            )

    # 4. A residents' meeting at a city hall every calendar year with a meeting.
    def year(m):
        return m.date.year if m.date else ctx.periods[m.index][2].year

    not_at_city_hall = [
        m.index
        for m in planned
        if m.format == RESIDENTS and (m.host_id is None or not by_id[m.host_id].is_municipality)
    ]
    if not_at_city_hall:
        warn(
            RULE_RESIDENTS_YEARLY,
            _("Residents' meeting %(meetings)s is not hosted by a municipality"),
            meetings=numbers(not_at_city_hall),
        )
    for y in sorted({year(m) for m in planned}):
        if not any(
            year(m) == y and m.format == RESIDENTS and m.index not in not_at_city_hall
            for m in planned
        ):
            warn(
                RULE_RESIDENTS_YEARLY,
                _("No residents' meeting at a city hall in %(year)s"),
                year=y,
            )

    # 5. Formats mixed.
    for a, b in zip(planned, planned[1:], strict=False):
        if a.format == b.format:
            warn(
                RULE_FORMATS_MIXED,
                _("Meetings %(first)s and %(second)s follow each other with the same format"),
                first=a.index + 1,
                second=b.index + 1,
            )
    if len(planned) >= 4:
        missing = [f for f in FORMATS if f not in {m.format for m in planned}]
        if missing:
            warn(
                RULE_FORMATS_MIXED,
                _("No %(formats)s in this programme"),
                formats=", ".join(str(FORMAT_LABELS[f]) for f in missing),
            )

    # 7. Dates: a permitted weekday in its period, no holiday, nobody blocked.
    for m in planned:
        if m.date is None:
            warn(RULE_DATES, _("Meeting %(number)s has no date"), number=m.index + 1)
            continue
        problems = []
        first, end, _middle = ctx.periods[m.index]
        if not first <= m.date < end:
            problems.append(_("outside %(period)s") % {"period": ctx.period_label(m.index)})
        if m.date.weekday() not in ctx.weekdays:
            problems.append(_("not a permitted weekday"))
        if holidays.is_public_holiday(m.date):
            problems.append(
                _("a public holiday (%(name)s)")
                % {"name": holidays.public_holidays(m.date.year)[m.date]}
            )
        region = by_id[m.host_id].region if m.host_id is not None else ""
        if m.host_id is not None and holidays.is_school_holiday(m.date, region):
            problems.append(_("in the school holidays of the host's region"))
        for role, member_id in ((_("host"), m.host_id), (_("guest chair"), m.chair_id)):
            if member_id is not None and m.date in by_id[member_id].blocked_dates:
                problems.append(_("blocked by the %(role)s") % {"role": role})
        if problems:
            warn(
                RULE_DATES,
                _("Meeting %(number)s on %(date)s: %(problems)s"),
                number=m.index + 1,
                date=m.date.isoformat(),
                problems="; ".join(str(p) for p in problems),
            )
    return found
