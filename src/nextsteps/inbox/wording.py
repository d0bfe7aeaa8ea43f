"""A matched mail in words: how it was matched, what nextsteps did, and what it asks
the user. One table each, for the command line and the pages alike."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from nextsteps.inbox.models import MatchedMail
from nextsteps.playbook.humandates import say_day
from nextsteps.playbook.inbox import MailKind, Match, Proposal

HOW_MATCHED: dict[Match, str] = {
    Match.THREAD: "in reply to your message",
    Match.CONTACT: "from your contact",
    Match.COMPANY_DOMAIN: "from the company's domain",
    Match.APPLICANT_TRACKING: "from an applicant-tracking system naming the company",
}


def how_matched(row: MatchedMail) -> str:
    if row.kind == MailKind.YOURS:
        return "to your contact"
    return HOW_MATCHED[Match(row.match)]


def sender(row: MatchedMail) -> str:
    """Who wrote it, as the lists name them."""
    if row.kind == MailKind.YOURS:
        return "You"
    return row.from_name or row.from_address


def _on(day: date | None, today: date, words: str) -> str:
    return f" {words} {say_day(day, today)}" if day else ""


def question(row: MatchedMail, today: date) -> str:
    """What waits for the user's confirm or dismiss."""
    day = row.proposed_day
    return {
        Proposal.REPLY: "Is this their reply?",
        Proposal.DECISION_DATE: f"They will decide by {say_day(day, today) if day else '?'}?",
        Proposal.CONTACT_DATE: (
            f"They ask you to get in touch on {say_day(day, today) if day else '?'}?"
        ),
        Proposal.REJECTION: "Is this a rejection?",
        Proposal.INTERVIEW_INVITATION: f"An invitation to an interview{_on(day, today, 'on')}?",
        Proposal.AVAILABILITY: (
            f"They ask when you can come in: book the interview{_on(day, today, 'on')}?"
        ),
        Proposal.OFFER: f"An offer{f', to answer by {say_day(day, today)}' if day else ''}?",
        Proposal.MATERIAL_REQUEST: f"They ask for material{_on(day, today, 'by')}?",
        Proposal.YOUR_THANK_YOU: "Was this your thank-you?",
        Proposal.YOUR_FOLLOW_UP: "Was this your follow-up?",
    }[Proposal(row.proposal)]


def confirmed(row: MatchedMail, today: date) -> str:
    """What the user confirmed the mail as, on the day they confirmed."""
    day = row.proposed_day
    named = say_day(day, today) if day else "?"
    return {
        Proposal.REPLY: "it as their reply",
        Proposal.DECISION_DATE: f"they will decide by {named}",
        Proposal.CONTACT_DATE: f"they ask you to get in touch on {named}",
        Proposal.REJECTION: "it as a rejection",
        Proposal.INTERVIEW_INVITATION: f"an interview{_on(day, today, 'on')}",
        Proposal.AVAILABILITY: f"an interview{_on(day, today, 'on')}",
        Proposal.OFFER: f"an offer{f', to answer by {say_day(day, today)}' if day else ''}",
        Proposal.MATERIAL_REQUEST: f"they ask for material{_on(day, today, 'by')}",
        Proposal.YOUR_THANK_YOU: "it as your thank-you",
        Proposal.YOUR_FOLLOW_UP: "it as your follow-up",
    }[Proposal(row.proposal)]


def _stopped(count: int) -> str:
    if not count:
        return ""
    return f"; {count} message{'s' if count > 1 else ''} waiting to go stopped"


def what_was_done(row: MatchedMail, today: date) -> str:
    """What nextsteps did with it, in one sentence."""
    kind = MailKind(row.kind)
    if kind is MailKind.BOUNCE:
        return f"Mail to {row.bounced_address} bounced: check the address{_stopped(row.stopped)}."
    if kind is MailKind.OUT_OF_OFFICE:
        back = say_day(row.paused_until, today) if row.paused_until else "?"
        return f"Out of the office: follow-ups wait until {back}{_stopped(row.stopped)}."
    if kind is MailKind.YOURS and row.state != MatchedMail.State.CONFIRMED:
        return f"You wrote to them yourself{_stopped(row.stopped)}."
    if row.state == MatchedMail.State.CONFIRMED:
        return f"You confirmed {confirmed(row, today)}{_stopped(row.stopped)}."
    if row.state == MatchedMail.State.DISMISSED:
        return "You dismissed it: nothing changed."
    if not row.match_is_strong:
        return "Nothing changed yet."
    if row.event_id is None:
        return "Not recorded: its date is not one nextsteps can plan with."
    return f"Recorded as their reply{_stopped(row.stopped)}."


def bounced_here(when: datetime, zone: tzinfo, today: date) -> str:
    """Beside a contact whose address a mail bounced from."""
    return f"Mail to this address bounced {say_day(when.astimezone(zone).date(), today)}: check it."
