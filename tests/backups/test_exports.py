"""The spreadsheet of the applications and the vCards of the contacts: what a
spreadsheet or an address book reads from them."""

from __future__ import annotations

import csv
import io
from datetime import date

import vobject
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from nextsteps.backups.exports import CSV_HEADERS, applications_csv, as_text, contacts_vcard
from nextsteps.playbook import EventKind
from nextsteps.tracker import services
from nextsteps.tracker.models import CONTACT_NAME, JOB_TITLE, PHONE
from tests.base import INTERVIEW_DAY, BaseTestCase


def rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "a byte order mark tells Excel it is UTF-8"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


class SpreadsheetTest(BaseTestCase):
    def test_one_row_per_application_with_its_stage_events_and_next_step(self) -> None:
        self.pin_clock(self.local(INTERVIEW_DAY, 12))
        interviewed = self.application_interviewed()
        jane = services.ContactDetails("Doe, Jane", "j@acme.example")
        services.link_contact(interviewed, services.add_contact(self.alice, jane))
        rejected = self.add("Globex", "Engineer", applied_on=date(2026, 10, 20))
        self.log(rejected, EventKind.REJECTED, self.local(date(2026, 11, 2), 14))
        self.add("Initech", "Analyst", posting_url="initech.example/jobs/7", source="A friend")

        found = rows(applications_csv(self.alice))

        self.assertEqual(list(found[0]), list(CSV_HEADERS))
        self.assertEqual([r["company"] for r in found], ["Acme", "Globex", "Initech"])
        acme, globex, initech = found
        self.assertEqual(acme["stage"], "interviewing")
        self.assertEqual(acme["applied date"], "2026-10-26")
        self.assertEqual((acme["last event"], acme["last event date"]), ("interview", "2026-11-06"))
        self.assertEqual(acme["next step"], "Note how the Acme interview went")
        self.assertEqual(acme["next step due"], "2026-11-06")
        self.assertEqual(acme["contacts"], '"Doe, Jane" <j@acme.example>')
        self.assertEqual((globex["stage"], globex["outcome"]), ("closed", "rejected"))
        self.assertEqual(globex["next step"], "Reply graciously to Globex")
        self.assertEqual(initech["url"], "https://initech.example/jobs/7")
        self.assertEqual((initech["source"], initech["kind"]), ("A friend", "permanent"))

    def test_only_the_owners_applications(self) -> None:
        self.add("Acme")
        services.add_application(self.outsider, "Secret Corp", "Spy")
        self.assertEqual([r["company"] for r in rows(applications_csv(self.alice))], ["Acme"])
        self.assertEqual(rows(applications_csv(self.outsider))[0]["company"], "Secret Corp")

    def test_a_cell_a_spreadsheet_would_run_shows_as_text(self) -> None:
        for company in ('=HYPERLINK("http://evil.example")', "+1 Co", "-Ink", "@SUM(A1)"):
            self.add(company, "Role")
        found = [r["company"] for r in rows(applications_csv(self.alice))]
        self.assertEqual(
            found, ['\'=HYPERLINK("http://evil.example")', "'+1 Co", "'-Ink", "'@SUM(A1)"]
        )

    def test_tab_and_carriage_return_starts_are_neutralised_too(self) -> None:
        self.assertEqual(as_text("\t=1+1"), "'\t=1+1")
        self.assertEqual(as_text("\r=1+1"), "'\r=1+1")
        self.assertEqual(as_text("Acme = good"), "Acme = good")
        self.assertEqual(as_text(""), "")


def card_of(contact_vcard: bytes) -> list[vobject.base.Component]:
    return list(vobject.readComponents(contact_vcard.decode()))


class VCardTest(BaseTestCase):
    def test_each_contact_is_a_card_an_address_book_reads(self) -> None:
        application = self.add("Acme, Inc.", "Data Analyst")
        jane = services.add_contact(
            self.alice,
            services.ContactDetails(
                "Jane van Doe", "jane@acme.example", "+44 20 7946 0000", "CTO; founder"
            ),
            "Acme, Inc.",
        )
        services.link_contact(application, jane)
        services.add_contact(self.alice, services.ContactDetails("Émile"))
        services.add_contact(self.outsider, services.ContactDetails("Not Yours"))

        jane_card, emile_card = card_of(contacts_vcard(self.alice))

        self.assertEqual(jane_card.fn.value, "Jane van Doe")
        self.assertEqual((jane_card.n.value.given, jane_card.n.value.family), ("Jane van", "Doe"))
        self.assertEqual(jane_card.org.value, ["Acme, Inc."])
        self.assertEqual(jane_card.title.value, "CTO; founder")
        self.assertEqual(jane_card.email.value, "jane@acme.example")
        self.assertEqual(jane_card.tel.value, "+44 20 7946 0000")
        self.assertEqual(jane_card.note.value, "Applications: Data Analyst at Acme, Inc.")
        self.assertEqual(emile_card.fn.value, "Émile")
        self.assertEqual(emile_card.n.value.given, "Émile")
        self.assertFalse(hasattr(emile_card, "email"))

    def test_a_card_keeps_its_uid_from_one_export_to_the_next(self) -> None:
        services.add_contact(self.alice, services.ContactDetails("Jane Doe"))
        first, again = (card_of(contacts_vcard(self.alice))[0].uid.value for _ in range(2))
        self.assertEqual(first, again)

    def test_long_lines_are_folded_at_75_octets(self) -> None:
        services.add_contact(self.alice, services.ContactDetails("Ünïcödé " * 20 + "Name"))
        lines = contacts_vcard(self.alice).split(b"\r\n")
        self.assertTrue(all(len(line) <= 75 for line in lines))
        self.assertEqual(card_of(contacts_vcard(self.alice))[0].fn.value, "Ünïcödé " * 20 + "Name")


def one_line(max_size: int) -> st.SearchStrategy[str]:
    """What a one-line field holds once cleaned: no control character, spaces squeezed."""
    characters = st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"])
    return st.text(characters, max_size=max_size).map(lambda t: " ".join(t.split()))


class VCardPropertyTest(HypothesisTestCase):
    @given(
        name=one_line(CONTACT_NAME.max_length).filter(bool),
        title=one_line(JOB_TITLE.max_length),
        phone=one_line(PHONE.max_length),
    )
    def test_any_contact_reads_back_as_it_was_kept(self, name: str, title: str, phone: str) -> None:
        from django.contrib.auth.models import User

        owner = User.objects.create_user("owner")
        services.add_contact(owner, services.ContactDetails(name, "", phone, title))
        (card,) = card_of(contacts_vcard(owner))
        self.assertEqual(card.fn.value, name)
        self.assertEqual(getattr(card, "title", None) and card.title.value, title or None)
        self.assertEqual(getattr(card, "tel", None) and card.tel.value, phone or None)
