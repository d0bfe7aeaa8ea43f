"""The tone check's phrase rules: one per kind of thing the articles warn against,
in the words job seekers really write. They are data, one table in phrases.toml:
each row names its articles by title and quotes one."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from nextsteps.playbook import sources


@dataclass(frozen=True)
class PhraseRule:
    """Words to look for, what the user is told, and the article's sentence.

    `unless`: the rule holds back when the whole message also says this (a "just
    checking in" that asks about their decision says something after all).
    `graciously`: the message and quote instead, in a reply to a rejection.
    """

    rule: str
    pattern: re.Pattern[str]
    message: str
    sources: tuple[str, ...]
    quote: str
    unless: re.Pattern[str] | None = None
    graciously: tuple[str, str] | None = None


_FRAGMENT = re.compile(r"\{(\w+)\}")


def _filled(pattern: str, fragments: dict[str, str]) -> str:
    """`pattern` with each `{name}` of a fragment replaced by the fragment."""
    return _FRAGMENT.sub(lambda found: fragments.get(found[1], found[0]), pattern)


def _any_of(patterns: list[str], fragments: dict[str, str]) -> re.Pattern[str]:
    alternatives = (f"(?:{_filled(p, fragments)})" for p in patterns)
    return re.compile("|".join(alternatives), re.IGNORECASE | re.MULTILINE)


def parse_rule(row: dict[str, Any], fragments: dict[str, str]) -> PhraseRule:
    unknown = set(row["sources"]) - set(sources.ALL)
    if unknown:
        raise ValueError(f"Phrase rule {row['rule']!r} cites no article called {unknown}.")
    graciously = row.get("graciously")
    return PhraseRule(
        rule=row["rule"],
        pattern=_any_of(row["patterns"], fragments),
        message=row["message"],
        sources=tuple(row["sources"]),
        quote=row["quote"],
        unless=_any_of(row["unless"], fragments) if "unless" in row else None,
        graciously=(graciously["message"], graciously["quote"]) if graciously else None,
    )


def _load_phrase_rules() -> tuple[PhraseRule, ...]:
    text = resources.files("nextsteps.playbook").joinpath("phrases.toml").read_text("utf-8")
    table = tomllib.loads(text)
    fragments: dict[str, str] = {}
    for name, pattern in table["fragments"].items():
        fragments[name] = _filled(pattern, fragments)  # a fragment may use those above it
    return tuple(parse_rule(row, fragments) for row in table["rule"])


PHRASE_RULES = _load_phrase_rules()
