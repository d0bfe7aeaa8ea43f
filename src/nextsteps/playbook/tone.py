"""The tone check: what in a drafted message the articles advise against, and why.

Each rule is one row: what it looks for, the sentence the user sees, and the
article (title and sentence) it comes from. Phrase rules (phrases.py) and the
writing rules (writing.py: shouting, careless writing) point at the words they
found, so an editor can mark them inline; timing and length rules are about the
whole message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from nextsteps.playbook import sources
from nextsteps.playbook.drafting import MessageKind
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.phrases import PHRASE_RULES, PhraseRule
from nextsteps.playbook.writing import Finding, careless, shouting


@dataclass(frozen=True)
class Flag:
    """One thing to reconsider. `part` is "subject" or "body" with the span of the
    words found, or None when the flag is about the whole message."""

    rule: str
    message: str
    sources: tuple[str, ...]
    quote: str
    part: str | None = None
    start: int = 0
    end: int = 0
    found: str = ""


@dataclass(frozen=True)
class Timing:
    """When the message would go out, and the dates the playbook gave its step.

    `not_before` is the step's first day (a follow-up's "the 13th"), `deadline`
    the last moment a thank-you counts as within 24 hours of the interview.
    """

    send_at: datetime
    zone: tzinfo
    not_before: datetime | None = None
    all_day: bool = False
    deadline: datetime | None = None


FOLLOW_UPS = frozenset(
    {
        MessageKind.FOLLOW_UP,
        MessageKind.FOLLOW_UP_AGAIN,
        MessageKind.CHECK_IN,
        MessageKind.CALL_SCRIPT,
    }
)

# Article 002: "Thank you cards (or emails) don't need to be long and elaborate".
# The limits are ours: a card's face, and an e-mail read on a phone in one screen.
WORD_LIMITS: dict[MessageKind, int] = {
    MessageKind.THANK_YOU: 150,
    MessageKind.HANDWRITTEN_NOTE: 80,
}


def check_tone(
    kind: MessageKind | None, subject: str, body: str, timing: Timing | None
) -> list[Flag]:
    """Every flag for a message, the flags on its words first, in reading order.
    Without a kind (any text) the rules of a kind's length and timing do not apply."""
    # Curly apostrophes match as straight ones; the swap keeps every offset.
    whole = f"{subject}\n{body}".replace("’", "'")
    flags = [
        *_word_flags(kind, "subject", subject, whole),
        *_word_flags(kind, "body", body, whole),
        *_length_flags(kind, body),
    ]
    if kind is not None and timing is not None:
        timed = (check(kind, timing) for check in TIMING_RULES)
        flags.extend(flag for flag in timed if flag is not None)
    return flags


def _word_flags(kind: MessageKind | None, part: str, text: str, whole: str) -> list[Flag]:
    plain = text.replace("’", "'")
    found = [
        _phrase_flag(rule, kind, part, m)
        for rule in PHRASE_RULES
        if rule.unless is None or not rule.unless.search(whole)
        for m in rule.pattern.finditer(plain)
    ]
    for rule, finder in WRITING_RULES:
        found += [
            Flag(
                rule.rule,
                f"{finding.advice} {rule.message}",
                rule.sources,
                rule.quote,
                part,
                finding.start,
                finding.end,
                text[finding.start : finding.end],
            )
            for finding in finder(text)
        ]
    return sorted(found, key=lambda f: (f.start, f.end))


def _phrase_flag(
    rule: PhraseRule, kind: MessageKind | None, part: str, match: re.Match[str]
) -> Flag:
    message, quote = rule.message, rule.quote
    if rule.graciously is not None and kind is MessageKind.REPLY_TO_REJECTION:
        message, quote = rule.graciously
    return Flag(rule.rule, message, rule.sources, quote, part, match.start(), match.end(), match[0])


@dataclass(frozen=True)
class WritingRule:
    rule: str
    message: str
    sources: tuple[str, ...]
    quote: str


WRITING_RULES: tuple[tuple[WritingRule, Callable[[str], list[Finding]]], ...] = (
    (
        WritingRule(
            rule="shouting",
            message="Write calmly: capitals and runs of ! or ? read as shouting.",
            sources=(sources.BEST_PRACTICES,),
            quote="Be sure to keep your call or email polite rather than accusatory",
        ),
        shouting,
    ),
    (
        WritingRule(
            rule="careless",
            message="A careless message undoes a good interview.",
            sources=(sources.BEST_PRACTICES,),
            quote="While the first impression you make at your job interview is huge, your "
            "behavior after the interview can also influence your chances of landing the "
            "position.",
        ),
        careless,
    ),
)


def _length_flags(kind: MessageKind | None, body: str) -> list[Flag]:
    limit = WORD_LIMITS.get(kind) if kind is not None else None
    words = len(body.split())
    if limit is None or words <= limit:
        return []
    return [
        Flag(
            rule="too_long",
            message=f"This is {words} words long: a thank-you needn't be long and elaborate. "
            f"Aim for {limit} words or fewer.",
            sources=(sources.FOUR_THINGS,),
            quote="Thank you cards (or emails) don’t need to be long and elaborate, you simply "
            "want to thank the Hiring Manager for the opportunity to interview, and reaffirm "
            "your excitement for the position and what comes next.",
        )
    ]


def _early(kind: MessageKind, timing: Timing) -> Flag | None:
    """004: "Not one day earlier and not one day later." 001: "you shouldn't call your
    interviewer up the very next day to ask about the job"."""
    if kind not in FOLLOW_UPS or timing.not_before is None:
        return None
    sending = timing.send_at.astimezone(timing.zone)
    first = timing.not_before.astimezone(timing.zone)
    early = sending.date() < first.date() if timing.all_day else sending < first
    if not early:
        return None
    return Flag(
        rule="early",
        message=f"This would go out on {day_label(sending.date())}, before the playbook's "
        f"date ({day_label(first.date())}): contacting them earlier makes you a nuisance.",
        sources=(sources.HOW_TO_FOLLOW_UP, sources.BEST_PRACTICES),
        quote="If you contact them earlier you will be a nuisance.",
    )


def _late_thank_you(kind: MessageKind, timing: Timing) -> Flag | None:
    """001: "try to send one within 24 hours of the interview". 002: "Just make sure you
    send it within the next 24 hours"."""
    if kind is not MessageKind.THANK_YOU or timing.deadline is None:
        return None
    if timing.send_at.timestamp() <= timing.deadline.timestamp():
        return None
    deadline = timing.deadline.astimezone(timing.zone)
    return Flag(
        rule="late_thank_you",
        message="This thank-you would arrive more than 24 hours after the interview (the "
        f"window closed {day_label(deadline.date())} at {deadline:%H:%M}).",
        sources=(sources.BEST_PRACTICES, sources.FOUR_THINGS),
        quote="emails are received much more promptly (try to send one within 24 hours of "
        "the interview).",
    )


TIMING_RULES: tuple[Callable[[MessageKind, Timing], Flag | None], ...] = (
    _early,
    _late_thank_you,
)
