"""A real web server on loopback that serves the saved postings, and the ways a
site fails: nothing there, no page, too big, too slow, redirects without end."""

from __future__ import annotations

import ssl
import tempfile
import threading
import time
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.certificates import self_signed

PAGES = Path(__file__).parent / "pages"
SLOW = 2.0  # longer than the tests' time limit


class Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        name = self.path.lstrip("/")
        if name == "moved":
            self._answer(302, b"", "text/html", Location="/greenhouse.html")
        elif name == "round":
            self._answer(302, b"", "text/html", Location="/round")
        elif name == "posting.pdf":
            self._answer(200, b"%PDF-1.7", "application/pdf")
        elif name == "big":
            self._answer(200, b"<p>" + b"x" * 5000, "text/html")
        elif name == "big-unsaid":  # no Content-Length: read until it is too much
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"x" * 5000)
        elif name == "slow":
            time.sleep(SLOW)
            self._answer(200, b"<p>late</p>", "text/html")
        elif name == "trickle":  # answers at once, then a byte now and then
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(SLOW / 10)
        elif name == "closed":
            self._answer(503, b"down for maintenance", "text/html")
        elif (PAGES / name).is_file() and name.endswith(".html"):
            self._answer(200, (PAGES / name).read_bytes(), "text/html; charset=utf-8")
        else:
            self._answer(404, b"<h1>Not found</h1>", "text/html")

    def _answer(self, status: int, body: bytes, kind: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the tests' output stays readable


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client nextsteps cut off mid-answer, as the tests mean it to


@cache
def site_address() -> str:
    """The server's address, like http://127.0.0.1:43121, started when first asked
    for; it serves until the tests end."""
    server = QuietServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


@cache
def secure_site() -> tuple[str, Path]:
    """The same site over TLS, on localhost, and the certificate to trust it by."""
    certificate, key = self_signed(Path(tempfile.mkdtemp(prefix="nextsteps-capture-")))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    server = QuietServer(("127.0.0.1", 0), Site)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"https://localhost:{server.server_address[1]}", certificate


@pytest.fixture
def site() -> str:
    return site_address()
