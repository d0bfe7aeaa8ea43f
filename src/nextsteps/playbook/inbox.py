"""What a mail in the user's inbox means for their applications.

Pure: the shell parses the mail (inbox/parsing.py) into an IncomingMail and asks
these rules what it is, which application it belongs to, and what to propose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

# How much of a mail's own words the rules read, and how much of them is kept.
TEXT_CHARS = 2000
SNIPPET_CHARS = 300


class MailKind(StrEnum):
    """What a mail is, whoever it is from."""

    REPLY = "reply"
    OUT_OF_OFFICE = "out-of-office"
    BOUNCE = "bounce"


class Match(StrEnum):
    """How a mail was tied to an application, strongest first."""

    THREAD = "thread"  # In-Reply-To or References names a message nextsteps sent
    CONTACT = "contact"  # the sender is one of the application's contacts
    COMPANY_DOMAIN = "company-domain"  # the sender writes from the company's domain
    APPLICANT_TRACKING = "applicant-tracking"  # an ATS's domain, naming the company

    @property
    def strong(self) -> bool:
        """A strong match acts at once; a weak one is proposed for the user to confirm."""
        return self in (Match.THREAD, Match.CONTACT)


@dataclass(frozen=True)
class IncomingMail:
    """One mail as the rules need it: its headers, the start of its own words, and
    for a delivery status report the recipients it failed for.

    Message-IDs keep their angle brackets, as nextsteps stores its own
    (`<id@domain>`). Addresses are lower case. `text` is the reply's own words
    (quoted text dropped, whitespace collapsed, at most TEXT_CHARS): the rules read
    it, nothing stores it; `snippet` is what is kept. The header values
    (Auto-Submitted and the rest) are as the mail gave them, one line each; empty
    when absent. `report_type` is the Content-Type's report-type parameter, lower
    case ("delivery-status" for a bounce); `original_message_id` the Message-ID of
    the mail a report is about, when it quotes it.
    """

    message_id: str
    sent_at: datetime
    from_address: str
    from_name: str = ""
    to_addresses: tuple[str, ...] = ()
    subject: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    auto_submitted: str = ""
    x_autoreply: str = ""
    x_autorespond: str = ""
    precedence: str = ""
    report_type: str = ""
    text: str = ""
    failed_recipients: tuple[str, ...] = ()
    original_message_id: str = ""

    def __post_init__(self) -> None:
        if self.sent_at.tzinfo is None:
            raise ValueError("An incoming mail's time needs a timezone.")

    @property
    def snippet(self) -> str:
        """The start of its words, cut at a word's end, as nextsteps keeps it."""
        if len(self.text) <= SNIPPET_CHARS:
            return self.text
        cut = self.text[: SNIPPET_CHARS - 1]
        space = cut.rfind(" ")
        return (cut[:space] if space > SNIPPET_CHARS // 2 else cut) + "…"

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """The Message-IDs it answers: In-Reply-To first, then References, newest first."""
        ids = ([self.in_reply_to] if self.in_reply_to else []) + list(reversed(self.references))
        if self.original_message_id:
            ids.append(self.original_message_id)
        return tuple(dict.fromkeys(ids))

    @property
    def from_domain(self) -> str:
        return self.from_address.rpartition("@")[2]
