"""How fast the `nextsteps` command answers, as whole processes, against a bare Python.

    .venv/bin/python benchmarks/cli.py [--applications 100] [--repeat 15]

Seeds, through the services, one user with --applications applications on the
embedded SQLite in a temporary data directory (the command's database). Then runs
each command below --repeat times as a new process, in rounds (every command once
per round, so a busy moment of the machine slows them all alike), and reports the
median wall time of each and its ratio to `python -c pass` measured in the same
rounds. `log` records a reflection each time: it writes, as a user's `log` does.
Prints one JSON object; `goal_met` compares each median with its goal in seconds
and as a ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from pages import median_ms, print_report, seed

NEXTSTEPS = str(Path(sys.executable).with_name("nextsteps"))

# (seconds, ratio to python -c pass): the answer should feel immediate.
HELP_GOAL = (0.15, 6)
COMMAND_GOAL = (0.35, 15)


def commands(
    application_id: int, message: Path
) -> dict[str, tuple[list[str], tuple[float, float] | None]]:
    app = str(application_id)
    return {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        "--help": ([NEXTSTEPS, "--help"], HELP_GOAL),
        "next --help": ([NEXTSTEPS, "next", "--help"], HELP_GOAL),
        "usage error": ([NEXTSTEPS, "next", "not-a-number"], HELP_GOAL),
        "next": ([NEXTSTEPS, "next", app], COMMAND_GOAL),
        "today": ([NEXTSTEPS, "today"], COMMAND_GOAL),
        "list": ([NEXTSTEPS, "list"], COMMAND_GOAL),
        "log": ([NEXTSTEPS, "log", app, "reflection", "--note", "went well"], COMMAND_GOAL),
        # Reads no database: the tone check alone, on a message with two flags.
        "tone": ([NEXTSTEPS, "tone", str(message)], COMMAND_GOAL),
    }


def wall_time(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def bench(applications: int, repeat: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command

    from nextsteps.tracker.models import Application

    call_command("migrate", verbosity=0)
    user, _ = seed(applications)
    live = Application.objects.filter(owner=user, steps__state="open").order_by("-id").first()
    assert live is not None
    message = Path(os.environ["NEXTSTEPS_DATA_DIR"]) / "message.txt"
    message.write_text("Subject: Checking in\n\nSorry to bother you: did I get the job?\n")
    env = {**os.environ, "NEXTSTEPS_USER": user.username, "COLUMNS": "120"}
    env.pop("DATABASE_URL", None)  # the command's embedded SQLite, as on a laptop
    # As on a user's machine, the first run leaves the compiled modules for the next.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = commands(live.id, message)
    for name, (argv, _goal) in runs.items():  # each once, and each must work
        expected = 2 if name == "usage error" else 0
        result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == expected, (name, result.returncode, result.stderr)
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, (argv, _goal) in runs.items():
            samples[name].append(wall_time(argv, env))
    baseline = statistics.median(samples["python -c pass"])
    report: dict[str, Any] = {
        "database": "sqlite",
        "applications": applications,
        "repeat": repeat,
    }
    for name, (_argv, goal) in runs.items():
        median = statistics.median(samples[name])
        row: dict[str, Any] = {
            "median_ms": median_ms(samples[name]),
            "per_python": round(median / baseline, 1),
        }
        if goal:
            seconds, ratio = goal
            row["goal"] = f"<= {seconds} s and <= {ratio}x"
            row["goal_met"] = median <= seconds and median / baseline <= ratio
        report[name] = row
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print_report(lambda: bench(args.applications, args.repeat))


if __name__ == "__main__":
    main()
