"""The tone check, rule by rule: sentences that must be flagged and sentences that
must not, each citing the article the rule comes from."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from nextsteps.playbook import phrases, sources
from nextsteps.playbook.drafting import MessageKind
from nextsteps.playbook.tone import Timing, check_tone

from .timelines import LONDON, moment, nov


def rules_in(sentence: str, kind: MessageKind = MessageKind.FOLLOW_UP) -> set[str]:
    return {flag.rule for flag in check_tone(kind, "", sentence, None)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Did I get the job?",
        "I was wondering: have I got the position?",
        "So, did I land the role?",
        "Is the job mine?",
        "Am I hired?",
        "Have I been selected?",
        "Did you choose me?",
        "Are you going to offer me the job?",
        "Will you hire me?",
    ],
)
def test_000_did_i_get_the_job_is_flagged(sentence: str) -> None:
    """000: "Don't ask this question. This is unprofessional"."""
    assert "did_i_get_the_job" in rules_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Could you tell me what the next steps are?",
        "When can I expect to hear back about the position?",
        "I admire your company's work and hope you choose me to join the team.",
        "Did I get the job description right in my notes?",
        "I hope I get the job.",
        "I'm excited about the role and what comes next.",
    ],
    ids=[
        "000 asks about next steps",
        "001 asks when to expect an answer",
        "001 says you want the job",
        "the job description",
        "a hope, not a question",
        "002 reaffirm your excitement",
    ],
)
def test_000_asking_about_next_steps_is_fine(sentence: str) -> None:
    assert "did_i_get_the_job" not in rules_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sorry to bother you again.",
        "I apologise for following up.",
        "Apologies for chasing, but I wanted to check in.",
        "I'm sorry for reaching out again so soon.",
        "I hate to bother you, but is there any news?",
        "I hope I'm not bothering you.",
        "Forgive me for writing to you again.",
        "Sorry to pester you about this.",
        "I’m sorry to bother you.",  # a curly apostrophe
    ],
)
def test_004_apologising_for_following_up_is_flagged(sentence: str) -> None:
    """004: "Don't feel ashamed about following up and don't apologize for doing so."""
    assert "apology" in rules_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was sorry to hear that the role has been filled.",
        "I'm following up on our interview on Friday 6 November.",
        "I apologise for the delay in sending the references.",
        "Thank you again for considering me for the role.",
    ],
    ids=[
        "001 a gracious reply to a rejection",
        "004 following up without apology",
        "an apology for something else",
        "001 thank them again",
    ],
)
def test_004_following_up_plainly_is_fine(sentence: str) -> None:
    assert "apology" not in rules_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "You said you would get back to me by Friday.",
        "You told me I'd hear by the end of the week.",
        "You promised an answer last week.",
        "I still haven't heard back from you.",
        "Still no word about the role.",
        "Why haven't you replied?",
        "Nobody has got back to me.",
        "I've been waiting to hear from you for two weeks.",
        "You were supposed to call me on Monday.",
    ],
)
def test_001_accusing_is_flagged(sentence: str) -> None:
    """001: "keep your call or email polite rather than accusatory"."""
    assert "hostile" in rules_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I need an answer by Friday.",
        "Please reply ASAP.",
        "Let me know by end of day.",
        "If I don't hear back by Monday I will withdraw my application.",
        "I can't wait any longer.",
    ],
)
def test_004_pressure_and_ultimatums_are_flagged(sentence: str) -> None:
    """004: "You need to give them time to make their decision." """
    assert "pressure" in rules_in(sentence)


def test_a_phrase_flag_points_at_the_words_and_cites_the_article() -> None:
    body = "Hello Jane,\n\nSorry to bother you. Did I get the job?\n"
    apology, question = check_tone(MessageKind.FOLLOW_UP, "", body, None)
    assert body[apology.start : apology.end] == "Sorry to bother"
    assert apology.part == "body"
    assert apology.sources == (sources.HOW_TO_FOLLOW_UP,)
    assert body[question.start : question.end] == "Did I get the job"
    assert question.sources == (sources.DID_I_GET_THE_JOB,)


