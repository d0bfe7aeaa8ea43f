from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import override_settings

# Argon2 is meant to be slow; the web tests make many users and check the real
# hasher once (test_signup.py).
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_password_hashing() -> Iterator[None]:
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield
