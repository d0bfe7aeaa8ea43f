"""Fetching a posting's page from its address, for the server that runs nextsteps:
http and https only, within a few seconds and a few megabytes, and never from an
address on a private, loopback, link-local or reserved network unless the server
allows it, so that nextsteps cannot be used to reach what only it can reach. Every
failure is one sentence (PageRefused)."""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MOST_REDIRECTS = 5
CHUNK = 65_536
# Some sites answer an unnamed program with an error page.
AGENT = "Mozilla/5.0 (compatible; nextsteps job capture)"
ELSEWHERE = "paste the page itself instead"
_HEADERS = {"User-Agent": AGENT, "Accept": "text/html,application/xhtml+xml"}


class PageRefused(Exception):
    """The page could not be fetched; the message says why in one sentence."""


@dataclass(frozen=True)
class Page:
    html: str
    address: str  # where it was found, after any redirect


def fetch_page(
    address: str, *, seconds: float, largest: int, private_network: bool = False
) -> Page:
    """The page at `address`, following up to five redirects, each checked as the
    first; within `seconds` in all, and at most `largest` bytes."""
    deadline = time.monotonic() + seconds
    for _ in range(MOST_REDIRECTS + 1):
        parts = _checked(address)
        host = parts.hostname or ""
        addresses = _addresses_to_use(host, parts, private_network, deadline, seconds)
        connection = _connection(parts, addresses, max(0.01, deadline - time.monotonic()))
        try:
            connection.connect()
            # A site sending a byte at a time is cut off when the time is up.
            watchdog = threading.Timer(deadline - time.monotonic(), _cut, [connection.sock])
            watchdog.start()
            try:
                connection.request("GET", _target(parts), headers=_HEADERS)
                response = connection.getresponse()
                if response.status in REDIRECTS and response.getheader("Location"):
                    address = urljoin(address, response.getheader("Location", ""))
                    continue
                return Page(_body(response, host, largest, deadline), address)
            finally:
                watchdog.cancel()
        except (OSError, http.client.HTTPException) as failure:
            raise PageRefused(_why(failure, host, seconds, deadline)) from None
        finally:
            connection.close()
    raise PageRefused(
        f"That address sends nextsteps on more than {MOST_REDIRECTS} redirects: {ELSEWHERE}."
    )


def _why(failure: Exception, host: str, seconds: float, deadline: float) -> str:
    if time.monotonic() >= deadline - 0.05:
        return f"{host} took more than {seconds:g} seconds to send the page: {ELSEWHERE}."
    if isinstance(failure, ssl.SSLCertVerificationError):
        return (
            f"{host} gave a certificate nextsteps cannot trust, so it did not read the page: "
            f"{ELSEWHERE}."
        )
    if isinstance(failure, ConnectionRefusedError):
        return f"{host} refused the connection: {ELSEWHERE}."
    return f"{host} stopped answering before the page was sent: {ELSEWHERE}."


def _checked(address: str) -> SplitResult:
    try:
        parts = urlsplit(address.strip())
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 (a port that is no number raises ValueError)
    except ValueError:
        valid = False
    if not valid:
        raise PageRefused(
            "nextsteps fetches web addresses that begin with http:// or https://, like "
            "https://jobs.example.com/posting/123."
        )
    return parts


def _addresses_to_use(
    host: str, parts: SplitResult, private_network: bool, deadline: float, seconds: float
) -> list[str]:
    """The IP addresses to connect to, checked once and then used: a name that
    resolves elsewhere the second time is not asked again."""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    answer: list[Any] = []
    # The system's resolver has no time limit of its own: it is left to finish
    # alone when the time is up.
    looking_up = threading.Thread(target=lambda: answer.append(_looked_up(host, port)), daemon=True)
    looking_up.start()
    looking_up.join(max(0.0, deadline - time.monotonic()))
    if not answer:
        raise PageRefused(
            f"nextsteps could not find {host} within {seconds:g} seconds: {ELSEWHERE}."
        )
    found = answer[0]
    if found is None:
        raise PageRefused(f"nextsteps found no site called {host}: check the address.")
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    if not private_network and not all(_is_public(a) for a in addresses):
        raise PageRefused(
            f"nextsteps does not fetch pages from {host}, an address on a private or local "
            f"network: {ELSEWHERE}."
        )
    return addresses


def _looked_up(host: str, port: int) -> list[Any] | None:
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _connection(
    parts: SplitResult, addresses: list[str], seconds: float
) -> http.client.HTTPConnection:
    host, port = parts.hostname or "", parts.port
    connection = (
        http.client.HTTPSConnection(
            host, port, timeout=seconds, context=ssl.create_default_context()
        )
        if parts.scheme == "https"
        else http.client.HTTPConnection(host, port, timeout=seconds)
    )

    def to_a_checked_address(
        address: tuple[str, int], timeout: float, source: tuple[str, int] | None = None
    ) -> socket.socket:
        # Each in turn, as for any name; the certificate and the Host header still
        # name the host.
        for ip in addresses[:-1]:
            with contextlib.suppress(OSError):
                return socket.create_connection((ip, address[1]), timeout, source)
        return socket.create_connection((addresses[-1], address[1]), timeout, source)

    connection._create_connection = to_a_checked_address  # type: ignore[attr-defined]
    return connection


def _target(parts: SplitResult) -> str:
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _cut(connection: socket.socket) -> None:
    with contextlib.suppress(OSError, ValueError):  # already closed
        connection.shutdown(socket.SHUT_RDWR)


def _body(response: http.client.HTTPResponse, host: str, largest: int, deadline: float) -> str:
    if response.status in (404, 410):
        raise PageRefused(
            f"Nothing is at that address any more ({host} answered {response.status}): "
            "the posting may have closed."
        )
    if response.status >= 400:
        raise PageRefused(
            f"{host} answered {response.status} {response.reason}: open the posting in your "
            f"browser and {ELSEWHERE}."
        )
    kind = response.headers.get_content_type()
    if kind not in PAGE_TYPES:
        raise PageRefused(f"That address sends {kind}, not a web page: {ELSEWHERE}.")
    too_big = PageRefused(
        f"The page is larger than the {largest / 1_048_576:g} MB nextsteps reads: "
        f"{ELSEWHERE}, or the part with the posting."
    )
    length = response.getheader("Content-Length", "")
    if length.isdigit() and int(length) > largest:
        raise too_big
    received = bytearray()
    while chunk := response.read(CHUNK):
        received += chunk
        if len(received) > largest:
            raise too_big
        if time.monotonic() > deadline:
            raise TimeoutError
    charset = response.headers.get_content_charset() or "utf-8"
    try:
        return received.decode(charset, errors="replace")
    except LookupError:  # a character set Python does not know
        return received.decode("utf-8", errors="replace")
