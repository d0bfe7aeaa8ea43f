from __future__ import annotations

from tests.cli.conftest import Run, as_json, new_id


def test_today_lists_what_to_do_by_tonight(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26"))
    nextsteps("log", application, "interview", "--at", "2026-11-06 10:00")
    rows = as_json(nextsteps("today", "--on", "2026-11-06", "--json"))
    kinds = {r["kind"] for r in rows}
    assert {"thank_you", "reflect"} <= kinds
    assert "follow_up" not in kinds
    thank_you = next(r for r in rows if r["kind"] == "thank_you")
    assert str(thank_you["application_id"]) == application
    assert thank_you["company"] == "Acme"
    assert thank_you["role"] == "Data Analyst"
    assert thank_you["overdue"] is False
    assert thank_you["why"]
    assert thank_you["sources"]


def test_overdue_steps_stay_and_the_nudge_joins_them(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26"))
    nextsteps("log", application, "interview", "--at", "2026-11-06 10:00")
    rows = as_json(nextsteps("today", "--on", "2026-11-16", "--json"))
    by_kind = {r["kind"]: r for r in rows}
    assert by_kind["follow_up"]["overdue"] is True
    # Due on the 7th, the thank-you lapsed on the 10th: no longer worth doing, not shown.
    assert "thank_you" not in by_kind
    assert by_kind["keep_searching"]["application_id"] is None
    rows = as_json(nextsteps("today", "--on", "2026-11-09", "--json"))
    assert {r["kind"]: r for r in rows}["thank_you"]["overdue"] is True


def test_the_table_speaks_in_days(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26"))
    nextsteps("log", application, "interview", "--at", "2026-11-06 10:00")
    text = nextsteps("today", "--on", "2026-11-13").stdout
    assert "Follow-up" in text
    assert "today" in text
    # The thank-you due on Saturday is still worth doing on Monday, and says when it was due.
    assert "was due Sat 7 Nov" in nextsteps("today", "--on", "2026-11-09").stdout


def test_a_bad_day_is_refused(nextsteps: Run) -> None:
    result = nextsteps("today", "--on", "tomorrow", check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("error: --on must be a date")


def test_one_line_per_step_in_80_columns_and_why_with_verbose(nextsteps: Run) -> None:
    application = new_id(
        nextsteps("add", "Globex Corporation International", "Senior Product Analyst, Growth",
                  "--applied", "2026-10-26")
    )  # fmt: skip
    nextsteps("log", application, "interview", "--at", "2026-11-06 10:00")
    lines = nextsteps("today", "--on", "2026-11-16", columns=80).stdout.splitlines()
    assert len(lines) == len(as_json(nextsteps("today", "--on", "2026-11-16", "--json")))
    assert all(len(line) <= 80 for line in lines), lines
    follow_up = next(line for line in lines if "Follow-up" in line)
    assert follow_up.startswith("was due Fri 13 Nov")
    assert f"{application} Globex Corporation International · " in follow_up
    assert follow_up.endswith("…")  # cut, not wrapped
    assert "nuisance" not in follow_up  # the why waits for --verbose
    verbose = nextsteps("today", "--on", "2026-11-16", "--verbose", columns=80).stdout
    assert all(len(line) <= 80 for line in verbose.splitlines())
    assert "    From " in verbose
    assert "7 days after your interview" in " ".join(verbose.split())


def test_list_is_one_line_per_application_in_80_columns(nextsteps: Run) -> None:
    nextsteps("add", "Globex Corporation International", "Senior Product Analyst, Growth",
              "--applied", "2026-10-26")  # fmt: skip
    nextsteps("add", "Acme", "Analyst")
    lines = nextsteps("list", columns=80).stdout.splitlines()
    assert len(lines) == 2
    assert all(len(line) <= 80 for line in lines), lines
    assert "Check-in" in lines[0]
    assert "no step" in lines[1]
