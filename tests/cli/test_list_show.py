from __future__ import annotations

from nextsteps.cli.terminal import columns
from tests.cli.conftest import Run, as_json, new_id


def test_list_gives_each_application_its_stage_and_next_step(nextsteps: Run) -> None:
    acme = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26"))
    globex = new_id(nextsteps("add", "Globex", "Engineer"))
    nextsteps("log", acme, "interview", "--at", "2026-11-06 10:00")
    rows = as_json(nextsteps("list", "--json"))
    assert [(str(r["id"]), r["stage"]) for r in rows] == [
        (acme, "interviewing"),
        (globex, "saved"),
    ]
    assert rows[0]["next_step"] == "reflect"
    assert rows[1]["next_step"] is None
    assert "Globex" in nextsteps("list").stdout


def test_show_prints_the_timeline_and_the_plan(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26"))
    nextsteps("log", application, "interview", "--at", "2026-11-06 10:00", "--note", "met Jane")
    text = nextsteps("show", application).stdout
    assert "Data Analyst at Acme" in text
    assert "met Jane" in text
    assert "Thank-you" in text
    assert "Getting a Job" in text


def test_show_lists_the_steps_nobody_did_in_time_among_the_events(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-19"))
    nextsteps("log", application, "interview", "--at", "2026-10-29 10:00")
    lines = nextsteps("show", application).stdout.splitlines()
    assert lines[1:7] == [
        "Mon 19 Oct 09:00  Applied",
        "Thu 29 Oct 10:00  Interview held",
        "Sun 1 Nov 00:00   Missed: Reflect",
        "    it was due Thu 29 Oct; it no longer helps now",  # a day step: no hour
        "Mon 2 Nov 11:00   Missed: Thank-you",
        "    it was due Fri 30 Oct 11:00; it no longer helps now",
    ]
    assert "Follow-up" in lines[7]  # then the plan: what is still worth doing


def test_each_line_fits_the_terminal_wide_characters_counted_twice(nextsteps: Run) -> None:
    nextsteps("add", "株式会社グローバル技術研究所", "データアナリスト兼エンジニア")
    nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26")
    for args in (("list",), ("today", "--on", "2026-11-09")):
        lines = nextsteps(*args, columns=40).stdout.splitlines()
        assert lines, args
        assert max(columns(line) for line in lines) <= 40, lines
    # Seven columns left for the name: three wide characters and the ellipsis.
    assert "株式会…" in nextsteps("list", columns=40).stdout
