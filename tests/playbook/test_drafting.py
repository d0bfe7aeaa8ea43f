"""What fills a draft: known facts, or a visible placeholder, never a wrong name."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextsteps.playbook import StepKind
from nextsteps.playbook.drafting import (
    DraftFacts,
    MessageKind,
    Reflection,
    fill_blanks,
    greeting_name,
    message_kind,
    message_word,
    placeholders_in,
    read_reflection,
    reflection_items,
    subject_line,
    template_context,
    word_of_kind,
    write_reflection,
)


def test_every_missing_fact_is_a_visible_placeholder() -> None:
    context = template_context(DraftFacts())
    assert context["contact_name"] == "[[contact's name]]"
    assert context["greeting_name"] == "[[contact's name]]"
    assert context["interview_day"] == "[[interview day]]"
    assert context["topics"] == "[[a topic you discussed]]"
    assert context["thread_subject"] == ""
    assert all(isinstance(value, str) for value in context.values())


def test_known_facts_fill_the_context() -> None:
    facts = DraftFacts(
        contact_name="Jane Doe",
        company="Acme",
        interview_day=date(2026, 11, 6),
        reflection=Reflection(topics=("the warehouse move", "their dashboards")),
    )
    context = template_context(facts)
    assert context["greeting_name"] == "Jane"
    assert context["interview_day"] == "Friday 6 November"
    assert context["topics"] == "the warehouse move and their dashboards"
    assert "[[" not in context["company"]


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Jane Doe", "Jane"),
        ("Giles Hargreaves", "Giles"),
        ("Mr Hargreaves", "Mr Hargreaves"),
        ("Mr Giles Hargreaves", "Mr Hargreaves"),
        ("Mr. Giles Hargreaves", "Mr. Hargreaves"),
        ("Dr. Priya Patel", "Dr. Patel"),
        ("Ms Anna van der Berg", "Ms van der Berg"),
        ("Professor Mary Ann Jones", "Professor Jones"),
        ("Sir Alex Ferguson", "Sir Alex"),
        ("J. Smith", "J. Smith"),
        ("Madonna", "Madonna"),
        ("  Jane   Doe ", "Jane"),
    ],
    ids=[
        "first name",
        "Dear Giles,",
        "a title and a family name stay as entered",
        "Dear Mr Hargreaves, never Dear Mr Giles Hargreaves",
        "the stop the user typed stays",
        "a doctor by her family name",
        "a family name with particles",
        "a middle name is left out",
        "Sir goes with the first name",
        "an initial is not a name",
        "one word",
        "spaces tidied",
    ],
)
def test_salutations_from_the_name_as_entered(name: str, greeting: str) -> None:
    assert greeting_name(name) == greeting


@pytest.mark.parametrize(
    ("rendered", "subject"),
    [
        ("data analyst: following up", "Data analyst: following up"),
        ("references for the Data Analyst role", "References for the Data Analyst role"),
        ("Re: thank you", "Re: thank you"),
        ("  two\n lines ", "Two lines"),
    ],
    ids=["a role typed in lower case", "material typed in lower case", "a reply", "one line"],
)
def test_subjects_start_with_a_capital(rendered: str, subject: str) -> None:
    assert subject_line(rendered) == subject


def test_a_template_can_tell_whether_there_was_an_interview_and_a_date() -> None:
    plain = template_context(DraftFacts())
    assert (plain["interviewed"], plain["their_date"]) == ("", "")
    known = template_context(
        DraftFacts(interview_day=date(2026, 11, 6), decision_by=date(2026, 11, 20))
    )
    assert (known["interviewed"], known["their_date"]) == ("yes", "Friday 20 November")


def test_placeholders_are_found_once_each() -> None:
    text = "Dear [[contact's name]], about [[role]] ... [[contact's name]] [not one]"
    assert placeholders_in(text) == ["[[contact's name]]", "[[role]]"]


def test_reflection_note_with_labels_and_bullets() -> None:
    """002: "What were your strong points? Where do you need to improve?"."""
    note = (
        "Strong points: the SQL exercise; the stakeholder story\n"
        "To improve: salary question\n"
        "Topics to mention:\n"
        "- their move to a data warehouse\n"
        "* the team offsite\n"
        "\n"
        "Random thought that is no fact\n"
    )
    reflection = read_reflection(note)
    assert reflection.strong_points == ("the SQL exercise", "the stakeholder story")
    assert reflection.to_improve == ("salary question",)
    assert reflection.topics == ("their move to a data warehouse", "the team offsite")


@given(
    st.builds(
        Reflection,
        *(st.lists(st.from_regex(r"[A-Za-z][A-Za-z ,'-]{0,30}[A-Za-z]", fullmatch=True),
                   max_size=3).map(tuple) for _ in range(3)),
    )
)  # fmt: skip
def test_a_written_reflection_reads_back_as_itself(reflection: Reflection) -> None:
    assert read_reflection(write_reflection(reflection)) == reflection


def test_what_a_user_types_for_one_part_of_a_reflection() -> None:
    assert reflection_items("- the SQL test\n* the team; the offsite\n\n") == (
        "the SQL test",
        "the team",
        "the offsite",
    )


def test_blanks_written_earlier_are_filled_with_what_is_known_now() -> None:
    context = template_context(DraftFacts(sender_name="Sam Seeker", contact_name="Jane Doe"))
    text = "Dear [[contact's name]], [[a topic you discussed]]\n[[your name]]"
    assert fill_blanks(text, context) == "Dear Jane Doe, [[a topic you discussed]]\nSam Seeker"


def test_free_text_reflection_gives_no_facts() -> None:
    assert read_reflection("It went well, I think.") == Reflection()


@pytest.mark.parametrize(
    ("word", "step", "attempt", "kind"),
    [
        ("thank-you", StepKind.THANK_YOU, None, MessageKind.THANK_YOU),
        ("follow_up", StepKind.FOLLOW_UP, 1, MessageKind.FOLLOW_UP),
        ("follow_up", StepKind.FOLLOW_UP, 2, MessageKind.FOLLOW_UP_AGAIN),
        ("call-script", StepKind.FOLLOW_UP, 2, MessageKind.CALL_SCRIPT),
        ("reply_to_rejection", StepKind.REPLY_TO_REJECTION, None, MessageKind.REPLY_TO_REJECTION),
    ],
    ids=[
        "001 the thank-you e-mail",
        "004 the first follow-up",
        "004 the second asks when they will know",
        "003 a call",
        "001 the gracious reply",
    ],
)
def test_message_kinds(word: str, step: StepKind, attempt: int | None, kind: MessageKind) -> None:
    assert message_kind(message_word(word), step, attempt) is kind


def test_both_follow_ups_are_called_follow_up() -> None:
    assert word_of_kind(MessageKind.FOLLOW_UP_AGAIN) == "follow_up"
    assert word_of_kind(MessageKind.THANK_YOU) == "thank_you"


def test_an_unknown_message_word_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="thank_you"):
        message_word("love-letter")
