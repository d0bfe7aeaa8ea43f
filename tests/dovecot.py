"""A real IMAP server for the tests: Debian's dovecot, started as an unprivileged
process with its own configuration, passwords and maildirs in a temporary folder.

One server serves a whole test session; each test gets a user of its own, so tests
never see each other's mail. It listens on loopback with STARTTLS on one port and
TLS on another, with a certificate the tests make (tests/certificates.py) and
trust through SSL_CERT_FILE. Mail arrives the way a test says: APPENDed as real
RFC 5322 messages, with the arrival time the test chooses.
"""

from __future__ import annotations

import grp
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from imapclient import IMAPClient

from tests.certificates import self_signed
from tests.outreach.smtpd import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
# Dovecot will not deliver mail as root: the maildirs belong to nobody.
NOBODY = 65534

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
# The tests log in without TLS too, as security "none" does on this computer.
disable_plaintext_auth = no
auth_mechanisms = plain login
# A refused login answers within half a second (dovecot's shortest): the tests try
# wrong passwords on purpose. The anvil service below keeps no penalties, which
# would slow every later login from 127.0.0.1 up to 15 seconds.
auth_failure_delay = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd/%u
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
  }}
  mailbox "All Mail" {{
    special_use = \\All
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {starttls_port}
  }}
  inet_listener imaps {{
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service auth {{
  user = {user}
}}
"""

# What dovecot offers once logged in, but IDLE (and NOTIFY, which implies it).
WITHOUT_IDLE = (
    "IMAP4rev1 SASL-IR LITERAL+ ID ENABLE UNSELECT UIDPLUS NAMESPACE CHILDREN "
    "LIST-EXTENDED LIST-STATUS SPECIAL-USE ESEARCH SEARCHRES WITHIN MOVE"
)


@dataclass(frozen=True)
class Mailbox:
    """One test's user on the server."""

    server: Dovecot
    username: str
    password: str

    @contextmanager
    def client(self) -> Iterator[IMAPClient]:
        with IMAPClient("127.0.0.1", self.server.starttls_port, ssl=False, timeout=10) as client:
            client.login(self.username, self.password)
            yield client

    def create(self, folder: str) -> None:
        with self.client() as client:
            client.create_folder(folder)

    def append(
        self, folder: str, message: bytes, arrived: datetime, flags: Iterable[bytes] = ()
    ) -> int:
        """Deliver `message` to `folder` as arrived at `arrived`; its UID."""
        with self.client() as client:
            answer = client.append(folder, message, flags=tuple(flags), msg_time=arrived)
        # "[APPENDUID <uidvalidity> <uid>] Append completed."
        return int(answer.split(b"]")[0].split()[-1])

    def uidvalidity(self, folder: str) -> int:
        with self.client() as client:
            return int(client.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])

    def recreate(self, folder: str) -> None:
        """Delete the folder and make it again: its UIDVALIDITY changes."""
        with self.client() as client:
            client.delete_folder(folder)
            client.create_folder(folder)


@dataclass
class Dovecot:
    root: Path
    starttls_port: int
    tls_port: int
    process: subprocess.Popen[bytes]

    def add_user(self, idle: bool = True) -> Mailbox:
        """A new user with an empty INBOX, in a passwd-file of its own: dovecot
        caches a file it has read, within the second it changed in too. With
        `idle` False, the server offers that user no IDLE, as some servers do."""
        username = f"user{secrets.token_hex(4)}"
        password = secrets.token_urlsafe(12)
        # passwd-file's fields: user:password:uid:gid:gecos:home:shell:extra fields
        extra = "" if idle else f"::::::userdb_imap_capability={WITHOUT_IDLE}"
        (self.root / "passwd" / username).write_text(f"{username}:{{PLAIN}}{password}{extra}\n")
        return Mailbox(self, username, password)

    @property
    def certificate(self) -> Path:
        return self.root / "cert.pem"

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""


def _owner() -> tuple[int, int]:
    """The uid and gid dovecot and its maildirs run as: nobody when the tests run as
    root, else whoever runs them (a process cannot take another's uid)."""
    if os.geteuid() == 0:
        return NOBODY, NOBODY
    return os.getuid(), os.getgid()


@contextmanager
def running_dovecot() -> Iterator[Dovecot]:
    # Not under pytest's tmp_path: its folders are private to the user running the
    # tests, and dovecot's processes run as nobody.
    root = Path(tempfile.mkdtemp(prefix="nextsteps-dovecot-"))
    try:
        with _started(root) as server:
            yield server
    finally:
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def _started(root: Path) -> Iterator[Dovecot]:
    uid, gid = _owner()
    for folder in ("run", "state", "mail", "passwd"):
        (root / folder).mkdir()
    self_signed(root)
    starttls_port, tls_port = free_port(), free_port()
    (root / "dovecot.conf").write_text(
        CONFIG.format(
            root=root,
            user=pwd.getpwuid(uid).pw_name,
            group=grp.getgrgid(gid).gr_name,
            uid=uid,
            gid=gid,
            starttls_port=starttls_port,
            tls_port=tls_port,
        )
    )
    root.chmod(0o755)
    for path in (root, *root.rglob("*")):
        os.chown(path, uid, gid)
    as_owner = {"user": uid, "group": gid, "extra_groups": []} if os.geteuid() == 0 else {}
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **as_owner,  # type: ignore[call-overload]
    )
    server = Dovecot(root, starttls_port, tls_port, process)
    try:
        _wait_for(server)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(server: Dovecot) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", server.tls_port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"dovecot did not start:\n{server.log()}")
