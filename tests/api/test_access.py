"""Who the API answers: a token's owner, and only for their own objects."""

from __future__ import annotations

from django.test import Client

from nextsteps.api import tokens
from nextsteps.api.main import NO_TOKEN
from tests.api.base import ApiTestCase


class TokenTest(ApiTestCase):
    def test_without_a_token_the_api_says_how_to_send_one(self) -> None:
        self.assertRefused(Client().get("/api/applications"), 401, NO_TOKEN)

    def test_a_signed_in_browser_without_a_token_is_refused(self) -> None:
        browser = self.client_for(self.alice)
        self.assertRefused(browser.get("/api/applications"), 401, NO_TOKEN)
        response = self.send(browser, "post", "/api/applications", {"company": "A", "role": "B"})
        self.assertRefused(response, 401, NO_TOKEN)
        self.assertFalse(self.alice_has_applications())

    def test_a_revoked_token_is_refused_from_its_next_request(self) -> None:
        self.assertEqual(self.get("/api/applications").status_code, 200)
        tokens.revoke_token(self.alice, tokens.tokens_of(self.alice).get(name="tests").id)
        self.assertRefused(self.get("/api/applications"), 401, NO_TOKEN)

    def test_a_write_needs_no_csrf_token(self) -> None:
        response = self.post_json("/api/applications", {"company": "Acme", "role": "Analyst"})
        self.assertEqual(response.status_code, 201, response.content)

    def test_each_object_of_another_user_is_not_found(self) -> None:
        theirs = self.theirs()
        step = theirs.steps.filter(state="open").first()
        contact = theirs.contacts.get()
        assert step is not None
        urls = {
            f"/api/applications/{theirs.id}": f"There is no application {theirs.id}.",
            f"/api/applications/{theirs.id}/events": f"There is no application {theirs.id}.",
            f"/api/applications/{theirs.id}/steps": f"There is no application {theirs.id}.",
            f"/api/steps/{step.id}": f"There is no step {step.id}.",
            f"/api/contacts/{contact.id}": f"There is no contact {contact.id}.",
        }
        for url, sentence in urls.items():
            self.assertRefused(self.get(url), 404, sentence)
        writes = [
            ("patch", f"/api/applications/{theirs.id}", {"temporary": True}),
            ("post", f"/api/applications/{theirs.id}/events", {"kind": "reply"}),
            ("post", f"/api/steps/{step.id}/done", {}),
            ("post", f"/api/steps/{step.id}/skip", {"reason": "no"}),
            ("put", f"/api/contacts/{contact.id}", {"name": "Owned"}),
        ]
        for method, url, data in writes:
            self.assertEqual(self.send(self.api, method, url, data).status_code, 404, url)
        contact.refresh_from_db()
        step.refresh_from_db()
        self.assertEqual((contact.name, step.state), ("Hank Scorpio", "open"))
        self.assertEqual(theirs.events.count(), 2)

    def test_lists_hold_only_the_owners_objects(self) -> None:
        self.theirs()
        for url in ("/api/applications", "/api/steps", "/api/contacts", "/api/messages"):
            self.assertEqual(self.get(url).json(), {"items": [], "count": 0}, url)

    def alice_has_applications(self) -> bool:
        return self.get("/api/applications").json()["count"] > 0


class SchemaTest(ApiTestCase):
    def test_the_schema_and_its_page_are_open_to_read(self) -> None:
        schema = Client().get("/api/openapi.json").json()
        self.assertIn("/api/applications/{application_id}/events", schema["paths"])
        self.assertEqual(schema["components"]["securitySchemes"]["TokenAuth"]["scheme"], "bearer")
        self.assertContains(Client().get("/api/docs"), "/static/ninja/swagger-ui-bundle.")
