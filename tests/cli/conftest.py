"""The CLI tests run the real `nextsteps` command in a subprocess, each on a fresh
copy of one migrated SQLite database in a temporary data directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

NEXTSTEPS = str(Path(sys.executable).with_name("nextsteps"))

Run = Callable[..., subprocess.CompletedProcess[str]]


def run_in(data_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "NEXTSTEPS_USER"}}
    env.update(NEXTSTEPS_DATA_DIR=str(data_dir), COLUMNS="200")
    result = subprocess.run(
        [NEXTSTEPS, *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    if check and result.returncode != 0:
        raise AssertionError(f"nextsteps {' '.join(args)} failed:\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def migrated_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("migrated")
    run_in(data_dir, "config", "set", "timezone", "Europe/London")
    run_in(data_dir, "config", "set", "country", "GB")
    return data_dir


@pytest.fixture
def nextsteps(migrated_data_dir: Path, tmp_path: Path) -> Run:
    """`nextsteps(*args)` on a database of its own, already set to Europe/London."""
    for item in migrated_data_dir.iterdir():
        shutil.copy(item, tmp_path / item.name)

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run_in(tmp_path, *args, check=check)

    return run


def as_json(result: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(result.stdout)
