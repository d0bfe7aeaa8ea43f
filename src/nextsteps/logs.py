"""What nextsteps writes to its server's log never holds a secret: the calendar
feed's token, or a password or key in a web address, is hidden in every line,
tracebacks included, whoever logged it (Django's request log, waitress)."""

from __future__ import annotations

import logging
import re

HIDDEN = "[hidden]"
SECRETS_IN_ADDRESSES = (
    # The secret calendar address: /calendar/<token>.ics
    re.compile(r"(/calendar/)(?!rotate/)[^/\s?#]+(\.ics)"),
    re.compile(r"(?i)([?&;](?:token|password|passwd|secret|key)=)[^&;#\s]*()"),
)


def hide_secrets(text: str) -> str:
    for pattern in SECRETS_IN_ADDRESSES:
        text = pattern.sub(rf"\g<1>{HIDDEN}\g<2>", text)
    return text


class SecretHidingFormatter(logging.Formatter):
    """Formats a record as usual, then hides the secrets in the whole text."""

    def format(self, record: logging.LogRecord) -> str:
        return hide_secrets(super().format(record))
