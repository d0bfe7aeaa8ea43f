"""No secret in a log line: the calendar token and passwords or keys in addresses."""

from __future__ import annotations

import pytest

from nextsteps.logs import hide_secrets


@pytest.mark.parametrize(
    ("line", "logged"),
    [
        (
            "Internal Server Error: /calendar/Zq3-x_9aB.ics",
            "Internal Server Error: /calendar/[hidden].ics",
        ),
        (
            'GET http://h/calendar/Zq3-x_9aB.ics?x=1 "500"',
            'GET http://h/calendar/[hidden].ics?x=1 "500"',
        ),
        ("POST /calendar/rotate/", "POST /calendar/rotate/"),
        ("GET /login/?next=/&password=hunter2", "GET /login/?next=/&password=[hidden]"),
        ("GET /x?token=abc&page=2", "GET /x?token=[hidden]&page=2"),
        ("GET /interviews/12.ics", "GET /interviews/12.ics"),
    ],
    ids=[
        "the feed's path",
        "the feed's address",
        "the rotate button is no secret",
        "a password in a query",
        "a token in a query",
        "an interview's file is no secret",
    ],
)
def test_secrets_are_hidden_and_the_rest_is_kept(line: str, logged: str) -> None:
    assert hide_secrets(line) == logged
