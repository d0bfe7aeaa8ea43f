"""What a mail in the user's inbox means for their applications.

Pure: the shell parses the mail (inbox/parsing.py) into an IncomingMail and asks
these rules what it is, which application it belongs to, and what to propose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from nextsteps.playbook import mailwords as words
from nextsteps.playbook import sources
from nextsteps.playbook.maildates import named_days
from nextsteps.playbook.step import StepKind
from nextsteps.playbook.timeline import EventKind

# How much of a mail's own words the rules read, and how much of them is kept.
TEXT_CHARS = 2000
SNIPPET_CHARS = 300
# How many of a mail's References are looked up among nextsteps' own messages.
THREAD_DEPTH = 20


class MailKind(StrEnum):
    """What a mail is, whoever it is from."""

    REPLY = "reply"
    OUT_OF_OFFICE = "out-of-office"
    BOUNCE = "bounce"
    # The user's own mail to an application's contact, written in their mail program
    # (their Sent folder, or All Mail).
    YOURS = "yours"


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
        """The Message-IDs it answers: In-Reply-To first, then the newest References
        (a long thread's first messages are not what it answers)."""
        newest = list(reversed(self.references))[:THREAD_DEPTH]
        ids = ([self.in_reply_to] if self.in_reply_to else []) + newest
        if self.original_message_id:
            ids.append(self.original_message_id)
        return tuple(dict.fromkeys(ids))

    @property
    def from_domain(self) -> str:
        return self.from_address.rpartition("@")[2]


class Proposal(StrEnum):
    """What nextsteps proposes a mail to be, for the user to confirm."""

    REPLY = "reply"  # a weak match: is this their reply?
    DECISION_DATE = "decision-date"  # they say when they will decide
    CONTACT_DATE = "contact-date"  # they ask you to get in touch on a day
    REJECTION = "rejection"
    INTERVIEW_INVITATION = "interview-invitation"
    AVAILABILITY = "availability"  # they ask when you can talk or come in
    OFFER = "offer"
    MATERIAL_REQUEST = "material-request"
    # The user's own mail: the step it may have done.
    YOUR_THANK_YOU = "your-thank-you"
    YOUR_FOLLOW_UP = "your-follow-up"


# What the user's own mail is proposed as (the others are the employer's).
YOUR_PROPOSALS = frozenset({Proposal.YOUR_THANK_YOU, Proposal.YOUR_FOLLOW_UP})

# The event each proposal is recorded as once the user confirms it.
PROPOSED_EVENTS: dict[Proposal, EventKind] = {
    Proposal.REPLY: EventKind.EMPLOYER_REPLIED,
    Proposal.DECISION_DATE: EventKind.EMPLOYER_REPLIED,
    Proposal.CONTACT_DATE: EventKind.EMPLOYER_REPLIED,
    Proposal.REJECTION: EventKind.REJECTED,
    Proposal.INTERVIEW_INVITATION: EventKind.INTERVIEW_SCHEDULED,
    Proposal.AVAILABILITY: EventKind.INTERVIEW_SCHEDULED,
    Proposal.OFFER: EventKind.OFFER_RECEIVED,
    Proposal.MATERIAL_REQUEST: EventKind.MATERIALS_REQUESTED,
    Proposal.YOUR_THANK_YOU: EventKind.THANK_YOU_SENT,
    Proposal.YOUR_FOLLOW_UP: EventKind.FOLLOW_UP_SENT,
}

# The open steps a mail the user wrote to a contact may have done, and what it is
# then proposed as: a thank-you first, as it is the first due after an interview.
DONE_BY_YOUR_MAIL: dict[StepKind, Proposal] = {
    StepKind.THANK_YOU: Proposal.YOUR_THANK_YOU,
    StepKind.FOLLOW_UP: Proposal.YOUR_FOLLOW_UP,
    StepKind.CHECK_IN: Proposal.YOUR_FOLLOW_UP,
    StepKind.ASK_FOR_WRITTEN_OFFER: Proposal.YOUR_FOLLOW_UP,
}


def could_be_done_by_your_mail(step: StepKind, not_before: datetime, written: datetime) -> bool:
    """Whether the user's mail, written at `written` on their clock, can be the step
    that could be done from `not_before`: a thank-you once the interview ended (a mail
    that morning is about something else), a follow-up from its day on."""
    if step is StepKind.THANK_YOU:
        return written >= not_before
    return written.date() >= not_before.astimezone(written.tzinfo).date()


# What the employer's mail may have been logged as by hand before the inbox found it.
LOGGED_BY_HAND_AS = frozenset(
    event for proposal, event in PROPOSED_EVENTS.items() if proposal not in YOUR_PROPOSALS
)


@dataclass(frozen=True)
class Meaning:
    """What a mail is and says: its kind, what it is proposed as and the day its words
    name for that (the return from an absence, the interview, the decision), with
    the articles the reading follows."""

    kind: MailKind
    proposal: Proposal | None = None
    day: date | None = None
    sources: tuple[str, ...] = ()


def _words(mail: IncomingMail) -> str:
    return f"{mail.subject} {mail.text}".casefold()


def _says(text: str, phrases: tuple[str, ...]) -> bool:
    return any(phrase in text for phrase in phrases)


def is_bounce(mail: IncomingMail) -> bool:
    """A delivery status report (RFC 3464) saying the mail reached nobody at an address."""
    return mail.report_type == "delivery-status" and bool(mail.failed_recipients)


def is_out_of_office(mail: IncomingMail) -> bool:
    """An automatic answer to the user's mail (RFC 3834's auto-replied, the headers
    vacation programs add), or one that says it is in its subject or first words.
    Auto-Submitted: auto-generated is a notification, not an answer: an applicant
    tracking system's rejection says so too."""
    if mail.auto_submitted.casefold().startswith("auto-replied"):
        return True
    if mail.x_autoreply or mail.x_autorespond:
        return True
    if mail.precedence.casefold() == "auto_reply":
        return True
    opening = f"{mail.subject} {mail.text[:SNIPPET_CHARS]}".casefold()
    return _says(opening, words.OUT_OF_OFFICE)


def back_on(mail: IncomingMail, written: date, pause_days: int) -> date:
    """The day an out-of-office says its writer is back: the day after the last day it
    names as away ("until Friday 20th inclusive", "bis einschließlich 20.11."), or the
    day it names for the return ("back on Monday 23rd"); without one, `pause_days`
    after it was written."""
    text = mail.text.casefold()
    ahead = [
        d
        for d in named_days(text, written)
        if written < d.day <= written + timedelta(days=words.LONGEST_ABSENCE_DAYS)
    ]
    if not ahead:
        return written + timedelta(days=pause_days)
    last = max(ahead, key=lambda d: d.day)
    before = text[max(0, last.at - words.CUE_CHARS) : last.at]
    if _says(before, words.INCLUSIVE) or _says(text[last.at : last.at + 40], words.INCLUSIVE):
        return last.day + timedelta(days=1)
    return last.day


def proposal_of(mail: IncomingMail) -> Proposal | None:
    """What a person's mail says, by its words; the first that fits wins, the
    settling ones first: "we offer you an interview" is an invitation, and a
    rejection that thanks you for the interview is a rejection."""
    text = _words(mail)
    for proposal, phrases in PROPOSAL_WORDS:
        if _says(text, phrases):
            return proposal
    return None


def first_day_ahead(mail: IncomingMail, written: date) -> date | None:
    """The first day after `written` that its words name: the interview's, or the
    day the material is wanted by."""
    ahead = [d.day for d in named_days(mail.text.casefold(), written) if d.day > written]
    return ahead[0] if ahead else None


def dated_reply(mail: IncomingMail, written: date) -> tuple[Proposal, date] | None:
    """A day a reply names, and whether it is when they decide ("we will let you know
    by Friday") or when to get in touch ("call me on the 20th"); None when it names
    no day in such words ("thanks for your mail of 3 November")."""
    text = mail.text.casefold()
    for named in named_days(text, written):
        if named.day <= written:
            continue
        before = text[max(0, named.at - words.CUE_CHARS) : named.at]
        if _says(before, words.GET_IN_TOUCH):
            return Proposal.CONTACT_DATE, named.day
        if _says(before, words.DECISION):
            return Proposal.DECISION_DATE, named.day
    return None


def read_mail(mail: IncomingMail, written: date, pause_days: int) -> Meaning:
    """What a mail means, `written` being the day it was written on the user's
    calendar: a bounce, an out-of-office (back on the day it names, or after
    `pause_days`), or a person's reply, proposed as what its words say.

    004: follow up "if they haven't got back to you by then": a reply is their
    getting back, so no follow-up chases it. 001: "If the interviewer asked you to
    wait a week before following up on the position, respect their wishes": an
    absence is waited out. 001: "If a hiring manager tells you that you didn't get
    the position, thank them again", and send requested material "by the next
    morning"; 000: "You can give up the search once an offer of employment is
    official."
    """
    if is_bounce(mail):
        return Meaning(MailKind.BOUNCE)
    if is_out_of_office(mail):
        back = back_on(mail, written, pause_days)
        return Meaning(MailKind.OUT_OF_OFFICE, day=back, sources=sources_of(MailKind.OUT_OF_OFFICE))
    proposal = proposal_of(mail)
    if proposal is None:
        dated = dated_reply(mail, written)
        proposal, day = dated if dated is not None else (None, None)
    else:
        day = first_day_ahead(mail, written)
    return Meaning(MailKind.REPLY, proposal, day, sources_of(MailKind.REPLY, proposal))


def sources_of(kind: MailKind, proposal: Proposal | None = None) -> tuple[str, ...]:
    """The articles a mail's reading follows, for the pages to cite."""
    if kind is MailKind.BOUNCE:
        return ()
    if kind is MailKind.YOURS:
        return PROPOSAL_SOURCES[proposal] if proposal else ()
    if kind is MailKind.OUT_OF_OFFICE:
        return (sources.BEST_PRACTICES,)
    return PROPOSAL_SOURCES[proposal or Proposal.REPLY]


# Tried in this order: what settles an application first.
PROPOSAL_WORDS = (
    (Proposal.REJECTION, words.REJECTION),
    (Proposal.OFFER, words.OFFER),
    (Proposal.INTERVIEW_INVITATION, words.INTERVIEW_INVITATION),
    (Proposal.AVAILABILITY, words.AVAILABILITY),
    (Proposal.MATERIAL_REQUEST, words.MATERIAL_REQUEST),
)

PROPOSAL_SOURCES: dict[Proposal, tuple[str, ...]] = {
    Proposal.REPLY: (sources.HOW_TO_FOLLOW_UP,),
    Proposal.DECISION_DATE: (sources.BEST_PRACTICES, sources.HOW_TO_FOLLOW_UP),
    Proposal.CONTACT_DATE: (sources.BEST_PRACTICES,),
    Proposal.REJECTION: (sources.BEST_PRACTICES,),
    Proposal.INTERVIEW_INVITATION: (sources.FOUR_THINGS,),
    Proposal.AVAILABILITY: (sources.FOUR_THINGS,),
    Proposal.OFFER: (sources.DID_I_GET_THE_JOB,),
    Proposal.MATERIAL_REQUEST: (sources.BEST_PRACTICES,),
    Proposal.YOUR_THANK_YOU: (sources.FOUR_THINGS,),
    Proposal.YOUR_FOLLOW_UP: (sources.HOW_TO_FOLLOW_UP,),
}


@dataclass(frozen=True)
class Prospect:
    """An application as matching sees it: its company's name and mail domains, its
    contacts' addresses, and whether it is still under way."""

    application_id: int
    company: str
    domains: frozenset[str] = frozenset()
    addresses: frozenset[str] = frozenset()
    active: bool = True


def company_domains(website: str, addresses: Iterable[str]) -> frozenset[str]:
    """The company's own mail domains: its website's, and its contacts' unless they
    write from a mail service anyone can use."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", website.strip().casefold()).split("/")[0]
    host = host.split(":")[0].removeprefix("www.")
    found = {host} if "." in host else set()
    found |= {a.rpartition("@")[2].casefold() for a in addresses if "@" in a}
    return frozenset(d for d in found if d and d not in words.FREE_MAIL)


def _within(domain: str, parents: Iterable[str]) -> bool:
    return any(domain == p or domain.endswith("." + p) for p in parents)


def _bulk(mail: IncomingMail) -> bool:
    return mail.precedence.casefold() in ("bulk", "list", "junk")


def is_applicant_tracking(domain: str) -> bool:
    return _within(domain, words.APPLICANT_TRACKING)


def names_company(mail: IncomingMail, company: str) -> bool:
    """Whether the mail names the company (its legal form aside) in its sender's
    name, subject or words, as whole words."""
    name = [w for w in re.findall(r"\w+", company.casefold()) if w not in words.LEGAL_FORMS]
    if not name or len("".join(name)) < 3:
        return False
    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, name)) + r"\b")
    return bool(pattern.search(f"{mail.from_name} {mail.subject} {mail.text}".casefold()))


def could_match(mail: IncomingMail, addresses: Set[str], domains: Set[str]) -> bool:
    """Whether a mail without thread headers of ours could match any application, given
    every address of the owner's contacts and every domain of their companies: the
    cheap test that spares a mailbox's newsletters a look in the database."""
    senders = set(mail.failed_recipients) if is_bounce(mail) else {mail.from_address}
    if senders & addresses:
        return True
    if mail.report_type or is_out_of_office(mail):
        return False  # only a contact's (or a thread's) acts; nothing is proposed
    domain = mail.from_domain
    return bool(domain) and (_within(domain, domains) or is_applicant_tracking(domain))


def match(
    mail: IncomingMail, prospects: Sequence[Prospect], threaded: int | None = None
) -> tuple[int, Match] | None:
    """The application a mail belongs to and how surely, strongest first: it answers a
    message nextsteps sent for it (`threaded`); it comes from (or, for a bounce, is
    about) one of its contacts; it comes from the company's domain; an
    applicant-tracking system sent it naming the company. `prospects` come in the
    order to prefer among equals; a weak match considers only those under way.

    A report that is not a bounce (a delivery delayed, a read receipt) means nothing,
    and neither does a mailing list's or a newsletter's mail from the company."""
    if mail.report_type and not is_bounce(mail):
        return None
    if threaded is not None:
        return threaded, Match.THREAD
    senders = set(mail.failed_recipients) if is_bounce(mail) else {mail.from_address}
    ordered = sorted(prospects, key=lambda p: not p.active)
    for prospect in ordered:
        if senders & prospect.addresses:
            return prospect.application_id, Match.CONTACT
    if is_bounce(mail) or is_out_of_office(mail):
        return None  # only a strong match acts on these; nothing to propose
    under_way = [p for p in ordered if p.active]
    for prospect in under_way:
        if mail.from_domain and _within(mail.from_domain, prospect.domains) and not _bulk(mail):
            return prospect.application_id, Match.COMPANY_DOMAIN
    if is_applicant_tracking(mail.from_domain):
        for prospect in under_way:
            if names_company(mail, prospect.company):
                return prospect.application_id, Match.APPLICANT_TRACKING
    return None
