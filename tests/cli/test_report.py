"""`nextsteps report`: the record of the search as CSV on standard output or in a
file, as a PDF whose pages show every row, written whole or not at all; days that are
no range are refused in one line, exit code 2."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.cli.conftest import Run, new_id
from tests.pdfs import inked, pdf_pages, pdf_text


def search(nextsteps: Run) -> None:
    """Applied to Acme on 26 October, interviewed on the 3rd of November and followed
    up on the 10th; applied to Globex on the 27th; a course on the 28th."""
    acme = new_id(
        nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26",
                  "--contact", "Jane Doe <jane@acme.example>")
    )  # fmt: skip
    nextsteps("log", acme, "interview", "--at", "2026-11-03 10:00")
    nextsteps("log", acme, "follow-up", "--at", "2026-11-10 09:00", "--channel", "email")
    nextsteps("add", "Globex", "Engineer", "--applied", "2026-10-27")
    nextsteps("activity", "add", "learning", "SQL course", "--at", "2026-10-28")
    nextsteps("activity", "done", "1", "--at", "2026-10-28")


def test_csv_goes_to_standard_output(nextsteps: Run) -> None:
    search(nextsteps)
    out = nextsteps("report", "--from", "2026-10-26", "--to", "2026-11-01", "--format", "csv")
    found = list(csv.reader(io.StringIO(out.stdout.removeprefix("\ufeff"))))
    assert found[0] == ["Date", "Activity", "Employer", "Position", "Contact", "Method", "Result"]
    assert [(row[0], row[1], row[2]) for row in found[1:]] == [
        ("2026-10-26", "Applied", "Acme"),
        ("2026-10-27", "Applied", "Globex"),
        ("2026-10-28", "Learning: SQL course", ""),
    ]
    assert found[1][4:] == ["Jane Doe, jane@acme.example", "", "Interview held, 2026-11-03"]
    assert found[2][6] == "No answer yet"


def test_a_pdf_is_written_whole_to_the_file_named(nextsteps: Run, tmp_path: Path) -> None:
    search(nextsteps)
    target = tmp_path / "proof.pdf"
    done = nextsteps("report", "--from", "2026-10-26", "--to", "2026-11-15", "--out", str(target))
    assert done.stdout == f"5 entries from 2026-10-26 to 2026-11-15.\nWrote {target}.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["proof.pdf"]  # no scratch file left
    assert target.stat().st_mode & 0o077 == 0  # names of people: the owner's alone
    body = target.read_bytes()
    assert all(inked(page) for page in pdf_pages(body))
    lines = [" ".join(line.split()) for line in pdf_text(body).splitlines()]
    assert "Mon 26 Oct 2026 to Sun 1 Nov 2026: 2 applications and 1 other activity." in lines
    assert any(line.startswith("Tue 10 Nov 2026 Followed up Acme Data Analyst") for line in lines)
    assert "Mon 9 Nov 2026 to Sun 15 Nov 2026: 1 follow-up." in lines


def test_the_format_follows_the_files_ending(nextsteps: Run, tmp_path: Path) -> None:
    search(nextsteps)
    target = tmp_path / "proof.csv"
    nextsteps("report", "--from", "2026-10-26", "--out", str(target))
    assert target.read_bytes().startswith("\ufeffDate,Activity".encode())


def test_days_that_are_no_range_are_refused_in_one_line(nextsteps: Run, tmp_path: Path) -> None:
    for args, sentence in [
        (("--from", "2026-11-15", "--to", "2026-11-01"),
         "The report's last day (2026-11-01) comes before the report's first day (2026-11-15)."),
        (("--from", "15/11/2026"),
         "The report's first day must be a date like 2026-11-13, not '15/11/2026'."),
        (("--from", "2026-11-01", "--to", "2099-01-01"),
         "The report's last day must be within two years from today, not 2099-01-01."),
        (("--from", "2026-11-01", "--format", "xlsx"), "'xlsx' is not one of 'pdf', 'csv'."),
    ]:  # fmt: skip
        refused = nextsteps("report", *args, "--out", str(tmp_path / "r.pdf"), check=False)
        assert refused.returncode == 2, args
        assert refused.stderr.startswith("error: ")
        assert sentence in refused.stderr
        assert len(refused.stderr.splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_a_file_that_cannot_be_written_is_said_so(nextsteps: Run, tmp_path: Path) -> None:
    refused = nextsteps(
        "report", "--from", "2026-11-01", "--out", str(tmp_path / "no" / "r.pdf"), check=False
    )
    assert refused.returncode == 2
    assert (
        refused.stderr
        == f"error: Cannot write {tmp_path / 'no' / 'r.pdf'}: No such file or directory.\n"
    )


def test_without_out_a_pdf_is_named_for_its_days(
    nextsteps: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    done = nextsteps("report", "--from", "2026-10-26", "--to", "2026-11-01")
    assert done.stdout.endswith("\nWrote work-search-2026-10-26-to-2026-11-01.pdf.\n")
    assert (tmp_path / "work-search-2026-10-26-to-2026-11-01.pdf").read_bytes().startswith(b"%PDF")
