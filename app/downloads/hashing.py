"""Keyed hashes of marked people, kept only to see later whether they were removed.

A hash must not give the name back. Names are guessable: with the database and a list of
local names, a salted hash, even 2,000 rounds of PBKDF2, is reversed in seconds by hashing
each guess. An HMAC keyed by a random per-install secret kept in the system keyring (never in
the data home) cannot be recomputed from the database alone. Each review adds its own random
salt, so the same person hashes differently in two reviews. Where no keyring is usable,
nothing per person is stored at all (see `app.services.downloads.review_key`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReviewKey:
    """The per-install secret; `key_id` tells which secret a review was hashed with."""

    secret: bytes = field(repr=False)

    @property
    def key_id(self) -> str:
        """A fingerprint of the secret (it reveals nothing of it), stored with each review so
        a changed or lost secret is noticed instead of reading as 'everyone was removed'."""
        return hmac.new(self.secret, b"footprint review key id", hashlib.sha256).hexdigest()[:16]


def new_salt() -> str:
    """A fresh random salt for one review."""
    return secrets.token_hex(16)


def digest(key: ReviewKey, salt: str, person_key: str) -> str:
    """HMAC-SHA256(secret, salt NUL person key), as hex."""
    message = salt.encode("ascii") + b"\x00" + person_key.encode("utf-8")
    return hmac.digest(key.secret, message, "sha256").hex()  # one-shot, in C


def digests(key: ReviewKey, salt: str, person_keys: Iterable[str]) -> frozenset[str]:
    """The digests of several people (each person once)."""
    return frozenset(digest(key, salt, k) for k in set(person_keys))
