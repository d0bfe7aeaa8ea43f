"""The capture page: a posting's address fetched or its page pasted, the Add form
filled in from it; what the bookmarklet sends read at once. Only a signed-in user
sees it; nothing is written until they save."""

from __future__ import annotations

from urllib.parse import urlencode

from django.test import override_settings
from django.urls import reverse

from nextsteps.capture.views import NOTHING_FOUND
from nextsteps.tracker.models import Application
from tests.base import csrf_client
from tests.capture.conftest import PAGES, site_address
from tests.web.base import WebTestCase

URL = reverse("capture")


class CapturePageTestCase(WebTestCase):
    def test_the_owner_sees_the_form_and_the_bookmarklet_linked_from_the_add_page(self) -> None:
        response = self.client.get(URL)
        self.assertContains(response, "Read the posting")
        self.assertContains(response, 'href="javascript:')
        self.assertContains(response, "http://testserver/applications/capture/")
        self.assertContains(self.client.get(reverse("add-application")), f'href="{URL}"')

    def test_signed_out_it_asks_to_sign_in_and_comes_back_with_the_posting(self) -> None:
        anonymous = csrf_client(None)
        sent = f"{URL}?{urlencode({'address': 'https://jobs.example.test/1'})}"
        for response in (anonymous.get(sent), self.post_as(anonymous, URL, {"address": "x"})):
            self.assertEqual(response.status_code, 302)
            self.assertIn(reverse("login"), response["Location"])
        self.assertIn("jobs.example.test", anonymous.get(sent)["Location"])

    def test_a_pasted_page_fills_the_form(self) -> None:
        page = (PAGES / "lever.html").read_text()
        response = self.post(URL, {"address": "", "page": page})
        self.assertContains(response, "Filled in from the posting's schema.org JobPosting.")
        self.assertContains(response, 'value="Harrow &amp; Finch"')
        self.assertContains(response, 'value="Senior R&amp;D Chemist"')
        self.assertContains(response, 'value="GBP 52,000 to 61,000 a year"')
        self.assertContains(response, 'value="2026-11-25"')
        self.assertContains(response, f'action="{reverse("capture-save")}"')
        self.assertFalse(Application.objects.exists())

    @override_settings(CAPTURE_PRIVATE_NETWORK=True)
    def test_an_address_is_fetched_and_read(self) -> None:
        response = self.post(URL, {"address": f"{site_address()}/greenhouse.html"})
        self.assertContains(response, 'value="Lindenfield Robotics"')
        self.assertContains(response, 'value="Austin, TX, US"')
        self.assertContains(response, f'value="{site_address()}/greenhouse.html"')

    @override_settings(CAPTURE_PRIVATE_NETWORK=True)
    def test_a_page_that_cannot_be_fetched_is_said_with_the_form_kept(self) -> None:
        response = self.post(URL, {"address": f"{site_address()}/posting.pdf"})
        self.assertContains(
            response, "That address sends application/pdf, not a web page", status_code=400
        )
        self.assertContains(response, f'value="{site_address()}/posting.pdf"', status_code=400)

    def test_an_address_on_the_servers_own_network_is_refused_by_default(self) -> None:
        response = self.post(URL, {"address": f"{site_address()}/greenhouse.html"})
        self.assertContains(
            response,
            "nextsteps does not fetch pages from 127.0.0.1, an address on a private or local "
            "network",
            status_code=400,
        )

    def test_a_page_with_no_posting_and_an_empty_form_are_said(self) -> None:
        nothing = self.post(URL, {"page": (PAGES / "nothing.html").read_text()})
        self.assertContains(nothing, NOTHING_FOUND, status_code=400)
        empty = self.post(URL, {"address": " ", "page": ""})
        self.assertContains(
            empty, "Give the posting&#39;s web address, or paste its page.", status_code=400
        )

    def test_what_the_bookmarklet_sends_is_read_at_once(self) -> None:
        tags = '<meta property="og:title" content="Northwind Trading hiring Data Analyst in Leeds">'
        address = "https://www.linkfolk.example.test/jobs/view/3318842"
        response = self.client.get(f"{URL}?{urlencode({'address': address, 'page': tags})}")
        self.assertContains(response, 'value="Northwind Trading"')
        self.assertContains(response, 'value="Leeds"')
        self.assertContains(response, f'value="{address}"')

    def test_an_address_alone_waits_for_the_user_to_ask(self) -> None:
        address = f"{site_address()}/greenhouse.html"
        response = self.client.get(f"{URL}?{urlencode({'address': address})}")
        self.assertContains(response, f'value="{address}"')
        self.assertContains(response, "Read the posting")
        self.assertNotContains(response, "Lindenfield")

    def test_what_a_page_says_is_escaped(self) -> None:
        page = '<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt;">'
        response = self.post(URL, {"page": page})
        self.assertNotContains(response, "<script>alert(1)")
        self.assertContains(response, "&lt;script&gt;alert(1)")
