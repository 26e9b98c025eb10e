"""Benchmark of the rotation planner: `.venv/bin/python bench/planner.py`.

Times ``plan_rotation`` for a large network (60 willing members, 12 meetings) and for the seed
programme's size as the baseline (20 members, 8 meetings), BENCH_REPEAT times each (default 20)
after one warm-up call, and prints the median and the maximum in ms and the ratio of the large
case to the baseline. The members are generated from a fixed seed: spread around the province
centres, one in five not a municipality, a few blocked dates each, some earlier chair counts.

The issue's target is an answer in under a second for the large case (aim: under 100 ms). A
missed target is printed as `MISSED <<<`; the exit status is non-zero only when the planner
could not run.
"""

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The planner itself touches no settings, but its reasons are translatable strings, and
# rendering those needs Django's translation machinery configured.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pioneers.settings")
import django  # noqa: E402

django.setup()

from pioneers.meetings.holidays import region_for_province  # noqa: E402
from pioneers.meetings.planner import Member, plan_rotation  # noqa: E402

REPEAT = 20
TARGET_MS = 1000
AIM_MS = 100
START = date(2018, 10, 1)
CASES = [("baseline", 20, 8), ("large", 60, 12)]

# Province centres (shared/data/municipalities/provinces.csv).
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


def members(count: int, seed: int = 2018) -> list[Member]:
    rng = random.Random(seed)
    provinces = sorted(PROVINCES)
    result = []
    for member_id in range(1, count + 1):
        province = rng.choice(provinces)
        latitude, longitude = PROVINCES[province]
        result.append(
            Member(
                id=member_id,
                name=f"Member {member_id}",
                province=province,
                latitude=latitude + rng.uniform(-0.3, 0.3),
                longitude=longitude + rng.uniform(-0.3, 0.3),
                region=region_for_province(province),
                is_municipality=rng.random() < 0.8,
                blocked_dates=frozenset(
                    START + timedelta(days=rng.randrange(3 * 365)) for _ in range(6)
                ),
            )
        )
    return result


def time_case(member_count: int, meetings: int, repeat: int) -> list[float]:
    people = members(member_count)
    chair_counts = {m.id: m.id % 3 for m in people}
    topics = [f"Topic {i}" for i in range(1, meetings + 1)]

    def run():
        return plan_rotation(
            start=START,
            meetings=meetings,
            members=people,
            topics=topics,
            chair_counts=chair_counts,
        )

    # The first call reads the school-holiday file and fills the holiday caches, as the first
    # plan after a server start does; it is left out.
    run()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> int:
    repeat = int(os.environ.get("BENCH_REPEAT", REPEAT))
    print(f"Rotation planner, {repeat} runs per case after one warm-up (ms)")
    print(f"{'case':<10} {'members':>7} {'meetings':>8} {'median':>8} {'max':>8}")
    medians = {}
    for name, member_count, meetings in CASES:
        timings = time_case(member_count, meetings, repeat)
        medians[name] = statistics.median(timings)
        print(
            f"{name:<10} {member_count:>7} {meetings:>8} {medians[name]:>8.1f} {max(timings):>8.1f}"
        )
    print(f"ratio large/baseline (medians): {medians['large'] / medians['baseline']:.2f}")
    large = medians["large"]
    verdict = "met" if large < TARGET_MS else "MISSED <<<"
    aim = "met" if large < AIM_MS else "missed"
    print(f"target: large median < {TARGET_MS} ms: {verdict}; aim < {AIM_MS} ms: {aim}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
