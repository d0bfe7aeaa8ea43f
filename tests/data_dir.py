"""Loaded as a plugin (-p, in pyproject.toml) before pytest-django reads nextsteps'
settings, whatever NEXTSTEPS_DATA_DIR the shell holds: the tests never touch the
user's real data directory, and each pytest-xdist worker has one of its own (two
workers sharing one would write its static files at the same time)."""

import os
import tempfile

os.environ["NEXTSTEPS_DATA_DIR"] = tempfile.mkdtemp(prefix="nextsteps-tests-")
