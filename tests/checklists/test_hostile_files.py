"""Small hostile files give `file:line: what is wrong`, never a traceback, a hang or a forged
line: deep nesting, mistyped values, ids with newlines, pipes, devices, huge files, and a
seeded batch of mutated real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.checklists.file_errors import ChecklistError
from app.checklists.file_reading import MAX_BYTES
from app.checklists.loader import load_platform_file
from app.cli import main
from tests.checklists.mutator import PACK, lines_are_its_own, run_batch

ROOT = Path(__file__).resolve().parents[2]
IN_SUITE_MUTANTS = 150  # `python -m tests.checklists.mutator 5000` runs a large batch


def test_five_hundred_nested_brackets_in_a_kilobyte_are_refused_with_the_line(tmp_path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("[platform]\nid = 'deep'\nx = " + "[" * 500 + "]" * 500 + "\n")
    assert path.stat().st_size < 1100
    with pytest.raises(ChecklistError) as raised:
        load_platform_file(path)
    assert raised.value.describe().startswith(f"{path}:3: values are nested more than")


def test_deep_inline_tables_are_refused_too(tmp_path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text('x = "[[[ not counted # ]"\n' + "y = " + "{ a = " * 400 + "1" + " }" * 400)
    with pytest.raises(ChecklistError, match="nested more than"):
        load_platform_file(path)


def test_brackets_inside_strings_and_comments_are_not_nesting(tmp_path) -> None:
    path = tmp_path / "fine.toml"
    deep = "[" * 100
    path.write_text(f"# {deep}\na = '{deep}'\nb = \"{deep}\"\nc = '''\n{deep}\n'''\n")
    with pytest.raises(ChecklistError) as raised:
        load_platform_file(path)  # not a platform file, but its text was parsed
    assert "nested" not in raised.value.describe()


def raise_severity_pack(tmp_path: Path, value: str) -> Path:
    text = PACK.read_text(encoding="utf-8").replace(
        'raise_severity = { "tag-review" = "high" }',
        f'raise_severity = {{ "tag-review" = {value} }}',
    )
    assert value in text
    path = tmp_path / "pack.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("value", ["[1]", "{ a = 1 }", "1", "true"])
def test_a_mistyped_severity_is_a_line_not_a_type_error(tmp_path, capsys, value) -> None:
    path = raise_severity_pack(tmp_path, value)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:15: severity" in err and "Traceback" not in err
    assert main(["policy", "add", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:15: severity" in err and "was not installed" in err


def test_an_id_with_a_newline_cannot_forge_a_line(tmp_path, capsys) -> None:
    path = tmp_path / "x.toml"
    forged = f"{tmp_path / 'facebook.toml'}:1: all fine"
    path.write_text(f'[platform]\nid = "x\\n{forged}"\n', encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines and all(line.startswith(f"{path}:") for line in lines)
    assert "x\\n" in "\n".join(lines)  # shown escaped, on its own line


def test_right_to_left_overrides_are_shown_escaped(tmp_path) -> None:
    path = tmp_path / "x.toml"
    path.write_text('[platform]\nid = "abc\\u202edef"\n', encoding="utf-8")
    with pytest.raises(ChecklistError) as raised:
        load_platform_file(path)
    assert "\u202e" not in raised.value.describe() and "\\u202e" in raised.value.describe()


def run_validate(*paths: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "validate", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,  # a hang fails here rather than holding the suite
        check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_validate_on_a_named_pipe_says_so_instead_of_waiting(tmp_path) -> None:
    fifo = tmp_path / "audit.toml"
    os.mkfifo(fifo)
    result = run_validate(str(fifo))
    assert result.returncode == 1
    assert f"{fifo}:1: not a regular file" in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_validate_on_an_endless_device_reads_nothing(tmp_path) -> None:
    result = run_validate("/dev/zero")
    assert result.returncode == 1 and "/dev/zero:1: not a regular file" in result.stderr


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path) -> None:
    path = tmp_path / "huge.toml"
    path.write_text("# padding\n" * (MAX_BYTES // 10 + 1))
    with pytest.raises(ChecklistError, match="larger than 512 KB"):
        load_platform_file(path)


def test_a_folder_is_not_an_audit_file(tmp_path) -> None:
    with pytest.raises(ChecklistError) as raised:
        load_platform_file(tmp_path)
    assert raised.value.describe().startswith(f"{tmp_path}:1: ")


def test_mutated_audit_files_and_packs_give_a_result_or_a_line_never_a_traceback(
    tmp_path,
) -> None:
    found = run_batch(IN_SUITE_MUTANTS, tmp_path)
    assert (found.tracebacks, found.forged) == (0, 0), "\n".join(found.examples)
    assert found.refused > IN_SUITE_MUTANTS // 2  # the mutations really do break files


def test_the_lines_check_catches_a_forged_line(tmp_path) -> None:
    from app.checklists.file_errors import Problem

    error = ChecklistError(tmp_path / "a.toml", [Problem(1, "fine")])
    assert lines_are_its_own(error)
    forged = ChecklistError.__new__(ChecklistError)
    forged.path, forged.problems = tmp_path / "a.toml", (Problem(1, "x"),)
    forged.describe = lambda: f"{tmp_path / 'a.toml'}:1: x\nother.toml:2: y"  # type: ignore[method-assign]
    assert not lines_are_its_own(forged)
