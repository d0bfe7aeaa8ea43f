from __future__ import annotations

from tests.cli.conftest import Run, as_json, new_id


def test_add_says_what_it_saved_and_the_first_step(nextsteps: Run) -> None:
    saved = nextsteps("add", "Acme", "Data Analyst")
    first = int(new_id(saved))
    assert saved.stdout == (
        f"Saved application {first}: Data Analyst at Acme.\n"
        f"No step yet: nextsteps log {first} applied records the day you apply.\n"
    )
    assert as_json(nextsteps("add", "Globex", "Engineer", "--json")) == {"id": first + 1}
    sent = nextsteps("add", "Initech", "Analyst", "--applied", "2025-11-03",
                     "--contact", "Jane Doe <jane@initech.example>")  # fmt: skip
    assert sent.stdout.splitlines() == [
        f"Saved application {first + 2}: Analyst at Initech, applied Mon 3 Nov 2025, contact "
        "Jane Doe <jane@initech.example>.",
        f"First step: Check-in, was due Mon 10 Nov 2025 (nextsteps next {first + 2} -v says why).",
    ]


def test_an_application_sent_gets_a_check_in_a_saved_job_does_not(nextsteps: Run) -> None:
    saved = as_json(nextsteps("add", "Acme", "Analyst", "--json"))["id"]
    sent = as_json(nextsteps("add", "Globex", "Engineer", "--applied", "2026-11-02", "--json"))[
        "id"
    ]
    assert as_json(nextsteps("next", str(saved), "--json")) == []
    (check_in,) = as_json(nextsteps("next", str(sent), "--json"))
    assert check_in["kind"] == "check_in"
    assert check_in["due"] == "2026-11-09T09:00:00+00:00"


def test_contact_and_culture_are_kept(nextsteps: Run) -> None:
    application = new_id(
        nextsteps(
            "add",
            "Old Bank",
            "Clerk",
            "--applied",
            "2026-11-02",
            "--culture",
            "traditional",
            "--contact",
            "Jane Doe <jane@oldbank.test>",
        )
    )
    nextsteps("log", application, "interview", "--at", "2026-11-06 10:00")
    kinds = {s["kind"] for s in as_json(nextsteps("next", application, "--json"))}
    assert "handwritten_note" in kinds


def test_bad_input_is_one_line_exit_2_and_nothing_written(nextsteps: Run) -> None:
    for args in (
        ("add", "Acme", "Analyst", "--applied", "next tuesday"),
        ("add", "Acme", "Analyst", "--culture", "quirky"),
        ("add", "Acme", "Analyst", "--contact", "<nobody>"),
        ("add", " ", "Analyst"),
    ):
        result = nextsteps(*args, check=False)
        assert result.returncode == 2, args
        assert result.stderr.startswith("error: "), result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
    assert as_json(nextsteps("list", "--json")) == []
