"""The files a Footprint release carries, checked and summed before they are published.

    python packaging/release_assets.py FOLDER --version 0.2.0 [--dry-run]

The build workflow downloads every build into FOLDER and runs this before creating the
release: it fails (exit 1) when an expected file is missing or an unexpected one is there,
then writes FOLDER/SHA256SUMS in the format `sha256sum --check` reads. `--dry-run` prints what
would be published and writes nothing. The README's install section names the same files
(tests/test_release_assets.py keeps the two in step).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

CHECKSUMS = "SHA256SUMS"


def expected_assets(version: str) -> dict[str, str]:
    """Every file of release `version`, with what it is for."""
    wheel_name = "footprint_care_audit"  # the PyPI name, normalised as wheels spell it
    return {
        f"Footprint-{version}-windows-setup.exe": "Windows 10/11 installer",
        f"Footprint-{version}-windows-portable.zip": "Windows portable folder",
        f"Footprint-{version}-macos-arm64.dmg": "macOS 13+, Apple silicon",
        f"Footprint-{version}-macos-x86_64.dmg": "macOS 13+, Intel",
        f"Footprint-{version}-linux-x86_64.tar.gz": "Linux x86_64, glibc 2.35+",
        f"{wheel_name}-{version}-py3-none-any.whl": "Python wheel (pipx)",
        f"{wheel_name}-{version}.tar.gz": "Python source distribution",
    }


def sha256(path: Path) -> str:
    """The file's SHA-256, read in blocks (the installers are large)."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def check_folder(folder: Path, version: str) -> list[str]:
    """What is wrong with the folder's files; empty when it holds exactly the release."""
    expected = set(expected_assets(version))
    present = {p.name for p in folder.iterdir() if p.is_file() and p.name != CHECKSUMS}
    problems = [f"missing: {name}" for name in sorted(expected - present)]
    problems += [f"not expected: {name}" for name in sorted(present - expected)]
    return problems


def checksums(folder: Path, version: str) -> str:
    """SHA256SUMS text: one `<hash>  <name>` line per asset, in name order."""
    names = sorted(expected_assets(version))
    return "".join(f"{sha256(folder / name)}  {name}\n" for name in names)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    args = parser.parse_args(argv)
    if problems := check_folder(args.folder, args.version):
        print("FAILED: the release folder is not the release:", *problems, sep="\n  ")
        return 1
    sums = checksums(args.folder, args.version)
    for name, what in sorted(expected_assets(args.version).items()):
        size = (args.folder / name).stat().st_size / 1_048_576
        print(f"  {name:48} {size:8.1f} MiB  {what}")
    if args.dry_run:
        print(f"dry run: {CHECKSUMS} would be:\n{sums}", end="")
        return 0
    (args.folder / CHECKSUMS).write_text(sums, encoding="utf-8")
    print(f"wrote {args.folder / CHECKSUMS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
