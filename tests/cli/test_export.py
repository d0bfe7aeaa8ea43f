"""`nextsteps export FILE [--format csv|vcard]`: the applications for a spreadsheet,
the contacts for an address book."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.cli.conftest import Run


def test_the_applications_as_a_spreadsheet(nextsteps: Run, tmp_path: Path) -> None:
    nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-11-02",
              "--contact", "Jane Doe <jane@acme.example>")  # fmt: skip
    nextsteps("add", "=cmd|' /C calc'!A0", "Role")
    file = tmp_path / "applications.csv"

    result = nextsteps("export", str(file))

    assert result.stdout == f"Wrote {file}.\n"
    text = file.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("company,role,stage,applied date,url")
    assert "Acme,Data Analyst,applied,2026-11-02," in text
    assert "Jane Doe <jane@acme.example>" in text
    assert "\r\n'=cmd|' /C calc'!A0,Role,saved," in text
    assert stat.S_IMODE(file.stat().st_mode) == 0o600


def test_the_contacts_as_vcards_by_the_files_name(nextsteps: Run, tmp_path: Path) -> None:
    nextsteps("add", "Acme", "Data Analyst", "--contact", "Jane Doe <jane@acme.example>")
    file = tmp_path / "people.vcf"
    nextsteps("export", str(file))
    text = file.read_bytes().decode()
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "EMAIL;TYPE=INTERNET:jane@acme.example\r\n" in text


def test_to_standard_output(nextsteps: Run) -> None:
    nextsteps("add", "Acme", "Data Analyst", "--contact", "Jane Doe <jane@acme.example>")
    assert "FN:Jane Doe" in nextsteps("export", "-", "--format", "vcard").stdout
    assert nextsteps("export", "-").stdout.startswith("\ufeffcompany,role,")


def test_a_file_it_cannot_write_is_one_sentence(nextsteps: Run, tmp_path: Path) -> None:
    result = nextsteps("export", str(tmp_path / "missing" / "x.csv"), check=False)
    assert result.returncode == 2
    missing = tmp_path / "missing" / "x.csv"
    assert result.stderr == f"error: Cannot write {missing}: No such file or directory.\n"
    assert not list(tmp_path.iterdir())
