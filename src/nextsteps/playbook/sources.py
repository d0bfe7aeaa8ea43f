"""The articles nextsteps is built from. A rule cites an article by its title."""

from __future__ import annotations

DID_I_GET_THE_JOB = "Did I Get the Job?"
BEST_PRACTICES = "Best Practices for Job Seekers When Following Up After an Interview"
FOUR_THINGS = "Four Things to Do After Your Job Interview"
DONT_ASSUME = "Don't Assume You Got the Job!"
HOW_TO_FOLLOW_UP = "Getting a Job – How to Follow Up After the Interview"

ALL = (DID_I_GET_THE_JOB, BEST_PRACTICES, FOUR_THINGS, DONT_ASSUME, HOW_TO_FOLLOW_UP)
