from __future__ import annotations

from datetime import date

from nextsteps.api.common import MAX_PAGE
from nextsteps.api.main import NOT_JSON
from nextsteps.tracker.models import Application
from tests.api.base import ApiTestCase


class ApplicationsTest(ApiTestCase):
    def test_adding_one_that_was_sent_plans_it(self) -> None:
        response = self.post_json(
            "/api/applications",
            {"company": "Acme", "role": "Data Analyst", "applied_on": "2026-11-09"},
        )
        self.assertEqual(response.status_code, 201, response.content)
        body = response.json()
        self.assertEqual(
            (body["company"], body["role"], body["stage"], body["applied_on"]),
            ("Acme", "Data Analyst", "applied", "2026-11-09"),
        )
        steps = self.get(f"/api/applications/{body['id']}/steps").json()["items"]
        self.assertEqual([s["kind"] for s in steps if s["state"] == "open"], ["check_in"])

    def test_bad_input_is_one_sentence_and_writes_nothing(self) -> None:
        cases = [
            ({"company": " ", "role": "Analyst"}, 400, "The company's name cannot be empty."),
            (
                {"company": "Acme", "role": "Analyst", "applied_on": "2099-01-01"},
                400,
                "The date you applied cannot be in the future.",
            ),
            (
                {"company": "Acme", "role": "Analyst", "posting_url": "not a url"},
                400,
                "The job posting's address must be a web address such as https://example.com/job.",
            ),
            ({"company": "Acme"}, 422, "role: Field required."),
        ]
        for data, status, sentence in cases:
            with self.subTest(data=data):
                self.assertRefused(self.post_json("/api/applications", data), status, sentence)
        self.assertFalse(Application.objects.exists())

    def test_a_body_that_is_not_json_is_refused(self) -> None:
        response = self.api.post("/api/applications", "{", content_type="application/json")
        self.assertRefused(response, 400, NOT_JSON)

    def test_the_list_pages_the_newest_first(self) -> None:
        for company in ("Acme", "Globex", "Initech"):
            self.add(company)
        response = self.get("/api/applications?limit=2&offset=1")
        self.assertEqual(response.json()["count"], 3)
        self.assertEqual([a["company"] for a in response.json()["items"]], ["Globex", "Acme"])

    def test_a_page_is_bounded(self) -> None:
        self.assertRefused(
            self.get(f"/api/applications?limit={MAX_PAGE + 1}"),
            422,
            f"limit: Input should be less than or equal to {MAX_PAGE}.",
        )

    def test_the_list_by_stage(self) -> None:
        self.add("Acme", applied_on=date(2026, 11, 9))
        self.add("Globex")
        items = self.get("/api/applications?stage=saved").json()["items"]
        self.assertEqual([a["company"] for a in items], ["Globex"])

    def test_one_application_with_its_contacts(self) -> None:
        application = self.add("Acme")
        contact = self.post_json(
            "/api/contacts", {"name": "Jane Doe", "application_id": application.id}
        ).json()
        body = self.get(f"/api/applications/{application.id}").json()
        self.assertEqual(body["contact_ids"], [contact["id"]])

    def test_marking_it_temporary_work(self) -> None:
        application = self.add("Acme")
        response = self.send(
            self.api, "patch", f"/api/applications/{application.id}", {"temporary": True}
        )
        self.assertEqual(response.json()["kind"], "temporary")
        application.refresh_from_db()
        self.assertEqual(application.kind, Application.Kind.TEMPORARY)

    def test_a_number_no_database_holds_is_refused_at_the_door(self) -> None:
        response = self.get(f"/api/applications/{2**64}")
        self.assertEqual(response.status_code, 422)
