"""`nextsteps backup FILE` and `nextsteps restore FILE`: the whole account to a file
and back, all of it or nothing with one sentence."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from django.test import override_settings

from tests.cli.conftest import Run, as_json, new_id


def search(nextsteps: Run) -> None:
    application = new_id(
        nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26",
                  "--contact", "Jane Doe <jane@acme.example>")
    )  # fmt: skip
    nextsteps("log", application, "interview", "--at", "2026-11-05 10:00")


def test_backup_then_restore_into_another_account(nextsteps: Run, tmp_path: Path) -> None:
    search(nextsteps)
    file = tmp_path / "me.json"

    assert nextsteps("backup", str(file)).stdout == f"Wrote {file}.\n"
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert json.loads(file.read_bytes())["account"]["username"] == "me"
    with override_settings(CLI_USERNAME="copy"):
        restored = nextsteps("restore", str(file))
        listed = as_json(nextsteps("list", "--json"))

    assert restored.stdout == (
        f"Restored {file} into the account copy: 1 contacts, 1 applications, 2 events.\n"
    )
    assert [(row["company"], row["stage"]) for row in listed] == [("Acme", "interviewing")]


def test_to_standard_output(nextsteps: Run) -> None:
    search(nextsteps)
    assert json.loads(nextsteps("backup", "-").stdout)["applications"][0]["role"] == "Data Analyst"


def test_restore_refuses_an_account_that_holds_something(nextsteps: Run, tmp_path: Path) -> None:
    search(nextsteps)
    nextsteps("backup", str(tmp_path / "me.json"))
    result = nextsteps("restore", str(tmp_path / "me.json"), check=False)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "error: The account me already holds companies: restore into a new account "
        "(NEXTSTEPS_USER=another-name) or a new database.\n"
    )


def test_restore_refuses_what_it_cannot_read_in_one_sentence(
    nextsteps: Run, tmp_path: Path
) -> None:
    search(nextsteps)
    nextsteps("backup", str(tmp_path / "me.json"))
    newer = json.loads((tmp_path / "me.json").read_bytes()) | {"version": 9}
    (tmp_path / "newer.json").write_text(json.dumps(newer))
    (tmp_path / "sheet.csv").write_text("company,role\nAcme,Analyst\n")
    with override_settings(CLI_USERNAME="copy"):
        answers = {
            name: nextsteps("restore", str(tmp_path / name), check=False)
            for name in ("newer.json", "sheet.csv", "missing.json")
        }
        assert as_json(nextsteps("list", "--json")) == []
    assert {result.returncode for result in answers.values()} == {2}
    assert answers["newer.json"].stderr == (
        f"error: {tmp_path}/newer.json was made by a newer nextsteps (backup format 9, this "
        "one reads up to 1): upgrade nextsteps, then restore it.\n"
    )
    assert answers["sheet.csv"].stderr == (
        f"error: {tmp_path}/sheet.csv is not a nextsteps backup: it is not JSON (Expecting "
        "value at line 1).\n"
    )
    assert answers["missing.json"].stderr == (
        f"error: Cannot read {tmp_path}/missing.json: No such file or directory.\n"
    )
