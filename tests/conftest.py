import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings

from tests.dovecot import DOVECOT, Dovecot, Mailbox, running_dovecot

# Argon2 is meant to be slow; every test case makes users. The real hasher is
# checked once, in tests/web/test_signup.py.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_password_hashing() -> Iterator[None]:
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


@pytest.fixture(scope="session", autouse=True)
def static_files() -> None:
    """The hashed, compressed static files, written once, as `nextsteps serve` does:
    the pages name them."""
    from nextsteps.staticfiles import collect_static_files

    collect_static_files()


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """The session's IMAP server, started by the first test that asks for it."""
    if not Path(DOVECOT).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DOVECOT} is missing: .ci/run installs dovecot-imapd")
        pytest.skip(f"{DOVECOT} is missing: apt-get install dovecot-imapd")
    with running_dovecot() as server:
        yield server


@pytest.fixture
def imap_mailbox(dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch) -> Mailbox:
    """A user of its own on the IMAP server, whose certificate the test trusts."""
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot.certificate))
    return dovecot.add_user()
