"""A seeded mutator for audit files and policy packs: small hostile edits of real files.

Each mutant is one to three edits of a shipped audit file or of the example policy pack:
lines dropped, doubled or swapped, values replaced by values of another type (lists where a
text belongs, `{ "tag-review" = [1] }`, 500 nested `[`), keys and table headers changed,
ids with newlines, bytes flipped, the file cut short. `python -m tests.checklists.mutator
COUNT` runs a batch through the loader and prints how many mutants ended in a traceback.
"""

from __future__ import annotations

import random
import re
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.checklists.file_errors import ChecklistError

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "resources" / "examples" / "riverside-care-policy.toml"
SOURCES = (*sorted((ROOT / "audits").glob("*.toml")), PACK)
KEYS = (
    "id", "name", "title", "category", "why", "codes", "steps", "safe", "open_url", "source",
    "severity", "probe", "platform", "recheck_days", "raise_severity", "format", "goal",
    "action", "concerns", "url", "locator", "read", "safe_when", "organisation", "notes",
)  # fmt: skip
HEADERS = (
    "[[item]]", "[item]", "[[platform]]", "[platform]", "[policy]", "[[change]]",
    "[item.probe]", "[platform.automation]", "[[item.probe]]", "[change]", "[[policy]]",
)  # fmt: skip
VALUES = (
    "[1]", "{ a = 1 }", "1", "true", "1979-05-27", "1979-05-27T07:32:00Z", '"x\\ny"', "[[]]",
    "{}", '{ "tag-review" = [1] }', '{ "tag-review" = { a = 1 } }', '"a\\u202eb"', "-1",
    "1e400", "inf", "nan", '""', '"   "', "[[1, 2], [3]]", '["a", 1]', '[{ x = [] }]',
    '"' + "w" * 5000 + '"', '"a\\nfacebook.toml:1: forged"', "99999999999999999999",
    '"javascript:alert(1)"', '"<b>bold</b><img src=x>"', "0x10", "[" * 600 + "]" * 600,
    "{ a = " * 300 + "1" + " }" * 300, '"\\u0000"', '"\\ud800"', "'''\na\n'''",
)  # fmt: skip
_KEY_LINE = re.compile(r"^(\s*)([A-Za-z0-9_\-\"']+)(\s*=\s*)(.*)$")


@dataclass(frozen=True)
class Mutant:
    """A mutated file: its bytes and the name it is written under."""

    name: str
    data: bytes
    is_pack: bool


def _lines(text: str) -> list[str]:
    return text.splitlines()


def _drop(rng: random.Random, lines: list[str]) -> None:
    if lines:
        del lines[rng.randrange(len(lines))]


def _double(rng: random.Random, lines: list[str]) -> None:
    if lines:
        index = rng.randrange(len(lines))
        lines.insert(index, lines[index])


def _swap(rng: random.Random, lines: list[str]) -> None:
    if len(lines) > 1:
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]


def _keyed(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]


def _replace_value(rng: random.Random, lines: list[str]) -> None:
    if keyed := _keyed(lines):
        index = rng.choice(keyed)
        match = _KEY_LINE.match(lines[index])
        assert match is not None
        lines[index] = match.group(1) + match.group(2) + match.group(3) + rng.choice(VALUES)


def _rename_key(rng: random.Random, lines: list[str]) -> None:
    if keyed := _keyed(lines):
        index = rng.choice(keyed)
        match = _KEY_LINE.match(lines[index])
        assert match is not None
        lines[index] = match.group(1) + rng.choice(KEYS) + match.group(3) + match.group(4)


def _header(rng: random.Random, lines: list[str]) -> None:
    lines.insert(rng.randrange(len(lines) + 1), rng.choice(HEADERS))


def _insert_pair(rng: random.Random, lines: list[str]) -> None:
    pair = f"{rng.choice(KEYS)} = {rng.choice(VALUES)}"
    lines.insert(rng.randrange(len(lines) + 1), pair)


def _deep(rng: random.Random, lines: list[str]) -> None:
    depth = rng.choice((40, 200, 500, 2000))
    opener, closer = rng.choice((("[", "]"), ("{ a = ", " }")))
    lines.insert(rng.randrange(len(lines) + 1), f"x = {opener * depth}1{closer * depth}")


