"""Benchmark of an edition's PDF build: `.venv/bin/python bench/pdf.py`.

Builds the PDF of an edition with 8 articles and, as the baseline measured in the same run, of
an edition with 1 article, BENCH_REPEAT times each (default 3) after one warm-up build, in a
throw-away SQLite database under a temporary data directory (the demo is not needed). Prints
the median and maximum in seconds and the ratio of the 8-article build to the baseline.

The issue's target: an edition of 8 articles builds in under 15 s. A missed target is printed
as `MISSED <<<`; the exit status is non-zero only when a build failed.
"""

import os
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
os.environ["PIONEERS_DATA_DIR"] = tempfile.mkdtemp(prefix="pioneers-bench-pdf-")
os.environ["DJANGO_SETTINGS_MODULE"] = "pioneers.settings"
os.environ["PIONEERS_LOG_LEVEL"] = "WARNING"
import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
TARGET_S = 15.0
PARAGRAPH = (
    "Inwoners zoeken op hun straat, niet op een zaaknummer. Daarom zetten we elk besluit met een "
    "wijkcode online, en testten we het overzicht eerst met twaalf bewoners uit drie wijken. "
)


def setup_site():
    from io import StringIO

    from pioneers.demo.network import site_tree

    call_command("migrate", verbosity=0)
    site_tree(StringIO())


def edition_with(articles: int, number: int):
    from datetime import date

    from pioneers.demo.magazine import cover_image
    from pioneers.magazine.models import ArticleAuthor, ArticlePage, EditionPage, MagazineIndexPage
    from pioneers.publications.models import HomePage

    home = HomePage.objects.get(locale__language_code="nl")
    index = MagazineIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=MagazineIndexPage(title="Magazine", slug="magazine"))
    edition = index.add_child(
        instance=EditionPage(
            title=f"Bench {number}",
            slug=f"bench-{number}",
            number=number,
            season="Q2 2019",
            publication_date=date(2019, 6, 1),
            cover_image=cover_image(number, "Q2 2019"),
            cover_alt_text="Omslag",
            editorial="<p>" + PARAGRAPH * 3 + "</p>",
        )
    )
    for index_ in range(articles):
        article = ArticlePage(
            title=f"Artikel {index_ + 1}: besluiten per wijk",
            slug=f"artikel-{index_ + 1}",
            intro=PARAGRAPH,
            body="".join(f"<h2>Deel {p}</h2><p>{PARAGRAPH * 4}</p>" for p in range(1, 5)),
            lessons="<ul><li>Test met inwoners.</li><li>Metadata in het sjabloon.</li></ul>",
            practical_experience=f"<p>{PARAGRAPH * 2}</p>",
        )
        article.authors.add(ArticleAuthor(guest_name="Gast Auteur", guest_affiliation="Elders"))
        edition.add_child(instance=article)
        article.save_revision().publish()
    return edition


def measure(edition) -> list[float]:
    from pioneers.magazine.pdf import render_edition_pdf

    render_edition_pdf(edition)  # warm-up: fonts, renditions
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        content, pages = render_edition_pdf(edition)
        times.append(time.perf_counter() - started)
        assert content.startswith(b"%PDF")
    print(f"  {edition.title}: {pages} pages, {len(content) / 1000:.0f} kB")
    return times


def main() -> int:
    setup_site()
    cases = [("baseline (1 article)", edition_with(1, 1)), ("8 articles", edition_with(8, 2))]
    results = {}
    for name, edition in cases:
        results[name] = measure(edition)
    base = statistics.median(results["baseline (1 article)"])
    print(f"{'case':<22} {'median s':>9} {'max s':>7} {'ratio':>6}")
    for name, times in results.items():
        median = statistics.median(times)
        print(f"{name:<22} {median:>9.2f} {max(times):>7.2f} {median / base:>6.1f}")
    worst = max(results["8 articles"])
    verdict = "met" if worst < TARGET_S else "MISSED <<<"
    print(f"target: 8 articles under {TARGET_S:.0f} s (worst {worst:.2f} s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
