"""Folders the tests read, relative to this file (never to the working directory)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "geodata"
GEODATA = ROOT / "geodata"
