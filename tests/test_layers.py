"""Only app.py, app_pages/ and components/ import Streamlit: every module below the pages works without it.

Each package's every module is imported in a fresh interpreter, which then
must not hold ``streamlit`` (nor any of its submodules). The command line is
``cli.py`` and ``commands/`` only: ``exports/`` writes files and ``coding/``
computes, so neither parses arguments nor prints.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PACKAGES = ("analysis", "charts", "coding", "commands", "exports", "i18n", "loaders", "store")
NO_COMMAND_LINE = ("exports", "coding")


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


def _command_line_use(path: Path) -> list[str]:
    """Where ``path`` imports argparse, calls ``print`` or names ``sys.stdout`` / ``sys.stderr``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"{path.name}:{node.lineno} imports argparse" for n in names if n.split(".")[0] == "argparse"]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            found.append(f"{path.name}:{node.lineno} prints")
        elif isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr") and \
                isinstance(node.value, ast.Name) and node.value.id == "sys":
            found.append(f"{path.name}:{node.lineno} uses sys.{node.attr}")
    return found


@pytest.mark.parametrize("package", NO_COMMAND_LINE)
def test_package_has_no_command_line(package):
    files = sorted((ROOT / package).glob("*.py"))
    assert len(files) > 3, f"{package}/ has too few modules to check"
    found = [hit for f in files for hit in _command_line_use(f)]
    assert not found, found


def test_command_line_check_catches_argparse_and_print(tmp_path):
    """The check above can fail: a module that parses arguments and prints is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("import sys\nfrom argparse import ArgumentParser\nprint('x')\nsys.stderr.write('y')\n")
    assert _command_line_use(bad) == ["bad.py:2 imports argparse", "bad.py:3 prints", "bad.py:4 uses sys.stderr"]
