"""What a drafted message may say: which messages there are, which facts fill them,
and how a missing fact shows.

A missing fact becomes a visible placeholder such as `[[contact's name]]`, never a
guess: a message that still holds one is not sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from nextsteps.playbook.humandates import long_day
from nextsteps.playbook.step import StepKind


class MessageKind(StrEnum):
    """One shipped template each. The value is the template's name."""

    THANK_YOU = "thank_you"
    HANDWRITTEN_NOTE = "handwritten_note"
    FOLLOW_UP = "follow_up"
    # Article 004's second follow-up: "If they haven't made a decision, ask them
    # 'when do you think you will know?'"
    FOLLOW_UP_AGAIN = "follow_up_again"
    CHECK_IN = "check_in"
    SEND_MATERIALS = "send_materials"
    REPLY_TO_REJECTION = "reply_to_rejection"
    CALL_SCRIPT = "call_script"


# Each message in the words a person uses: "Write the thank-you", "Thank-you to
# Jane Doe at Acme", "Your wording of the check-in".
MESSAGE_NAMES: dict[MessageKind, str] = {
    MessageKind.THANK_YOU: "thank-you",
    MessageKind.HANDWRITTEN_NOTE: "handwritten note",
    MessageKind.FOLLOW_UP: "follow-up",
    MessageKind.FOLLOW_UP_AGAIN: "second follow-up",
    MessageKind.CHECK_IN: "check-in",
    MessageKind.SEND_MATERIALS: "note with the material",
    MessageKind.REPLY_TO_REJECTION: "reply to the rejection",
    MessageKind.CALL_SCRIPT: "call script",
}

# Messages nextsteps can send by e-mail; a card goes by post and a script is read aloud.
EMAILED = frozenset(
    {
        MessageKind.THANK_YOU,
        MessageKind.FOLLOW_UP,
        MessageKind.FOLLOW_UP_AGAIN,
        MessageKind.CHECK_IN,
        MessageKind.SEND_MATERIALS,
        MessageKind.REPLY_TO_REJECTION,
    }
)

# What a user types after `nextsteps draft ID`: the step it is for, and for a
# call script, the step a call can stand in for.
STEPS_FOR_WORD: dict[str, tuple[StepKind, ...]] = {
    "thank_you": (StepKind.THANK_YOU,),
    "handwritten_note": (StepKind.HANDWRITTEN_NOTE,),
    "follow_up": (StepKind.FOLLOW_UP,),
    "check_in": (StepKind.CHECK_IN,),
    "send_materials": (StepKind.SEND_MATERIALS,),
    "reply_to_rejection": (StepKind.REPLY_TO_REJECTION,),
    # A call follows up an interview (004 "phone them", 003 "check back in by phone");
    # the shell offers it only when one was held.
    "call_script": (StepKind.FOLLOW_UP,),
}


def message_word(text: str) -> str:
    """`thank-you` and `thank_you` are the same word; ValueError for an unknown one."""
    word = text.strip().lower().replace("-", "_")
    if word not in STEPS_FOR_WORD:
        raise ValueError(f"Unknown message {text!r}; use one of: {', '.join(STEPS_FOR_WORD)}.")
    return word


def message_kind(word: str, step: StepKind, attempt: int | None) -> MessageKind:
    """The template for a step: the second and later follow-ups ask when they will know."""
    if word == "call_script":
        return MessageKind.CALL_SCRIPT
    if step is StepKind.FOLLOW_UP and (attempt or 1) > 1:
        return MessageKind.FOLLOW_UP_AGAIN
    return MessageKind(step.value)


def word_of_kind(kind: MessageKind) -> str:
    """The word a user types for a message: both follow-ups are `follow_up`."""
    return MessageKind.FOLLOW_UP.value if kind is MessageKind.FOLLOW_UP_AGAIN else kind.value


def message_kind_of_step(step: StepKind, attempt: int | None) -> MessageKind | None:
    """The message a step is written as, or None for a step that is not a message."""
    word = step.value
    return message_kind(word, step, attempt) if word in STEPS_FOR_WORD else None


@dataclass(frozen=True)
class Reflection:
    """Article 002: "What were your strong points? Where do you need to improve?" and
    "any areas you may want to talk about in future communications"."""

    strong_points: tuple[str, ...] = ()
    to_improve: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


_REFLECTION_LABELS = {
    "strong points": "strong_points",
    "strengths": "strong_points",
    "strong": "strong_points",
    "to improve": "to_improve",
    "improve": "to_improve",
    "topics to mention": "topics",
    "topics": "topics",
    "mention": "topics",
}
_LABELLED = re.compile(r"^\s*(?P<label>[a-z ]+?)\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-*•]\s*(?P<item>.+)$")


def read_reflection(note: str) -> Reflection:
    """A reflection's note, written as labelled lines:

        Strong points: the SQL exercise; the stakeholder story
        Topics to mention:
        - their move to a data warehouse

    Items are separated by `;` or written as bullets under a label. Lines under
    no known label are left out rather than guessed at.
    """
    found: dict[str, list[str]] = {"strong_points": [], "to_improve": [], "topics": []}
    section: str | None = None
    for line in note.splitlines():
        labelled = _LABELLED.match(line)
        if labelled and labelled["label"].lower() in _REFLECTION_LABELS:
            section = _REFLECTION_LABELS[labelled["label"].lower()]
            items = labelled["rest"]
        elif (bullet := _BULLET.match(line)) and section:
            items = bullet["item"]
        else:
            section = None if not line.strip() else section
            continue
        if section:
            found[section].extend(i.strip() for i in items.split(";") if i.strip())
    return Reflection(
        strong_points=tuple(found["strong_points"]),
        to_improve=tuple(found["to_improve"]),
        topics=tuple(found["topics"]),
    )


