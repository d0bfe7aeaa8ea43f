"""Drafts are filled from what nextsteps knows, and user templates run in a sandbox."""

from __future__ import annotations

from datetime import date

import pytest

from nextsteps.outreach import services
from nextsteps.outreach.templating import TemplateRefused, render
from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.drafting import DraftFacts, MessageKind, template_context
from nextsteps.playbook.timeline import Culture
from nextsteps.tracker.services import ContactDetails
from tests.outreach.base import INTERVIEW_DAY, OutreachTestCase


class DraftTestCase(OutreachTestCase):
    def test_the_thank_you_names_the_contact_the_day_and_the_reflection(self) -> None:
        draft = self.draft(MessageKind.THANK_YOU)
        self.assertEqual(draft.subject, "Thank you for the interview: Data Analyst")
        self.assertIn("Dear Jane,", draft.body)
        self.assertIn("on Thursday 5 November", draft.body)
        self.assertIn("about their warehouse move", draft.body)
        self.assertIn("I believe the SQL exercise would", draft.body)
        self.assertEqual(draft.to_address, "jane@acme.example")
        self.assertEqual(draft.flags, [])

    def test_missing_facts_are_visible_placeholders(self) -> None:
        bare = self.add("Initech", "Analyst", contact=ContactDetails("Jo Bloggs", "jo@i.test"))
        self.log(bare, EventKind.INTERVIEW_HELD, self.local(INTERVIEW_DAY, 10))
        step = bare.steps.get(kind=StepKind.THANK_YOU, state="open")
        draft = services.draft(self.alice, step, MessageKind.THANK_YOU, self.local(INTERVIEW_DAY))
        self.assertIn("[[a topic you discussed]]", draft.placeholders)
        self.assertIn("[[your name]]", draft.placeholders)
        self.assertIn("[[your name]]", draft.body)

    def test_no_contact_means_a_placeholder_never_a_wrong_name(self) -> None:
        bare = self.add("Initech", "Analyst", applied_on=date(2026, 10, 26))
        self.log(bare, EventKind.INTERVIEW_HELD, self.local(INTERVIEW_DAY, 10))
        step = bare.steps.get(kind=StepKind.THANK_YOU, state="open")
        draft = services.draft(self.alice, step, MessageKind.THANK_YOU, self.local(INTERVIEW_DAY))
        self.assertIn("Dear [[contact's name]],", draft.body)
        self.assertNotIn("Jane", draft.body)

    def test_every_message_kind_has_a_shipped_template_without_tone_flags(self) -> None:
        self.application.company.culture = Culture.TRADITIONAL
        self.application.company.save()
        for kind in MessageKind:
            with self.subTest(kind=kind):
                draft = self.draft(kind)
                self.assertTrue(draft.subject)
                self.assertNotIn("{{", draft.body)
                phrase_flags = [f for f in draft.flags if f.part]
                self.assertEqual(phrase_flags, [], kind)

    def test_the_second_follow_up_asks_when_they_will_know(self) -> None:
        """004: "If they haven't made a decision, ask them 'when do you think you will know?'"""
        self.log(self.application, EventKind.FOLLOW_UP_SENT, self.local(date(2026, 11, 12)))
        draft = services.draft(
            self.alice,
            self.step(StepKind.FOLLOW_UP),
            MessageKind.FOLLOW_UP_AGAIN,
            self.local(date(2026, 11, 19)),
        )
        self.assertIn("when do you think you will know?", draft.body)

    def test_a_draft_before_the_playbooks_date_is_flagged_early(self) -> None:
        step = self.step(StepKind.FOLLOW_UP)
        draft = services.check_text(
            self.alice,
            step,
            MessageKind.FOLLOW_UP,
            "Checking in",
            "Hello",
            self.local(INTERVIEW_DAY, 15),
            send_at=self.local(date(2026, 11, 9)),
        )
        self.assertEqual([f.rule for f in draft.flags], ["early"])

    def test_the_users_own_template_replaces_the_shipped_one(self) -> None:
        services.save_template(
            self.alice, MessageKind.THANK_YOU, "Thanks, {{ greeting_name }}", "Cheers, {{ role }}!"
        )
        draft = self.draft(MessageKind.THANK_YOU)
        self.assertEqual(draft.subject, "Thanks, Jane")
        self.assertEqual(draft.body, "Cheers, Data Analyst!\n")

    def test_another_users_template_is_not_used(self) -> None:
        services.save_template(self.outsider, MessageKind.THANK_YOU, "Theirs", "Theirs")
        self.assertNotEqual(self.draft(MessageKind.THANK_YOU).subject, "Theirs")

    def test_a_broken_template_is_refused_with_a_sentence(self) -> None:
        with self.assertRaisesRegex(services.Refused, "error"):
            services.save_template(self.alice, MessageKind.THANK_YOU, "Hi", "{% if %}")

    def test_the_call_script_and_the_card_are_drafted_not_sent(self) -> None:
        draft = self.draft(MessageKind.CALL_SCRIPT)
        self.assertFalse(draft.emailed)
        self.assertIn("not sent by e-mail", draft.cannot_schedule)

    def test_the_contact_met_at_the_interview_is_preferred(self) -> None:
        other = self.add("Globex", "Analyst", contact=ContactDetails("Recruiter", "r@globex.test"))
        self.assertEqual(other.contacts.get().name, "Recruiter")


CONTEXT = template_context(DraftFacts(contact_name="Jane Doe"))


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ contact_name.__class__.__init__.__globals__ }}",
        "{{ 'x' * 100000000 }}",
        "{{ 9 ** 9 ** 9 }}",
        "{% include '/etc/passwd' %}",
        "{% extends 'base.html' %}",
        "{% import 'settings.py' as s %}",
    ],
    ids=[
        "class walk",
        "globals",
        "huge string",
        "huge power",
        "include a file",
        "extend a template",
        "import a module",
    ],
)
def test_the_sandbox_refuses_what_a_message_template_must_not_do(source: str) -> None:
    """Refused outright, or an unsafe name rendered as a harmless placeholder."""
    try:
        text = render(source, CONTEXT)
    except TemplateRefused:
        return
    assert text.startswith("[[")
    assert not any(leak in text for leak in ("<", "class", "function", "module"))


@pytest.mark.parametrize(
    "source", ["{{ settings.SECRET_KEY }}", "{{ request.user.password }}", "{{ user }}"]
)
def test_a_template_sees_no_settings_no_request_and_no_user(source: str) -> None:
    """Names that are not facts of this message render as placeholders."""
    assert render(source, CONTEXT).startswith("[[")


def test_a_template_renders_plain_text_without_escaping() -> None:
    assert render("{{ contact_name }} & <co>", CONTEXT) == "Jane Doe & <co>"
