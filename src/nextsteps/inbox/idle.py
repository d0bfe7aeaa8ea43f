"""Hearing of new mail as it arrives, where the server can say so: IMAP IDLE (RFC 2177).

A Listener holds one logged-in connection with the folder the sync reads selected,
and waits in IDLE for the server to announce a mail (an untagged EXISTS). It reads
nothing: what arrived is the sync's business (inbox.sync). IDLE is re-issued at
every wait, well within the 29 minutes after which a server may drop it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from imapclient import IMAPClient

from nextsteps.outreach import imap
from nextsteps.outreach.connections import Cause, Server

# How often a wait looks at its `stop` event: how soon a worker stopping lets go.
TICK_SECONDS = 1.0


@contextmanager
def listening(server: Server, folder: str) -> Iterator[Listener | None]:
    """A Listener on `folder`, logged out at the end; None when the server has no IDLE.
    Raises imap.ImapFailure as the sync's session does."""
    with imap.session(server, timeout=settings.IMAP_TIMEOUT_SECONDS) as client:
        # The capabilities after the login: a server may offer IDLE only then.
        if not client.has_capability("IDLE"):
            yield None
            return
        client.select_folder(folder, readonly=True)
        yield Listener(client, server)


class Listener:
    def __init__(self, client: IMAPClient, server: Server) -> None:
        self.client = client
        self.server = server

    def next_mail(self, seconds: float, stop: threading.Event) -> bool:
        """Whether a mail arrived within `seconds`; False as soon as `stop` is set."""
        deadline = time.monotonic() + seconds
        self.client.idle()
        heard = False
        try:
            while not heard and not stop.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                tick = min(TICK_SECONDS, left)
                began = time.monotonic()
                responses = self.client.idle_check(timeout=tick)
                if any(_says_goodbye(r) for r in responses) or (
                    # A closed connection is readable with nothing in it: imapclient
                    # then answers at once with nothing, again and again.
                    not responses and time.monotonic() - began < tick / 2
                ):
                    raise imap.ImapFailure(
                        Cause.UNREACHABLE, f"{self.server.where} closed the connection."
                    )
                heard = any(_announces_mail(r) for r in responses)
        finally:
            self.client.idle_done()
        return heard


def _announces_mail(response: tuple[object, ...]) -> bool:
    """`* 12 EXISTS`: the folder holds 12 mails now, so one or more arrived (a mail
    deleted is announced as EXPUNGE instead)."""
    return len(response) > 1 and response[1] == b"EXISTS"


def _says_goodbye(response: tuple[object, ...]) -> bool:
    return bool(response) and response[0] == b"BYE"
