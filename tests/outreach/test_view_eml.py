"""The .eml download: the draft, or the edited text, as a message to open and send."""

from __future__ import annotations

from email import message_from_bytes

from django.urls import reverse

from tests.outreach.views import ViewTestCase


class EmlTestCase(ViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.url = reverse("message-eml", args=[self.step().id])

    def test_the_draft_as_an_unsent_message(self) -> None:
        response = self.owner.get(self.url)
        self.assertEqual(response["Content-Type"], "message/rfc822")
        self.assertIn("attachment", response["Content-Disposition"])
        mail = message_from_bytes(response.content)
        self.assertEqual(mail["To"], "Jane Doe <jane@acme.example>")
        self.assertEqual(mail["X-Unsent"], "1")
        self.assertIn("Dear Jane", mail.get_payload(decode=True).decode())

    def test_the_edited_text_from_the_editor(self) -> None:
        edited = {"subject": "My subject", "body": "My body"}
        mail = message_from_bytes(self.post(self.owner, self.url, edited).content)
        self.assertEqual(mail["Subject"], "My subject")

    def test_the_outsider_gets_404(self) -> None:
        self.assertEqual(self.stranger.get(self.url).status_code, 404)

    def test_csrf_is_enforced(self) -> None:
        self.assert_csrf_enforced(self.url, {"subject": "x", "body": "y"})
