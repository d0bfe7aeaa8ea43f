"""A matched mail as the pages show it: made from the rows the view read, in the
user's words and on their clock; templates only lay it out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from nextsteps.inbox.models import MatchedMail
from nextsteps.inbox.services import NEEDS_A_DAY
from nextsteps.inbox.wording import how_matched, question, sender, what_was_done
from nextsteps.playbook.humandates import say_moment
from nextsteps.playbook.inbox import MailKind, Proposal, sources_of


@dataclass(frozen=True)
class MailCard:
    id: int
    application_id: int
    application: str
    sender: str
    when: str
    subject: str
    snippet: str
    matched: str
    done: str
    # What it asks the user, when it waits for them.
    question: str = ""
    # An invitation is confirmed with the interview's day and time.
    asks_for_a_day: bool = False
    proposed_day: date | None = None
    # The articles its reading follows.
    sources: tuple[str, ...] = ()


def mail_card(row: MatchedMail, zone: tzinfo, now: datetime) -> MailCard:
    """`row` with its application and company read."""
    today = now.astimezone(zone).date()
    waiting = row.state == MatchedMail.State.WAITING
    return MailCard(
        id=row.id,
        application_id=row.application_id,
        application=str(row.application),
        sender=sender(row),
        when=say_moment(row.sent_at, zone, today),
        subject=row.subject,
        snippet=row.snippet,
        matched=how_matched(row),
        done=what_was_done(row, today),
        question=question(row, today) if waiting else "",
        asks_for_a_day=waiting and Proposal(row.proposal) in NEEDS_A_DAY,
        proposed_day=row.proposed_day,
        sources=sources_of(MailKind(row.kind), Proposal(row.proposal) if row.proposal else None),
    )
