"""Knowledge-base search at scale: `.venv/bin/python bench/search.py` (about 20 minutes).

Generates COUNT practices (default 50,000) next to the 45 of the demo and times the search of
the knowledge base on SQLite (the embedded profile) and on PostgreSQL, each in a process of its
own (Django's settings are per process):

- *search*: ``bounded(PracticePage.objects.live().public().search(q))``, as the knowledge base
  and the search page search: its ``count()`` and the first 20 hits;
- *browse*: the whole ``practice_browse(QueryDict("q=..."))`` of the knowledge-base page: the
  same search, the count of every facet over the hits and the 20 rows with the matches marked.

Both rank at most core.search.MAX_HITS hits (500): where more practices match, the newest of
them and the newest 50 with the words in their title; the report then gives the number of hits
ranked with a "+". For information, the same search ranking every hit (unbounded, as similar
practices and the admin search) is timed too, three rounds.

Each is timed for QUERIES (20 Dutch queries: one and several words, plurals that match only
through stemming, a very common, a rare and an absent word), up to ROUNDS times (default 10, env
BENCH_ROUNDS) after one warm-up, the queries interleaved; the report gives p50, p95 and max in ms
over all those calls. Baseline: the same queries against the 45 demo practices alone, measured
first in the same process, so the figure to compare between machines is the ratio (p95 at
50,045 practices / p95 at 45). The issue's target is a p95 under 50 ms; a missed target is
printed as `MISSED <<<`, never turned into a failing exit status.

Slow searches are cut short so that a run ends: a database statement still running after
BENCH_CALL_LIMIT seconds (default 2; SQLite: progress handler, PostgreSQL: statement_timeout)
is stopped and its call counts as that long, printed with `>` as a lower bound. A query whose
warm-up call took that long is not repeated (its rounds count as the warm-up's time), and rounds
stop once a stage has measured for BENCH_STAGE_SECONDS (default 120), after at least three.

    .venv/bin/python bench/search.py                       # both databases, 50,000 practices
    .venv/bin/python bench/search.py --db sqlite --count 5000 --keep

Databases, recreated at every run and removed afterwards (``--keep`` leaves them to inspect):
SQLite in the data directory /tmp/bench-search/sqlite/ (the embedded profile's settings: WAL,
no DATABASE_URL), PostgreSQL as the database ``bench_search`` on BENCH_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432). Each is migrated and given the municipalities and the
demo, with tasks (search indexing among them) run immediately.

The practices are recombined from the demo's sentences (pioneers/demo/data/practices.toml)
with a fixed seed: random municipality, status, one to three topics, values, publication date
and a few reuses; one in RARE_EVERY gets the title with the rare word. They are written as
Wagtail stores pages, but in bulk: ``wagtailcore_page`` rows with their materialised paths
under the Dutch knowledge base, then the practice, topic and reuse rows. The search index is
then built with the backend's bulk API, 1,000 practices at a time, so the Dutch stemming of the
SQLite index applies. No revisions are written: search does not read them. Generating and
indexing times are reported for information; indexing is most of the run (about 8 ms a
practice: modelsearch's extraction of the text, plus pure-Python Snowball stemming on SQLite).
On PostgreSQL the tables are ANALYZEd after the load, as autovacuum would do within a minute;
SQLite never analyses by itself, and nothing here does it for it.

Results: printed, and written to bench/results/search-<UTC timestamp>.json (ignored by git)
with the figures per query and, for the slowest query, the SQL statements of one browse call
with their times and the plan of the slowest one. The exit status is non-zero only when a
database could not be measured.
"""

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS_DIR = ROOT / "bench" / "results"

from bench.run import machine_info  # noqa: E402 - the page benchmark's, with other packages

DATA_ROOT = Path("/tmp/bench-search")
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
POSTGRES_DATABASE = "bench_search"
DATABASES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}