def test_a_phrase_rule_that_cites_no_article_by_its_title_is_refused() -> None:
    row = {"rule": "rude", "patterns": ["rude"], "message": "", "quote": ""}
    assert phrases.parse_rule({**row, "sources": [sources.DONT_ASSUME]}, {}).sources
    with pytest.raises(ValueError, match="cites no article called"):
        phrases.parse_rule({**row, "sources": ["Don't Assume"]}, {})


def test_the_subject_is_checked_too() -> None:
    (flag,) = check_tone(MessageKind.FOLLOW_UP, "Did I get the job?", "Hello", None)
    assert flag.part == "subject"


def timing(send_at: datetime, **fields: object) -> Timing:
    return Timing(send_at=send_at, zone=LONDON, **fields)  # type: ignore[arg-type]


FOLLOW_UP_DAY = moment(nov(13), "09:00")  # interview on the 6th -> follow up on the 13th


@pytest.mark.parametrize(
    ("send_at", "flagged"),
    [
        (moment(nov(10), "09:00"), True),
        (moment(nov(12), "16:59"), True),
        (moment(nov(13), "08:30"), False),
        (moment(nov(13), "09:00"), False),
        (moment(nov(16), "10:00"), False),
    ],
    ids=[
        "004 on the 10th: three days early",
        "004 on the 12th: not one day earlier",
        "004 on the 13th before nine: the day is what counts",
        "004 on the 13th",
        "001 later is never early",
    ],
)
def test_004_following_up_before_the_playbooks_date(send_at: datetime, flagged: bool) -> None:
    flags = check_tone(
        MessageKind.FOLLOW_UP,
        "",
        "Hello",
        timing(send_at, not_before=FOLLOW_UP_DAY, all_day=True),
    )
    assert ("early" in {f.rule for f in flags}) is flagged


def test_early_cites_004_and_001() -> None:
    (flag,) = check_tone(
        MessageKind.CHECK_IN, "", "Hi", timing(moment(nov(10)), not_before=FOLLOW_UP_DAY)
    )
    assert flag.sources == (sources.HOW_TO_FOLLOW_UP, sources.BEST_PRACTICES)
    assert "nuisance" in flag.message


INTERVIEW_END = moment(nov(6), "11:00")


@pytest.mark.parametrize(
    ("send_at", "flagged"),
    [
        (INTERVIEW_END + timedelta(hours=5), False),
        (INTERVIEW_END + timedelta(hours=24), False),
        (INTERVIEW_END + timedelta(hours=24, minutes=1), True),
        (INTERVIEW_END + timedelta(days=3), True),
    ],
    ids=[
        "002 the same afternoon",
        "001 exactly 24 hours",
        "001 24 hours and a minute",
        "002 three days later",
    ],
)
def test_001_002_a_thank_you_later_than_24_hours(send_at: datetime, flagged: bool) -> None:
    deadline = INTERVIEW_END + timedelta(hours=24)
    flags = check_tone(MessageKind.THANK_YOU, "", "Thank you", timing(send_at, deadline=deadline))
    assert ("late_thank_you" in {f.rule for f in flags}) is flagged


def test_the_timing_rules_apply_to_their_own_messages_only() -> None:
    late = timing(moment(nov(20)), deadline=INTERVIEW_END, not_before=FOLLOW_UP_DAY)
    assert check_tone(MessageKind.REPLY_TO_REJECTION, "", "Thank you", late) == []


@pytest.mark.parametrize(
    ("kind", "words", "flagged"),
    [
        (MessageKind.THANK_YOU, 120, False),
        (MessageKind.THANK_YOU, 151, True),
        (MessageKind.HANDWRITTEN_NOTE, 80, False),
        (MessageKind.HANDWRITTEN_NOTE, 81, True),
        (MessageKind.FOLLOW_UP, 300, False),
    ],
    ids=[
        "002 a short thank-you",
        "002 a long and elaborate thank-you",
        "001 a short card",
        "001 a card too long for a card",
        "no length rule for a follow-up",
    ],
)
def test_002_a_thank_you_need_not_be_long(kind: MessageKind, words: int, flagged: bool) -> None:
    body = " ".join(["Thanks."] * words)
    flags = [f for f in check_tone(kind, "", body, None) if f.rule == "too_long"]
    assert bool(flags) is flagged
    if flagged:
        assert flags[0].sources == (sources.FOUR_THINGS,)


