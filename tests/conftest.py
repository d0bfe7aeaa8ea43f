import os
import tempfile
from collections.abc import Iterator

import pytest
from django.test import override_settings

# Tests never touch the user's real data directory; this runs before Django
# reads its settings.
os.environ.setdefault("NEXTSTEPS_DATA_DIR", tempfile.mkdtemp(prefix="nextsteps-tests-"))

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
