"""nextsteps' settings from the environment. Each helper gives a variable's value, or
its default when it is unset, or stops start-up with one line naming the variable and
what it accepts: a typo must not quietly turn a protection off."""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from nextsteps.private_files import private_folder

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


class BadSetting(Exception):
    """A variable holds what nextsteps cannot use; the message is the one line that
    stops start-up (the command line prints it without a traceback)."""


def refused(name: str, accepts: str, value: str | None = None) -> BadSetting:
    """Names the variable and what it accepts; `value` is left out for secrets."""
    shown = "" if value is None else f", not {value!r}"
    return BadSetting(f"{name} must be {accepts}{shown}.")


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE | FALSE:
        return value.strip().lower() in TRUE
    raise refused(name, "true or false (or 1/0, yes/no, on/off)", value)


def envint(name: str, default: int, accepts: str, minimum: int = 0) -> int:
    """A whole number from `minimum` up; `accepts` says what it counts, for the error."""
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value.strip())
    except ValueError:
        number = minimum - 1
    if number < minimum:
        raise refused(name, accepts, value)
    return number


def envtext(name: str, default: str, accepts: str = "a name, not empty") -> str:
    value = os.environ.get(name)
    if value is None:
        return default
    if not value.strip():
        raise refused(name, accepts, value)
    return value.strip()


def envlist(name: str, default: str, accepts: str, each: Callable[[str], bool]) -> list[str]:
    """A comma list, each part passing `each`."""
    value = os.environ.get(name, default)
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not all(each(part) for part in parts):
        raise refused(name, accepts, value)
    return parts


def is_web_address(text: str) -> bool:
    """`https://jobs.example.com` (a path is allowed, as behind a proxy)."""
    parts = urlsplit(text)
    return parts.scheme in {"http", "https"} and bool(parts.netloc) and not parts.query


def envsecret(name: str) -> str | None:
    """A secret from `NAME`, or from the file named by `NAME_FILE` (Docker-style); its
    value never appears in an error."""
    if name in os.environ:
        if not os.environ[name].strip():
            raise refused(name, "a secret, not empty")
        return os.environ[name].strip()
    path = os.environ.get(f"{name}_FILE")
    if path is None:
        return None
    try:
        secret = Path(path).read_text().strip()
    except OSError as exc:
        raise refused(f"{name}_FILE", f"a readable file ({exc.strerror}: {path})") from None
    if not secret:
        raise refused(f"{name}_FILE", f"a file holding the secret ({path} is empty)")
    return secret


def fernet_keys(name: str, text: str) -> list[str]:
    """Comma-separated Fernet keys, newest first: 32 bytes of URL-safe base64 each."""
    keys = [key.strip() for key in text.split(",") if key.strip()]
    try:
        valid = bool(keys) and all(len(base64.urlsafe_b64decode(k)) == 32 for k in keys)
    except (binascii.Error, ValueError):
        valid = False
    if not valid:
        raise refused(name, "Fernet keys, comma-separated (44 characters of base64 each)")
    return keys


def key_in_file(path: Path, new_key: Callable[[], str]) -> str:
    """The key kept in `path`, which holds `new_key()` from the first time it is
    asked for. Two processes asking at once agree on one key: each writes its own to
    a file of its own, and only the first hard link to `path` succeeds."""
    if not path.exists():
        private_folder(path.parent)
        mine = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(mine, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(new_key())
        try:
            os.link(mine, path)
        except FileExistsError:
            pass  # another process was first: its key counts
        finally:
            mine.unlink()
    return path.read_text().strip()


def new_secret_key() -> str:
    return secrets.token_urlsafe(50)


def new_fernet_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
