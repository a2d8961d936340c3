"""What every group of the facade's use cases reads from the composition root.

`Footprint` (app/footprint/root.py) is one object assembled from groups of use cases, each a
class of its own module (the stranger's look, the watch, data downloads, sign-in details,
automated reading); each group reaches the data home, the clock, the catalogue and the store
only through the attributes declared here, which `Footprint` provides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.audit.profile import WorkerProfile
    from app.checklists.model import Catalogue
    from app.clock import Clock
    from app.paths import DataHome
    from app.storage.store import Store


class Parts:
    """The composition root's parts, as the groups of use cases see them."""

    home: DataHome
    clock: Clock
    catalogue: Catalogue

    @property
    def store(self) -> Store:
        """The database; services receive it, windows never do."""
        raise NotImplementedError

    def profile(self) -> WorkerProfile | None:
        """The worker's profile, or None before onboarding."""
        raise NotImplementedError
