"""Mail passwords at rest: encrypted with the key(s) in settings.ENCRYPTION_KEYS."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class KeyMismatch(RuntimeError):
    """The stored password was encrypted with a key this machine does not have."""


def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.strip().encode()) for key in settings.ENCRYPTION_KEYS])


def encrypt_password(password: str) -> str:
    return _fernet().encrypt(password.encode()).decode()


def decrypt_password(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise KeyMismatch(
            "The mail password cannot be decrypted with this machine's NEXTSTEPS_ENCRYPTION_KEY;"
            " set the same key everywhere, or enter the password again."
        ) from None
