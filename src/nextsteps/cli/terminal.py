"""Text on the user's terminal: what a name, a note or a server's answer holds is
shown, never acted on. A control character can retitle the window, move the
cursor or hide a line; it is printed escaped, as Python writes it (`\\x1b`), like
the bidirectional overrides and the bytes that were not UTF-8."""

from __future__ import annotations

import os
import re
import sys
import unicodedata

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


def columns(text: str) -> int:
    """How many columns `text` takes on a terminal: two for a wide character (Chinese,
    Japanese, most emoji), none for an accent that combines with the one before."""
    return sum(_columns(character) for character in text)


def _columns(character: str) -> int:
    if unicodedata.combining(character):
        return 0
    return 2 if unicodedata.east_asian_width(character) in "WF" else 1


def fit(text: str, width: int) -> str:
    """`text` cut to `width` columns, ending in an ellipsis when it was cut."""
    if columns(text) <= width:
        return text
    kept, used = [], 0
    for character in text:
        used += _columns(character)
        if used > width - 1:
            break
        kept.append(character)
    return "".join(kept) + "…"


def in_colour() -> bool:
    """Whether standard output is a terminal that shows styles (NO_COLOR says not)."""
    return (
        sys.stdout.isatty() and os.environ.get("TERM") != "dumb" and not os.environ.get("NO_COLOR")
    )


def styled(text: str, style: str) -> str:
    """`text` in a style (SGR codes: "1" bold, "1;31" bold red) on a terminal that
    shows them; as it is anywhere else."""
    return f"\x1b[{style}m{text}\x1b[0m" if style and in_colour() else text
