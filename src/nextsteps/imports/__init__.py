"""Bringing a job search in from a spreadsheet or another tracker's export: a dry
run first (what will be created, what is already there, which rows are refused and
why), then the same rows recorded through the tracker's services."""
