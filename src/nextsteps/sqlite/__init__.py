"""Django's SQLite backend, with the database file made private before it is opened
(see nextsteps.private_files)."""
