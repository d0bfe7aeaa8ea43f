"""Your data, taken out and kept safe: the applications as a spreadsheet, the contacts
as vCards, a whole account as a JSON backup (and its restore), and the daily copies of
the SQLite database that the worker keeps."""
