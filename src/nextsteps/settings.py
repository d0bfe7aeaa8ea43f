"""nextsteps settings, read from the environment with defaults that make a laptop
install just work (one SQLite file in the user's data directory)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
import platformdirs


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envsecret(name: str) -> str | None:
    """A secret from `NAME`, or from the file named by `NAME_FILE` (Docker-style)."""
    if name in os.environ:
        return os.environ[name]
    path = os.environ.get(f"{name}_FILE")
    return Path(path).read_text().strip() if path else None


def generated_secret_key(data_dir: Path) -> str:
    """The key generated into the data dir on first run, so a laptop needs no setup."""
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DATA_DIR = Path(
    os.environ.get("NEXTSTEPS_DATA_DIR") or platformdirs.user_data_dir("nextsteps", appauthor=False)
)
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = envsecret("NEXTSTEPS_SECRET_KEY") or generated_secret_key(DATA_DIR)
DEBUG = envbool("NEXTSTEPS_DEBUG", False)
ALLOWED_HOSTS = os.environ.get("NEXTSTEPS_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "nextsteps.accounts",
    "nextsteps.tracker",
    "nextsteps.outreach",
    "nextsteps.reminders",
    "nextsteps.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "nextsteps.urls"
WSGI_APPLICATION = "nextsteps.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

SQLITE_PATH = DATA_DIR / "nextsteps.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}",
        conn_max_age=envint("NEXTSTEPS_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes; IMMEDIATE makes a
    # writer wait for the lock at BEGIN instead of failing half-way through.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"

# Where links in calendar entries and e-mails point.
SITE_URL = os.environ.get("NEXTSTEPS_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# The user a CLI command acts for on a laptop install.
CLI_USERNAME = os.environ.get("NEXTSTEPS_USER", "me")
