"""The tone check measured on messages written the way people write: it must catch
at least 95% of the bad ones and flag at most 5% of the good ones."""

from __future__ import annotations

from nextsteps.playbook.tone import check_tone

from .tone_corpus import CORPUS, FINE

# Timing and length are not about the words: the corpus measures the words.
WORD_RULES_ONLY = None


def flagged(kind: object, text: str) -> set[str]:
    return {f.rule for f in check_tone(kind, "", text, WORD_RULES_ONLY)}  # type: ignore[arg-type]


def test_the_corpus_is_large_and_half_good() -> None:
    good = [m for m in CORPUS if m[0] == FINE]

    assert len(CORPUS) >= 80
    assert len(good) * 2 >= len(CORPUS) - 2


def test_the_tone_check_catches_the_bad_and_leaves_the_good() -> None:
    bad = [(label, kind, text) for label, kind, text in CORPUS if label != FINE]
    good = [(label, kind, text) for label, kind, text in CORPUS if label == FINE]
    missed = [text for _, kind, text in bad if not flagged(kind, text)]
    wrongly = [(text, flagged(kind, text)) for _, kind, text in good if flagged(kind, text)]
    caught = len(bad) - len(missed)
    recall = caught / len(bad)
    precision = caught / (caught + len(wrongly))
    false_alarms = len(wrongly) / len(good)
    print(
        f"\ntone corpus: {len(bad)} bad, {len(good)} good; recall {recall:.1%}, "
        f"precision {precision:.1%}, good messages flagged {false_alarms:.1%}"
    )

    assert recall >= 0.95, f"recall {recall:.1%}; missed: {missed}"
    assert false_alarms <= 0.05, f"{false_alarms:.1%} of good messages flagged: {wrongly}"


def test_each_bad_message_is_flagged_for_what_it_is() -> None:
    """The label names the rule that should speak: a right answer for the right reason."""
    wrong_reason = [
        (label, text, flagged(kind, text))
        for label, kind, text in CORPUS
        if label != FINE and flagged(kind, text) and label not in flagged(kind, text)
    ]

    assert len(wrong_reason) <= len(CORPUS) // 20, wrong_reason
