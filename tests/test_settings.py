"""Settings that say no: a bad value stops start-up with one line naming the variable
and what it accepts; nothing is written when the settings load; no Django admin."""

from __future__ import annotations

import os
import re
import runpy
import stat
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from nextsteps.environment import BadSetting, key_in_file, new_secret_key
from tests.cli.conftest import process

SETTINGS_FILE = Path(__file__).resolve().parents[1] / "src" / "nextsteps" / "settings.py"
MISSING = "/no/such/file"

# One bad value for every variable the settings read, and the start of what is said.
BAD = {
    "NEXTSTEPS_DATA_DIR": ("/proc/nextsteps", "NEXTSTEPS_DATA_DIR must be a folder"),
    "NEXTSTEPS_SECRET_KEY": ("  ", "NEXTSTEPS_SECRET_KEY must be a secret, not empty."),
    "NEXTSTEPS_SECRET_KEY_FILE": (MISSING, "NEXTSTEPS_SECRET_KEY_FILE must be a readable file"),
    "NEXTSTEPS_ENCRYPTION_KEY": ("hunter2", "NEXTSTEPS_ENCRYPTION_KEY must be Fernet keys"),
    "NEXTSTEPS_ENCRYPTION_KEY_FILE": (MISSING, "NEXTSTEPS_ENCRYPTION_KEY_FILE must be a readable"),
    "NEXTSTEPS_DEBUG": ("maybe", "NEXTSTEPS_DEBUG must be true or false"),
    "NEXTSTEPS_ALLOWED_HOSTS": ("https://jobs.example.com/", "NEXTSTEPS_ALLOWED_HOSTS must be"),
    "DATABASE_URL": ("mysql://me@db/jobs", "DATABASE_URL must be postgres://"),
    "NEXTSTEPS_DB_CONN_MAX_AGE": ("-1", "NEXTSTEPS_DB_CONN_MAX_AGE must be a number of seconds"),
    "NEXTSTEPS_SIGNUP": ("yes please", "NEXTSTEPS_SIGNUP must be true or false"),
    "NEXTSTEPS_LOGIN_FAILURE_LIMIT": ("0", "NEXTSTEPS_LOGIN_FAILURE_LIMIT must be a number"),
    "NEXTSTEPS_LOGIN_FAILURE_LIMIT_PER_ADDRESS": (
        "5",
        "NEXTSTEPS_LOGIN_FAILURE_LIMIT_PER_ADDRESS must be a number of failed logins, "
        "at least NEXTSTEPS_LOGIN_FAILURE_LIMIT (10)",
    ),
    "NEXTSTEPS_TRUSTED_PROXIES": ("-1", "NEXTSTEPS_TRUSTED_PROXIES must be the number of"),
    "NEXTSTEPS_API_REQUESTS_PER_MINUTE": ("0", "NEXTSTEPS_API_REQUESTS_PER_MINUTE must be a"),
    "NEXTSTEPS_HTTPS": ("ture", "NEXTSTEPS_HTTPS must be true or false"),
    "NEXTSTEPS_SSL_REDIRECT": ("tru", "NEXTSTEPS_SSL_REDIRECT must be true or false"),
    "NEXTSTEPS_HSTS_SECONDS": ("1y", "NEXTSTEPS_HSTS_SECONDS must be a number of seconds"),
    "NEXTSTEPS_TRUST_X_FORWARDED_PROTO": ("2", "NEXTSTEPS_TRUST_X_FORWARDED_PROTO must be true"),
    "NEXTSTEPS_CSRF_TRUSTED_ORIGINS": ("jobs.example.com", "NEXTSTEPS_CSRF_TRUSTED_ORIGINS must"),
    "NEXTSTEPS_SITE_URL": ("jobs.example.com", "NEXTSTEPS_SITE_URL must be a web address"),
    "NEXTSTEPS_USER": (" ", "NEXTSTEPS_USER must be a user name"),
    "NEXTSTEPS_WORKER_POLL_SECONDS": ("five", "NEXTSTEPS_WORKER_POLL_SECONDS must be a number"),
    "NEXTSTEPS_SMTP_TIMEOUT_SECONDS": ("0", "NEXTSTEPS_SMTP_TIMEOUT_SECONDS must be a number"),
    "NEXTSTEPS_SENDING_LEASE_SECONDS": ("10", "NEXTSTEPS_SENDING_LEASE_SECONDS must be a number"),
    "NEXTSTEPS_SYNC_EVERY_SECONDS": ("59", "NEXTSTEPS_SYNC_EVERY_SECONDS must be a number"),
    "NEXTSTEPS_IMAP_TIMEOUT_SECONDS": ("0", "NEXTSTEPS_IMAP_TIMEOUT_SECONDS must be a number"),
    "NEXTSTEPS_IDLE_INBOXES": ("-1", "NEXTSTEPS_IDLE_INBOXES must be a number of inboxes"),
    "NEXTSTEPS_CAPTURE_PRIVATE_NETWORK": ("local", "NEXTSTEPS_CAPTURE_PRIVATE_NETWORK must be"),
}


