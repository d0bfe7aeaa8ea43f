"""nextsteps settings, read from the environment with defaults that make a laptop
install just work (one SQLite file in the user's data directory)."""

from __future__ import annotations

import base64
import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
import platformdirs
from csp.constants import NONE, SELF


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


def generated_encryption_key(data_dir: Path) -> str:
    """A Fernet key for stored mail passwords, generated into the data dir on first run.

    Several machines sharing one database must share the key: set it in the
    environment there.
    """
    key_file = data_dir / "encryption_key"
    if not key_file.exists():
        key_file.write_text(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DATA_DIR = Path(
    os.environ.get("NEXTSTEPS_DATA_DIR") or platformdirs.user_data_dir("nextsteps", appauthor=False)
)
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = envsecret("NEXTSTEPS_SECRET_KEY") or generated_secret_key(DATA_DIR)
# Comma-separated Fernet keys, newest first: older ones still decrypt during a rotation.
ENCRYPTION_KEYS = (
    envsecret("NEXTSTEPS_ENCRYPTION_KEY") or generated_encryption_key(DATA_DIR)
).split(",")
DEBUG = envbool("NEXTSTEPS_DEBUG", False)
ALLOWED_HOSTS = os.environ.get("NEXTSTEPS_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
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
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
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
                "nextsteps.web.context.outbox",
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
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "login"
# Whether anyone who reaches the site may create an account.
SIGNUP_OPEN = envbool("NEXTSTEPS_SIGNUP", True)

# Login attempts: after 10 failures for one username or from one address, that
# username or address waits 15 minutes.
AXES_FAILURE_LIMIT = envint("NEXTSTEPS_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
AXES_VERBOSE = False

# Errors we cause reach the server's output with their traceback, DEBUG or not.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False}},
}

# Over HTTPS (NEXTSTEPS_HTTPS=true, usually behind a proxy that terminates TLS):
# cookies only travel encrypted and browsers are told to stay on HTTPS.
HTTPS = envbool("NEXTSTEPS_HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and envbool("NEXTSTEPS_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = envint("NEXTSTEPS_HSTS_SECONDS", 31_536_000) if HTTPS else 0
if envbool("NEXTSTEPS_TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("NEXTSTEPS_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts and styles come from our own static files only: no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

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

# The outbox worker: how often it looks for due messages, how long one SMTP
# conversation step may take, and how long a claim holds before a `sending`
# message whose worker went silent is marked uncertain.
WORKER_POLL_SECONDS = envint("NEXTSTEPS_WORKER_POLL_SECONDS", 5)
SMTP_TIMEOUT_SECONDS = envint("NEXTSTEPS_SMTP_TIMEOUT_SECONDS", 30)
SENDING_LEASE_SECONDS = envint("NEXTSTEPS_SENDING_LEASE_SECONDS", 300)
