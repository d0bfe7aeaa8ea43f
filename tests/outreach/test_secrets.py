"""The mail password at rest: encrypted with a key from the environment (or a file it
names) or generated into the data dir; rotatable; never shown, never logged."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import time_machine
from cryptography.fernet import Fernet
from django.test import override_settings

from nextsteps import worker
from nextsteps.environment import key_in_file, new_fernet_key
from nextsteps.outreach.crypto import KeyMismatch, decrypt_password, encrypt_password
from nextsteps.outreach.models import MailAccount, Message
from tests.outreach.base import PASSWORD, OutreachTestCase

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def keys_seen_with(env: dict[str, str]) -> str:
    code = "from django.conf import settings; print(','.join(settings.ENCRYPTION_KEYS))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "nextsteps.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_a_key_is_generated_into_the_data_dir_once(tmp_path: Path) -> None:
    key = key_in_file(tmp_path / "encryption_key", new_fernet_key)
    Fernet(key.encode())  # a valid key
    assert key_in_file(tmp_path / "encryption_key", new_fernet_key) == key
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "encryption_key").stat().st_mode) == 0o600


def test_the_key_comes_from_the_environment_or_a_file(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEXTSTEPS_ENCRYPTION")}
    env["NEXTSTEPS_DATA_DIR"] = str(tmp_path)
    assert keys_seen_with({**env, "NEXTSTEPS_ENCRYPTION_KEY": NEW_KEY}) == NEW_KEY
    key_file = tmp_path / "key.txt"
    key_file.write_text(f"{NEW_KEY},{OLD_KEY}\n")
    seen = keys_seen_with({**env, "NEXTSTEPS_ENCRYPTION_KEY_FILE": str(key_file)})
    assert seen == f"{NEW_KEY},{OLD_KEY}"
    assert keys_seen_with(env) == (tmp_path / "encryption_key").read_text()


def test_a_rotated_key_still_reads_the_old_password() -> None:
    with override_settings(ENCRYPTION_KEYS=[OLD_KEY]):
        token = encrypt_password(PASSWORD)
    assert PASSWORD not in token
    with override_settings(ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        assert decrypt_password(token) == PASSWORD


class WrongKeyTestCase(OutreachTestCase):
    def test_a_password_this_machine_cannot_read_fails_the_message_and_says_why(self) -> None:
        sink = self.start_sink()
        message = self.schedule()
        with override_settings(ENCRYPTION_KEYS=[NEW_KEY]):
            with self.assertRaises(KeyMismatch):
                decrypt_password(MailAccount.objects.get().password_encrypted)
            with time_machine.travel(datetime.fromisoformat("2026-11-06T09:00+00:00")):
                worker.run_once()
        message.refresh_from_db()
        self.assertEqual(message.state, Message.State.FAILED)
        self.assertIn("NEXTSTEPS_ENCRYPTION_KEY", message.reason)
        self.assertEqual(sink.received, [])
