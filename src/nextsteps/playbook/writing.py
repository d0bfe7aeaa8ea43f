"""How a message is written, apart from what it says: careless writing (no capital
letters, missing apostrophes, misspelt words) and shouting (capitals, !!! and ???).

Spelling uses pyspellchecker's own English dictionary, read once from the library's
package (like the shipped playbooks, the only thing this core reads), with British
spellings and the words of a job search that it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spellchecker import SpellChecker


@dataclass(frozen=True)
class Finding:
    """Words found at `start:end` of the text, and what to do about them."""

    start: int
    end: int
    advice: str


# Words written without their apostrophe, and how they are spelt with it. Words
# that are also words without one ("its", "were", "lets", "ill") are not here.
_APOSTROPHES = {
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "wont": "won't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "im": "I'm",
    "ive": "I've",
    "youre": "you're",
    "youve": "you've",
    "youll": "you'll",
    "theyre": "they're",
    "theyve": "they've",
    "thats": "that's",
    "whats": "what's",
    "theres": "there's",
    "heres": "here's",
}

# British spellings the American dictionary lacks, as (British ending, American).
_BRITISH = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("our", "or"),
    ("ours", "ors"),
    ("ourite", "orite"),
    ("ourable", "orable"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ence", "ense"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("mme", "m"),
    ("mmes", "ms"),
    ("ogue", "og"),
    ("gement", "gment"),
)

_MASKED = re.compile(
    r"\[\[[^\]]*\]\]"  # a placeholder still to fill in
    r"|https?://\S+|www\.\S+"  # an address
    r"|\S+@\S+"  # an e-mail address
    r"|\b(?:e\.g|i\.e|etc|cf|vs)\."  # abbreviations that end in a stop
)
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])\s+|\n)[ \t]*(?P<first>[a-z][a-z']*)", re.MULTILINE)
_LOWER_I = re.compile(r"(?<![\w.'-])i(?:'[a-z]+)?(?![\w.-])")
_REPEATED_MARKS = re.compile(r"[!?]*(?:!!|\?\?|!\?|\?!)[!?]*")
_CAPITALS = re.compile(r"\b[A-Z][A-Z']+(?:[ \t]+[A-Z][A-Z']+)*\b")
# One word in capitals shouts from this length ("PLEASE", "REALLY"); shorter ones
# are often names of things ("REST", "JAVA"). Two or more together shout ("WHY
# DIDN'T YOU CALL") when they have this many letters each.
_SHOUTED_WORD = 5
_SHORTEST_SHOUTED = 3


def careless(text: str) -> list[Finding]:
    """Sentences without a capital, a lower-case "i", missing apostrophes, misspelt words."""
    plain = _masked(text)
    found = [
        Finding(m.start("first"), m.end("first"), "Start each sentence with a capital letter.")
        for m in _SENTENCE_START.finditer(plain)
    ]
    found += [
        Finding(m.start(), m.end(), 'Write "I" as a capital.') for m in _LOWER_I.finditer(plain)
    ]
    for word in _words(plain):
        lower = word.text.lower()
        if lower in _APOSTROPHES:
            found.append(Finding(word.start, word.end, f'Write "{_APOSTROPHES[lower]}".'))
        elif word.text.islower() and (suggestion := _misspelt(lower)):
            found.append(Finding(word.start, word.end, f'Check the spelling: "{suggestion}"?'))
    return sorted({(f.start, f.end): f for f in found}.values(), key=lambda f: f.start)


def shouting(text: str) -> list[Finding]:
    """Runs of ! and ?, and words in capitals (two together, or one long word)."""
    plain = _masked(text)
    found = [
        Finding(m.start(), m.end(), "One question mark or exclamation mark is enough.")
        for m in _REPEATED_MARKS.finditer(plain)
    ]
    for match in _CAPITALS.finditer(plain):
        # Only words of the language count: SQL, AWS or NHS in capitals are names.
        words = [w for w in match[0].replace("'", "").split() if w.lower() in _checker()]
        long = [w for w in words if len(w) >= _SHOUTED_WORD]
        if long or len([w for w in words if len(w) >= _SHORTEST_SHOUTED]) > 1:
            found.append(Finding(match.start(), match.end(), "Capitals read as shouting."))
    return sorted(found, key=lambda f: f.start)


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int


def _words(text: str) -> Iterator[_Word]:
    for match in _WORD.finditer(text):
        yield _Word(match[0], match.start(), match.end())


def _masked(text: str) -> str:
    """The text with placeholders, addresses and curly apostrophes neutralised,
    every offset kept. What is masked stands for a word that is no word: "[[role]]
    for the job" still starts its sentence."""
    text = text.replace("\u2019", "'")
    return _MASKED.sub(lambda m: "Q" * len(m[0]), text)


def _misspelt(word: str) -> str | None:
    """A suggestion for a word the dictionary does not know and that is one slip
    away from one it does; None for a known word, or a name or term it cannot place."""
    if len(word) < 3 or "'" in word or _is_word(word):
        return None
    candidates = _checker().candidates(word)
    if not candidates:
        return None
    return str(_checker().correction(word) or sorted(candidates)[0])


def _is_word(word: str) -> bool:
    checker = _checker()
    if word in checker or word in _job_search_words():
        return True
    return any(
        word.endswith(british) and word[: -len(british)] + american in checker
        for british, american in _BRITISH
    )


@cache
def _checker() -> SpellChecker:
    return SpellChecker(distance=1)


@cache
def _job_search_words() -> frozenset[str]:
    text = resources.files("nextsteps.playbook").joinpath("words.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if not line.startswith("#"))