_LINE_EDITS: tuple[Callable[[random.Random, list[str]], None], ...] = (
    _drop, _double, _swap, _replace_value, _replace_value, _rename_key, _header,
    _insert_pair, _deep,
)  # fmt: skip


def _byte_edit(rng: random.Random, data: bytes) -> bytes:
    choice = rng.randrange(3)
    if choice == 0 and data:
        index = rng.randrange(len(data))
        return data[:index] + bytes([rng.randrange(256)]) + data[index + 1 :]
    if choice == 1:
        index = rng.randrange(len(data) + 1)
        return data[:index] + rng.randbytes(rng.randrange(1, 16)) + data[index:]
    return data[: rng.randrange(len(data) + 1)]


def mutants(count: int, seed: int = 13) -> Iterator[Mutant]:
    """`count` mutants, the same ones for the same seed."""
    rng = random.Random(seed)
    for number in range(count):
        source = rng.choice(SOURCES)
        lines = _lines(source.read_text(encoding="utf-8"))
        for _ in range(rng.randint(1, 3)):
            rng.choice(_LINE_EDITS)(rng, lines)
        data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
        if rng.random() < 0.15:
            data = _byte_edit(rng, data)
        # Platform files must be named after their id; keep the name so they can load.
        name = source.name if source != PACK else f"pack-{number}.toml"
        yield Mutant(name, data, source == PACK)


@dataclass
class BatchResult:
    """How a batch of mutants went."""

    valid: int = 0
    refused: int = 0  # a ChecklistError whose every line is `file:line: message`
    forged: int = 0  # a ChecklistError with a line that is not its own `file:line:`
    tracebacks: int = 0
    examples: list[str] = field(default_factory=list)

    def summary(self, count: int) -> str:
        """One line of figures."""
        return (
            f"{count} mutants: {self.valid} valid, {self.refused} refused with file:line, "
            f"{self.forged} with a forged or broken line, {self.tracebacks} tracebacks"
        )


def run_batch(count: int, folder: Path, seed: int = 13) -> BatchResult:
    """Load every mutant as `validate` and `policy add` would."""
    from app.checklists.codes import load_code_book
    from app.checklists.file_errors import ChecklistError
    from app.checklists.loader import load_catalogue, load_platform_file, shipped_audit_files
    from app.checklists.policy import load_policy_pack
    from app.paths import DataHome
    from app.services.policy_packs import install_pack

    known = set(load_code_book().clauses)
    shipped = load_catalogue(shipped_audit_files(), known).catalogue
    home = DataHome(folder / "home")
    home.ensure()
    result = BatchResult()
    for number, mutant in enumerate(mutants(count, seed)):
        path = folder / str(number) / mutant.name
        path.parent.mkdir()
        path.write_bytes(mutant.data)
        try:
            if mutant.is_pack:
                load_policy_pack(path, shipped, known)
                install_pack(home, path, shipped, known)
            else:
                load_platform_file(path, known)
            result.valid += 1
        except ChecklistError as error:
            if lines_are_its_own(error):
                result.refused += 1
            else:
                result.forged += 1
                if len(result.examples) < 5:
                    result.examples.append(error.describe())
        except Exception:  # noqa: BLE001 - counting exactly these is the point
            result.tracebacks += 1
            if len(result.examples) < 5:
                result.examples.append(f"{path}:\n{traceback.format_exc()}")
    return result


def lines_are_its_own(error: ChecklistError) -> bool:
    """Every line of the error's text is one `file:line: message`, one per problem."""
    lines = error.describe().split("\n")
    prefix = re.compile(re.escape(str(error.path)) + r":\d+: ")
    return len(lines) == len(error.problems) and all(prefix.match(line) for line in lines)


if __name__ == "__main__":
    import tempfile

    total = int(sys.argv[1]) if len(sys.argv) > 1 else 1200
    with tempfile.TemporaryDirectory() as tmp:
        found = run_batch(total, Path(tmp), int(sys.argv[2]) if len(sys.argv) > 2 else 13)
    print(found.summary(total))
    for text in found.examples:
        print(text)
