"""The ``atlas`` command: serve, validate, export and build-static.

Errors a user can fix (bad arguments, invalid data) print one line and exit non-zero (2 for
usage, 1 for data); a traceback is never the answer to a mistake.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from server import create_app
from server.core.catalog import LayerSpec, parse_catalog
from server.core.contract import check_collection
from server.core.errors import AtlasError, DataError, SettingError
from server.core.export import FORMATS, export
from server.core.reading import read_json, read_sources
from server.core.store import LayerStore
from server.output import OutputError, publish_folder, write_file
from server.paths import GEODATA_DIR

GEODATA_OPTION = click.option(
    "--geodata",
    type=click.Path(file_okay=False, path_type=Path),
    default=GEODATA_DIR,
    show_default=True,
    help="Folder with catalog.json, the layers, SOURCES.md and basemap/.",
)


def bounded_option(name: str, bounds: click.ParamType, default, help: str, shown=True):
    """Make a numeric option held to its bounds (click refuses the rest in one line)."""
    return click.option(name, type=bounds, default=default, show_default=shown, help=help)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Iran–Russia Historical Atlas."""


@cli.command()
@GEODATA_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@bounded_option(
    "--workers",
    click.IntRange(1, 64),
    lambda: min(os.cpu_count() or 1, 8),
    "Worker processes, forked after the data is loaded.",
    shown="one per core",
)
@bounded_option("--threads", click.IntRange(1, 64), 4, "Python threads per worker.")
@bounded_option(
    "--header-timeout",
    click.FloatRange(0.1, 60),
    5.0,
    "Seconds a connection may take to send its request headers (slow clients).",
)
@click.option(
    "--server",
    "server_name",
    type=click.Choice(["granian", "gunicorn"]),
    default="granian",
    show_default=True,
    help="HTTP server: granian (Rust HTTP core) or gunicorn (for comparison).",
)
@click.option("--access-log", is_flag=True, help="Log every request to standard output.")
@click.option("--reload", is_flag=True, help="Restart when code, templates or data change.")
def serve(geodata: Path, server_name: str, reload: bool, **settings) -> None:
    """Validate the data, then serve the atlas (granian; --reload while developing)."""
    from server.web.granian import ServeOptions, run_granian, run_granian_reloading

    options = ServeOptions(**settings)
    app = create_app({"GEODATA_DIR": str(geodata)})  # broken data stops here, before any worker
    where = f"http://{options.host}:{options.port}/"
    if reload:
        click.echo(f"Serving the atlas on {where}, restarting on changes")
        run_granian_reloading(geodata, options)
        return
    click.echo(
        f"Serving the atlas on {where} ({server_name}, "
        f"{options.workers} workers × {options.threads} threads)"
    )
    if server_name == "gunicorn":
        from server.web.gunicorn import run_gunicorn

        run_gunicorn(app, options)
    else:
        run_granian(app, options)


@cli.command()
@GEODATA_OPTION
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
def validate(geodata: Path, files: tuple[Path, ...]) -> None:
    """Check the whole atlas, or only the given layer FILES, against the data contract."""
    if not files:
        store = LayerStore.load(geodata)
        count = sum(len(layer.features) for layer in store)
        click.echo(
            f"ok: {len(store.layers)} layers, {count} features, {len(store.key_dates)} key dates"
        )
        return
    sources = read_sources(geodata / "SOURCES.md")
    specs = {
        spec.id: spec for spec in parse_catalog(read_json(geodata / "catalog.json"), "catalog")
    }
    for path in files:
        spec = specs.get(path.stem) or LayerSpec(
            id=path.stem, title=path.stem, description="", order=0, default_on=True, style={}
        )
        features = check_collection(read_json(path), str(path), spec, sources)
        click.echo(f"ok: {path} ({len(features)} features)")


@cli.command("export")
@GEODATA_OPTION
@click.option("--layer", required=True, help="A layer id, or 'atlas' for every layer (GeoJSON).")
@click.option("--date", "at", help="Only what held at this date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="geojson", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write; default: the name the website gives it (cessions_1828-03-01.geojson).",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def export_command(
    geodata: Path, layer: str, at: str | None, fmt: str, output: Path | None, force: bool
) -> None:
    """Write a layer, or the whole atlas, as GeoJSON, GeoPackage or CSV (points)."""
    store = LayerStore.load(geodata)
    try:
        made = export(store, layer, fmt, at)
    except AtlasError as error:  # a bad layer, date or format is a usage mistake (exit 2)
        raise click.UsageError(error.description) from None
    target = output or Path(made.filename)
    write_file(target, made.body, force=force)
    click.echo(f"wrote {target} ({len(made.body):,} bytes)")


@cli.command("build-static")
@GEODATA_OPTION
@click.argument("directory")
def build_static_command(geodata: Path, directory: str) -> None:
    """Write the whole atlas as a static site into DIRECTORY (works from file:// too).

    DIRECTORY must be new, empty, or an earlier build, which is then replaced as a whole.
    """
    from server.mapview.static_site import build_static
    from server.web.state import store_of

    if not directory.strip():
        raise click.UsageError("DIRECTORY is empty; name the folder to build into")
    target = Path(directory)
    app = create_app({"GEODATA_DIR": str(geodata)})  # the same settings (ATLAS_*) as `serve`
    files = publish_folder(target, lambda folder: build_static(store_of(app), app.config, folder))
    size = sum(path.stat().st_size for path in files)
    click.echo(f"wrote {len(files)} files ({size / 1024:.0f} KB) to {target}")
    click.echo(f"open {target.resolve() / 'index.html'} in a browser, or serve the folder")


def main(argv: list[str] | None = None) -> None:
    """Run the command; answer user mistakes with one line and an exit code, not a traceback."""
    try:
        code = cli.main(args=argv, prog_name="atlas", standalone_mode=False)
    except click.UsageError as error:
        click.echo(f"atlas: {error.format_message()} (see 'atlas --help')", err=True)
        code = 2
    except click.ClickException as error:
        click.echo(f"atlas: {error.format_message()}", err=True)
        code = error.exit_code
    except DataError as error:
        click.echo(f"atlas: invalid data: {error}", err=True)
        code = 1
    except OutputError as error:
        click.echo(f"atlas: {error}", err=True)
        code = 1
    except SettingError as error:
        click.echo(f"atlas: invalid setting: {error}", err=True)
        code = 2
    except click.Abort:
        code = 1
    sys.exit(code or 0)
