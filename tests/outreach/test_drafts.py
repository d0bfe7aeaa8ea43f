"""Drafts are filled from what nextsteps knows, and user templates run in a sandbox."""

from __future__ import annotations

from datetime import date

import pytest

from nextsteps.accounts.services import change_profile
from nextsteps.outreach import drafts, services
from nextsteps.outreach.models import SavedDraft
from nextsteps.outreach.templating import TemplateRefused, render
from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.drafting import DraftFacts, MessageKind, template_context
from nextsteps.playbook.timeline import Culture
from nextsteps.tracker.services import ContactDetails
from tests.outreach.base import INTERVIEW_DAY, OutreachTestCase


class DraftTestCase(OutreachTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.pin_clock(self.local(INTERVIEW_DAY, 12))

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

    def test_the_users_name_signs_the_draft_and_heads_its_from_line(self) -> None:
        self.mail_account(2525, from_address="alice@example.com")
        self.assertIn("[[your name]]", self.draft(MessageKind.THANK_YOU).body)
        change_profile(self.profile, "name", "Alice  Smith")
        draft = self.draft(MessageKind.THANK_YOU)
        self.assertTrue(draft.body.endswith("Best regards,\nAlice Smith\n"), draft.body)
        self.assertEqual(draft.placeholders, [])
        self.assertEqual(draft.from_address, "Alice Smith <alice@example.com>")

    def test_the_users_name_wins_over_the_one_in_the_accounts_from_line(self) -> None:
        self.mail_account(2525, from_address="A. Smith (work) <alice@example.com>")
        self.assertIn("\nA. Smith (work)\n", self.draft(MessageKind.THANK_YOU).body)
        change_profile(self.profile, "name", "Zoë Ångström")
        draft = self.draft(MessageKind.THANK_YOU)
        self.assertIn("\nZoë Ångström\n", draft.body)
        self.assertEqual(draft.from_address, "Zoë Ångström <alice@example.com>")

    def test_a_name_is_one_line_of_at_most_100_characters(self) -> None:
        with self.assertRaisesRegex(ValueError, "one line"):
            change_profile(self.profile, "name", "Alice\r\nBcc: x@example.com")
        with self.assertRaisesRegex(ValueError, "at most 100 characters"):
            change_profile(self.profile, "name", "A" * 101)
        change_profile(self.profile, "name", "  Alice   Smith ")
        self.assertEqual(self.profile.name, "Alice Smith")

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


class SavedDraftTestCase(OutreachTestCase):
    """The user's own text for a step's message: the editor and sending use it."""

    def save(self, subject: str, body: str) -> drafts.Draft:
        return services.save_draft(
            self.alice,
            self.step(),
            MessageKind.THANK_YOU,
            subject,
            body,
            self.local(INTERVIEW_DAY, 15),
        )

    def test_the_saved_text_is_the_draft_from_then_on_and_what_is_sent(self) -> None:
        self.mail_account(2525)
        saved = self.save("  Thanks, Jane ", "Dear Jane,\r\n\r\nThank you.\r\n\r\nAlice\r\n\r\n")
        self.assertTrue(saved.saved)
        self.assertEqual(
            (saved.subject, saved.body), ("Thanks, Jane", "Dear Jane,\n\nThank you.\n\nAlice\n")
        )
        again = self.draft(MessageKind.THANK_YOU)
        self.assertEqual(
            (again.subject, again.body, again.saved), (saved.subject, saved.body, True)
        )
        message = self.schedule()
        self.assertEqual((message.subject, message.body), (saved.subject, saved.body))

    def test_a_blank_left_in_the_saved_text_is_filled_once_the_fact_is_known(self) -> None:
        saved = self.save("Thanks", "Thank you.\n\n[[your name]]\n")
        self.assertEqual(saved.placeholders, ["[[your name]]"])
        change_profile(self.profile, "name", "Alice Smith")
        filled = self.draft(MessageKind.THANK_YOU)
        self.assertEqual((filled.body, filled.placeholders), ("Thank you.\n\nAlice Smith\n", []))

    def test_saving_again_replaces_the_text(self) -> None:
        self.save("One", "First.")
        self.save("Two", "Second.")
        self.assertEqual(self.draft(MessageKind.THANK_YOU).subject, "Two")
        self.assertEqual(SavedDraft.objects.count(), 1)

    def test_what_cannot_be_a_message_is_refused_and_nothing_is_saved(self) -> None:
        for subject, body, refusal in [
            ("", "Body.", "The subject cannot be empty"),
            ("Subject", " \n ", "The message cannot be empty"),
            ("Two\nlines", "Body.", "one line"),
            ("S" * 501, "Body.", "at most 500 characters"),
            ("Subject", "b" * 20_001, "at most 20,000 characters"),
        ]:
            with self.subTest(refusal), self.assertRaisesRegex(services.Refused, refusal):
                self.save(subject, body)
        self.assertFalse(SavedDraft.objects.exists())

    def test_a_closed_step_is_refused(self) -> None:
        self.log(self.application, EventKind.THANK_YOU_SENT, self.local(INTERVIEW_DAY, 16))
        step = self.application.steps.get(kind=StepKind.THANK_YOU)
        with self.assertRaisesRegex(services.Refused, "no longer open"):
            services.save_draft(
                self.alice, step, MessageKind.THANK_YOU, "S", "B", self.local(INTERVIEW_DAY, 17)
            )

    def test_someone_elses_step_is_not_found(self) -> None:
        with self.assertRaises(services.NotFound):
            services.save_draft(
                self.outsider,
                self.step(),
                MessageKind.THANK_YOU,
                "S",
                "B",
                self.local(INTERVIEW_DAY, 15),
            )
        self.assertFalse(SavedDraft.objects.exists())


class TruthfulDraftTestCase(OutreachTestCase):
    """A draft mentions only what happened."""

    def setUp(self) -> None:
        super().setUp()
        self.pin_clock(self.local(date(2026, 11, 16), 12))
        contact = ContactDetails("Mr. Giles Hargreaves", "giles@initech.test")
        self.quiet = self.add(
            "Initech", "data analyst", applied_on=date(2026, 11, 2), contact=contact
        )

    def test_a_follow_up_without_an_interview_mentions_none(self) -> None:
        self.log(self.quiet, EventKind.EMPLOYER_REPLIED, self.local(date(2026, 11, 4)))
        step = self.quiet.steps.get(kind=StepKind.FOLLOW_UP, state="open")
        draft = services.draft(
            self.alice, step, MessageKind.FOLLOW_UP, self.local(date(2026, 11, 16))
        )
        self.assertNotIn("interview", f"{draft.subject} {draft.body}".lower())
        self.assertNotIn("conversation on", draft.body)
        self.assertEqual(draft.subject, "Data analyst: following up")

    def test_a_reply_to_a_rejection_without_an_interview_met_no_team(self) -> None:
        self.log(self.quiet, EventKind.REJECTED, self.local(date(2026, 11, 9)))
        step = self.quiet.steps.get(kind=StepKind.REPLY_TO_REJECTION, state="open")
        draft = services.draft(
            self.alice, step, MessageKind.REPLY_TO_REJECTION, self.local(date(2026, 11, 10))
        )
        self.assertNotIn("meeting the team", draft.body)
        self.assertIn("Dear Mr. Hargreaves,", draft.body)

    def test_no_call_script_without_an_interview(self) -> None:
        self.log(self.quiet, EventKind.EMPLOYER_REPLIED, self.local(date(2026, 11, 4)))
        with pytest.raises(services.NotFound, match="a call script is for following up after"):
            drafts.open_step_for(self.alice, self.quiet.id, "call_script")
        step, kind = drafts.open_step_for(self.alice, self.application.id, "call_script")
        self.assertEqual((step.kind, kind), (StepKind.FOLLOW_UP, MessageKind.CALL_SCRIPT))

    def test_the_first_follow_up_asks_004s_question_when_they_gave_no_date(self) -> None:
        """004: ask them "when do you think you will know?" """
        draft = self.draft(MessageKind.FOLLOW_UP, StepKind.FOLLOW_UP)
        self.assertIn("If not, when do you think you will know?", draft.body)
        self.assertIn("for our conversation on Thursday 5 November", draft.body)
        self.assertEqual(draft.flags, [])
