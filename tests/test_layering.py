"""The layers of ``server/`` hold: all but ``server.web`` (and the factory) runs without Flask.

Each module is imported in a fresh interpreter where ``import flask`` and ``import werkzeug``
fail, as Flask's ``sansio`` package promises for itself. A core module that reached for Flask,
even through another module, would fail here, naming the import that did it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

FLASK_FREE = ("core", "ogcapi", "mapview")


def modules_of(package: str) -> list[str]:
    folder = ROOT / "server" / package
    return sorted(f"server.{package}.{path.stem}" for path in folder.glob("*.py"))


def flask_free_modules() -> list[str]:
    return ["server.paths", *(name for package in FLASK_FREE for name in modules_of(package))]


IMPORT_WITHOUT_FLASK = """
import sys
for name in ("flask", "werkzeug", "flask_compress"):
    sys.modules[name] = None  # `import flask` now raises ImportError
import importlib
for module in sys.argv[1:]:
    importlib.import_module(module)
"""


def test_every_core_ogcapi_and_mapview_module_imports_without_flask():
    modules = flask_free_modules()
    assert len(modules) > 15
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_WITHOUT_FLASK, *modules],
        capture_output=True,
        text=True,
        cwd=Path(ROOT),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("package", FLASK_FREE)
def test_a_flask_free_package_never_imports_from_the_web_package(package):
    for path in (ROOT / "server" / package).glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "server.web" not in source.replace("``server.web", ""), path.name


def test_the_check_itself_fails_on_a_module_that_needs_flask():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_WITHOUT_FLASK, "server.web.state"],
        capture_output=True,
        text=True,
        cwd=Path(ROOT),
        timeout=120,
    )
    assert result.returncode != 0
    assert "flask" in result.stderr
