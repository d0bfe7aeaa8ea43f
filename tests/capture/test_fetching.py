"""Fetching a posting's page from a real server: the page, and one sentence for
each way it fails; addresses on private networks refused unless allowed."""

from __future__ import annotations

import socket
import time

import pytest

from nextsteps.capture.fetching import PageRefused, fetch_page
from nextsteps.capture.posting import read_posting
from tests.capture.conftest import secure_site

LARGEST = 4096


def fetch(address: str, seconds: float = 3, private_network: bool = True) -> str:
    page = fetch_page(address, seconds=seconds, largest=LARGEST, private_network=private_network)
    return page.html


def refusal(address: str, seconds: float = 3, private_network: bool = True) -> str:
    with pytest.raises(PageRefused) as refused:
        fetch(address, seconds, private_network)
    return str(refused.value)


def test_a_posting_is_fetched_and_read(site: str) -> None:
    page = fetch_page(f"{site}/lever.html", seconds=3, largest=LARGEST, private_network=True)
    assert read_posting(page.html, page.address).role == "Senior R&D Chemist"
    assert page.address == f"{site}/lever.html"


def test_a_site_over_tls_is_read_when_its_certificate_is_trusted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The certificate names localhost; nextsteps connects to the address it checked.
    address, certificate = secure_site()
    untrusted = refusal(f"{address}/ashby.html")
    assert untrusted == (
        "localhost gave a certificate nextsteps cannot trust, so it did not read the page: "
        "paste the page itself instead."
    )
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
    assert read_posting(fetch(f"{address}/ashby.html")).company == "Quillmark"


def test_a_redirect_is_followed_and_its_address_kept(site: str) -> None:
    page = fetch_page(f"{site}/moved", seconds=3, largest=LARGEST, private_network=True)
    assert page.address == f"{site}/greenhouse.html"
    assert "Lindenfield Robotics" in page.html


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/gone.html", "Nothing is at that address any more (127.0.0.1 answered 404): "),
        ("/closed", "127.0.0.1 answered 503 Service Unavailable: open the posting in your "),
        ("/posting.pdf", "That address sends application/pdf, not a web page: paste the page"),
        ("/big", "The page is larger than the 0.00390625 MB nextsteps reads: paste the page"),
        ("/big-unsaid", "The page is larger than the 0.00390625 MB nextsteps reads: paste"),
        ("/round", "That address sends nextsteps on more than 5 redirects: paste the page"),
    ],
    ids=["not found", "a server error", "not a page", "too big", "too big, unsaid", "a loop"],
)
def test_a_page_that_cannot_be_read_is_refused_in_one_sentence(
    site: str, path: str, says: str
) -> None:
    assert refusal(f"{site}{path}").startswith(says)


@pytest.mark.parametrize("path", ["/slow", "/trickle"], ids=["silent", "a byte at a time"])
def test_a_slow_site_is_given_up_on_when_the_time_is_up(site: str, path: str) -> None:
    began = time.monotonic()
    says = refusal(f"{site}{path}", seconds=0.5)
    assert says == (
        "127.0.0.1 took more than 0.5 seconds to send the page: paste the page itself instead."
    )
    assert time.monotonic() - began < 1.5


def test_a_closed_port_and_an_unknown_site_are_said() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    assert refusal(f"http://127.0.0.1:{port}/") == (
        "127.0.0.1 refused the connection: paste the page itself instead."
    )
    assert refusal("https://no-such-host.invalid/jobs/1") == (
        "nextsteps found no site called no-such-host.invalid: check the address."
    )


@pytest.mark.parametrize(
    "address",
    [
        "ftp://jobs.example.com/1",
        "file:///etc/passwd",
        "jobs.example.com/posting/1",
        "https:///posting",
        "http://jobs.example.com:port/",
    ],
)
def test_only_web_addresses_are_fetched(address: str) -> None:
    assert refusal(address) == (
        "nextsteps fetches web addresses that begin with http:// or https://, like "
        "https://jobs.example.com/posting/123."
    )


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "[::1]",
        "10.1.2.3",
        "192.168.0.10",
        "172.16.5.4",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "[::ffff:127.0.0.1]",
        "[fe80::1]",
        "[fd00::1]",
        "224.0.0.1",
    ],
)
def test_an_address_on_a_private_network_is_refused_by_default(host: str) -> None:
    hostname = host.strip("[]")
    assert refusal(f"http://{host}/jobs/1", private_network=False) == (
        f"nextsteps does not fetch pages from {hostname}, an address on a private or local "
        "network: paste the page itself instead."
    )


def test_a_redirect_to_a_private_network_is_refused_too(site: str) -> None:
    # The first address is allowed here; the server sends nextsteps on to another
    # address of the private network, which the same check refuses.
    assert "private or local network" in refusal(f"{site}/moved", private_network=False)