SECOND_EDITION_CASES = [
    pytest.param("Any news???", {"shouting", "just_checking_in"}, id="shouting: Any news???"),
    pytest.param(
        "I really need this job, I am begging you",
        {"begging"},
        id="003 job crush: I really need this job, I am begging you",
    ),
    pytest.param(
        "I've called every day this week",
        {"too_often"},
        id="004 if you keep contacting them: I've called every day this week",
    ),
    pytest.param("Will I get the job?", {"did_i_get_the_job"}, id="000 Will I get the job?"),
    pytest.param(
        "Have you hired anyone yet?", {"did_i_get_the_job"}, id="000 Have you hired anyone yet?"
    ),
    pytest.param(
        "i still havent heard back", {"careless"}, id="careless: i still havent heard back"
    ),
    pytest.param(
        "Just checking in!!! Why haven't you called me?",
        {"shouting", "just_checking_in", "hostile"},
        id="001 polite rather than accusatory: Just checking in!!! Why haven't you called me?",
    ),
    pytest.param("PLEASE CALL ME BACK.", {"shouting"}, id="shouting: words in capitals"),
    pytest.param("Sorry for the spam, any decision yet?", {"apology"}, id="004 don't apologize"),
]


@pytest.mark.parametrize(("sentence", "rules"), SECOND_EDITION_CASES)
def test_the_words_seekers_really_use(sentence: str, rules: set[str]) -> None:
    assert rules_in(sentence) == rules


REJECTION_CASES = [
    pytest.param("Your loss.", id="001 don't burn any bridges: Your loss"),
    pytest.param("This is unprofessional.", id="001 graciously: This is unprofessional"),
    pytest.param("I deserve an explanation.", id="001 graciously: I deserve an explanation"),
    pytest.param("Good luck finding someone better.", id="001 sarcasm: good luck finding"),
]


@pytest.mark.parametrize("sentence", REJECTION_CASES)
def test_001_a_reply_to_a_rejection_handles_it_graciously(sentence: str) -> None:
    """001: "Handle rejection graciously [...] don't burn any bridges." """
    (flag,) = check_tone(MessageKind.REPLY_TO_REJECTION, "", sentence, None)

    assert flag.rule == "hostile"
    assert "burn any bridges" in flag.quote
    assert flag.found.lower() in sentence.lower()
    assert flag.sources == (sources.BEST_PRACTICES,)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        pytest.param("I recieved your email.", "recieved", id="a misspelt word"),
        pytest.param("Thanks, im free on Monday.", "im", id="a missing apostrophe"),
        pytest.param("Thanks. see you soon.", "see", id="a sentence without its capital"),
        pytest.param("Thanks, i will call.", "i", id="a lower-case I"),
    ],
)
def test_careless_writing_quotes_the_words_it_found(sentence: str, found: str) -> None:
    (flag,) = check_tone(MessageKind.FOLLOW_UP, "", sentence, None)

    assert (flag.rule, flag.found) == ("careless", found)
    assert sentence[flag.start : flag.end] == found


@pytest.mark.parametrize(
    "sentence",
    [
        "I organised the programme and analysed the results at the centre.",
        "I worked on the REST API, the AWS migration and our SQL dashboards.",
        "See my portfolio at https://example.com/wrk and write to jo@exmple.org.",
        "Dear [[contact's name]],",
        "I built the onboarding flow for our SaaS frontend.",
        "Dear Giles, thank you for meeting me.",
        "I'm keen to help.\n- the warehouse move\n- their dashboards",
    ],
    ids=[
        "British spelling is not careless",
        "names of things in capitals are not shouting",
        "addresses are not words",
        "a placeholder is not a word",
        "the words of the job",
        "a name is not a misspelling",
        "a list's items need no capitals",
    ],
)
def test_good_writing_is_left_alone(sentence: str) -> None:
    assert not rules_in(sentence)


def test_just_checking_in_that_asks_about_the_decision_says_something() -> None:
    """004: "Ask them if they've made a decision." """
    assert not rules_in("Just following up: have you made a decision about the role?")
