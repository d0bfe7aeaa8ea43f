"""How long importing a 10,000-row export takes, and how much memory it needs.

    .venv/bin/python benchmarks/import_csv.py [--rows 10000]

Writes a Teal-shaped CSV (one row per job: 2,000 companies, five roles each, saved,
applied, interviewing, rejected, unanswered and offered over the past 400 days, some
with salary, location and notes) and, for one user on London's clock, times:

- the dry run (`preview`): reading, checking every row, finding duplicates;
- the import (`run_import`): the same, then every application and its events written
  through add_application and record_event, each replanned, in one transaction;
- the same file again: every row found already there, nothing written.

Memory: the process's peak resident size after each stage (its high-water mark, so
it only grows), the growth over the size before the first stage, and the peak of
Python's own allocations during a second dry run (tracemalloc, timed apart since it
slows what it watches). SQL statements of the import are counted. Prints one JSON
object. Runs on SQLite in a temporary data directory, or on a scratch PostgreSQL
database when DATABASE_URL names one.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import resource
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pages import london_user, print_report  # noqa: E402

HEADER = (
    "Job Position", "Company", "Max. Salary", "Location", "Status", "Date Saved",
    "Deadline", "Date Applied", "Follow up", "Excitement",
)  # fmt: skip
ROLES = ("Data Analyst", "Data Engineer", "Analytics Engineer", "BI Developer", "Data Scientist")
# Of every 100 rows: what their Teal status is.
STATUSES = (
    ["Bookmarked"] * 30 + ["Applied"] * 40 + ["Interviewing"] * 15 + ["Not Selected"] * 10
    + ["No Response"] * 3 + ["Negotiating"] * 2
)  # fmt: skip


def teal_file(rows: int, today: date) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for n in range(rows):
        saved = today - timedelta(days=5 + n % 400)
        status = STATUSES[n % len(STATUSES)]
        applied = "" if status == "Bookmarked" else (saved + timedelta(days=2)).isoformat()
        writer.writerow(
            (
                ROLES[n % len(ROLES)],
                f"Company {n // len(ROLES)}",
                f"{40_000 + n % 50 * 1_000}" if n % 3 else "",
                ("London", "Remote", "Leeds", "")[n % 4],
                status,
                saved.isoformat(),
                "",
                applied,
                "Ask Jane about the team" if n % 7 == 0 else "",
                str(n % 5 + 1),
            )
        )
    return out.getvalue().encode("utf-8-sig")


def peak_rss_mb() -> float:
    """The process's high-water resident size so far (kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if platform.system() == "Darwin" else 1024), 1)


def bench(rows: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from nextsteps.imports.services import preview, run_import
    from nextsteps.tracker.models import Application, Event, NextStep

    call_command("migrate", verbosity=0)
    user, profile = london_user("importer")
    data = teal_file(rows, timezone.now().astimezone(profile.zone).date())
    before = peak_rss_mb()
    load_before = round(os.getloadavg()[0], 1)

    started = time.perf_counter()
    dry = preview(user, data)
    dry_run_s = time.perf_counter() - started
    after_dry_run = peak_rss_mb()

    queries = []

    def counted(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(1)
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(counted):
        done = run_import(user, data)
    import_s = time.perf_counter() - started
    after_import = peak_rss_mb()

    started = time.perf_counter()
    again = run_import(user, data)
    again_s = time.perf_counter() - started

    tracemalloc.start()
    preview(user, data)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    return {
        "database": connection.vendor,
        # Other work on the machine slows every figure: its load while timing.
        "load_average_before": load_before,
        "load_average_after": round(os.getloadavg()[0], 1),
        "rows": rows,
        "file_kb": round(len(data) / 1024),
        "to_create": len(dry.to_create),
        "created": len(done.created),
        "created_again": len(again.created),
        "duplicates_again": len(again.duplicates),
        "applications": Application.objects.filter(owner=user).count(),
        "events": Event.objects.filter(application__owner=user).count(),
        "steps": NextStep.objects.filter(owner=user).count(),
        "dry_run_s": round(dry_run_s, 2),
        "import_s": round(import_s, 2),
        "import_ms_per_row": round(import_s / rows * 1000, 2),
        "import_queries": len(queries),
        "import_again_s": round(again_s, 2),
        "peak_rss_mb": {
            "before": before,
            "after_dry_run": after_dry_run,
            "after_import": after_import,
            "growth_over_both": round(after_import - before, 1),
        },
        "dry_run_python_peak_mb": round(traced_peak / 1024 / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    print_report(lambda: bench(args.rows))


if __name__ == "__main__":
    main()
