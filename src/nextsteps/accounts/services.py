"""A user's settings: their calendar and their playbook."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nextsteps.accounts.models import NAME, TIMEZONE, USERNAME, WEEKLY_TARGET, Profile
from nextsteps.fields import Text
from nextsteps.playbook import load_playbook
from nextsteps.playbook.digest import format_digest_time, parse_digest_time, replan_digest
from nextsteps.playbook.sending import WorkingHours
from nextsteps.playbook.workdays import format_working_days, parse_working_days, public_holidays


def profile_of(user: User) -> Profile:
    profile, created = Profile.objects.get_or_create(user=user)
    if created:
        plan_digest(profile, timezone.now())
        profile.save(update_fields=["next_digest_at"])
    return profile


# The settings the plan is made with: changing one replans every application.
PLAN_INPUTS = frozenset({"timezone", "country", "subdivision", "working_days", "playbook"})
# The settings that decide when the daily digest goes out.
DIGEST_CLOCK = frozenset({"timezone", "country", "subdivision", "working_days", "digest_time"})


def plan_digest(profile: Profile, now: datetime) -> None:
    """Set the moment of the user's next digest from their settings (unsaved)."""
    clock = profile.digest_clock()
    if clock is None:
        profile.next_digest_at = None
        return
    profile.next_digest_at = replan_digest(
        profile.next_digest_at, now, clock, profile.workdays(), profile.last_digest_on
    )


def _country(value: str) -> str:
    code = value.upper()
    public_holidays(code)  # refuses a country it knows no holidays of
    return code


def _playbook(value: str) -> str:
    load_playbook(value)
    return value


# Each setting: how to turn the typed text into the stored value, or say what is wrong.
SETTINGS: dict[str, Callable[[str], object]] = {
    "name": NAME.clean,
    "timezone": TIMEZONE.clean,
    "country": _country,
    "subdivision": str.upper,
    "working_days": lambda v: format_working_days(parse_working_days(v)),
    "playbook": _playbook,
    "weekly_target": WEEKLY_TARGET.clean,
    "working_hours": lambda v: str(WorkingHours.parse(v)),
    "digest_time": lambda v: format_digest_time(parse_digest_time(v)),
}


def profile_settings(profile: Profile) -> dict[str, object]:
    return {key: getattr(profile, key) for key in SETTINGS}


def change_profile(profile: Profile, key: str, text: str) -> None:
    """Validate and store one setting; raises ValueError with a sentence for the user."""
    if key not in SETTINGS:
        raise ValueError(f"Unknown setting {key!r}; use one of: {', '.join(SETTINGS)}.")
    value = SETTINGS[key](Text(key, 100).clean(text))
    candidate = {"country": profile.country, "subdivision": profile.subdivision, key: value}
    if candidate["subdivision"] and not candidate["country"]:
        raise ValueError("A subdivision is part of a country: set the country first.")
    public_holidays(str(candidate["country"]), str(candidate["subdivision"]))
    setattr(profile, key, value)
    changed = [key]
    if key in DIGEST_CLOCK:
        plan_digest(profile, timezone.now())
        changed.append("next_digest_at")
    profile.save(update_fields=changed)


class SettingsRejected(ValueError):
    """Some settings were refused; `errors` holds one sentence per setting."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


def change_settings(profile: Profile, texts: Mapping[str, str]) -> list[str]:
    """Validate and store several settings as typed: all of them, or none.

    Returns the keys that changed. The subdivision is set last, after the country
    it belongs to.
    """
    current = {key: str(value) for key, value in profile_settings(profile).items()}
    changed = [key for key, text in texts.items() if text.strip() != current.get(key)]
    if "country" in changed and "subdivision" in texts and "subdivision" not in changed:
        changed.append("subdivision")  # checked again against the new country
    errors: dict[str, str] = {}
    try:
        with transaction.atomic():
            if "subdivision" in changed:
                change_profile(profile, "subdivision", "")
            for key in sorted(changed, key=lambda k: k == "subdivision"):
                try:
                    change_profile(profile, key, texts[key])
                except ValueError as exc:
                    errors[key] = str(exc)
            if errors:
                raise SettingsRejected(errors)
    except SettingsRejected:
        profile.refresh_from_db()
        raise
    return changed


@transaction.atomic
def create_account(username: str, password: str, zone_name: str = "UTC", name: str = "") -> User:
    """A new user with a profile on their own clock; the username must be free."""
    user = User.objects.create_user(username=USERNAME.clean(username), password=password)
    profile = profile_of(user)
    change_profile(profile, "timezone", zone_name)
    change_profile(profile, "name", name)
    return user


class PasswordRejected(ValueError):
    """A password the validators refuse; the message is their sentences."""


def set_password(user: User, password: str) -> None:
    """Set or change the user's password, if the password validators accept it."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise PasswordRejected(" ".join(exc.messages)) from None
    user.set_password(password)
    user.save(update_fields=["password"])


def command_line_user_without_password() -> User | None:
    """The command line's user (NEXTSTEPS_USER) when it has no password yet: on a
    laptop install, the first visit to the web pages lets its owner set one."""
    user = User.objects.filter(username=settings.CLI_USERNAME).first()
    return user if user is not None and not user.has_usable_password() else None
