"""The newest glibc that a frozen Linux Footprint needs, read from every ELF file it bundles.

    python packaging/glibc_floor.py dist/Footprint [--max 2.35] [--verbose]

Each dynamically linked program and library names the glibc symbol versions it needs
(GLIBC_2.17, GLIBC_2.34…) in its version-needs section (.gnu.version_r, found through the
DT_VERNEED and DT_VERNEEDNUM entries of its dynamic section). The highest of them over the
whole bundle is the oldest glibc the bundle can start on; `--max` fails (exit 1) when it is
newer than the README promises, naming the files that need more. Only the standard library:
the ELF header, program headers and dynamic section are parsed here (ELF specification,
https://refspecs.linuxfoundation.org/elf/gabi4+/ch5.dynamic.html, and the LSB's symbol
versioning, https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/symversion.html).
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_STRTAB, DT_VERNEED, DT_VERNEEDNUM = 0, 5, 0x6FFFFFFE, 0x6FFFFFFF
GLIBC_VERSION = re.compile(rb"^GLIBC_(\d+)\.(\d+)(?:\.(\d+))?$")
MAX_FILE_BYTES = 512 * 1024 * 1024  # nothing in a bundle is bigger; a cap before reading

Version = tuple[int, ...]


class ElfFile:
    """One ELF file in memory, with the few structures version needs are found through."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        bits, order = data[4], data[5]
        if bits not in (1, 2) or order not in (1, 2):
            raise ValueError("not a 32- or 64-bit ELF file")
        self.is64 = bits == 2
        self.endian = "<" if order == 1 else ">"

    def _unpack(self, fmt: str, offset: int) -> tuple[int, ...]:
        return struct.unpack_from(self.endian + fmt, self.data, offset)

    def _program_headers(self) -> Iterator[tuple[int, int, int, int]]:
        """(type, file offset, virtual address, file size) of each program header."""
        if self.is64:
            (phoff,) = self._unpack("Q", 0x20)
            phentsize, phnum = self._unpack("HH", 0x36)
        else:
            (phoff,) = self._unpack("I", 0x1C)
            phentsize, phnum = self._unpack("HH", 0x2A)
        for index in range(phnum):
            at = phoff + index * phentsize
            if self.is64:
                kind, _flags, offset, vaddr, _paddr, filesz = self._unpack("IIQQQQ", at)
            else:
                kind, offset, vaddr, _paddr, filesz = self._unpack("IIIII", at)
            yield kind, offset, vaddr, filesz

    def _file_offset(self, address: int) -> int:
        """The file offset of a virtual address, through the loadable segments."""
        for kind, offset, vaddr, filesz in self._program_headers():
            if kind == PT_LOAD and vaddr <= address < vaddr + filesz:
                return address - vaddr + offset
        raise ValueError(f"address {address:#x} is in no loadable segment")

    def _dynamic_entries(self) -> dict[int, int]:
        entries: dict[int, int] = {}
        for kind, offset, _vaddr, filesz in self._program_headers():
            if kind != PT_DYNAMIC:
                continue
            size, fmt = (16, "qQ") if self.is64 else (8, "iI")
            for at in range(offset, offset + filesz, size):
                tag, value = self._unpack(fmt, at)
                if tag == DT_NULL:
                    break
                entries.setdefault(tag, value)
        return entries

    def _string(self, offset: int) -> bytes:
        end = self.data.index(b"\0", offset)
        return self.data[offset:end]

    def needed_versions(self) -> list[tuple[bytes, bytes]]:
        """(library, version) for each version this file needs: (libc.so.6, GLIBC_2.34)…"""
        dynamic = self._dynamic_entries()
        if DT_VERNEED not in dynamic or DT_STRTAB not in dynamic:
            return []
        strings = self._file_offset(dynamic[DT_STRTAB])
        need = self._file_offset(dynamic[DT_VERNEED])
        found: list[tuple[bytes, bytes]] = []
        for _ in range(dynamic.get(DT_VERNEEDNUM, 0)):
            _version, count, file_name, aux, next_need = self._unpack("HHIII", need)
            library = self._string(strings + file_name)
            entry = need + aux
            for _ in range(count):
                _hash, _flags, _other, name, next_aux = self._unpack("IHHII", entry)
                found.append((library, self._string(strings + name)))
                if not next_aux:
                    break
                entry += next_aux
            if not next_need:
                break
            need += next_need
        return found


def glibc_versions(path: Path) -> set[Version]:
    """The GLIBC_x.y versions an ELF file needs; empty for other files."""
    try:
        with path.open("rb") as file:
            if file.read(4) != ELF_MAGIC or path.stat().st_size > MAX_FILE_BYTES:
                return set()
            file.seek(0)
            elf = ElfFile(file.read())
        needed = elf.needed_versions()
    except (OSError, ValueError, struct.error) as error:
        raise SystemExit(f"{path}: cannot read its ELF version needs ({error})") from error
    versions: set[Version] = set()
    for _library, name in needed:
        if match := GLIBC_VERSION.match(name):
            versions.add(tuple(int(part) for part in match.groups() if part is not None))
    return versions


def bundle_floor(bundle: Path) -> tuple[Version, dict[Path, Version]]:
    """The highest glibc version any bundled file needs, and each file's own highest."""
    per_file: dict[Path, Version] = {}
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            if versions := glibc_versions(path):
                per_file[path] = max(versions)
    floor = max(per_file.values(), default=(0,))
    return floor, per_file


def dotted(version: Version) -> str:
    """2.35 for (2, 35)."""
    return ".".join(str(part) for part in version)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the frozen folder, e.g. dist/Footprint")
    parser.add_argument("--max", help="fail when the bundle needs a newer glibc than this")
    parser.add_argument("--verbose", action="store_true", help="list every file's need")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        parser.error(f"{args.bundle} is not a folder")
    floor, per_file = bundle_floor(args.bundle)
    if args.verbose:
        for path, version in sorted(per_file.items(), key=lambda item: item[1]):
            print(f"  GLIBC_{dotted(version):6} {path.relative_to(args.bundle)}")
    print(f"{len(per_file)} ELF files need glibc; the bundle needs glibc {dotted(floor)} or newer")
    if args.max:
        limit = tuple(int(part) for part in args.max.split("."))
        too_new = {p: v for p, v in per_file.items() if v > limit}
        if too_new:
            print(f"FAILED: {len(too_new)} files need a glibc newer than {args.max}:")
            for path, version in sorted(too_new.items()):
                print(f"  GLIBC_{dotted(version)} {path.relative_to(args.bundle)}")
            return 1
        print(f"ok: within glibc {args.max}, as the README promises")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
