"""One function per rule. Each quotes the sentence of the article it implements and
cites the article by title in its steps' `sources`.

Every rule has the same shape, `(timeline, playbook, workdays) -> list[Step]`,
and reads only the timeline: which steps are open follows from what happened.
The rules around the interview are here; the follow-up rules, which share an
interview round, are in follow_ups.py; the offer's in offers.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, timedelta

from nextsteps.playbook import sources
from nextsteps.playbook.book import Playbook
from nextsteps.playbook.build import clock_label, on_day, timed
from nextsteps.playbook.cadence import interview_end, pending_interviews
from nextsteps.playbook.follow_ups import check_in, first_follow_up, move_on, next_follow_up
from nextsteps.playbook.humandates import day_label
from nextsteps.playbook.offers import answer_offer, ask_for_written_offer
from nextsteps.playbook.step import Step, StepKind
from nextsteps.playbook.timeline import Channel, Culture, Event, EventKind, Timeline
from nextsteps.playbook.workdays import Workdays

Rule = Callable[[Timeline, Playbook, Workdays], list[Step]]

# What to do at the end of an interview (see prepare_interview); the calendar's
# entry for the interview carries it too.
INTERVIEW_CHECKLIST = (
    "Before you leave, thank them for inviting you in and say you want the job. Ask what "
    "the next steps are (instead of whether you got the job), when you can expect an "
    "answer and when you should follow up, and get each interviewer's name and e-mail "
    "address."
)


def prepare_interview(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan what to do at the end of each interview still ahead. The checklist is for
    the interview itself: it lapses when the interview starts.

    001: "As you're shaking hands and leaving the interview, thank your interviewer
    for inviting you in and say something like, 'I'd really admire your company's
    work and hope you choose me to join the team'."
    000: "Instead of asking if you got the job at the end of the interview, it is far
    better to ask about the next steps in the hiring process."
    002: "you need to leave the office knowing what the next steps are in the hiring
    process" and "you want to make sure you're clear on when you should be following up."
    """
    steps = []
    for interview in pending_interviews(timeline, workdays):
        day = workdays.local_date(interview.at)
        ready_from = workdays.at(day - timedelta(days=playbook.prepare_days_before))
        why = (
            f"Your interview is on {day_label(day)} at {clock_label(interview.at, workdays)}. "
            f"{INTERVIEW_CHECKLIST}"
        )
        cited = (sources.BEST_PRACTICES, sources.DID_I_GET_THE_JOB, sources.FOUR_THINGS)
        ready = min(ready_from, interview.at)
        steps.append(timed(StepKind.PREPARE_INTERVIEW, ready, interview.at, why, cited, workdays))
    return steps


