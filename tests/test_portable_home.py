"""The portable build keeps its data beside itself; installed copies and checkouts do not."""

from __future__ import annotations

from app import paths


def test_the_portable_build_keeps_its_data_beside_itself(tmp_path, monkeypatch) -> None:
    stick = tmp_path / "E" / "Footprint"
    stick.mkdir(parents=True)
    (stick / paths.PORTABLE_MARKER).write_text("portable")
    exe = stick / "Footprint.exe"
    assert paths.portable_data_home(exe, frozen=True) == stick / "Footprint data"


def test_an_installed_copy_or_a_checkout_uses_the_user_data_folder(tmp_path, monkeypatch) -> None:
    installed = tmp_path / "Programs" / "Footprint"
    installed.mkdir(parents=True)
    assert paths.portable_data_home(installed / "Footprint.exe", frozen=True) is None
    (installed / paths.PORTABLE_MARKER).write_text("portable")
    assert paths.portable_data_home(installed / "python", frozen=False) is None


def test_footprint_home_still_wins_over_the_portable_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(paths, "portable_data_home", lambda: tmp_path / "beside")
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "chosen"))
    assert paths.default_data_home() == tmp_path / "chosen"
    monkeypatch.delenv(paths.HOME_ENV)
    assert paths.default_data_home() == tmp_path / "beside"
