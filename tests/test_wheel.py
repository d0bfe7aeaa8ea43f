"""The product as a user installs it: the wheel, built from this checkout, installed
with what requirements.lock pins into a clean virtual environment, where
`nextsteps serve` answers with its pages and its static files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.web.test_serve import free_port, wait_for

REPO = Path(__file__).resolve().parents[1]
# A process of its own, on a data directory of its own: once per make test.
pytestmark = pytest.mark.processes


def run(*args: str | Path) -> None:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(map(str, args))}:\n{done.stdout}\n{done.stderr}"


def test_the_wheel_installs_alone_and_serves(tmp_path: Path) -> None:
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "--wheel-dir", tmp_path / "dist", REPO)  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("nextsteps-*.whl")
    carried = zipfile.ZipFile(wheel).namelist()
    for shipped in (
        "nextsteps/playbook/playbooks/seven-day.toml",
        "nextsteps/playbook/phrases.toml",
        "nextsteps/web/templates/web/today.html",
        "nextsteps/reminders/templates/reminders/digest.txt",
        "nextsteps/outreach/templates/messages/thank_you.txt",
        "nextsteps/web/static/nextsteps/htmx.min.js",
        "nextsteps/tracker/migrations/0001_initial.py",
    ):
        assert shipped in carried, shipped

    # The locked packages, from pip's cache once make has installed them; then the
    # clean environment is filled by this environment's pip, without an index.
    pip = (sys.executable, "-m", "pip")
    wheels = tmp_path / "wheels"
    run(*pip, "download", "--quiet", "--require-hashes", "-r", REPO / "requirements.lock",
        "--dest", wheels)  # fmt: skip
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    into_venv = (*pip, "--python", venv / "bin" / "python")
    run(*into_venv, "install", "--quiet", "--no-index", "--find-links", wheels,
        "--require-hashes", "-r", REPO / "requirements.lock")  # fmt: skip
    run(*into_venv, "install", "--quiet", "--no-index", wheel)  # its requirements: all met
    run(*into_venv, "check")

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NEXTSTEPS_"))}
    server = subprocess.Popen(
        [venv / "bin" / "nextsteps", "serve", "--port", str(port)],
        env={**env, "NEXTSTEPS_DATA_DIR": str(tmp_path / "data")},
        cwd=tmp_path,  # nothing of the checkout on the path
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        page = wait_for(f"http://127.0.0.1:{port}/login/")
        assert b"Log in" in page
        (style,) = re.findall(rb'href="(/static/nextsteps/style\.[0-9a-f]{12}\.css)"', page)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{style.decode()}") as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
