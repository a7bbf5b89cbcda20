"""Writing a user's files: never over one of theirs unasked, never half-written.

``atlas export -o`` and ``atlas build-static`` write through here. A file is written beside its
target and moved over it in one step (``os.replace``), so a full disk or a crash leaves the old
file whole; a folder is built beside its target and swapped in likewise. The reliability review
saw both commands destroy a user's files; these are the rules that stop it:

- an existing file is replaced only with ``force`` (``--force``), like ``ogr2ogr -overwrite``;
- a folder is filled only if it is new, empty, or carries ``MARKER`` from an earlier build,
  and then it holds exactly the new build (no stale file of an older one stays published).

Failures raise ``OutputError`` with one line naming the path; the CLI prints it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

MARKER = ".atlas-build"
MARKER_TEXT = "Made by `atlas build-static`; the next build into this folder replaces all of it.\n"


class OutputError(Exception):
    """A file or folder could not be written, or must not be; the message names it."""


def write_file(target: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``target`` atomically, refusing to replace a file unless ``force``.

    A target that exists but is not a regular file (``/dev/stdout``, a pipe) is written to
    directly: there is nothing to replace, and nothing to lose.
    """
    try:
        if target.is_dir():
            raise OutputError(f"cannot write {target}: it is a folder")
        if target.exists() and not target.is_file():
            target.write_bytes(data)
            return
        if target.exists() and not force:
            raise OutputError(f"{target} exists; add --force to replace it")
        _replace_file(target, data)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None


def _replace_file(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def publish_folder(target: Path, build: Callable[[Path], list[Path]]) -> list[Path]:
    """Build into a new folder beside ``target``, then swap it in; return the files built.

    ``build`` fills the folder it is given. ``target`` must be new, empty, or an earlier build.
    """
    try:
        _check_replaceable(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.building-"))
        try:
            files = build(fresh)
            (fresh / MARKER).write_text(MARKER_TEXT)
            fresh.chmod(0o755)
            _swap_in(fresh, target)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
    return [target / path.relative_to(fresh) for path in files]


def _check_replaceable(target: Path) -> None:
    above = next((folder for folder in target.parents if folder.exists()), None)
    if above is not None and not above.is_dir():
        raise OutputError(f"cannot build into {target}: {above} is a file")
    if target.exists() and not target.is_dir():
        raise OutputError(f"cannot build into {target}: it is a file")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise OutputError(
            f"{target} is not empty and was not made by atlas build-static; "
            "choose a new or empty folder"
        )


def _swap_in(fresh: Path, target: Path) -> None:
    """Put ``fresh`` where ``target`` is: one rename, or two if an earlier build is there."""
    if not target.exists() or not any(target.iterdir()):
        os.replace(fresh, target)  # rename(2) replaces an empty folder in one step
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
    os.replace(target, old / "build")
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
