"""schemathesis writes requests from the API's own schema, valid and not, and sends
them, as the token's owner, through the WSGI application in this process: no
answer may be a server error, and every answer must be what the schema says."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from nextsteps.api import tokens
from nextsteps.tracker import services
from nextsteps.wsgi import application

# Enough to reach every operation's refusals and a few of its successes; the whole
# run stays within some 20 seconds on two cores.
EXAMPLES = 25


def in_the_test_transaction(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    """The WSGI application, its database connection left open between requests, as
    Django's test client leaves it: the test's transaction holds what it made."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, start_response)
        try:
            return list(response)
        finally:
            response.close()  # type: ignore[attr-defined]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi("/api/openapi.json", in_the_test_transaction)


@pytest.fixture
def owner_token(django_user_model: Any) -> str:
    """A token of a user with an application and a contact, which requests may name;
    none of their requests counted yet (RequestsPerMinute)."""
    cache.clear()
    owner = django_user_model.objects.create_user("alice", password="a-long-password")
    services.add_application(
        owner, "Acme", "Analyst", contact=services.ContactDetails("Jane Doe", "jane@acme.test")
    )
    return tokens.create_token(owner, "schemathesis").secret


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
@pytest.mark.django_db
def test_no_server_error_and_every_answer_as_the_schema_says(
    case: schemathesis.Case, owner_token: str
) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {owner_token}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            response_schema_conformance,
            content_type_conformance,
        ],
    )