def reflect(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan the debrief of the latest interview, the same day. Once the thank-you has
    gone, the moment has passed (and the thank-you could no longer use it).

    002: "Analyzing your interview is important, and the best time to do it is
    immediately after the interview, when it is still fresh in your mind."
    """
    latest = timeline.last(EventKind.INTERVIEW_HELD)
    if latest is None or any(e.at >= latest.at for e in timeline.of_kind(EventKind.REFLECTED)):
        return []
    end_day = workdays.local_date(interview_end(latest, playbook))
    why = (
        f"Right after your interview on {day_label(workdays.local_date(latest.at))}, while "
        "it is fresh: note your strong points, what you could improve, and topics to bring "
        "up in later messages."
    )
    step = on_day(StepKind.REFLECT, end_day, why, (sources.FOUR_THINGS,), workdays)
    thanked = [e.at for e in timeline.of_kind(EventKind.THANK_YOU_SENT) if e.at >= latest.at]
    if thanked:
        first = max(thanked[0], step.not_before, key=lambda at: at.timestamp())
        step = replace(step, lapses=first.astimezone(workdays.timezone))
    return [step]


def thank_you(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan a thank-you e-mail within 24 hours of each interview.

    001: "emails are received much more promptly (try to send one within 24 hours
    of the interview)."
    002: "Just make sure you send it within the next 24 hours so it gets to them
    while your interview is still fresh in their mind." A card counts too: "Send a
    Thank You Email/Card".
    """
    steps = []
    for interview, thanks in _thanks_per_interview(timeline):
        if thanks:
            continue
        end = interview_end(interview, playbook)
        # Hours are hours: computed in UTC so a clock change cannot stretch them.
        due = end.astimezone(UTC) + timedelta(hours=playbook.thank_you_hours)
        why = (
            f"Your interview on {day_label(workdays.local_date(interview.at))} ended at "
            f"{clock_label(end, workdays)}: within {playbook.thank_you_hours} hours, e-mail "
            "a short thank-you for the interview, and say you are excited about the job and "
            "what comes next."
        )
        cited = (sources.BEST_PRACTICES, sources.FOUR_THINGS)
        steps.append(timed(StepKind.THANK_YOU, end, due, why, cited, workdays))
    return steps


def handwritten_note(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan a posted note, a few days after each interview, for a traditional company.

    001: "if the company you apply with seems to have traditional values, consider
    sending both a thank-you email and a handwritten note a few days later." A card
    is that note whenever it went; so is a second thank-you, whichever its channel.
    """
    if timeline.culture is not Culture.TRADITIONAL:
        return []
    steps = []
    for interview, thanks in _thanks_per_interview(timeline):
        if len(thanks) > 1 or any(e.channel is Channel.CARD for e in thanks):
            continue
        day = workdays.local_date(interview.at)
        earliest = day + timedelta(days=playbook.note_from_days)
        latest = day + timedelta(days=playbook.note_by_days)
        why = (
            "This company seems to value tradition: besides the thank-you e-mail, post a "
            f"short handwritten note between {day_label(earliest)} and {day_label(latest)}, "
            f"a few days after your interview on {day_label(day)}."
        )
        steps.append(
            Step(
                kind=StepKind.HANDWRITTEN_NOTE,
                not_before=workdays.at(earliest),
                due=workdays.at(latest),
                why=why,
                sources=(sources.BEST_PRACTICES,),
                all_day=True,
            )
        )
    return steps


def send_materials(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan sending what the employer asked for, on time.

    001: "If your interviewer asks if you can send a list of references, tell them
    that you can get that to them by the next morning" and "then be sure you
    actually send it by then."
    """
    last_sent = timeline.last(EventKind.MATERIALS_SENT)
    steps = []
    for request in timeline.of_kind(EventKind.MATERIALS_REQUESTED):
        if last_sent is not None and last_sent.at >= request.at:
            continue
        asked_on = workdays.local_date(request.at)
        due = request.due or workdays.at(_working_days_later(workdays, asked_on, playbook))
        why = (
            f"They asked for material on {day_label(asked_on)}: send it by "
            f"{day_label(workdays.local_date(due))} at {clock_label(due, workdays)}, as promised. "
            "Being on time shows you would be a reliable employee."
        )
        cited = (sources.BEST_PRACTICES,)
        steps.append(timed(StepKind.SEND_MATERIALS, request.at, due, why, cited, workdays))
    return steps


def reply_to_rejection(timeline: Timeline, playbook: Playbook, workdays: Workdays) -> list[Step]:
    """Plan a gracious answer to a rejection.

    001: "If a hiring manager tells you that you didn't get the position, thank them
    again for their time and let them know that you hope they'll keep your resume
    on file and remember you for future openings."
    """
    outcome = timeline.outcome
    if outcome is None or outcome.kind != EventKind.REJECTED:
        return []
    if any(e.at >= outcome.at for e in timeline.of_kind(EventKind.REJECTION_ANSWERED)):
        return []
    told = workdays.local_date(outcome.at)
    # Days on the user's calendar: from the day they told you, for two more days.
    due = told + timedelta(days=playbook.rejection_reply_days)
    why = (
        f"They told you on {day_label(told)} that you didn't get the job. Within "
        f"{playbook.rejection_reply_days} days, thank them for their time and ask them to "
        "keep your resume on file for future openings."
    )
    cited = (sources.BEST_PRACTICES,)
    return [on_day(StepKind.REPLY_TO_REJECTION, due, why, cited, workdays, from_day=told)]


# While the application is open. After an outcome only the outcome's own steps.
OPEN_RULES: tuple[Rule, ...] = (
    prepare_interview,
    reflect,
    thank_you,
    handwritten_note,
    send_materials,
    first_follow_up,
    next_follow_up,
    move_on,
    check_in,
)
OUTCOME_RULES: tuple[Rule, ...] = (reply_to_rejection, ask_for_written_offer, answer_offer)


def _thanks_per_interview(timeline: Timeline) -> list[tuple[Event, list[Event]]]:
    """Each interview held, with the thank-yous sent after it and before the next
    one: a thank-you counts for the interview before it, not for an earlier one."""
    interviews = timeline.of_kind(EventKind.INTERVIEW_HELD)
    thanks = timeline.of_kind(EventKind.THANK_YOU_SENT)
    paired = []
    for index, interview in enumerate(interviews):
        following = interviews[index + 1].at if index + 1 < len(interviews) else None
        paired.append(
            (
                interview,
                [
                    e
                    for e in thanks
                    if interview.at <= e.at and (following is None or e.at < following)
                ],
            )
        )
    return paired


def _working_days_later(workdays: Workdays, day: date, playbook: Playbook) -> date:
    """ "By the next morning": the morning of the next working day (or the Nth)."""
    for _ in range(playbook.materials_working_days):
        day = workdays.after(day)
    return day
