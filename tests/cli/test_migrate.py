"""On PostgreSQL the database is migrated on purpose, with `nextsteps migrate`."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import NEXTSTEPS

SERVER_URL = os.environ.get("TEST_DATABASE_URL") or (
    "postgres://postgres@127.0.0.1:5432/nextsteps" if os.environ.get("CI") == "true" else ""
)
pytestmark = [
    pytest.mark.processes,
    pytest.mark.skipif(not SERVER_URL, reason="needs TEST_DATABASE_URL or CI=true"),
]

DATABASE = "nextsteps_cli_test"


@pytest.fixture
def database_url() -> Iterator[str]:
    import psycopg

    server = SERVER_URL.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    yield f"{server}/{DATABASE}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def test_postgresql_asks_for_migrate_then_works(database_url: str, tmp_path: Path) -> None:
    env = dict(os.environ, DATABASE_URL=database_url, NEXTSTEPS_DATA_DIR=str(tmp_path))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [NEXTSTEPS, *args], env=env, capture_output=True, text=True, timeout=120
        )

    refused = run("list")
    assert refused.returncode == 2
    assert refused.stderr == "error: The database needs migrating first: run `nextsteps migrate`.\n"
    assert run("migrate").returncode == 0
    added = run("add", "Acme", "Analyst", "--applied", "2026-11-02").stdout
    assert added.startswith("Saved application 1: Analyst at Acme")
    assert '"kind": "check_in"' in run("next", "1", "--json").stdout