COUNT = 50_000
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
BATCH = 1000
SEED = 2018
TARGET_P95_MS = 50
PER_PAGE = 20
# A call running longer than this (s, env BENCH_CALL_LIMIT) is stopped and counts as this long.
CALL_LIMIT_MS = float(os.environ.get("BENCH_CALL_LIMIT", "2")) * 1000
# Rounds stop once a stage has measured this long (s, env BENCH_STAGE_SECONDS), after MIN_ROUNDS.
STAGE_SECONDS = float(os.environ.get("BENCH_STAGE_SECONDS", "120"))
MIN_ROUNDS = 3
EXPLAIN_LIMIT_MS = 30_000

# (query, what it tries). Every one is searched as a visitor types it.
QUERIES = [
    ("gemeente", "very common word"),
    ("gemeenten", "plural: matches gemeente by its stem"),
    ("inwoners", "common word"),
    ("algoritmeregister", "compound"),
    ("algoritmes", "plural"),
    ("begroting", "one word"),
    ("open data", "two words"),
    ("wob verzoeken", "two words, plural"),
    ("participatie", "a topic's name"),
    ("informatiehuishouding", "long compound"),
    ("raadsleden", "irregular plural"),
    ("wijkbudget", "one word"),
    ("livestream", "loanword"),
    ("bewonersavonden", "plural of bewonersavond"),
    ("Schiedam", "municipality name (related field)"),
    ("begroting in eenvoudige taal", "four words, one a stop word"),
    ("digitaal lakken", "two words"),
    ("coördinator", "with a diaeresis"),
    ("jongerenpanel", "rare word"),
    ("kernenergie", "in no practice"),
]
# Titles and sentences with these words go into one generated practice in RARE_EVERY.
RARE_WORDS = ("jongerenpanel",)
RARE_EVERY = 2500
TITLE_SUFFIXES = ["", "", "", "", " in {place}", " in {place}", " met inwoners", " als pilot"]
STATUSES = ["running"] * 5 + ["pilot"] * 3 + ["idea", "stopped"]
FIRST_DAY = date(2016, 1, 1)
DAYS = 9 * 365


# --- parent: one child process per database, then the report -----------------------------


