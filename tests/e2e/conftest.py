"""The end-to-end tests drive Debian's Chromium with Playwright against a live
server. They are skipped, saying why, only when /usr/bin/chromium is missing
(.ci/run installs it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Playwright's sync API runs an event loop in the test's thread; the ORM calls the
# tests make around it are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install chromium")
    for item in items:
        if "tests/e2e" in str(item.path).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class WhiteNoiseLiveServer(LiveServer):
    """pytest-django's live server, with the static files served as `nextsteps serve`
    serves them (WhiteNoise, hashed names) rather than by Django's development
    handler, which knows only the names as written."""

    def __init__(self, addr: str) -> None:
        from django.test.testcases import LiveServerThread

        super().__init__(addr, start=False)
        development = self.thread
        self.thread = LiveServerThread(
            development.host,
            static_handler=lambda application: application,
            connections_override=development.connections_override,
            port=development.port,
        )
        self.thread.daemon = True
        self.start()


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    server = WhiteNoiseLiveServer(os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
    yield server
    server.stop()
