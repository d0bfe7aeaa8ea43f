"""The tone check: what in a drafted message the articles advise against, and why.

Each rule is one row: what it looks for, the sentence the user sees, and the
article (title and sentence) it comes from. Phrase rules point at the words they
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


@dataclass(frozen=True)
class PhraseRule:
    rule: str
    pattern: re.Pattern[str]
    message: str
    sources: tuple[str, ...]
    quote: str


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


# A job word that is the job itself, not its description or its title.
_JOB = r"(?:job|position|role|offer)\b(?![ -](?:description|spec|details|title|posting|ad)\b)"

PHRASE_RULES: tuple[PhraseRule, ...] = (
    PhraseRule(
        rule="did_i_get_the_job",
        pattern=_words(
            rf"\b(?:did|have|do) i (?:get|got|land|landed|win|won) (?:the|this|that) {_JOB}",
            rf"\bis (?:the|this|that) {_JOB} mine\b",
            r"\bam i (?:hired|getting (?:the|this|that) (?:job|position|role|offer))\b",
            r"\bhave i been (?:hired|selected|chosen|successful)\b",
            r"\b(?:did|will|have|are) you (?:going to )?(?:hire|hired|choose|chosen|chose|pick|"
            r"picked|select|selected|offer) me\b",
        ),
        message="Don't ask whether you got the job: ask what the next steps are and when "
        "you can expect to hear back.",
        sources=(sources.DID_I_GET_THE_JOB,),
        quote="Don’t ask this question. This is unprofessional, it puts the hiring manager "
        "in a difficult spot and it is unlikely to help advance your candidacy.",
    ),
    PhraseRule(
        rule="apology",
        pattern=_words(
            r"\b(?:sorry|apologi[sz]e|apologies|forgive me|pardon me)\b[^.!?\n]{0,40}?"
            r"\b(?:bother\w*|disturb\w*|follow(?:ing)?[- ]up|chas(?:e|ing)|reach(?:ing)? out|"
            r"pester\w*|intru\w+|nag\w*|writing (?:to you )?again|contact(?:ing)? you again|"
            r"e-?mail(?:ing)? (?:you )?again|taking up your time)",
            r"\bi hate to (?:bother|chase|pester|nag|disturb|be a (?:pest|nuisance))",
            r"\b(?:hope|hopefully) (?:i'm|i am|this is|i'm) not (?:bothering|disturbing|"
            r"pestering|annoying|being (?:a )?(?:nuisance|pest|pushy))",
        ),
        message="Don't apologise for following up: it is common courtesy for them to get "
        "back to you.",
        sources=(sources.HOW_TO_FOLLOW_UP,),
        quote="Don’t feel ashamed about following up and don’t apologize for doing so.",
    ),
    PhraseRule(
        rule="accusing",
        pattern=_words(
            r"\byou (?:said|told me|promised)(?: (?:me|that))? (?:you(?:'d| would)|"
            r"(?:i|i'd) (?:would )?hear)",
            r"\byou promised\b",
            r"\byou were supposed to\b",
            r"\bstill (?:haven't|have not|hasn't|has not|didn't|did not) (?:heard|had|received|"
            r"got(?:ten)?) (?:back|anything|a (?:reply|response|word|answer))?",
            r"\bi (?:still )?(?:haven't|have not) heard (?:anything|a (?:thing|word)|back)"
            r"(?: yet| at all)?,? (?:even though|although|despite|which)",
            r"\bstill no (?:word|answer|reply|response|news|update)\b",
            r"\bwhy (?:haven't|have not|didn't|did not) (?:you|i|anyone)\b",
            r"\b(?:haven't|have not|didn't|did not) you (?:call|reply|respond|write|get back)",
            r"\bno(?: ?one|body) (?:has )?(?:got|gotten|get|come) back to me\b",
            r"\bi(?:'ve| have) been waiting (?:to hear|for (?:an?|your) (?:answer|reply|response|"
            r"news|update|decision)|patiently|for (?:weeks|days|ages)|since)",
            r"\bi (?:need|expect|demand) (?:an answer|a decision|to (?:know|hear)) "
            r"(?:by|today|now|immediately|asap|this week)",
            r"\b(?:asap|urgent(?:ly)?)\b",
        ),
        message="Keep it polite rather than accusing or pressing: thank them again for "
        "considering you and ask where they are in the hiring process.",
        sources=(sources.BEST_PRACTICES,),
        quote="Be sure to keep your call or email polite rather than accusatory: thank your "
        "interviewer again for considering you, and ask them where they’re at in the "
        "hiring process.",
    ),
)

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
    """Every flag for a message, phrase flags first in reading order. Without a kind
    (any text) the rules of a kind's length and timing do not apply."""
    flags = [
        *_phrase_flags("subject", subject),
        *_phrase_flags("body", body),
        *_length_flags(kind, body),
    ]
    if kind is not None and timing is not None:
        timed = (check(kind, timing) for check in TIMING_RULES)
        flags.extend(flag for flag in timed if flag is not None)
    return flags


def _phrase_flags(part: str, text: str) -> list[Flag]:
    # Curly apostrophes match as straight ones; the swap keeps every offset.
    plain = text.replace("’", "'")
    found = [
        Flag(rule.rule, rule.message, rule.sources, rule.quote, part, m.start(), m.end(), m[0])
        for rule in PHRASE_RULES
        for m in rule.pattern.finditer(plain)
    ]
    return sorted(found, key=lambda f: (f.start, f.end))


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
