"""Every URL, walked from the URL conf: the outsider gets 404 for anything naming
an object of the owner's, the anonymous visitor is sent to log in, and no form is
accepted without its CSRF token. A new URL pattern with a new kind of object in
its path fails here until it is added to OBJECTS."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from nextsteps.activities.services import add_activity
from nextsteps.api.tokens import create_token
from nextsteps.inbox.models import MatchedMail
from nextsteps.outreach.models import Message
from nextsteps.playbook import EventKind
from nextsteps.playbook.drafting import MessageKind
from nextsteps.web.event_forms import EVENT_FORMS
from tests.web.base import WebTestCase

# What changes something, and answers POST only.
ACTIONS = {
    "calendar-rotate", "outbox-pause", "message-cancel", "message-resolve", "message-retry",
    "mail-account-check", "logout", "application-people", "application-temporary", "step-done",
    "mail-confirm", "mail-dismiss", "mail-account-inbox", "mail-account-disconnect-inbox",
    "activity-done", "activity-remove", "import-confirm", "capture-save", "api-token-revoke",
}  # fmt: skip
# Pages for whoever has not signed in yet.
SIGNED_OUT_PAGES = {"signup", "first-visit", "login"}
# Pages anyone may see.
PUBLIC = {"login", "signup", "first-visit", "logout", "today", "calendar-feed"}
# Path parts that are not objects; each with the values to try.
NOT_OBJECTS = {"form": list(EVENT_FORMS), "kind": [MessageKind.THANK_YOU.value]}


def patterns(
    resolvers: list[Any] | None = None, prefix: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            yield from patterns(entry.url_patterns, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry


class AccessTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.interviewed()
        self.jane = self.application.contacts.create(owner=self.alice, name="Jane")
        self.objects = {
            "application_id": self.application.id,
            "step_id": self.application.steps.get(state="open", kind="thank_you").id,
            "contact_id": self.jane.id,
            "event_id": self.application.events.get(kind=EventKind.INTERVIEW_HELD).id,
            "message_id": self.cancelled_message().id,
            "mail_id": self.matched_mail().id,
            "activity_id": add_activity(self.alice, "networking", "Jane", every_days=14).id,
            "token_id": create_token(self.alice, "script").token.id,
        }
        self.theirs()  # the outsider has things of his own

    def cancelled_message(self) -> Message:
        """An outbox row of the owner's that no request here can send."""
        moment = self.application.events.get(kind=EventKind.INTERVIEW_HELD).at
        return Message.objects.create(
            owner=self.alice,
            application=self.application,
            kind=MessageKind.THANK_YOU,
            to_address="jane@acme.test",
            subject="Thank you",
            body="Thank you for the interview.",
            state=Message.State.CANCELLED,
            scheduled_at=moment,
            send_at=moment,
            send_by=moment,
        )

    def matched_mail(self) -> MatchedMail:
        """A mail from the owner's inbox that waits for her."""
        return MatchedMail.objects.create(
            owner=self.alice,
            application=self.application,
            message_id="<reply@acme.test>",
            from_address="bob@acme.test",
            sent_at=self.now,
            kind="reply",
            match="company-domain",
            proposal="reply",
            state=MatchedMail.State.WAITING,
            taken_at=self.now,
        )

    def urls(self) -> Iterator[tuple[str, str, bool]]:
        """(name, url, whether it names an object) for every pattern, with the owner's
        objects filled in."""
        for route, pattern in patterns():
            names = list(pattern.pattern.converters)
            if "token" in names:
                continue  # the calendar feed: the token is the credential, not an object
            if route.startswith("api/"):
                continue  # the API takes a token, not a session: tests/api checks its access
            unknown = set(names) - set(self.objects) - set(NOT_OBJECTS)
            self.assertFalse(unknown, f"{route}: teach test_access about {unknown}")
            kwargs = {name: self.objects[name] for name in names if name in self.objects}
            variants: list[dict[str, Any]] = [{}]
            for name, values in NOT_OBJECTS.items():
                if name in names:
                    variants = [{name: value} for value in values]
            for extra in variants:
                url = reverse(str(pattern.name), kwargs={**kwargs, **extra})
                yield str(pattern.name), url, bool(kwargs)

    def test_the_outsider_gets_404_for_every_url_naming_the_owners_objects(self) -> None:
        bob = self.client_for(self.outsider)
        checked = 0
        for name, url, names_an_object in self.urls():
            if not names_an_object or name in PUBLIC:
                continue
            # 405 answers the method before looking at the object: it tells nothing.
            answers = {bob.get(url).status_code, self.post_as(bob, url, {}).status_code}
            self.assertIn(404, answers, url)
            self.assertLessEqual(answers, {404, 405}, url)
            checked += 1
        self.assertGreaterEqual(checked, 13)

    def test_the_owner_reaches_every_url(self) -> None:
        """A page answers 200; an action only changes things on POST (405 to a GET);
        the pages for signing in send a signed-in owner to Today."""
        for name, url, _ in self.urls():
            response = self.client.get(url)
            if name in ACTIONS:
                self.assertEqual(response.status_code, 405, f"GET {url}")
            elif name in SIGNED_OUT_PAGES:
                self.assertRedirects(response, reverse("today"), fetch_redirect_response=False)
            else:
                self.assertEqual(response.status_code, 200, f"GET {url}")

    def test_every_private_url_sends_the_anonymous_visitor_to_log_in(self) -> None:
        anonymous = self.client_for(None)
        for name, url, _ in self.urls():
            if name in PUBLIC:
                continue
            response = anonymous.get(url)
            self.assertEqual(response.status_code, 302, f"GET {url}")
            self.assertTrue(response["Location"].startswith(reverse("login")), url)

    def test_no_form_is_accepted_without_its_csrf_token(self) -> None:
        for _name, url, _ in self.urls():
            self.assertEqual(self.client.post(url, {}).status_code, 403, f"POST {url}")
