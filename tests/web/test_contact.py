from __future__ import annotations

from django.urls import reverse

from nextsteps.tracker import services
from tests.web.base import WebTestCase


class ContactTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.add("Acme", contact=services.ContactDetails("Jane", "j@acme.test"))
        self.jane = self.application.contacts.get()
        self.url = reverse("contact", args=[self.jane.id])

    def test_the_form_shows_the_person_and_their_applications(self) -> None:
        response = self.client.get(self.url)
        self.assertContains(response, 'value="j@acme.test"')
        self.assertContains(response, 'value="Acme"')
        self.assertContains(response, "Data Analyst at Acme")

    def test_saving_changes_the_person(self) -> None:
        response = self.post(
            self.url, {"name": "Jane Doe", "email": "jane@acme.test", "title": "CTO", "company": ""}
        )
        self.assertRedirects(response, reverse("contacts"))
        self.jane.refresh_from_db()
        self.assertEqual(
            (self.jane.name, self.jane.title, self.jane.company), ("Jane Doe", "CTO", None)
        )

    def test_from_the_editor_it_goes_back_to_the_editor(self) -> None:
        editor = "/steps/1/message/"
        self.assertContains(self.client.get(f"{self.url}?next={editor}"), f'value="{editor}"')
        response = self.post(self.url, {"name": "Jane", "email": "j@acme.test", "next": editor})
        self.assertRedirects(response, editor, fetch_redirect_response=False)

    def test_a_bad_email_changes_nothing(self) -> None:
        response = self.post(self.url, {"name": "Jane", "email": "nope"})
        self.assertEqual(response.status_code, 400)
        self.jane.refresh_from_db()
        self.assertEqual(self.jane.email, "j@acme.test")

    def test_the_outsider_gets_404(self) -> None:
        bob = self.client_for(self.outsider)
        self.assertEqual(bob.get(self.url).status_code, 404)
        response = self.post_as(bob, self.url, {"name": "Owned"})
        self.assertEqual(response.status_code, 404)
        self.jane.refresh_from_db()
        self.assertEqual(self.jane.name, "Jane")
