from __future__ import annotations

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
