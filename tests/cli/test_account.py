"""`nextsteps account password`: the command line's user gets the password it logs in
to the web pages with, hashed as configured (argon2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from tests.cli.conftest import Run, process

PASSWORD = "a sturdy passphrase"


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_password_from_standard_input_then_the_browser_logs_in(nextsteps: Run) -> None:
    result = nextsteps("account", "password", "--password-stdin", stdin=PASSWORD + "\n")
    assert result.stdout == "Password set: log in to the web pages as me.\n"
    me = User.objects.get(username="me")
    assert me.password.startswith("argon2")
    browser = Client()
    response = browser.post("/login/", {"username": "me", "password": PASSWORD})
    assert response.status_code == 302
    assert browser.get("/").status_code == 200


def test_asked_twice_at_the_prompt(nextsteps: Run) -> None:
    nextsteps("account", "password", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert User.objects.get(username="me").check_password(PASSWORD)


def test_changed_later(nextsteps: Run) -> None:
    nextsteps("account", "password", "--password-stdin", stdin=PASSWORD + "\n")
    nextsteps("account", "password", "--password-stdin", stdin="another sturdy one\n")
    assert User.objects.get(username="me").check_password("another sturdy one")


def test_a_weak_or_missing_password_is_one_line_and_nothing_changes(nextsteps: Run) -> None:
    for stdin, refusal in (("password\n", "too common"), ("\n", "No password")):
        result = nextsteps("account", "password", "--password-stdin", stdin=stdin, check=False)
        assert result.returncode == 2
        assert refusal in result.stderr
        assert result.stderr.count("\n") == 1
    assert not User.objects.get(username="me").has_usable_password()


@pytest.mark.processes
def test_a_real_process_with_the_password_piped_in(tmp_path: Path) -> None:
    done = process(tmp_path, "account", "password", "--password-stdin", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    assert PASSWORD.encode() not in (tmp_path / "nextsteps.sqlite3").read_bytes()