def child_environment(database: str, data_dir: Path) -> dict:
    """The embedded profile on a data directory of its own; PostgreSQL through DATABASE_URL."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PIONEERS_")
        and key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        PIONEERS_DATA_DIR=str(data_dir),
        PIONEERS_DEBUG="0",
        PIONEERS_LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="pioneers.settings",
        PYTHONDONTWRITEBYTECODE="1",
    )
    if database == "postgres":
        env["DATABASE_URL"] = f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"
    return env


def run_child(database: str, count: int, rounds: int, keep: bool) -> dict | None:
    data_dir = DATA_ROOT / database
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        out_path = Path(out.name)
    command = [sys.executable, __file__, "--child", database, "--count", str(count)]
    command += ["--rounds", str(rounds), "--out", str(out_path)] + (["--keep"] if keep else [])
    print(f"\n== {DATABASES[database]} ==", flush=True)
    try:
        result = subprocess.run(
            command, cwd=ROOT, env=child_environment(database, data_dir), check=False
        )
        if result.returncode != 0:
            print(f"search bench: the {database} run failed ({result.returncode})", file=sys.stderr)
            return None
        return json.loads(out_path.read_text())
    finally:
        out_path.unlink(missing_ok=True)
        if not keep:
            shutil.rmtree(data_dir, ignore_errors=True)


def figures(runs):
    """(run, kind, figures at the large size, figures at the baseline) of every timed call."""
    for run in runs:
        for kind in CALLS:
            yield run, kind, run["stages"]["large"][kind], run["stages"]["baseline"][kind]


def add_ratios(run: dict) -> None:
    for _run, _kind, large, base in figures([run]):
        for name in ("p50", "p95"):
            large[f"ratio_{name}"] = round(large[f"{name}_ms"] / base[f"{name}_ms"], 2)
        large["target_met"] = large["p95_ms"] < TARGET_P95_MS


def mark(met: bool) -> str:
    return "met" if met else "MISSED <<<"


def ms(figures: dict, name: str, width: int = 7) -> str:
    """A time in ms; `>` when calls were stopped at the limit, so the figure is a lower bound."""
    prefix = ">" if figures.get(f"{name}_lower_bound") else ""
    return f"{prefix}{figures[f'{name}_ms']:.1f}".rjust(width)


def ratio(figures: dict, name: str) -> str:
    prefix = ">" if figures.get(f"{name}_lower_bound") else ""
    return f"{prefix}{figures[f'ratio_{name}']:.1f}x".rjust(7)


def print_report(report: dict) -> None:
    runs = report["runs"]
    size = next(iter(runs.values()))["practices"]
    limit = report["call_limit_ms"] / 1000
    print()
    print(
        f"Knowledge-base search, {report['timestamp']}: {size['large']:,} practices "
        f"({size['generated']:,} generated) against a baseline of the {size['baseline']} "
        f"demo practices; {len(QUERIES)} queries, up to {report['rounds']} rounds after a warm-up."
    )
    for run in runs.values():
        stages = [run["stages"][name] for name in ("baseline", "large")]
        rounds = " / ".join(
            f"{stage['rounds']} rounds of {stage['repeated_queries']} "
            + ("query" if stage["repeated_queries"] == 1 else "queries")
            for stage in stages
        )
        skipped = any(stage["repeated_queries"] < len(QUERIES) for stage in stages)
        note = "; the others took over the limit at their warm-up" if skipped else ""
        print(f"{run['label']}: {rounds} (baseline / large){note}.")
    print("search = bounded(.live().public().search(q)): count() and the first 20 hits;")
    print("browse = practice_browse(q=...): search, facet counts and the 20 rows. Times in ms.")
    print(
        f"A call is stopped after {limit:g} s and counts as {limit:g} s (shown as `>`); a query "
        "whose warm-up takes that long is not repeated."
    )
    print()
    header = (
        f"{'database':<11} {'':<7} {'p50':>7} {'p95':>7} {'max':>7} | {'base p50':>8} "
        f"{'base p95':>8} | {'x p50':>7} {'x p95':>7} | p95 < {TARGET_P95_MS} ms"
    )
    print(header)
    print("-" * len(header))
    for run, kind, large, base in figures(runs.values()):
        print(
            f"{run['label']:<11} {kind:<7} {ms(large, 'p50')} {ms(large, 'p95')} "
            f"{ms(large, 'max')} | {ms(base, 'p50', 8)} {ms(base, 'p95', 8)} | "
            f"{ratio(large, 'p50')} {ratio(large, 'p95')} | {mark(large['target_met'])}"
        )
    print("x = ratio to the same figure at the baseline, measured in the same run.")
    for run in runs.values():
        every = run["stages"]["large"].get("unbounded")
        if every:
            print(
                f"{run['label']}: ranking every hit (similar practices, admin; no target), "
                f"{UNBOUNDED_ROUNDS} rounds: p50 {ms(every, 'p50', 0)} ms, "
                f"p95 {ms(every, 'p95', 0)} ms, max {ms(every, 'max', 0)} ms"
            )
    print()
    for run, kind, large, base in figures(runs.values()):
        print(
            f"{run['label']}: {kind} p95 at {size['large']:,} = {ms(large, 'p95', 0)} ms = "
            f"{ratio(large, 'p95').strip()} the p95 at {size['baseline']} practices "
            f"({base['p95_ms']:.1f} ms)"
        )
    print()
    print(f"Per query at {size['large']:,} practices, p50 in ms (`>`: stopped at the limit):")
    labels = [run["label"] for run in runs.values()]
    head = f"{'query':<30} {'hits':>6} " + " ".join(
        f"{label + ' search':>18} {label + ' browse':>18}" for label in labels
    )
    print(head)
    print("-" * len(head))
    per_query = {
        label: {row["query"]: row for row in run["stages"]["large"]["per_query"]}
        for label, run in zip(labels, runs.values(), strict=True)
    }
    for query, _note in QUERIES:
        hits = next(
            (
                per_query[label][query]["hits"]
                for label in labels
                if per_query[label][query]["hits"] is not None
            ),
            None,
        )
        cells = []
        for label in labels:
            row = per_query[label][query]
            for kind in CALLS:
                prefix = ">" if row[f"{kind}_stopped"] else ""
                cells.append(f"{prefix}{row[f'{kind}_p50_ms']:.1f}".rjust(18))
        print(f"{query:<30} {'?' if hits is None else hits:>6} {' '.join(cells)}")
    print()
    for run in runs.values():
        times = run["times_s"]
        print(
            f"{run['label']} ({run['server']}): setup (migrate, municipalities, demo) "
            f"{times['setup']:.0f} s, generating {size['generated']:,} practices "
            f"{times['generate']:.1f} s, indexing them {times['index']:.1f} s; other processes "
            f"used {run['stages']['baseline']['other_cpu']:.0%} / "
            f"{run['stages']['large']['other_cpu']:.0%} of the CPUs while measuring "
            "(baseline / large)"
        )
        for problem in run["checks"]:
            print(f"  CHECK FAILED: {problem}")
    busy = [
        run["label"]
        for run in runs.values()
        if max(stage["other_cpu"] for stage in run["stages"].values()) > 0.10
    ]
    if busy:
        print(
            f"WARNING: other processes used more than 10% of the CPUs during the "
            f"{' and '.join(busy)} measurements; repeat on a quiet machine."
        )


def parent(args) -> int:
    started = dt.datetime.now(dt.UTC)
    chosen = list(DATABASES) if args.db == "both" else [args.db]
    runs, failed = {}, []
    for database in chosen:
        run = run_child(database, args.count, args.rounds, args.keep)
        if run is None:
            failed.append(database)
            continue
        add_ratios(run)
        runs[database] = run
    if not runs:
        return 1
    report = {
        "timestamp": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine_info(("django", "wagtail", "modelsearch", "psycopg")),
        "count": args.count,
        "rounds": args.rounds,
        "queries": [{"query": q, "note": note} for q, note in QUERIES],
        "target_p95_ms": TARGET_P95_MS,
        "call_limit_ms": CALL_LIMIT_MS,
        "runs": runs,
        "duration_s": round((dt.datetime.now(dt.UTC) - started).total_seconds()),
    }
    print_report(report)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"search-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {path.relative_to(ROOT)} (run took {report['duration_s']} s)")
    if failed:
        print(f"search bench: no figures for {', '.join(failed)}: the run failed", file=sys.stderr)
    return 1 if failed else 0


# --- child: one database ---------------------------------------------------------------------


def log(message: str) -> None:
    print(f"  {message}", flush=True)


def create_postgres_database() -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {POSTGRES_DATABASE}")


def drop_postgres_database() -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE} WITH (FORCE)")


def setup_django(database: str) -> None:
    if database == "postgres":
        create_postgres_database()
    import django
    from django.conf import settings

    # Indexing is a task: tasks run at once, as in the tests. Set before setup: the @task
    # decorators pick their backend at import. Mail stays in memory.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    django.setup()


def load_base() -> float:
    import io

    from django.core.management import call_command

    from pioneers.demo.loader import load_demo

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_municipalities", verbosity=0, stdout=io.StringIO())
    load_demo(io.StringIO())
    return time.perf_counter() - started


class Corpus:
    """Titles and sentences of the demo practices, to recombine into new ones."""

    SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'\"])")
    FIELDS = ("summary", "problem", "approach", "result", "lessons")

    def __init__(self):
        from pioneers.demo.files import read

        self.titles, self.rare_titles = [], []
        self.sentences = {field: [] for field in self.FIELDS}
        self.rare = {field: [] for field in self.FIELDS}
        for row in read("practices")["practices"]:
            (self.rare_titles if self.is_rare(row["title"]) else self.titles).append(row["title"])
            for field in self.FIELDS:
                for paragraph in (row[field] or "").split("\n\n"):
                    for sentence in self.SENTENCE_END.split(paragraph.strip()):
                        if sentence:
                            pool = self.rare if self.is_rare(sentence) else self.sentences
                            pool[field].append(sentence)

    @staticmethod
    def is_rare(text: str) -> bool:
        return any(word in text.lower() for word in RARE_WORDS)

    def paragraph(self, rng, field: str, low: int, high: int, rare: bool) -> str:
        chosen = rng.sample(self.sentences[field], rng.randint(low, high))
        if rare and self.rare[field]:
            chosen.append(rng.choice(self.rare[field]))
        return " ".join(chosen)

    def practice(self, rng, place: str, rare: bool) -> dict:
        title = rng.choice(self.rare_titles if rare and self.rare_titles else self.titles)
        title += rng.choice(TITLE_SUFFIXES).format(place=place)
        summary = ""
        for sentence in rng.sample(self.sentences["summary"], 3):
            if summary and len(summary) + len(sentence) >= 400:
                break
            summary = f"{summary} {sentence}".strip()
        approach = "\n\n".join(
            self.paragraph(rng, "approach", 2, 3, rare and n == 0) for n in range(2)
        )
        return {
            "title": title,
            "summary": summary[:400],
            "problem": self.paragraph(rng, "problem", 2, 4, rare),
            "approach": approach,
            "result": self.paragraph(rng, "result", 1, 3, rare) if rng.random() > 0.1 else "",
            "lessons": self.paragraph(rng, "lessons", 1, 2, rare) if rng.random() > 0.15 else "",
        }


def generate(count: int) -> list[int]:
    """COUNT live practices under the Dutch knowledge base, written in bulk; their ids."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone
    from django.utils.text import slugify
    from wagtail.models import Page

    from pioneers.core.text import text_to_html
    from pioneers.network.models import Organisation
    from pioneers.practices.models import PracticeIndexPage, PracticePage, PracticeReuse
    from pioneers.practices.services import PRACTICE_TEXT_FIELDS
    from pioneers.topics.models import Topic

    rng = random.Random(SEED)
    corpus = Corpus()
    index = PracticeIndexPage.objects.get(locale__language_code="nl")
    last = index.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    depth = index.depth + 1
    municipalities = list(
        Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).values_list("pk", "name")
    )
    topics = list(Topic.objects.originals().values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(PracticePage)
    values = [field for field, _label in PracticePage.VALUES]

    # The practice table's own columns, whatever the model has now: defaults for the rest.
    fields = PracticePage._meta.local_concrete_fields
    quote = connection.ops.quote_name
    insert = (
        f"INSERT INTO {quote(PracticePage._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    Through = PracticePage.topics.through  # noqa: N806 - a model class

    ids = []
    for offset in range(0, count, BATCH):
        pages, rows, links, reuses = [], [], [], []
        for n in range(offset, min(count, offset + BATCH)):
            municipality, name = rng.choice(municipalities)
            place = name.removeprefix("Gemeente ")
            text = corpus.practice(rng, place, rare=rng.randrange(RARE_EVERY) == 0)
            slug = f"{slugify(text['title'])[:70]}-{n + 1}"
            started_on = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            published = timezone.make_aware(
                datetime.combine(started_on + timedelta(days=60), datetime.min.time())
            )
            pages.append(
                Page(
                    title=text["title"],
                    draft_title=text["title"],
                    slug=slug,
                    content_type=content_type,
                    locale_id=index.locale_id,
                    path=Page._get_path(index.path, depth, first_step + n),
                    depth=depth,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
            rows.append(
                {
                    "summary": text["summary"],
                    **{f: text_to_html(text[f]) for f in PRACTICE_TEXT_FIELDS},
                    "status": rng.choice(STATUSES),
                    "municipality_id": municipality,
                    **{value: rng.random() < 0.4 for value in values},
                    "started_on": started_on,
                    "topics": rng.sample(topics, rng.randint(1, 3)),
                    "reused_by": [
                        o for o, _ in rng.sample(municipalities, rng.choice([0] * 6 + [1, 2]))
                    ]
                    if municipalities
                    else [],
                }
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            params = []
            for page, row in zip(pages, rows, strict=True):
                row["page_ptr_id"] = page.pk
                params.append(
                    [
                        f.get_db_prep_save(
                            row[f.attname] if f.attname in row else f.get_default(), connection
                        )
                        for f in fields
                    ]
                )
                links += [Through(practicepage_id=page.pk, topic_id=t) for t in row["topics"]]
                reuses += [
                    PracticeReuse(practice_id=page.pk, organisation_id=o)
                    for o in row["reused_by"]
                    if o != row["municipality_id"]
                ]
            with connection.cursor() as cursor:
                cursor.executemany(insert, params)
            Through.objects.bulk_create(links)
            PracticeReuse.objects.bulk_create(reuses)
        ids += [page.pk for page in pages]
        if (offset // BATCH) % 10 == 9:
            log(f"generated {len(ids):,}")
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    return ids


def build_index(ids: list[int]) -> None:
    """Index the new practices with the backend's bulk API, as `update_index` would."""
    from django.db import transaction
    from wagtail.search.backends import get_search_backend

    from pioneers.practices.models import PracticePage

    backend = get_search_backend()
    for offset in range(0, len(ids), BATCH):
        batch = ids[offset : offset + BATCH]
        with transaction.atomic():
            # Topics prefetched: modelsearch prefetches no ParentalManyToManyField, and would
            # query a practice's topics once per index column (five times on PostgreSQL).
            practices = PracticePage.get_indexed_objects().filter(pk__in=batch)
            backend.add_bulk(PracticePage, list(practices.prefetch_related("topics")))
        if (offset // BATCH) % 10 == 9:
            log(f"indexed {offset + len(batch):,}")


def checks() -> list[str]:
    """What must hold after generating: tree, index and stemming. Failures go in the report."""
    from wagtail.models import Page

    from pioneers.practices.models import PracticeIndexPage, PracticePage

    problems = []
    index = PracticeIndexPage.objects.get(locale__language_code="nl")
    children = Page.objects.child_of(index).count()
    if children != index.numchild:
        problems.append(f"knowledge base numchild {index.numchild} != {children} children")
    live = PracticePage.objects.live().public()
    practices = live.count()
    indexed = live.filter(index_entries__isnull=False).count()
    if indexed != practices:
        problems.append(f"{practices - indexed} of {practices} practices not in the search index")
    newest = live.order_by("-pk").first()
    if newest is None or not newest.url or not newest.url.startswith(index.url):
        problems.append(f"a generated practice has no URL under the knowledge base: {newest}")
    with bounded(10**9):  # every hit counted, not the newest MAX_HITS
        if live.search("gemeente").count() != live.search("gemeenten").count():
            problems.append("'gemeente' and 'gemeenten' find different practices: no stemming")
    if live.search("kernenergie").count():
        problems.append("'kernenergie' finds practices")
    return problems


@contextlib.contextmanager
def bounded(max_hits: int):
    from pioneers.core import search

    before, search.MAX_HITS = search.MAX_HITS, max_hits
    try:
        yield
    finally:
        search.MAX_HITS = before


def percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * percent / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(samples: list[float], stopped: int) -> dict:
    """Percentiles in ms; a figure at or above the call limit is only a lower bound."""
    result = {"n": len(samples), "stopped": stopped}
    for name, value in (
        ("p50", percentile(samples, 50)),
        ("p95", percentile(samples, 95)),
        ("max", max(samples)),
    ):
        result[f"{name}_ms"] = round(value, 2)
        result[f"{name}_lower_bound"] = stopped > 0 and value >= CALL_LIMIT_MS
    return result


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def database_pid() -> int | None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def cpu_snapshot(server_pid: int | None) -> tuple[float, float, float]:
    """(all CPUs, busy, ours) in seconds; ours is this process and its PostgreSQL backend."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    own = os.times()
    ours = own.user + own.system
    if server_pid is not None:
        try:
            stat = Path(f"/proc/{server_pid}/stat").read_text().rsplit(")", 1)[1].split()
            ours += (int(stat[11]) + int(stat[12])) / CLOCK_TICKS
        except OSError:
            pass
    total = sum(fields) / CLOCK_TICKS
    return total, total - (fields[3] + fields[4]) / CLOCK_TICKS, ours


def other_cpu_share(before: tuple, after: tuple) -> float:
    total = after[0] - before[0]
    other = (after[1] - before[1]) - (after[2] - before[2])
    return round(max(0.0, other) / total, 3) if total > 0 else 0.0


@contextlib.contextmanager
def call_limit(limit_ms: float = CALL_LIMIT_MS):
    """Stops the database when one call runs past the limit; the caller sees an error.

    SQLite: a progress handler that interrupts the statement running at the deadline.
    PostgreSQL: statement_timeout, per statement.
    """
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(limit_ms)}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
        return
    deadline = time.perf_counter() + limit_ms / 1000
    raw = connection.connection
    raw.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
    try:
        yield
    finally:
        raw.set_progress_handler(None, 0)


def timed(call, query: str) -> dict:
    """One call under the limit: {"ms", "hits", "stopped"}; a stopped call counts as the limit."""
    from django.db import OperationalError

    outcome = {"hits": None, "stopped": False}
    started = time.perf_counter()
    try:
        with call_limit():
            call(query, outcome)
    except OperationalError:
        outcome["stopped"] = True
    elapsed = (time.perf_counter() - started) * 1000
    outcome["ms"] = max(elapsed, CALL_LIMIT_MS) if outcome["stopped"] else elapsed
    return outcome


def search_call(query: str, outcome: dict, bound: bool = True) -> None:
    """The search of the lists: the count, then the first page of hits by relevance.

    Without ``bound`` every hit is ranked, as for similar practices and in the admin.
    """
    from pioneers.core.search import bounded
    from pioneers.practices.models import PracticePage

    results = PracticePage.objects.live().public().search(query)
    if bound:
        results = bounded(results)
    count = results.count()
    outcome["hits"] = f"{count}+" if results.more_hits else count
    list(results[:PER_PAGE])


def browse_call(query: str, outcome: dict) -> None:
    """The knowledge-base page's selector, as a visitor's search calls it."""
    from django.http import QueryDict

    from pioneers.practices.selectors import practice_browse

    found = practice_browse(QueryDict(urlencode({"q": query})))
    outcome["hits"] = f"{found['total']}+" if found["more"] else found["total"]


CALLS = {"search": search_call, "browse": browse_call}
UNBOUNDED_ROUNDS = 3


def measure_unbounded() -> dict:
    """For information: the search ranking every hit, UNBOUNDED_ROUNDS times per query."""
    samples, stopped = [], 0
    for _round in range(UNBOUNDED_ROUNDS):
        for query, _note in QUERIES:
            outcome = timed(lambda q, o: search_call(q, o, bound=False), query)
            samples.append(outcome["ms"])
            stopped += outcome["stopped"]
    return summary(samples, stopped)


def measure(rounds: int) -> dict:
    """Both calls for every query, interleaved, ROUNDS times after one warm-up.

    A query whose warm-up call runs past the limit is not repeated: its rounds count as that
    call's time (a lower bound when the call was stopped), so every query weighs the same.
    Rounds stop early once the stage has taken STAGE_SECONDS, after at least MIN_ROUNDS.
    """
    times = {kind: {q: [] for q, _ in QUERIES} for kind in CALLS}
    stopped = {kind: {q: 0 for q, _ in QUERIES} for kind in CALLS}
    hits, slow, warm_ups = {}, set(), {}
    pid = database_pid()
    before = cpu_snapshot(pid)
    for query, _note in QUERIES:  # warm-up: first compilations, caches, pages read from disk
        warm = {kind: timed(call, query) for kind, call in CALLS.items()}
        for outcome in warm.values():
            if outcome["hits"] is not None:
                hits.setdefault(query, outcome["hits"])
                if outcome["hits"] != hits[query]:
                    raise RuntimeError(f"{query!r}: search and browse find different numbers")
        if any(outcome["ms"] >= CALL_LIMIT_MS for outcome in warm.values()):
            slow.add(query)
            warm_ups[query] = warm
    deadline = time.perf_counter() + STAGE_SECONDS
    done = 0
    while done < rounds and (done < MIN_ROUNDS or time.perf_counter() < deadline):
        for query, _note in QUERIES:
            if query in slow:
                continue
            for kind, call in CALLS.items():
                outcome = timed(call, query)
                times[kind][query].append(outcome["ms"])
                stopped[kind][query] += outcome["stopped"]
        done += 1
    other = other_cpu_share(before, cpu_snapshot(pid))
    for query, warm in warm_ups.items():
        for kind, outcome in warm.items():
            times[kind][query] = [outcome["ms"]] * done
            stopped[kind][query] = done if outcome["stopped"] else 0
    result = {
        kind: summary(
            [t for samples in times[kind].values() for t in samples],
            sum(stopped[kind].values()),
        )
        for kind in CALLS
    }
    result["other_cpu"] = other
    result["rounds"] = done
    result["repeated_queries"] = len(QUERIES) - len(slow)
    result["per_query"] = [
        {
            "query": query,
            "note": note,
            "hits": hits.get(query),
            "repeated": query not in slow,
            **{
                f"{kind}_{name}_ms": round(value(times[kind][query]), 2)
                for kind in CALLS
                for name, value in (("p50", statistics.median), ("max", max))
            },
            **{f"{kind}_stopped": stopped[kind][query] for kind in CALLS},
        }
        for query, note in QUERIES
    ]
    return result


def diagnose(query: str) -> dict:
    """The SQL of one browse call for a query, slowest first, and the plan of the slowest."""
    from django.db import OperationalError, connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        outcome = timed(browse_call, query)
    statements = sorted(
        ({"ms": round(float(q["time"]) * 1000, 2), "sql": q["sql"]} for q in captured),
        key=lambda s: -s["ms"],
    )
    slowest = statements[0]["sql"] if statements else ""
    plan = ""
    if connection.vendor == "postgresql":
        explain = ["EXPLAIN (ANALYZE, BUFFERS)", "EXPLAIN"]
    else:
        explain = ["EXPLAIN QUERY PLAN"]
    for command in explain:
        try:
            with call_limit(EXPLAIN_LIMIT_MS), connection.cursor() as cursor:
                cursor.execute(f"{command} {slowest}")
                plan = "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())
            break
        except OperationalError as error:
            plan = f"{command} stopped: {error}"
    return {
        "query": query,
        "stopped": outcome["stopped"],
        "ms": round(outcome["ms"], 2),
        "statements": len(statements),
        "slowest": [{**s, "sql": s["sql"][:4000]} for s in statements[:5]],
        "plan_of_slowest": plan,
    }


def server_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT 'SQLite ' || sqlite_version()")
        return cursor.fetchone()[0]


def child(args) -> int:
    from django.utils import translation

    setup_django(args.child)
    from django.db import connection

    from pioneers.practices.models import PracticePage

    translation.activate("nl")
    times = {}
    try:
        log("migrating, loading municipalities and the demo ...")
        times["setup"] = load_base()
        baseline_count = PracticePage.objects.live().public().count()
        log(f"baseline: {baseline_count} demo practices, measuring ...")
        baseline = measure(args.rounds)
        log(f"generating {args.count:,} practices ...")
        started = time.perf_counter()
        ids = generate(args.count)
        times["generate"] = time.perf_counter() - started
        log(f"indexing {len(ids):,} practices ...")
        started = time.perf_counter()
        build_index(ids)
        times["index"] = time.perf_counter() - started
        started = time.perf_counter()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        times["analyze"] = time.perf_counter() - started
        problems = checks()
        large_count = PracticePage.objects.live().public().count()
        log(f"{large_count:,} practices, measuring ...")
        large = measure(args.rounds)
        log("measuring the search that ranks every hit ...")
        large["unbounded"] = measure_unbounded()
        slowest = max(large["per_query"], key=lambda row: row["browse_p50_ms"])["query"]
        report = {
            "database": args.child,
            "label": DATABASES[args.child],
            "server": server_version(),
            "practices": {
                "baseline": baseline_count,
                "generated": len(ids),
                "large": large_count,
            },
            "times_s": {name: round(value, 2) for name, value in times.items()},
            "checks": problems,
            "stages": {"baseline": baseline, "large": large},
            "diagnostics": diagnose(slowest),
        }
    finally:
        if args.child == "postgres" and not args.keep:
            drop_postgres_database()
    Path(args.out).write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--count", type=int, default=COUNT, help="practices to generate")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="times each query is timed")
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument("--child", choices=list(DATABASES), help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.count < 1 or args.rounds < 1:
        parser.error("--count and --rounds must be at least 1")
    return child(args) if args.child else parent(args)


if __name__ == "__main__":
    sys.exit(main())
