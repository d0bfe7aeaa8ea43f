from __future__ import annotations

from nextsteps.tracker.models import Contact
from tests.api.base import ApiTestCase


class ContactsTest(ApiTestCase):
    def test_adding_and_changing_a_person(self) -> None:
        response = self.post_json(
            "/api/contacts", {"name": "Jane Doe", "email": "jane@acme.test", "company": "Acme"}
        )
        self.assertEqual(response.status_code, 201, response.content)
        jane = response.json()
        self.assertEqual((jane["company"], jane["email"]), ("Acme", "jane@acme.test"))
        response = self.send(
            self.api, "put", f"/api/contacts/{jane['id']}", {"name": "Jane Doe", "title": "CTO"}
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(
            {k: response.json()[k] for k in ("title", "email", "company")},
            {"title": "CTO", "email": "", "company": ""},
        )

    def test_one_of_an_applications_people(self) -> None:
        application = self.add("Acme")
        response = self.post_json(
            "/api/contacts", {"name": "Jane", "application_id": application.id}
        )
        self.assertEqual(response.json()["company"], "Acme")
        self.assertEqual(application.contacts.get().name, "Jane")

    def test_a_bad_address_is_refused_and_nothing_changes(self) -> None:
        jane = self.post_json("/api/contacts", {"name": "Jane"}).json()
        response = self.send(
            self.api, "put", f"/api/contacts/{jane['id']}", {"name": "Janet", "email": "nope"}
        )
        self.assertRefused(
            response, 400, "The e-mail address must look like jane@example.com, not 'nope'."
        )
        self.assertEqual(Contact.objects.get().name, "Jane")
        response = self.post_json("/api/contacts", {"name": "Jim", "email": "nope"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(Contact.objects.count(), 1)

    def test_someone_elses_application_is_not_found(self) -> None:
        theirs = self.theirs()
        response = self.post_json("/api/contacts", {"name": "Spy", "application_id": theirs.id})
        self.assertRefused(response, 404, f"There is no application {theirs.id}.")
        self.assertFalse(Contact.objects.filter(name="Spy").exists())

    def test_the_list_by_name(self) -> None:
        for name in ("Zoe", "Adam"):
            self.post_json("/api/contacts", {"name": name})
        items = self.get("/api/contacts").json()["items"]
        self.assertEqual([c["name"] for c in items], ["Adam", "Zoe"])