def load_settings(monkeypatch: pytest.MonkeyPatch, data_dir: Path, **env: str) -> dict:
    """The settings module run afresh on this environment (Django's own stay as they are)."""
    for name in list(os.environ):
        if name.startswith("NEXTSTEPS_") or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("NEXTSTEPS_DATA_DIR", str(data_dir))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def test_every_variable_the_settings_read_has_a_bad_value_here() -> None:
    read = set(re.findall(r'"((?:NEXTSTEPS_\w+?)|DATABASE_URL)"', SETTINGS_FILE.read_text()))
    secrets_from_files = {f"{name}_FILE" for name in read if name.endswith("_KEY")}
    assert read | secrets_from_files == set(BAD)


@pytest.mark.parametrize("name", BAD)
def test_a_bad_value_stops_start_up_with_one_line(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    value, says = BAD[name]
    with pytest.raises(BadSetting) as refused:
        load_settings(monkeypatch, tmp_path, **{name: value})
    message = str(refused.value)
    assert message.startswith(says)
    assert "\n" not in message
    if "KEY" in name and not name.endswith("_FILE"):
        assert value.strip() not in message or not value.strip()  # a secret is never echoed


def test_good_values_are_taken(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    loaded = load_settings(
        monkeypatch,
        tmp_path,
        NEXTSTEPS_HTTPS="On",
        NEXTSTEPS_HSTS_SECONDS="0",
        NEXTSTEPS_SIGNUP="no",
        NEXTSTEPS_CSRF_TRUSTED_ORIGINS="https://jobs.example.com, https://www.example.com",
        NEXTSTEPS_SITE_URL="https://jobs.example.com/",
    )
    assert loaded["SESSION_COOKIE_SECURE"] is True
    assert loaded["SECURE_HSTS_SECONDS"] == 0
    assert loaded["SIGNUP_OPEN"] is False
    assert loaded["CSRF_TRUSTED_ORIGINS"] == ["https://jobs.example.com", "https://www.example.com"]
    assert loaded["SITE_URL"] == "https://jobs.example.com"


def test_the_command_line_says_it_in_one_line(tmp_path: Path) -> None:
    done = process(tmp_path, "list", NEXTSTEPS_HTTPS="ture")
    assert done.returncode == 2
    assert done.stderr == (
        "error: NEXTSTEPS_HTTPS must be true or false (or 1/0, yes/no, on/off), not 'ture'.\n"
    )


def test_loading_the_settings_writes_no_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    loaded = load_settings(monkeypatch, tmp_path)
    assert not list(tmp_path.glob("*key*"))
    secret_key = str(loaded["SECRET_KEY"])  # the first time a page needs it
    (encryption_key,) = loaded["ENCRYPTION_KEYS"]
    assert sorted(p.name for p in tmp_path.glob("*key*")) == ["encryption_key", "secret_key"]
    assert secret_key == (tmp_path / "secret_key").read_text()
    assert encryption_key == (tmp_path / "encryption_key").read_text()
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    again = load_settings(monkeypatch, tmp_path)
    assert str(again["SECRET_KEY"]) == secret_key


def test_processes_asking_at_once_agree_on_one_key(tmp_path: Path) -> None:
    with ProcessPoolExecutor(4) as pool:
        keys = set(pool.map(key_in_file, [tmp_path / "secret_key"] * 8, [new_secret_key] * 8))
    assert len(keys) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]


def test_there_is_no_admin(db: None) -> None:
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    assert Client().get("/admin/").status_code == 404
