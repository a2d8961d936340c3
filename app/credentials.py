"""Secrets in the OS keyring and nowhere else: sign-in details, and the review key.

This is the only module that imports keyring. Each platform's login is one keyring entry
(service "Footprint/<platform>", user "login") holding JSON, so that "delete all my data"
can find every entry without keeping account names anywhere else. One more entry
("Footprint/review-key") holds the random secret that keys the hashes of people marked in a
friend-list review. When there is no usable keyring (headless Linux often has none), saving
is refused with a reason; nothing ever falls back to a file.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

log = logging.getLogger(__name__)
T = TypeVar("T")
SERVICE_PREFIX = "Footprint"
ENTRY_USER = "login"
REVIEW_KEY_SERVICE = f"{SERVICE_PREFIX}/review-key"
REVIEW_KEY_USER = ENTRY_USER  # like every Footprint entry, so one rule deletes them all
REVIEW_KEY_BYTES = 32


class CredentialsUnavailableError(Exception):
    """The keyring cannot be used; the message says why, as a sentence for the worker."""


@dataclass(frozen=True)
class Credential:
    """A platform's sign-in details, as kept in the keyring."""

    username: str
    password: str

    def __repr__(self) -> str:  # never print the password, even in a traceback
        return f"Credential(username={self.username!r}, password=<hidden>)"


def service_name(platform_id: str) -> str:
    """The keyring service that holds a platform's sign-in details."""
    return f"{SERVICE_PREFIX}/{platform_id}"


def keyring_status() -> str | None:
    """None when a keyring is usable, else the reason saving sign-in details is switched off."""
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    if priority is not None and priority <= 0:
        return (
            "No system keyring is available on this computer, so Footprint cannot save "
            "sign-in details. You can still sign in by hand in the browser."
        )
    return None


def save(platform_id: str, credential: Credential) -> None:
    """Keep a platform's sign-in details in the keyring, replacing any saved before."""
    payload = json.dumps({"username": credential.username, "password": credential.password})
    _call(keyring.set_password, service_name(platform_id), ENTRY_USER, payload)


def load(platform_id: str) -> Credential | None:
    """A platform's saved sign-in details, or None if there are none."""
    payload = _call(keyring.get_password, service_name(platform_id), ENTRY_USER)
    if payload is None:
        return None
    data = json.loads(payload)
    return Credential(data["username"], data["password"])


def forget(platform_id: str) -> bool:
    """Delete the platform's entry; True if there was one."""
    try:
        _call(keyring.delete_password, service_name(platform_id), ENTRY_USER)
    except PasswordDeleteError:
        return False
    return True


def forget_services(services: Iterable[str]) -> tuple[int, str | None]:
    """Delete the entries of these services (the ones Footprint recorded creating).

    Returns how many were deleted and, if the keyring refused, the sentence saying why. It is
    called off the UI thread: a locked keyring may ask the worker for its password.
    """
    removed = 0
    for service in services:
        try:
            _call(keyring.delete_password, service, ENTRY_USER)
        except PasswordDeleteError:
            continue  # already gone (deleted by hand in the keyring manager)
        except CredentialsUnavailableError as error:
            return removed, str(error)
        removed += 1
    return removed, None


def review_secret(*, create: bool) -> bytes | None:
    """The per-install secret keying the hashes of people marked in friend-list reviews.

    Created on first use when `create` is true. None when no keyring can be used (no backend,
    locked, refused) or, with `create` false, when there is none yet: the caller then stores
    nothing per person, or cannot check earlier reviews, and says so.
    """
    if keyring_status() is not None:
        return None
    try:
        stored = _call(keyring.get_password, REVIEW_KEY_SERVICE, REVIEW_KEY_USER)
        if stored is not None:
            return _secret_from(stored)
        if not create:
            return None
        fresh = secrets.token_bytes(REVIEW_KEY_BYTES)
        _call(keyring.set_password, REVIEW_KEY_SERVICE, REVIEW_KEY_USER, fresh.hex())
        # Some backends accept a secret and keep nothing: use it only if it reads back.
        kept = _call(keyring.get_password, REVIEW_KEY_SERVICE, REVIEW_KEY_USER)
        return fresh if kept == fresh.hex() else None
    except CredentialsUnavailableError:
        return None
    except Exception as error:  # a backend's own error type (D-Bus, Windows): no keyring here
        log.warning("keyring unusable for the review key: %s", type(error).__name__)
        return None


def _secret_from(stored: str) -> bytes | None:
    try:
        secret = bytes.fromhex(stored)
    except ValueError:
        return None
    return secret if len(secret) == REVIEW_KEY_BYTES else None


def _call(function: Callable[..., T], *args: str) -> T:
    try:
        return function(*args)
    except PasswordDeleteError:
        raise
    except NoKeyringError:
        raise CredentialsUnavailableError(
            "No system keyring is available, so sign-in details cannot be saved."
        ) from None
    except KeyringError as error:
        # The message may name the backend, never the secret.
        log.warning("keyring error: %s", type(error).__name__)
        raise CredentialsUnavailableError(
            "The system keyring refused the request (it may be locked). Unlock it and try again."
        ) from None
