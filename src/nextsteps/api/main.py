"""The JSON API: the same use cases as the pages and the command line, through the
same services, for a program holding one of its owner's personal tokens."""

from __future__ import annotations

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from nextsteps.api import applications, contacts, messages, steps
from nextsteps.api.common import RequestsPerMinute, TokenAuth
from nextsteps.fields import FieldRefused
from nextsteps.outreach.services import Refused
from nextsteps.playbook import InvalidEvent
from nextsteps.tracker.services import NotFound, StepRefused


class Docs(Swagger):
    """ninja's Swagger page, its scripts served by nextsteps. As ninja is not an
    installed app (see the settings), ninja reads this template file itself."""

    template_cdn = str(settings.NINJA_FILES / "templates" / "ninja" / "swagger.html")


api = NinjaAPI(
    title="nextsteps",
    version="1",
    description=(
        "Your applications, their timelines, the next steps nextsteps planned, your "
        "contacts and your messages. Send a personal token, made in Settings, as "
        "`Authorization: Bearer <token>`."
    ),
    auth=TokenAuth(),
    throttle=RequestsPerMinute(),
    docs=Docs(),
    urls_namespace="api",
)
api.add_router("/applications", applications.router)
api.add_router("/steps", steps.router)
api.add_router("/contacts", contacts.router)
api.add_router("/messages", messages.router)

NO_TOKEN = "Send a personal API token as Authorization: Bearer <token>; make one in Settings."
NOT_JSON = "The request's body is not JSON."


def _detail(request: HttpRequest, status: int, sentence: str) -> HttpResponse:
    return api.create_response(request, {"detail": sentence}, status=status)


@api.exception_handler(NotFound)
def not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
    return _detail(request, 404, str(exc))


@api.exception_handler(AuthenticationError)
def no_token(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _detail(request, 401, NO_TOKEN)


@api.exception_handler(Throttled)
def too_many(request: HttpRequest, exc: Throttled) -> HttpResponse:
    per_minute = settings.API_REQUESTS_PER_MINUTE
    return _detail(
        request,
        429,
        f"Too many requests: your account may make {per_minute} a minute; try again "
        f"in {math.ceil(exc.wait or 60)} seconds.",
    )


@api.exception_handler(HttpError)
def unreadable(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """The only other error the framework raises: a body it cannot parse."""
    return _detail(request, exc.status_code, NOT_JSON if exc.status_code == 400 else f"{exc}.")


@api.exception_handler(ValidationError)
def malformed(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """The first thing wrong with the request, said as one sentence."""
    error = exc.errors[0] if exc.errors else {}
    source, *where_in_it = error.get("loc", ("",))
    if source == "body":
        where_in_it = where_in_it[1:]  # the endpoint's name for the body: not the user's
    where = ".".join(str(part) for part in where_in_it)
    message = str(error.get("msg", "The request is not understood")).rstrip(".")
    return _detail(request, 422, f"{where}: {message}." if where else f"{message}.")


# What the services refuse: each says why in one sentence.
@api.exception_handler(FieldRefused)
@api.exception_handler(InvalidEvent)
@api.exception_handler(StepRefused)
@api.exception_handler(Refused)
def refused(request: HttpRequest, exc: ValueError) -> HttpResponse:
    return _detail(request, 400, str(exc))
