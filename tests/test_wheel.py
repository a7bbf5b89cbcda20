"""The built wheel is the whole app: installed (not editable) in a new venv, it validates, serves.

The wheel is built from this checkout with ``pip wheel`` and installed ``--no-deps`` into a new
virtual environment whose only other path is the project venv's site-packages (for Flask, Folium,
GeoPandas…), never the checkout: every template, static file, translation and the default
``geodata/`` must come out of the wheel. Commands run from an empty folder.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.live import fetch, free_port, wait_for
from tests.paths import FIXTURE_DATA, ROOT

pytestmark = pytest.mark.wheel
SHIPPED = (
    "server/templates/atlas.html",
    "server/templates/elements/date_slider.html",
    "server/static/css/atlas.css",
    "server/translations/fa.json",
    "server/geodata/catalog.json",
    "server/geodata/basemap/land.geojson",
)


def run(command: list, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation"]
    built = run([*pip, "--quiet", "--wheel-dir", str(target)], cwd=target)
    assert built.returncode == 0, built.stderr[-2000:]
    return next(target.glob("*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; returns its bin/ folder."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    site = run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], home)
    (Path(site.stdout.strip()) / "project_dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n"  # the project venv: dependencies, not the checkout
    )
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps"]
    done = run([*pip, "--quiet", str(wheel)], cwd=home)
    assert done.returncode == 0, done.stderr[-2000:]
    return home / "bin"


def test_the_wheel_ships_templates_static_files_translations_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(SHIPPED) <= names
    assert not [name for name in names if "/records/" in name or name.startswith("tests/")]


def test_the_installed_app_runs_from_the_wheel_not_the_checkout(installed, tmp_path):
    where = run(
        [str(installed / "python"), "-c", "import server; print(server.__file__)"], tmp_path
    )
    assert where.returncode == 0, where.stderr
    assert str(installed.parent) in where.stdout and str(ROOT) not in where.stdout


def test_atlas_validate_checks_a_given_folder_and_the_shipped_data(installed, tmp_path):
    data = shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    given = run([str(installed / "atlas"), "validate", "--geodata", str(data)], tmp_path)
    assert given.returncode == 0 and given.stdout.startswith("ok: 2 layers"), given.stderr
    shipped = run([str(installed / "atlas"), "validate"], tmp_path)
    assert shipped.returncode == 0 and shipped.stdout.startswith("ok: "), shipped.stderr


def test_atlas_serve_answers_the_map_with_its_assets(installed, tmp_path):
    data = shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    port = free_port()
    command = [str(installed / "atlas"), "serve", "--geodata", str(data), "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", "1"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert wait_for(lambda: _answers(port) or server.poll() is not None, 60)
        assert server.poll() is None, server.stderr.read().decode()[-2000:]
        status, page = fetch(port, "/?date=1828-02-22&layers=zones")
        assert status == 200 and b"22 February 1828" in page
        for asset in ("/static/css/atlas.css", "/vendor/leaflet/leaflet.js", "/data/atlas.js"):
            assert fetch(port, asset)[0] == 200, asset
        status, body = fetch(port, "/?lang=fa")
        assert status == 200 and "اطلس" in body.decode()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
        server.stderr.close()


def _answers(port: int) -> bool:
    try:
        return fetch(port, "/conformance", timeout=2)[0] == 200
    except OSError:
        return False
