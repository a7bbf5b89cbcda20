"""``tools/records.py`` for the data tests: the reader the builders publish through.

``tools/`` is a folder of scripts, not a package, so the module is loaded from its file once
and shared by every test that reads records.
"""

from __future__ import annotations

import importlib.util
import sys

from tests.paths import ROOT


def _load_records():
    spec = importlib.util.spec_from_file_location("atlas_tools_records", ROOT / "tools/records.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it is created
    spec.loader.exec_module(module)
    return module


records = _load_records()
