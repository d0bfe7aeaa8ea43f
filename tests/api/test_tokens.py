from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from nextsteps.api import tokens
from nextsteps.api.models import ApiToken
from nextsteps.fields import FieldRefused
from tests.base import BaseTestCase


class TokensTest(BaseTestCase):
    def test_a_token_is_stored_as_its_digest_only(self) -> None:
        made = tokens.create_token(self.alice, "  My   script ")
        stored = ApiToken.objects.get()
        self.assertEqual(stored.name, "My script")
        self.assertTrue(made.secret.startswith(tokens.MARK))
        self.assertNotIn(made.secret, str(ApiToken.objects.values_list()))
        self.assertTrue(made.secret.startswith(stored.prefix))

    def test_the_token_stands_for_its_owner_and_notes_its_use(self) -> None:
        made = tokens.create_token(self.alice, "script")
        now = timezone.now()
        self.assertEqual(tokens.owner_of(made.secret, now), self.alice)
        self.assertEqual(ApiToken.objects.get().last_used, now)

    def test_its_use_is_written_at_most_once_a_minute(self) -> None:
        made = tokens.create_token(self.alice, "script")
        now = timezone.now()
        tokens.owner_of(made.secret, now)
        with self.assertNumQueries(1):
            tokens.owner_of(made.secret, now + timedelta(seconds=30))
        tokens.owner_of(made.secret, now + timedelta(minutes=2))
        self.assertEqual(ApiToken.objects.get().last_used, now + timedelta(minutes=2))

    def test_a_wrong_or_revoked_token_stands_for_nobody(self) -> None:
        made = tokens.create_token(self.alice, "script")
        self.assertIsNone(tokens.owner_of(made.secret + "x", timezone.now()))
        tokens.revoke_token(self.alice, made.token.id)
        self.assertIsNone(tokens.owner_of(made.secret, timezone.now()))

    def test_a_token_of_a_deactivated_user_stands_for_nobody(self) -> None:
        made = tokens.create_token(self.alice, "script")
        self.alice.is_active = False
        self.alice.save()
        self.assertIsNone(tokens.owner_of(made.secret, timezone.now()))

    def test_only_the_owner_can_revoke_it(self) -> None:
        made = tokens.create_token(self.alice, "script")
        with self.assertRaisesMessage(tokens.NotFound, f"There is no token {made.token.id}."):
            tokens.revoke_token(self.outsider, made.token.id)
        self.assertTrue(ApiToken.objects.exists())

    def test_a_name_is_needed(self) -> None:
        with self.assertRaisesMessage(FieldRefused, "The token's name cannot be empty."):
            tokens.create_token(self.alice, " ")
        self.assertFalse(ApiToken.objects.exists())

    def test_the_list_is_the_owners_newest_first(self) -> None:
        first = tokens.create_token(self.alice, "first").token
        second = tokens.create_token(self.alice, "second").token
        tokens.create_token(self.outsider, "bob's")
        self.assertEqual(list(tokens.tokens_of(self.alice)), [second, first])
