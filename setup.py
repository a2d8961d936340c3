"""Build hook: the wheel carries the top-level `audits/` and `resources/` folders.

The repository keeps them at its top (the project's layout). When setuptools builds the
package (`pip install .`, `python -m build`), this copies both into the built package as
`app/_shipped/`, where `app/resources.py` looks for them in an installed Footprint. An editable
install (`pip install -e .`) copies nothing: it runs from the checkout, which has the folders.
The sdist carries the folders through MANIFEST.in. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = ("audits", "resources")
BUNDLED_FOLDER = Path("app") / "_shipped"  # app/resources.py BUNDLED_FOLDER


class BuildPyWithShippedData(build_py):
    """build_py, then the shipped data folders copied into the built `app` package."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            for name in SHIPPED:
                target = Path(self.build_lib) / BUNDLED_FOLDER / name
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(HERE / name, target, ignore=shutil.ignore_patterns("__pycache__"))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not self.editable_mode:
            for name in SHIPPED:
                root = Path(self.build_lib) / BUNDLED_FOLDER / name
                outputs += [str(path) for path in root.rglob("*") if path.is_file()]
        return outputs


setup(cmdclass={"build_py": BuildPyWithShippedData})
