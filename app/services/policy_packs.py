"""Installing, listing and removing employer policy packs in the data home."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from app.checklists.file_errors import ChecklistError
from app.checklists.loader import read_text
from app.checklists.model import Catalogue
from app.checklists.policy import PolicyPack, apply_pack, load_policy_pack, load_policy_text
from app.paths import DataHome, write_owner_only


def installed_pack_files(home: DataHome) -> list[Path]:
    """The packs installed in the data home, sorted by file name."""
    return sorted(home.policy_dir.glob("*.toml")) if home.policy_dir.exists() else []


def apply_installed_packs(
    home: DataHome, shipped: Catalogue, known_codes: set[str]
) -> tuple[Catalogue, list[PolicyPack], list[ChecklistError]]:
    """Apply every valid installed pack in name order; report the ones that are not."""
    catalogue, packs, errors = shipped, [], []
    for path in installed_pack_files(home):
        try:
            pack = load_policy_pack(path, shipped, known_codes)
        except ChecklistError as error:
            errors.append(error)
            continue
        catalogue = apply_pack(catalogue, pack)
        packs.append(pack)
    return catalogue, packs, errors


def install_pack(
    home: DataHome, source: Path, shipped: Catalogue, known_codes: set[str]
) -> PolicyPack:
    """Validate `source` completely, then copy it into the data home in one step.

    The file is read once, and exactly the text that was checked is copied (owner-only):
    a file changed in between cannot slip past the checks."""
    text = read_text(source)
    pack = load_policy_text(text, source, shipped, known_codes)
    home.policy_dir.mkdir(mode=0o700, exist_ok=True)
    target = home.policy_dir / f"{_slug(source.stem)}.toml"
    partial = target.with_suffix(".toml.partial")
    write_owner_only(partial, text.encode("utf-8"))
    os.replace(partial, target)  # atomic: the pack is there whole or not at all
    return replace(pack, path=target)


def remove_pack(home: DataHome, name: str) -> Path:
    """Delete the installed pack called `name`; its path. FileNotFoundError if none."""
    target = home.policy_dir / f"{_slug(Path(name).stem)}.toml"
    if not target.exists():
        raise FileNotFoundError(f"no installed policy pack called '{name}'")
    target.unlink()
    return target


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-") or "policy"
