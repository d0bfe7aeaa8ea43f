"""`nextsteps serve`: the real command, serving pages and static files with waitress."""

from __future__ import annotations

import gzip
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

NEXTSTEPS = str(Path(sys.executable).with_name("nextsteps"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return bytes(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture
def server(tmp_path: Path) -> str:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["NEXTSTEPS_DATA_DIR"] = str(tmp_path)
    process = subprocess.Popen(
        [NEXTSTEPS, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        assert process.stdout is not None
        output = process.stdout.read()
        assert f"http://127.0.0.1:{port}/" in output, output


def test_serve_migrates_then_serves_the_pages_and_the_static_files(server: str) -> None:
    page = wait_for(f"{server}/login/")
    assert b"Log in" in page
    (htmx,) = re.findall(rb'src="(/static/nextsteps/htmx\.min\.[0-9a-f]{12}\.js)"', page)
    request = urllib.request.Request(server + htmx.decode(), headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Cache-Control"] == "max-age=31536000, public, immutable"
        assert gzip.decompress(response.read()).startswith(b"/*! htmx 2")
    with urllib.request.urlopen(f"{server}/") as response:  # redirected, first visit
        assert response.url.endswith("/signup/")


def test_links_lead_to_the_address_serve_listens_on(tmp_path: Path) -> None:
    """Without NEXTSTEPS_SITE_URL, the feed links to `serve --port`'s address, and the
    first visit on this computer sets the command line's password."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "NEXTSTEPS_SITE_URL"}}
    env["NEXTSTEPS_DATA_DIR"] = str(tmp_path)

    def nextsteps(*args: str) -> str:
        done = subprocess.run(
            [NEXTSTEPS, *args], env=env, capture_output=True, text=True, check=True, timeout=60
        )
        return done.stdout

    nextsteps("add", "Acme", "Data Analyst", "--applied", time.strftime("%Y-%m-%d"))
    feed_path = "/" + nextsteps("calendar", "url").strip().split("/", 3)[3]
    port = free_port()
    process = subprocess.Popen(
        [NEXTSTEPS, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        feed = wait_for(base + feed_path).decode()
        assert f"{base}/applications/1/" in feed.replace("\r\n ", "")
        assert "127.0.0.1:8000" not in feed
        with urllib.request.urlopen(f"{base}/") as response:
            assert response.url == f"{base}/welcome/"
    finally:
        process.terminate()
        process.wait(timeout=10)