# How a reflection's note names its parts; read_reflection reads each of them back.
_REFLECTION_PARTS = (
    ("Strong points", "strong_points"),
    ("To improve", "to_improve"),
    ("Topics to mention", "topics"),
)


def write_reflection(reflection: Reflection) -> str:
    """The note a reflection is stored as, one labelled line per part it has."""
    lines = ((label, getattr(reflection, name)) for label, name in _REFLECTION_PARTS)
    return "\n".join(f"{label}: {'; '.join(items)}" for label, items in lines if items)


def reflection_items(text: str) -> tuple[str, ...]:
    """What the user typed for one part: items on lines of their own or after `;`,
    with or without bullets."""
    items: list[str] = []
    for line in text.splitlines():
        bullet = _BULLET.match(line)
        items.extend((bullet["item"] if bullet else line).split(";"))
    return tuple(item.strip() for item in items if item.strip())


@dataclass(frozen=True)
class DraftFacts:
    """What nextsteps knows about one application when it drafts a message.

    None (or empty) means "not known": the draft shows a placeholder there.
    """

    sender_name: str | None = None
    contact_name: str | None = None
    contact_title: str | None = None
    company: str | None = None
    role: str | None = None
    interview_day: date | None = None
    applied_day: date | None = None
    decision_by: date | None = None
    material: str | None = None
    reflection: Reflection = field(default_factory=Reflection)
    thread_subject: str | None = None


PLACEHOLDER = re.compile(r"\[\[[^\[\]\n]{1,80}\]\]")


def placeholder(label: str) -> str:
    return f"[[{label}]]"


def fill_blanks(text: str, context: dict[str, str]) -> str:
    """A text written earlier, each blank (`[[your name]]`) whose fact `context` now
    knows filled in; the others stay, to be seen."""
    known: dict[str, str] = {}
    for name, blank in template_context(DraftFacts()).items():
        value = context.get(name, "")
        if blank and value and value != blank:
            known.setdefault(blank, value)  # of two names with one blank, the first
    return PLACEHOLDER.sub(lambda match: known.get(match[0], match[0]), text)


def placeholders_in(text: str) -> list[str]:
    """The placeholders still in a text, in order, each once."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


# Words that start a name without being the person's first name.
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord"}
)
# Titles that go with the first name, not the family name: "Dear Sir Alex".
_WITH_FIRST_NAME = frozenset({"sir", "dame"})
# Lower-case words that belong to a family name: "van der Berg", "de la Cruz".
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "la", "le", "du", "da", "di", "bin", "al"}
)


def greeting_name(full_name: str) -> str:
    """The name to greet someone by, from their name as the user entered it: "Giles"
    for "Giles Hargreaves", "Mr Hargreaves" for "Mr Giles Hargreaves" (never the
    title with both names), and the name whole when its first word is an initial.
    Letters keep the case and the stops the user typed."""
    words = full_name.split()
    if not words:
        return ""
    first = words[0].rstrip(".").lower()
    if first in _HONORIFICS and len(words) > 2:
        if first in _WITH_FIRST_NAME:
            return f"{words[0]} {words[1]}"
        return " ".join([words[0], *_family_name(words[2:])])
    if len(words) < 2 or first in _HONORIFICS or len(first) < 2:
        return " ".join(words)
    return words[0]


def _family_name(words: list[str]) -> list[str]:
    """The last name with the particles before it; a middle name is left out."""
    start = len(words) - 1
    while start > 0 and words[start - 1] in _PARTICLES:
        start -= 1
    return words[start:]


def subject_line(text: str) -> str:
    """A rendered subject: one line, starting with a capital."""
    line = " ".join(text.split())
    return line[:1].upper() + line[1:]


def spoken_list(items: tuple[str, ...]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def template_context(facts: DraftFacts) -> dict[str, str]:
    """The names a template can use, every one a string: a known fact, or a
    placeholder saying which fact is missing.

    Only these strings reach a template, so a template can show nothing about
    the user but this application's facts.
    """
    reflection = facts.reflection

    def known(value: str | None, label: str) -> str:
        return value.strip() if value and value.strip() else placeholder(label)

    def day(value: date | None, label: str) -> str:
        return long_day(value) if value else placeholder(label)

    def listed(items: tuple[str, ...], label: str) -> str:
        return spoken_list(items) if items else placeholder(label)

    contact = known(facts.contact_name, "contact's name")
    # Empty rather than a placeholder, so a template can ask `{% if interviewed %}`
    # and mention only what happened.
    yes_if = {True: "yes", False: ""}
    return {
        "sender_name": known(facts.sender_name, "your name"),
        "contact_name": contact,
        "greeting_name": greeting_name(facts.contact_name) if facts.contact_name else contact,
        "contact_title": known(facts.contact_title, "contact's title"),
        "company": known(facts.company, "company"),
        "role": known(facts.role, "role"),
        "interview_day": day(facts.interview_day, "interview day"),
        "applied_day": day(facts.applied_day, "day you applied"),
        "decision_by": day(facts.decision_by, "day they said they would decide by"),
        "material": known(facts.material, "what they asked for"),
        "strong_points": listed(reflection.strong_points, "a strong point from your interview"),
        "topics": listed(reflection.topics, "a topic you discussed"),
        # Empty rather than a placeholder: a first message in a thread has none.
        "thread_subject": (facts.thread_subject or "").strip(),
        "interviewed": yes_if[facts.interview_day is not None],
        "their_date": long_day(facts.decision_by) if facts.decision_by else "",
    }
