"""The tone check's phrase rules: one per kind of thing the articles warn against,
in the words job seekers really write. Each names its article and quotes it."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE | re.MULTILINE)


# A job word that is the job itself, not its description or its title.
_JOB = r"(?:job|position|role|offer|post)\b(?![ -](?:description|spec|details|title|posting|ad)\b)"
_THE_JOB = rf"(?:(?:the|this|that) {_JOB}|it)"
_SOMEONE = r"(?:someone|somebody|anyone|anybody|another (?:candidate|person|applicant)|a candidate)"
_CONTACTED = r"(?:called|rung|rang|phoned|e-?mailed|emailed|written|wrote|messaged|texted)"
_MANY = r"(?:several|a few|many|multiple|two|three|four|five|a couple of|a number of)"
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|tomorrow|today|tonight|noon|midday)"
_STRIKE = r"(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth)"

PHRASE_RULES: tuple[PhraseRule, ...] = (
    PhraseRule(
        rule="did_i_get_the_job",
        pattern=_words(
            rf"\b(?:did|have|do|will|would|could) i (?:get|got|land|landed|win|won|be getting) "
            rf"{_THE_JOB}",
            rf"\bam i (?:going to get|getting|likely to get) {_THE_JOB}",
            rf"\b(?:if|whether) i(?:'ve| have)? (?:got|get|landed|won|am getting) {_THE_JOB}",
            rf"\bis {_THE_JOB} mine\b",
            r"\bam i (?:hired|(?:still )?in the running|(?:still )?being considered|"
            r"the (?:one|successful candidate))\b",
            r"\bhave i been (?:hired|selected|chosen|successful|shortlisted|rejected)\b",
            r"\bdid i (?:make it|pass|succeed|impress)\b",
            r"\b(?:did|will|have|are|were) you (?:going to )?(?:hire|hired|choose|chosen|chose|"
            r"pick|picked|select|selected|offer|offering) me\b",
            rf"\b(?:have|did|had) you (?:already )?(?:hired|chosen|chose|picked|selected|found|"
            rf"offered (?:it|the job|the role) to|gone with|went with|hire|choose|pick|go with) "
            rf"{_SOMEONE}",
            rf"\bhas {_THE_JOB} (?:been )?(?:filled|taken|gone)\b",
            r"\bwhat are my chances\b",
        ),
        message="Don't ask whether you got the job: ask what the next steps are and when "
        "you can expect to hear back.",
        sources=(sources.DID_I_GET_THE_JOB,),
        quote="Don’t ask this question. This is unprofessional, it puts the hiring manager "
        "in a difficult spot and it is unlikely to help advance your candidacy.",
    ),
    PhraseRule(
        rule="pressure",
        pattern=_words(
            r"\bi (?:need|expect|demand|must have|want) (?:an answer|a decision|a reply|"
            r"a response|to (?:know|hear)(?: back)?)(?: from you)? (?:by|before|today|now|"
            r"immediately|asap|this week|tomorrow|right away)",
            rf"\b(?:let me know|reply|respond|get back to me|answer me|tell me) "
            rf"(?:by|before) (?:the end of|end of|close of|eod|cob|{_DAYS})",
            r"\b(?:asap|a\.s\.a\.p|urgent(?:ly)?|immediately|right away|without delay)\b",
            r"\bas soon as (?:possible|you can|humanly)\b",
            r"\bif i (?:don't|do not|haven't|have not) (?:hear|heard|get|had)[^.!?\n]{0,40}?"
            r"\b(?:by|before|within)\b",
            r"\botherwise i(?:'ll| will| shall)\b",
            r"\bi (?:can't|cannot|won't|will not) wait (?:any longer|much longer|forever|long)",
            r"\b(?:final|last) (?:chance|notice|reminder|warning)\b",
            r"\bi(?:'ll| will) (?:have to )?(?:withdraw|accept (?:another|the other)|take "
            r"(?:another|the other)|look elsewhere)\b",
        ),
        message="Don't press them or set a deadline: give them time to make their decision, "
        "and ask when they think they will know.",
        sources=(sources.HOW_TO_FOLLOW_UP, sources.BEST_PRACTICES),
        quote="It takes time to consider whether someone is right for a job. [...] You need "
        "to give them time to make their decision.",
    ),
    PhraseRule(
        rule="too_often",
        pattern=_words(
            rf"\bi(?:'ve| have)? (?:already |now )?{_CONTACTED} (?:you |your office |"
            rf"the office )?(?:every day|every morning|daily|each day|{_MANY} times|twice|"
            rf"again today|again this morning|yesterday and today)",
            rf"\b(?:my|this is my|this is the) {_STRIKE} (?:e-?mail|email|message|call|"
            r"voicemail|attempt|time (?:i(?:'ve| have) (?:called|written|emailed|e-mailed|"
            r"tried|contacted)|writing|asking|calling))",
            rf"\bleft (?:you )?{_MANY} (?:voicemails|voice messages|messages)",
            rf"\bi(?:'ve| have)? tried (?:calling|to call|to reach you|phoning|to phone) "
            rf"(?:you )?(?:{_MANY} times|every day|again and again|repeatedly|all week)",
            r"\b(?:every|each) day (?:this week|since (?:the|our|my) interview)",
            r"\bi(?:'ll| will) keep (?:calling|emailing|e-mailing|checking|trying|writing)",
            r"\bfollowing up (?:again )?on my (?:e-?mail|email|message|call|voicemail) (?:from )?"
            r"(?:yesterday|this morning|earlier today|an hour ago|last night)",
            r"\bas i (?:said|mentioned|wrote|asked) (?:in my (?:e-?mail|email|message|"
            r"voicemail) )?(?:yesterday|this morning|earlier today|an hour ago|last night)",
            r"\b(?:since|after) (?:our|my|the) interview (?:yesterday|this morning|today)\b",
        ),
        message="Don't contact them too often or too soon: seven days after the interview, "
        "and once more a week later, is enough.",
        sources=(sources.HOW_TO_FOLLOW_UP, sources.BEST_PRACTICES),
        quote="If you contact them earlier you will be a nuisance. [...] if you keep "
        "contacting them they will find it annoying.",
    ),
    PhraseRule(
        rule="begging",
        pattern=_words(
            r"\bi (?:really |desperately |badly |truly |so |just )*need (?:this|the|a) "
            r"(?:job|position|role|work|money|income|chance)\b",
            r"\bi(?:'m| am) (?:begging|pleading|desperate)\b",
            r"\bbeg(?:ging)? you\b",
            r"\bplease,? please\b",
            r"\bi(?:'ll| will| would) do anything\b",
            r"\b(?:this job|this role|this position|it) (?:means|would mean) (?:everything|"
            r"the world|so much)(?: to me)?\b",
            r"\byou(?:'re| are) my (?:last|only) (?:hope|chance)\b",
            r"\b(?:please )?(?:just )?give me a (?:chance|shot|try)\b",
            r"\bi (?:can't|cannot) afford to (?:lose|miss|not get)\b",
            r"\bi(?:'m| am) (?:broke|struggling to pay|about to lose my)\b",
            r"\bmy (?:family|kids|children) (?:depend|are depending|rely) on\b",
        ),
        message="Don't plead: you are a candidate with other options, not someone asking "
        "a favour. Say you want the job, once, and why you would do it well.",
        sources=(sources.DONT_ASSUME, sources.HOW_TO_FOLLOW_UP),
        quote="it’s important not to get too wrapped up in a particular company until you "
        "have an offer of employment solidified. This is known as having a “job crush” and "
        "it can be detrimental to your career.",
    ),
    PhraseRule(
        rule="hostile",
        pattern=_words(
            r"\byour loss\b",
            r"\b(?:this|that|it|which|you|your (?:process|company|decision|behaviou?r)) "
            r"(?:is|was|are|were|seems|seemed) (?:so |very |really |completely |totally |"
            r"extremely |quite )?(?:unprofessional|rude|ridiculous|unacceptable|disrespectful|"
            r"a joke|insulting|pathetic|disgraceful|a disgrace|appalling|outrageous|unfair)\b",
            r"\bi deserve (?:an explanation|better|to know|an answer|a reason|feedback)\b",
            r"\byou(?:'ll| will) regret\b",
            r"\b(?:good|best of) luck finding (?:someone|anyone|somebody)\b",
            r"\bthanks for nothing\b",
            r"\b(?:waste|wasted|wasting) (?:of )?(?:my|our) time\b",
            r"\bshame on you\b",
            r"\bhow dare\b",
            r"\byou people\b",
            r"\bwhat a joke\b",
            r"\byou(?:'ve| have)? made a (?:big |huge |terrible |serious )?mistake\b",
            r"\b(?:not that|i wasn't|i was not) (?:that |really )?(?:interested|bothered) anyway\b",
            r"\b(?:clearly|obviously) (?:you|your (?:team|company|interviewers?)) "
            r"(?:didn't|did not|don't|do not|can't|cannot|never)\b",
            r"\byou (?:said|told me|promised)(?: (?:me|that))? (?:you(?:'d| would)|"
            r"(?:i|i'd) (?:would )?hear)",
            r"\byou promised\b",
            r"\byou were supposed to\b",
            r"\bstill (?:haven't|have not|hasn't|has not|didn't|did not) (?:heard|had|received|"
            r"got(?:ten)?) (?:back|anything|a (?:reply|response|word|answer))?",
            r"\bi (?:still )?(?:haven't|have not) heard (?:anything|a (?:thing|word)|back)"
            r"(?: yet| at all)?,? (?:even though|although|despite|which)",
            r"\bstill no (?:word|answer|reply|response|news|update)\b",
            r"\bwhy (?:haven't|have not|didn't|did not|hasn't|has not) (?:you|i|anyone|anybody|"
            r"nobody)\b",
            r"\b(?:haven't|have not|didn't|did not) you (?:call|reply|respond|write|get back)",
            r"\bno(?: ?one|body) (?:has |had )?(?:got|gotten|get|come|bothered)[^.!?\n]{0,20}"
            r"back to me\b",
            r"\bi(?:'ve| have) been waiting (?:to hear|for (?:an?|your) (?:answer|reply|response|"
            r"news|update|decision)|patiently|for (?:weeks|days|ages)|since)",
            r"\bthe least you could do\b",
            r"\b(?:common|basic) courtesy\b",
        ),
        message="Keep it polite rather than accusing: thank them again for considering "
        "you and ask where they are in the hiring process.",
        sources=(sources.BEST_PRACTICES,),
        quote="Be sure to keep your call or email polite rather than accusatory: thank your "
        "interviewer again for considering you, and ask them where they’re at in the "
        "hiring process.",
        graciously=(
            "Handle the rejection graciously: thank them for their time and ask them to keep "
            "your resume on file. Don't burn a bridge to a company you may work for later.",
            "In any case, you may still have other opportunities down the road to work "
            "here, so don’t burn any bridges.",
        ),
    ),
    PhraseRule(
        rule="apology",
        pattern=_words(
            r"\b(?:sorry|apologi[sz]e|apologies|forgive me|pardon me)\b[^.!?\n]{0,40}?"
            r"\b(?:bother\w*|disturb\w*|follow(?:ing)?[- ]up|chas(?:e|ing)|reach(?:ing)? out|"
            r"pester\w*|intru\w+|nag\w*|writing (?:to you )?again|contact(?:ing)? you again|"
            r"e-?mail(?:ing)? (?:you )?again|taking up your time|annoy\w*|spam\w*)",
            r"\bi hate to (?:bother|chase|pester|nag|disturb|be a (?:pest|nuisance))",
            r"\b(?:hope|hopefully) (?:i'm|i am|this is|i'm) not (?:bothering|disturbing|"
            r"pestering|annoying|being (?:a )?(?:nuisance|pest|pushy))",
            r"\bsorry (?:again|for (?:the|another) (?:e-?mail|email|message))\b",
        ),
        message="Don't apologise for following up: it is common courtesy for them to get "
        "back to you.",
        sources=(sources.HOW_TO_FOLLOW_UP,),
        quote="Don’t feel ashamed about following up and don’t apologize for doing so.",
    ),
    PhraseRule(
        rule="just_checking_in",
        pattern=_words(
            r"\bjust (?:wanted to |writing to |a quick (?:note|email|e-mail|message) to |"
            r"e-?mailing to |emailing to |reaching out to |wanted to reach out (?:and|to) )?"
            r"(?:check(?:ing)? in|touch(?:ing)? base|follow(?:ing)? up|"
            r"check(?:ing)? (?:back|on things)|see(?:ing)? (?:if|whether) there(?:'s| is| are) "
            r"any (?:news|updates?))\b",
            r"^\W*any (?:news|updates?|word)\b",
            r"\b(?:any|got any) (?:news|updates?) (?:for me|yet)\b",
        ),
        message='"Just checking in" says nothing: thank them again for considering you and '
        "ask whether they have made a decision, or where they are in the hiring process.",
        sources=(sources.HOW_TO_FOLLOW_UP, sources.BEST_PRACTICES),
        quote="Ask them if they’ve made a decision.",
        unless=_words(
            r"\bdecision\b",
            r"\bdecided\b",
            r"\bhiring process\b",
            r"\bnext steps?\b",
            r"\btimeline\b",
            r"\bwhen (?:do you think )?you(?:'ll| will| might| expect to) (?:know|decide)",
            r"\bwhere (?:you are|things stand|you're at)\b",
            r"\breferences?\b",
            r"\bportfolio\b",
        ),
    ),
)
