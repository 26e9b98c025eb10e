"""Benchmark of a survey's results: `.venv/bin/python bench/survey_results.py`.

Makes two rounds of a survey with 30 questions of every kind (4 of them matrices of three
statements) and BENCH_RESPONSES submitted responses each (default 2,000) from 350
municipalities in 12 provinces, in a throw-away SQLite database under a temporary data
directory. Times, BENCH_REPEAT times each (default 5) after one warm-up: the results
computation, each breakdown, the comparison of the rounds, and the whole results page (page
cache off). Prints the median and maximum in milliseconds, the number of queries, and for the
pages the ratio to the baseline measured in the same run: the results page of the same 30
questions with 50 responses.

The issue's target: the results of 2,000 responses and 30 questions render in under 300 ms.
A missed target is printed as `MISSED <<<`. ``make_survey`` is usable from other benchmarks.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
for name in [
    k for k in os.environ if k.startswith("PIONEERS_") or k in ("DATABASE_URL", "REDIS_URL")
]:
    del os.environ[name]
os.environ["PIONEERS_DATA_DIR"] = tempfile.mkdtemp(prefix="pioneers-bench-survey-")
os.environ["DJANGO_SETTINGS_MODULE"] = "pioneers.settings"
os.environ["PIONEERS_LOG_LEVEL"] = "WARNING"
os.environ["PIONEERS_PAGE_CACHE_SECONDS"] = "0"
import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
BASELINE_RESPONSES = 50
RESPONSES = int(os.environ.get("BENCH_RESPONSES", "2000"))
TARGET_MS = 300.0
KINDS = (
    ["likert"] * 12
    + ["single"] * 4
    + ["multiple"] * 3
    + ["number"] * 3
    + ["short_text", "short_text", "long_text", "long_text"]
    + ["matrix"] * 4
)
ROLES = ["official", "alderman", "council_member", "expert"]


def organisations(count=350, provinces=12):
    from pioneers.network.models import Organisation

    made = [
        Organisation.objects.create(name=f"Provincie {n}", slug=f"provincie-{n}", kind="province")
        for n in range(provinces)
    ]
    return Organisation.objects.bulk_create(
        Organisation(
            name=f"Gemeente {n}",
            slug=f"gemeente-bench-{n}",
            kind="municipality",
            province=made[n % provinces],
        )
        for n in range(count)
    )


def make_survey(slug, *, responses, towns, previous=None, seed=1):
    """A published survey with the 30 questions of KINDS and ``responses`` submitted responses
    from ``towns``, each answering every question."""
    from datetime import date, timedelta
    from decimal import Decimal

    from django.utils import timezone

    from pioneers.surveys.models import Answer, Question, Response, Survey

    rng = random.Random(seed)
    now = timezone.now()
    survey = Survey.objects.create(
        title=slug,
        slug=slug,
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=1),
        results_published=True,
        previous_round=previous,
    )
    choices = "Een|One\nTwee|Two\nDrie|Three\nVier|Four"
    questions = Question.objects.bulk_create(
        Question(
            survey=survey,
            kind=kind,
            code=f"q{n}",
            text=f"Vraag {n}",
            text_en=f"Question {n}",
            choices=choices if kind in ("single", "multiple", "matrix") else "",
            sort_order=n,
        )
        for n, kind in enumerate(KINDS)
    )
    made = Response.objects.bulk_create(
        Response(
            survey=survey,
            organisation=rng.choice(towns),
            role=rng.choice(ROLES),
            submitted_on=date(2019, 10, 1),
        )
        for _n in range(responses)
    )
    answers = []
    for response in made:
        for question in questions:
            kind = question.kind
            if kind in ("likert", "single"):
                top = 5 if kind == "likert" else 4
                answers.append(
                    Answer(response=response, question=question, number=rng.randint(1, top))
                )
            elif kind == "multiple":
                chosen = sorted(rng.sample([1, 2, 3, 4], rng.randint(0, 3)))
                answers.append(Answer(response=response, question=question, choices=chosen))
            elif kind == "number":
                value = Decimal(rng.randint(0, 4000)) / 100
                answers.append(Answer(response=response, question=question, number=value))
            elif kind == "matrix":
                answers += [
                    Answer(
                        response=response, question=question, item=item, number=rng.randint(1, 5)
                    )
                    for item in (1, 2, 3)
                ]
            else:
                answers.append(Answer(response=response, question=question, text="Een antwoord"))
    Answer.objects.bulk_create(answers, batch_size=5000)
    return survey


def timed(function) -> tuple[float, float, int]:
    function()  # warm-up
    seconds = []
    for _n in range(REPEAT):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            function()
            seconds.append(time.perf_counter() - start)
    return statistics.median(seconds) * 1000, max(seconds) * 1000, len(queries)


def main():
    from io import StringIO

    from django.test import Client

    from pioneers.demo.network import site_tree
    from pioneers.surveys import selectors

    call_command("migrate", verbosity=0)
    site_tree(StringIO())
    towns = organisations()
    start = time.perf_counter()
    baseline = make_survey("nulmeting", responses=RESPONSES, towns=towns, seed=1)
    survey = make_survey(
        "tussenmeting", responses=RESPONSES, towns=towns, previous=baseline, seed=2
    )
    # The baseline, measured in the same run: the same 30 questions with 50 responses.
    make_survey("klein", responses=BASELINE_RESPONSES, towns=towns, seed=3)
    print(f"data: 2 rounds x {RESPONSES} responses in {time.perf_counter() - start:.1f} s")
    client = Client()
    base_median, _top, base_queries = timed(lambda: client.get("/nl/enquetes/klein/resultaten/"))
    print(
        f"{'baseline page, ' + str(BASELINE_RESPONSES) + ' responses':40} "
        f"median {base_median:7.1f} ms  {base_queries:3} queries"
    )
    cases = [
        ("results", lambda: selectors.survey_results(survey, language="nl", texts=True)),
        *(
            (
                f"results by {grouping}",
                lambda g=grouping: selectors.survey_results(survey, group_by=g, language="nl"),
            )
            for grouping in selectors.GROUPINGS
        ),
        ("comparison", lambda: selectors.survey_comparison(survey, language="nl")),
        (
            "page /nl/enquetes/…/resultaten/",
            lambda: client.get("/nl/enquetes/tussenmeting/resultaten/"),
        ),
        (
            "page …/resultaten/?by=organisation",
            lambda: client.get("/nl/enquetes/tussenmeting/resultaten/?by=organisation"),
        ),
        (
            "page …/resultaten/vergelijking/",
            lambda: client.get("/nl/enquetes/tussenmeting/resultaten/vergelijking/"),
        ),
    ]
    assert client.get("/nl/enquetes/tussenmeting/resultaten/").status_code == 200
    for name, function in cases:
        median, top, queries = timed(function)
        missed = "  MISSED <<<" if name.startswith("page /nl") and median > TARGET_MS else ""
        ratio = f"  x{median / base_median:5.1f}" if name.startswith("page") else ""
        print(
            f"{name:40} median {median:7.1f} ms  max {top:7.1f} ms  {queries:3} queries"
            f"{ratio}{missed}"
        )


if __name__ == "__main__":
    from django.conf import settings
    from django.test import override_settings

    # No collectstatic here: plain static storage, as in the tests.
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(
        STORAGES={**settings.STORAGES, "staticfiles": plain},
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
    ):
        main()
