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
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
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


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core, which npm installs from tests/e2e/package-lock.json (`make e2e-tools`)."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make e2e-tools` installs it (npm ci in tests/e2e)")
    return AXE.read_text(encoding="utf-8")


# What a page must not have: axe's serious and critical findings, as
# "rule: help (the first elements it found)".
SERIOUS_VIOLATIONS = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
      return `${v.id}: ${v.help} (${where})`;
    });
}"""


def serious_violations(page: Any) -> list[str]:
    """axe's serious and critical findings on the page, run by the script a context
    gets with `context.add_init_script(axe_script)`."""
    return list(page.evaluate(SERIOUS_VIOLATIONS))


def sideways_scroll(page: Any) -> int:
    """How many pixels the document is wider than the window (0: none)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    return max(0, int(width) - int(page.viewport_size["width"]))


def log_in(page: Any, base: str, username: str, password: str) -> None:
    """Log in through the login page, as a person does, and wait for Today."""
    page.goto(f"{base}/login/")
    page.get_by_label("Username:", exact=True).fill(username)
    page.get_by_label("Password:", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/")
