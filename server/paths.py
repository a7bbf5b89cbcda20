"""Where the repository's folders are, so no module depends on the working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEODATA_DIR = ROOT / "geodata"
TEMPLATE_DIR = ROOT / "templates"
STATIC_DIR = ROOT / "static"
