"""Text on the user's terminal: what a name, a note or a server's answer holds is
shown, never acted on. A control character can retitle the window, move the
cursor or hide a line; it is printed escaped, as Python writes it (`\\x1b`), like
the bidirectional overrides and the bytes that were not UTF-8."""

from __future__ import annotations

import re
import sys

_ACTED_ON = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def visible(text: str) -> str:
    """`text` with every character a terminal would act on written out instead;
    line breaks and tabs are kept."""
    return _ACTED_ON.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


def say(text: str = "", *, err: bool = False, end: str = "\n", flush: bool = False) -> None:
    """Print a line made of text nextsteps does not control (names, notes, replies)."""
    print(visible(text), end=end, file=sys.stderr if err else sys.stdout, flush=flush)
