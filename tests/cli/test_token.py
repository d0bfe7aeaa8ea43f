"""`nextsteps token create NAME | list | revoke ID`."""

from __future__ import annotations

from django.utils import timezone

from nextsteps.api.tokens import owner_of
from tests.cli.conftest import Run, as_json


def test_a_token_is_printed_once_and_stands_for_the_command_lines_user(nextsteps: Run) -> None:
    result = nextsteps("token", "create", "My spreadsheet")
    secret = result.stdout.strip()
    assert "copy it now" in result.stderr
    user = owner_of(secret, timezone.now())
    assert user is not None
    listed = nextsteps("token", "list").stdout
    assert "My spreadsheet" in listed
    assert secret not in listed
    assert "last used" in listed


def test_revoking_it(nextsteps: Run) -> None:
    secret = nextsteps("token", "create", "script").stdout.strip()
    token_id = as_json(nextsteps("token", "list", "--json"))[0]["id"]
    assert (
        nextsteps("token", "revoke", str(token_id)).stdout
        == f"Revoked token {token_id} (script).\n"
    )
    assert owner_of(secret, timezone.now()) is None
    assert as_json(nextsteps("token", "list", "--json")) == []


def test_bad_input_is_one_line_and_exit_2(nextsteps: Run) -> None:
    result = nextsteps("token", "create", " ", check=False)
    assert (result.returncode, result.stderr) == (2, "error: The token's name cannot be empty.\n")
    result = nextsteps("token", "revoke", "99", check=False)
    assert (result.returncode, result.stderr) == (2, "error: There is no token 99.\n")
