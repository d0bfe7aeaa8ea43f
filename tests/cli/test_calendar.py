from __future__ import annotations

from pathlib import Path

import icalendar

from tests.cli.conftest import Run, new_id


def test_export_writes_the_feed(nextsteps: Run, tmp_path: Path) -> None:
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-11-02"))
    nextsteps("log", application, "interview", "--at", "2026-11-06 10:00")
    out = tmp_path / "steps.ics"
    assert nextsteps("calendar", "export", "--out", str(out)).stdout.startswith("Wrote")
    summaries = {
        str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    }
    assert "Thank Acme for the Data Analyst interview" in summaries
    assert "Interview: Data Analyst at Acme" in summaries
    assert nextsteps("calendar", "export").stdout.startswith("BEGIN:VCALENDAR")


def test_the_subscription_address_is_secret_and_stable(nextsteps: Run) -> None:
    first = nextsteps("calendar", "url").stdout.strip()
    assert first.startswith("http://127.0.0.1:8000/calendar/")
    assert first == nextsteps("calendar", "url").stdout.strip()


def test_an_unwritable_file_is_one_line(nextsteps: Run) -> None:
    result = nextsteps("calendar", "export", "--out", "/no/such/folder/x.ics", check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("error: Cannot write /no/such/folder/x.ics")
