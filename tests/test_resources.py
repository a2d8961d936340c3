"""The shipped-data resolver: checkout, installed wheel, missing files said as a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.resources
from app.cli import main
from app.resources import MissingDataError, ShippedData, locate, shipped


def _package(root: Path) -> Path:
    package = root / "app"
    (package / "storage" / "migrations").mkdir(parents=True)
    return package


def test_the_running_footprint_finds_all_its_shipped_files() -> None:
    data = shipped()
    assert data.missing() == []
    assert (data.audits / "facebook.toml").is_file()
    assert data.codes_file.is_file() and data.report_stylesheet.is_file()
    assert (data.examples / "riverside-care-policy.toml").is_file()
    assert all(data.icon(suffix).is_file() for suffix in ("svg", "ico", "icns"))
    assert (data.migrations / "env.py").is_file()


def test_a_checkout_uses_the_folders_beside_the_package(tmp_path) -> None:
    package = _package(tmp_path)
    (tmp_path / "pyproject.toml").write_text("")
    data = locate(package)
    assert data.audits == tmp_path / "audits"
    assert data.codes_file == tmp_path / "resources" / "codes.toml"
    assert data.migrations == package / "storage" / "migrations"


def test_an_installed_package_uses_its_bundled_copy(tmp_path) -> None:
    package = _package(tmp_path)
    (package / "_shipped").mkdir()
    (tmp_path / "resources").mkdir()  # another project's folder in site-packages: ignored
    data = locate(package)
    assert data.resources == package / "_shipped" / "resources"


def test_an_installation_without_its_data_names_where_it_should_be(tmp_path) -> None:
    package = _package(tmp_path)
    data = locate(package)
    assert data.root == package / "_shipped"
    with pytest.raises(MissingDataError) as error:
        data.require()
    message = str(error.value)
    assert message.startswith("Footprint's installation is incomplete: it cannot find")
    assert "the audit definitions" in message and str(package / "_shipped" / "audits") in message
    assert message.endswith("Please reinstall Footprint.")


@pytest.mark.parametrize("command", [["demo", "--no-gui"], ["validate"], ["due"]])
def test_commands_refuse_missing_data_before_writing_anything(
    command, tmp_path, monkeypatch, capsys, data_home
) -> None:
    empty = ShippedData(tmp_path / "nowhere", tmp_path / "nowhere" / "app")
    monkeypatch.setattr(app.resources, "shipped", lambda: empty)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "installation is incomplete" in err and "Traceback" not in err
    assert not data_home.root.exists()
