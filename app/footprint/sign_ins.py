"""The facade's use cases of secrets in the keyring: sign-in details and forgetting them.

One rule for every keyring call the windows cause: it runs as `Background` work, off the UI
thread, because a locked keyring may ask for its password and block the caller until the
worker answers. The record of which entries Footprint created is kept in the database, on the
UI thread, once the keyring has done its part.
"""

from __future__ import annotations

from app.footprint.background import Background, Progress
from app.footprint.parts import Parts


class SignIns(Parts):
    """Sign-in details in the keyring, and Footprint's record of the entries it made."""

    @staticmethod
    def keyring_problem() -> str | None:
        """None when a keyring is usable, else why saving sign-in details is switched off
        (which backend is installed: no secret is read)."""
        from app.credentials import keyring_status

        return keyring_status()

    @staticmethod
    def save_sign_in(platform_id: str, username: str, password: str) -> Background[None]:
        """Keep a platform's sign-in details in the keyring (replacing any), off the UI
        thread; then call `sign_in_saved`."""
        from app.credentials import Credential, save

        credential = Credential(username, password)

        def work(_progress: Progress) -> None:
            save(platform_id, credential)

        return Background("keyring", work, keyring_refusal)

    @staticmethod
    def forget_sign_in(platform_id: str) -> Background[bool]:
        """Delete a platform's entry from the keyring, off the UI thread (True if there was
        one); then call `sign_in_forgotten`."""
        from app.credentials import forget

        return Background("keyring", lambda _progress: forget(platform_id), keyring_refusal)

    def keyring_services(self) -> list[str]:
        """The keyring entries Footprint recorded creating (names, never secrets)."""
        return self.store.keyring_services()

    @staticmethod
    def forget_keyring_entries(services: list[str]) -> Background[tuple[int, str | None]]:
        """Delete these recorded keyring entries, off the UI thread: (how many, why not all
        if the keyring refused). "Delete all my data" runs it after the files are gone."""
        from app.services.data_deletion import forget_keyring_entries

        return Background("forget keyring", lambda _progress: forget_keyring_entries(services))

    def saved_sign_ins(self) -> set[str]:
        """Platforms whose sign-in details Footprint saved in the keyring."""
        from app.credentials import service_name

        recorded = set(self.keyring_services())
        return {p.id for p in self.catalogue.platforms if service_name(p.id) in recorded}

    def sign_in_saved(self, platform_id: str) -> None:
        """Record that the platform's details were saved in the keyring (after the save)."""
        from app.credentials import service_name

        self.store.remember_keyring_entry(service_name(platform_id), self.clock.now())

    def sign_in_forgotten(self, platform_id: str) -> None:
        """Record that the platform's keyring entry was deleted."""
        from app.credentials import service_name

        self.store.forget_keyring_entry(service_name(platform_id))


def keyring_refusal(error: BaseException) -> str | None:
    """The keyring's refusal, in the sentence app.credentials wrote for the worker."""
    from app.credentials import CredentialsUnavailableError

    return str(error) if isinstance(error, CredentialsUnavailableError) else None
