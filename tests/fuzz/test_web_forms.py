"""Fuzz: every form the web pages offer, each field typed carelessly or with hostile
intent, sometimes as bytes that are not UTF-8. Never a 500: the page accepts it,
or answers 4xx with its sentence and leaves the database as it was."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote_from_bytes, urlencode

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import event, given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from nextsteps.accounts.services import change_profile, create_account, profile_of
from nextsteps.inbox.parsing import incoming_mail
from nextsteps.inbox.services import take_in
from nextsteps.outreach import services as outreach
from nextsteps.playbook import Event, EventKind
from nextsteps.tracker import services
from tests.base import csrf_client
from tests.fuzz.hostile import BUDGET, snapshot, text_or_bytes
from tests.inbox import mails

# Forms whose action reaches the network or ends the session being tested.
ACTIONS_LEFT_OUT = {"/settings/mail-account/check/", "/logout/"}


@dataclass
class Form:
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name -> values offered


class Forms(HTMLParser):
    """The POST forms of a page: their action and each field's name and values."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.found: list[Form] = []
        self.current: Form | None = None
        self.select = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {k: v or "" for k, v in attrs}
        if tag == "form" and named.get("method", "get").lower() == "post":
            self.current = Form(named.get("action") or self.page)
            self.found.append(self.current)
        elif self.current is not None and tag in ("input", "textarea", "select"):
            name = named.get("name", "")
            if name and name != "csrfmiddlewaretoken":
                self.current.fields.setdefault(name, [])
                if "value" in named:
                    self.current.fields[name].append(named["value"])
                self.select = name if tag == "select" else ""
        elif self.current is not None and tag == "option" and self.select:
            self.current.fields[self.select].append(named.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = ""


def encoded(values: dict[str, str]) -> str:
    """A form's body as a browser sends it; the surrogates become the bytes they stand
    for, which are not UTF-8."""
    return "&".join(
        f"{quote_from_bytes(name.encode())}="
        f"{quote_from_bytes(value.encode('utf-8', 'surrogateescape'))}"
        for name, value in values.items()
    )


class WebFormsFuzzTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        """A user with an interview an hour ago, a saved job, a contact, a mail
        account and a message in the outbox: every form has something to act on."""
        cls.user = create_account("alice", "a-long-password-7", "Europe/London")
        for key, value in (("country", "GB"), ("working_days", "mon,tue,wed,thu,fri,sat,sun")):
            change_profile(profile_of(cls.user), key, value)
        change_profile(profile_of(cls.user), "working_hours", "00:00-23:59")
        ended = timezone.now() - timedelta(hours=1)
        cls.application = services.add_application(
            cls.user,
            "Acme",
            "Data Analyst",
            applied_on=(ended - timedelta(days=10)).date(),
            contact=services.ContactDetails("Jane Doe", "jane@acme.example"),
        )
        services.record_event(
            cls.application,
            Event(EventKind.INTERVIEW_HELD, ended - timedelta(hours=1), end=ended),
            note="Strong points: the SQL exercise\nTopics to mention: their warehouse move",
        )
        services.add_application(cls.user, "Globex", "Engineer")
        outreach.set_mail_account(
            cls.user, outreach.AccountSettings("127.0.0.1", 2525, "none", "Me <me@example.com>")
        )
        # An invitation from the company's domain waits on Today, with its day and time.
        invitation = mails.reply(
            sender="bob@acme.example", body="We would like to invite you to an interview."
        )
        take_in(cls.user, incoming_mail(invitation), timezone.now())

    def setUp(self) -> None:
        super().setUp()
        step = self.application.steps.get(kind="thank_you")
        contact = self.application.contacts.get()
        pages = [
            reverse(name)
            for name in (
                "today",
                "add-application",
                "contacts",
                "settings",
                "password",
                "api-tokens",
            )
        ] + [
            reverse("application", args=[self.application.id]),
            reverse("contact", args=[contact.id]),
            reverse("step-skip", args=[step.id]),
            reverse("message-editor", args=[step.id]),
            reverse("mail-account"),
            reverse("message-template", args=["thank_you"]),
            reverse("outbox"),
            reverse("capture"),
            # The form filled in from a posting, as the bookmarklet opens it.
            reverse("capture")
            + "?"
            + urlencode({"page": '<meta property="og:title" content="Clerk">'}),
        ]
        self.forms = self.forms_on(csrf_client(self.user), pages)
        self.forms += self.forms_on(csrf_client(None), [reverse("login"), reverse("signup")])
        # The .eml download takes the editor's fields by POST too.
        editor = next(f for f in self.forms if f.action.endswith("/message/"))
        self.forms.append(Form(reverse("message-eml", args=[step.id]), editor.fields))
        assert len({f.action for f in self.forms}) >= 15, [f.action for f in self.forms]

    @staticmethod
    def forms_on(client: Client, pages: list[str]) -> list[Form]:
        found = []
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            parser = Forms(page)
            parser.feed(response.content.decode())
            found += [f for f in parser.found if f.action not in ACTIONS_LEFT_OUT]
        return found

    @BUDGET
    @given(st.data())
    def test_a_form_accepts_or_refuses_with_a_sentence(self, data: st.DataObject) -> None:
        form = data.draw(st.sampled_from(self.forms), label="form")
        signed_in = not form.action.startswith(("/login/", "/signup/"))
        client = csrf_client(self.user if signed_in else None)
        values = {
            name: data.draw(
                st.one_of(st.sampled_from(offered), text_or_bytes) if offered else text_or_bytes,
                label=name,
            )
            for name, offered in form.fields.items()
            if data.draw(st.integers(0, 9), label=f"send {name}")  # one in ten left out
        }
        values["csrfmiddlewaretoken"] = client.csrf_token  # type: ignore[attr-defined]
        before = snapshot()
        response: Any = client.post(
            form.action, encoded(values), content_type="application/x-www-form-urlencoded"
        )
        event(f"{re.sub(r'[0-9]+', 'N', form.action)} {response.status_code}")
        self.assertLess(response.status_code, 500, form.action)
        if response.status_code < 400:
            return
        self.assertIn(response.status_code, (400, 409, 429), form.action)
        page = response.content.decode()
        said = "errorlist" in page or "web/refused.html" in [t.name for t in response.templates]
        self.assertTrue(said or response.status_code == 429, (form.action, values))
        self.assertEqual(snapshot(), before, (form.action, values))
