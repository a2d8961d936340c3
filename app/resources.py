"""Where the files that ship with Footprint are, however it was installed.

The repository keeps them at its top (`audits/`, `resources/`) and the Alembic migrations
inside the package (`app/storage/migrations/`). Three layouts are found alike:

- a checkout (also an editable install): the folders beside `app/`, next to `pyproject.toml`;
- an installed wheel: `setup.py` copies both folders into the package as `app/_shipped/` at
  build time, so they sit in site-packages with the code;
- a frozen app (PyInstaller): `packaging/footprint.spec` puts them in the same `app/_shipped/`
  folder inside the bundle, where the frozen `app` package lives.

Only this module knows these places; everything else asks it. A missing folder is reported as
a sentence by `ShippedData.require()`, before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

BUNDLED_FOLDER = "_shipped"
ICON_NAME = "footprint"


class MissingDataError(Exception):
    """Footprint's own files are not where they should be: a broken or partial installation."""


@dataclass(frozen=True)
class ShippedData:
    """The folders that travel with the code: `root` holds audits/ and resources/."""

    root: Path
    package: Path  # the `app` package folder

    @property
    def audits(self) -> Path:
        """The audit definitions, one TOML file per platform."""
        return self.root / "audits"

    @property
    def resources(self) -> Path:
        """The icons, examples, report style and Code clauses."""
        return self.root / "resources"

    @property
    def codes_file(self) -> Path:
        """The Code of Practice clauses."""
        return self.resources / "codes.toml"

    @property
    def report_stylesheet(self) -> Path:
        """The stylesheet of the supervision report."""
        return self.resources / "report" / "report.css"

    @property
    def examples(self) -> Path:
        """Example files (such as a policy pack) the worker can start from."""
        return self.resources / "examples"

    @property
    def icons(self) -> Path:
        """The app's icons."""
        return self.resources / "icons"

    def icon(self, suffix: str = "svg") -> Path:
        """The app icon as .svg (windows, tray), .ico (Windows) or .icns (macOS)."""
        return self.icons / f"{ICON_NAME}.{suffix}"

    @property
    def migrations(self) -> Path:
        """The Alembic migrations, inside the package."""
        return self.package / "storage" / "migrations"

    def missing(self) -> list[str]:
        """What is absent, each as 'what (where)'; empty when everything is in place."""
        wanted = (
            ("the audit definitions", self.audits, any(self.audits.glob("*.toml"))),
            ("the Code of Practice clauses", self.codes_file, self.codes_file.is_file()),
            ("the report style", self.report_stylesheet, self.report_stylesheet.is_file()),
            ("the database upgrades", self.migrations, (self.migrations / "env.py").is_file()),
        )
        return [f"{what} ({where})" for what, where, present in wanted if not present]

    def require(self) -> None:
        """Raise MissingDataError with one sentence if any shipped file is missing."""
        if missing := self.missing():
            raise MissingDataError(
                "Footprint's installation is incomplete: it cannot find "
                + "; ".join(missing)
                + ". Please reinstall Footprint."
            )


def locate(package: Path) -> ShippedData:
    """The shipped data for the `app` package found at `package`."""
    bundled = package / BUNDLED_FOLDER
    if bundled.is_dir():
        return ShippedData(bundled, package)
    checkout = package.parent
    if (checkout / "pyproject.toml").is_file():
        return ShippedData(checkout, package)
    # Installed without its data: name the place it should have been, never a stranger's
    # `resources` folder that happens to sit in site-packages.
    return ShippedData(bundled, package)


@cache
def shipped() -> ShippedData:
    """The shipped data of this Footprint (checkout, wheel or frozen app)."""
    return locate(Path(__file__).resolve().parent)
