import os
import tempfile

# Tests never touch the user's real data directory; this runs before Django
# reads its settings.
os.environ.setdefault("NEXTSTEPS_DATA_DIR", tempfile.mkdtemp(prefix="nextsteps-tests-"))
