"""Where the app's folders are, in a checkout and in an installed wheel alike.

In a checkout, ``templates/``, ``static/`` and ``geodata/`` sit beside this package (the design
card's top-level layout); a wheel carries them inside it (``pyproject.toml`` maps them there), so
no module depends on the working directory or on how the atlas was installed.
"""

from pathlib import Path

import swagger_ui_bundle
import xstatic.pkg.leaflet

PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    """Return the folder inside the installed package, else the checkout's top-level one."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


TEMPLATE_DIR = _shipped("templates")
STATIC_DIR = _shipped("static")
GEODATA_DIR = _shipped("geodata")  # the default data set; `--geodata DIR` or GEODATA_DIR overrides
TRANSLATIONS_DIR = PACKAGE / "translations"
LEAFLET_DIR = Path(xstatic.pkg.leaflet.BASE_DIR)  # Leaflet from its pip package, never a CDN
SWAGGER_UI_DIR = Path(str(swagger_ui_bundle.swagger_ui_path))  # the HTML API definition
