"""Only app.py, app_pages/ and components/ import Streamlit: every module below the pages works without it.

Each package's every module is imported in a fresh interpreter, which then
must not hold ``streamlit`` (nor any of its submodules).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PACKAGES = ("analysis", "charts", "exports", "i18n", "loaders", "store")


@pytest.mark.parametrize("package", PACKAGES)
def test_package_never_imports_streamlit(package):
    modules = sorted(p.stem for p in (ROOT / package).glob("*.py") if p.stem != "__init__")
    assert modules, f"{package}/ has no modules"
    code = (f"import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module('{package}.' + m)\n"
            "bad = sorted(k for k in sys.modules if k.split('.')[0] == 'streamlit')\n"
            "assert not bad, f'streamlit imported: {bad[:3]}'\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
