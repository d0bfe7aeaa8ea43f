"""What nextsteps keeps on disk is private to its owner: the data directory 0700,
the database, its WAL and shared-memory files and the key files 0600, checked on
the real files a real process makes (issue 12, case 7)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Opens the database and writes to it (so SQLite makes its WAL and shared-memory
# files), reads both keys (so their files are made), then lists every mode while
# the connection is still open.
SCRIPT = """
import os
import django
django.setup()
from django.conf import settings
from django.db import connection
from nextsteps.outreach.crypto import encrypt_password
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS probe (x)")
    cursor.execute("INSERT INTO probe VALUES (1)")
str(settings.SECRET_KEY)
encrypt_password("a password")
data = settings.DATA_DIR
print(".", oct(os.stat(data).st_mode & 0o777))
for name in sorted(os.listdir(data)):
    print(name, oct(os.stat(data / name).st_mode & 0o777))
"""

pytestmark = [
    pytest.mark.processes,
    pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's"),
]


def modes_after_a_run(data_dir: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(
        NEXTSTEPS_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="nextsteps.settings"
    )
    for secret in ("NEXTSTEPS_SECRET_KEY", "NEXTSTEPS_ENCRYPTION_KEY"):
        environment.pop(secret, None)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=environment, umask=0o022,
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return dict(line.split() for line in done.stdout.splitlines())


def test_a_new_data_directory_and_everything_in_it_is_private(tmp_path: Path) -> None:
    modes = modes_after_a_run(tmp_path / "data")
    assert modes == {
        ".": "0o700",
        "encryption_key": "0o600",
        "nextsteps.sqlite3": "0o600",
        "nextsteps.sqlite3-shm": "0o600",
        "nextsteps.sqlite3-wal": "0o600",
        "secret_key": "0o600",
    }


def test_an_older_install_left_readable_is_made_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    for name in ("nextsteps.sqlite3", "nextsteps.sqlite3-wal", "nextsteps.sqlite3-shm"):
        (data / name).touch()
        (data / name).chmod(0o644)
    modes = modes_after_a_run(data)
    assert modes["."] == "0o700"
    for name in ("nextsteps.sqlite3", "nextsteps.sqlite3-wal", "nextsteps.sqlite3-shm"):
        assert modes[name] == "0o600", name
