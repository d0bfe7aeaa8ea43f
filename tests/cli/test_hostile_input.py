"""The command line's cases of careless and hostile input from issue 12, each named
after what it protects: one line of error, exit code 2, nothing written, and text
from users shown on the terminal, never acted on."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextsteps.tracker.models import Application, Company, Contact, Event
from tests.cli.conftest import Run, as_json, new_id, process

FAR = "9999-12-31"


def refused(nextsteps: Run, *args: str) -> str:
    """The one line a refusal prints, after checking it is one line and exit code 2."""
    result = nextsteps(*args, check=False)
    assert result.returncode == 2, (args, result.stderr)
    assert result.stderr.startswith("error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.fixture
def applied(nextsteps: Run) -> str:
    return new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-11-02"))


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("add", "Acme", "Dev", "--applied", FAR), "cannot be in the future"),
        (("add", "Acme", "Dev", "--applied", "0001-01-01"), "cannot be before 1970"),
        (("log", "{id}", "follow-up", "--at", f"{FAR} 10:00"), "in the future"),
        (("log", "{id}", "reply", "--decision-by", FAR), "within two years from today"),
        (("log", "{id}", "reply", "--wait-until", FAR), "within two years from today"),
        (("today", "--on", FAR), "The day must be within two years from today"),
        (("digest", "--on", FAR), "The day must be within two years from today"),
    ],
    ids=[
        "applied at the end of the calendar",
        "applied in year one",
        "followed up at the end of the calendar",
        "a decision at the end of the calendar",
        "waiting until the end of the calendar",
        "today at the end of the calendar",
        "the digest at the end of the calendar",
    ],
)
def test_a_date_nextsteps_cannot_plan_with_is_one_line_not_a_traceback(
    nextsteps: Run, applied: str, args: tuple[str, ...], says: str
) -> None:
    events = Event.objects.count()
    assert says in refused(nextsteps, *(a.replace("{id}", applied) for a in args))
    assert Event.objects.count() == events
    assert Application.objects.count() == 1


def test_nothing_is_recorded_in_the_future_from_the_command_line(
    nextsteps: Run, applied: str
) -> None:
    says = refused(nextsteps, "log", applied, "interview", "--at", "2030-01-01 10:00")
    assert "An interview cannot be held in the future: record it as booked instead." in says
    nextsteps("log", applied, "interview-scheduled", "--at", "2027-01-05 10:00")


@pytest.mark.parametrize(
    "args",
    [
        ("add", "Acme", "Dev", "--applied", ""),
        ("log", "{id}", "reply", "--at", ""),
        ("log", "{id}", "reply", "--decision-by", ""),
        ("today", "--on", ""),
        ("digest", "--on", ""),
        ("add", "Acme", "Dev", "--contact", ""),
    ],
    ids=["--applied", "--at", "--decision-by", "today --on", "digest --on", "--contact"],
)
def test_an_empty_option_is_refused_not_taken_as_absent(
    nextsteps: Run, applied: str, args: tuple[str, ...]
) -> None:
    refused(nextsteps, *(a.replace("{id}", applied) for a in args))
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("add", "x" * 102_400, "Dev"), "at most 200 characters long, not 102,400"),
        (("add", "Acme", "x" * 102_400), "at most 200 characters long, not 102,400"),
        (
            ("mail-account", "set", "--host", "x" * 102_400, "--port", "587",
             "--security", "starttls", "--from", "a@example.com"),
            "at most 255 characters long",
        ),
        (("add", "\udcff\udcfeAcme", "Dev"), "holds bytes that are not text (UTF-8)"),
        (("add", "Acme", "Dev", "--contact", "jane@acme.example"), "needs the person's name"),
        (
            ("add", "CrlfCo", "Dev", "--contact", "Jane\r\nBcc: x@example.com <jane@example.com>"),
            "must be one line",
        ),
        (("demo", "--timezone", "Mars/Olympus"), "Unknown timezone 'Mars/Olympus'"),
        (("config", "set", "weekly_target", "²"), "whole number from 0 to 100, not '²'"),
    ],
    ids=[
        "a 100 KB company",
        "a 100 KB role",
        "a 100 KB host",
        "a name that is not UTF-8",
        "an address taken for a name",
        "a header smuggled into a contact",
        "a timezone on Mars",
        "a superscript two",
    ],
)  # fmt: skip
def test_what_the_web_refuses_the_command_line_refuses_too(
    nextsteps: Run, args: tuple[str, ...], says: str
) -> None:
    assert says in refused(nextsteps, *args)
    assert not Company.objects.exists()
    assert not Contact.objects.exists()


def test_a_subdivision_without_a_country_is_refused(nextsteps: Run) -> None:
    nextsteps("config", "set", "country", "")
    assert "set the country first" in refused(nextsteps, "config", "set", "subdivision", "ZZ")
    assert "subdivision = \n" in nextsteps("config", "show").stdout


@pytest.mark.processes
def test_a_note_that_is_not_utf8_is_refused_by_the_real_command(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 reach the program as they are typed in a shell."""
    import os
    import subprocess

    from tests.cli.conftest import NEXTSTEPS

    environment = {**os.environ, "NEXTSTEPS_DATA_DIR": str(tmp_path)}
    environment.pop("DATABASE_URL", None)
    done = subprocess.run(
        [NEXTSTEPS.encode(), b"add", b"Acme \xff\xfe", b"Dev"], env=environment,
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert (
        done.stderr
        == b"error: The company's name holds bytes that are not text (UTF-8): type it again.\n"
    )
    assert as_json(process(tmp_path, "list", "--json")) == []


def test_escape_sequences_in_stored_names_are_shown_not_sent_to_the_terminal(
    nextsteps: Run, applied: str
) -> None:
    # Names stored before the rule, or by another surface in the future.
    Company.objects.update(name="Evil\x1b]0;owned\x07 Co")
    Application.objects.update(role="Dev\x1b[2J\u202e")
    Event.objects.update(note="line one\nline \x1b[31mtwo")
    for args in (("list",), ("show", applied), ("next", applied), ("today", "--on", "2026-11-09")):
        shown = nextsteps(*args).stdout
        assert not {"\x1b", "\x07", "\u202e"} & set(shown), args
    listed = nextsteps("list").stdout
    assert r"Evil\x1b]0;owned\x07 Co" in listed
    assert r"Dev\x1b[2J\u202e" in listed
    assert r"line \x1b[31mtwo" in nextsteps("show", applied).stdout


def test_a_name_written_like_markup_is_shown_as_typed(nextsteps: Run, applied: str) -> None:
    Company.objects.update(name="[/] [bold]Acme[/bold]")
    assert "[/] [bold]Acme[/bold]" in nextsteps("list").stdout


def test_a_file_that_is_not_utf8_is_one_line_not_a_traceback(
    nextsteps: Run, tmp_path: Path
) -> None:
    latin1 = tmp_path / "letter.txt"
    latin1.write_bytes(b"Subject: Merci\n\nJ'ai appr\xe9ci\xe9 notre entretien.\n")
    assert "FILE must be text in UTF-8" in refused(nextsteps, "tone", str(latin1))
