"""The worker as a process on the SQLite default: it keeps the day's copy, once, and
the README's way of restoring one brings the database back to that day."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.cli.conftest import process

pytestmark = pytest.mark.processes


def test_the_worker_keeps_a_copy_a_day_that_restores(tmp_path: Path) -> None:
    assert process(tmp_path, "add", "Acme", "Data Analyst").returncode == 0
    assert process(tmp_path, "worker", "--once").returncode == 0
    process(tmp_path, "add", "Globex", "Engineer")
    process(tmp_path, "worker", "--once")  # the day's copy is made already

    (copy,) = (tmp_path / "daily-copies").iterdir()
    assert copy.name.startswith("nextsteps-")
    assert copy.suffix == ".sqlite3"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    # As the README says: with nextsteps stopped, the copy replaces the database.
    database = tmp_path / "nextsteps.sqlite3"
    for beside in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        beside.unlink(missing_ok=True)
    database.write_bytes(copy.read_bytes())
    listed = json.loads(process(tmp_path, "list", "--json").stdout)
    assert [row["company"] for row in listed] == ["Acme"]
