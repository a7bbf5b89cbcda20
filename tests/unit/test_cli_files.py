"""Nothing a user owns is lost: `atlas export -o` and `atlas build-static` never write over a
user's files unasked, never leave a half-written file, and say what failed in one line."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from server import output
from server.cli import main
from server.mapview import static_site
from tests.paths import FIXTURE_DATA

GEODATA = ["--geodata", str(FIXTURE_DATA)]


def run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    return exit_.value.code


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def export(target: Path | str, *more: str) -> int:
    return run(["export", *GEODATA, "--layer", "places", "-o", str(target), *more])


def build(target: Path | str) -> int:
    return run(["build-static", *GEODATA, str(target)])


def test_export_refuses_to_replace_a_file_without_force(tmp_path, capsys):
    mine = tmp_path / "places.geojson"
    mine.write_text("precious user data")
    assert export(mine) == 1
    assert f"{mine} exists; add --force to replace it" in one_line(capsys)
    assert mine.read_text() == "precious user data"
    assert export(mine, "--force") == 0
    assert mine.read_text().startswith('{"type":"FeatureCollection"')


def test_export_without_output_does_not_overwrite_the_layer_file_it_is_named_after(
    tmp_path, capsys, monkeypatch
):
    (tmp_path / "places.geojson").write_text("the curated layer")
    monkeypatch.chdir(tmp_path)
    assert run(["export", *GEODATA, "--layer", "places"]) == 1
    one_line(capsys)
    assert (tmp_path / "places.geojson").read_text() == "the curated layer"


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("missing/dir/out.geojson", "No such file or directory"),
        ("/dev/full", "No space left on device"),
    ],
)
def test_export_failures_are_one_line(tmp_path, capsys, target, says):
    target = tmp_path / target if not target.startswith("/") else Path(target)
    assert export(target) == 1
    assert f"atlas: cannot write {target}: {says}" in one_line(capsys)


def test_export_to_a_read_only_disk_is_one_line_and_leaves_the_old_file(
    tmp_path, capsys, monkeypatch
):
    mine = tmp_path / "out.geojson"
    mine.write_text("old")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(output.os, "replace", read_only)
    assert export(mine, "--force") == 1
    assert "Read-only file system" in one_line(capsys)
    assert mine.read_text() == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.geojson"]


def test_an_interrupted_export_leaves_the_old_file_whole(tmp_path, monkeypatch):
    mine = tmp_path / "out.geojson"
    mine.write_text("old")
    monkeypatch.setattr(output.os, "fsync", lambda fd: (_ for _ in ()).throw(KeyboardInterrupt))
    assert export(mine, "--force") == 1  # Ctrl-C while the new file is being written
    assert mine.read_text() == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["out.geojson"]


def test_build_static_refuses_a_folder_with_a_users_files(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<h1>mine</h1>")
    assert build(site) == 1
    assert "is not empty and was not made by atlas build-static" in one_line(capsys)
    assert (site / "index.html").read_text() == "<h1>mine</h1>"
    assert [path.name for path in site.iterdir()] == ["index.html"]


def test_build_static_refuses_an_empty_path(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "index.html").write_text("mine")
    assert build("") == 2
    assert "DIRECTORY is empty" in one_line(capsys)
    assert [path.name for path in tmp_path.iterdir()] == ["index.html"]


@pytest.mark.parametrize("where", ["new", "empty"])
def test_build_static_fills_a_new_or_empty_folder(tmp_path, capsys, where):
    site = tmp_path / "sites" / "atlas"
    if where == "empty":
        site.mkdir(parents=True)
    assert build(site) == 0
    assert (site / "index.html").is_file() and (site / output.MARKER).is_file()
    assert sorted(p.name for p in site.parent.iterdir()) == ["atlas"]  # no temporary folder left
    assert f"to {site}" in capsys.readouterr().out


def test_a_rebuild_replaces_an_earlier_build_as_a_whole(tmp_path, capsys):
    site = tmp_path / "site"
    assert build(site) == 0
    (site / "data" / "removed_layer.geojson").write_text("{}")  # a layer since taken out
    assert build(site) == 0
    assert not (site / "data" / "removed_layer.geojson").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    written = int(capsys.readouterr().out.split("wrote ")[-1].split()[0])
    assert written == sum(1 for p in site.rglob("*") if p.is_file() and p.name != output.MARKER)


def test_a_failed_build_leaves_the_earlier_build_untouched(tmp_path, capsys, monkeypatch):
    site = tmp_path / "site"
    assert build(site) == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}

    def half_a_build(store, config, target):
        (target / "index.html").write_text("half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(static_site, "build_static", half_a_build)
    assert build(site) == 1
    assert "No space left on device" in one_line(capsys)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_build_static_under_a_file_is_one_line(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert build(tmp_path / "file" / "sub") == 1
    assert f"{tmp_path / 'file'} is a file" in one_line(capsys)


def test_two_builds_of_the_same_data_are_byte_identical(tmp_path, capsys):
    first, second = tmp_path / "one", tmp_path / "two"
    assert build(first) == 0 and build(second) == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert any(str(path).endswith(".gpkg") for path in files)
    differ = [path for path in files if (first / path).read_bytes() != (second / path).read_bytes()]
    assert differ == []
