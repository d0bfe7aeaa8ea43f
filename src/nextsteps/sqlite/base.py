from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.backends.sqlite3 import base

from nextsteps.private_files import private_database


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        if not self.is_in_memory_db():
            private_database(Path(conn_params["database"]), Path(settings.DATA_DIR))
        return super().get_new_connection(conn_params)
