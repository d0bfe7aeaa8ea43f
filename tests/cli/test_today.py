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
    assert by_kind["thank_you"]["overdue"] is True
    assert by_kind["keep_searching"]["application_id"] is None


def test_the_table_speaks_in_days(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26"))
    nextsteps("log", application, "interview", "--at", "2026-11-06 10:00")
    text = nextsteps("today", "--on", "2026-11-13").stdout
    assert "Follow-up" in text
    assert "today" in text
    assert "Fri 6 Nov" in text or "Sat 7 Nov" in text


def test_a_bad_day_is_refused(nextsteps: Run) -> None:
    result = nextsteps("today", "--on", "tomorrow", check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("error: --on must be a date")
