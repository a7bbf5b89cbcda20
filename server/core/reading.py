"""Reading ``geodata/`` files defensively: size-capped, depth-safe, numbers JSON can carry.

Every failure is a ``DataError`` naming the file (and the feature, when it is in one), so a
file that cannot be read, is not UTF-8 or holds NaN stops the start with one line, never a
traceback.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from server.core.errors import DataError

MAX_FILE_BYTES = 25 * 1024 * 1024
HUGE_NUMBER = re.compile(rb"[eE]\+?\d{3}")  # 1e999 parses as Infinity; look closer then
SOURCE_LINE = re.compile(r"^\s*[-*]\s+`([a-z0-9][a-z0-9_-]*)`\s*[—–-]+\s*(.+?)\s*$")


def read_json(path: Path) -> Any:
    """Read a JSON file defensively: size-capped, depth-safe, errors named after the file.

    NaN and Infinity, which Python's json accepts, are refused: we would publish them, and no
    browser or strict client can parse a layer that holds one.
    """
    raw = _read_bytes(path)
    odd_numbers: list[str] = []
    try:
        data = json.loads(raw, parse_constant=lambda name: odd_numbers.append(name) or float(name))
    except RecursionError:
        raise DataError(str(path), "JSON is nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise DataError(str(path), f"not valid JSON ({error})") from None
    if odd_numbers or HUGE_NUMBER.search(raw):
        check_finite(data, str(path))
    return data


def _read_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise DataError(str(path), "file is missing")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(str(path), f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        return path.read_bytes()
    except OSError as error:
        raise DataError(str(path), f"cannot be read ({error.strerror or error})") from None


def check_finite(data: Any, path: str) -> None:
    """Raise ``DataError`` at the first NaN or ±Infinity, naming its feature if it is in one."""
    for where, value in _numbers(data, ()):
        if not math.isfinite(value):
            feature, where = _owner(data, where)
            dotted = ".".join(map(str, where))
            spelled = "NaN" if math.isnan(value) else ("-" if value < 0 else "") + "Infinity"
            reason = f"{dotted} is {spelled}: JSON has no NaN or Infinity; leave the value out"
            raise DataError(path, reason, feature)


def _owner(data: Any, where: tuple) -> tuple[str | None, tuple]:
    """Split a value's place into the feature or key date holding it and the rest."""
    if len(where) > 2 and where[0] == "features" and isinstance(data, dict):
        item, rest = data["features"][where[1]], where[2:]
        item = item.get("properties") if isinstance(item, dict) else None
    elif len(where) > 1 and isinstance(data, list):
        item, rest = data[where[0]], where[1:]
    else:
        return None, where
    name = item.get("id") if isinstance(item, dict) else None
    return (name if isinstance(name, str) else f"#{where[-len(rest) - 1]}"), rest


def _numbers(value: Any, where: tuple) -> Any:
    if isinstance(value, float):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _numbers(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _numbers(item, (*where, index))


def read_sources(path: Path) -> dict[str, str]:
    """Return the bibliography of ``SOURCES.md`` as ``{key: citation}``."""
    try:
        text = _read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(str(path), f"is not UTF-8 text (byte {error.start})") from None
    sources: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = SOURCE_LINE.match(line)
        if not match:
            continue
        key, citation = match.groups()
        if key in sources:
            raise DataError(str(path), f"line {number}: source key {key!r} is defined twice")
        sources[key] = citation
    return sources
