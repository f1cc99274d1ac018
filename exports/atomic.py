"""Write an output file all or nothing: into a temporary file beside it, then moved into place.

A failed or interrupted export never leaves half a workbook where the user
expects a whole one, and never replaces a good file with a broken one. The
finished file gets the permissions any new file would get (``0666`` less the
umask); the temporary file's ``0600`` is only for while it is half written.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def write_atomic(out: str | Path, suffix: str, write: Callable[[str], T]) -> T:
    """Call ``write(tmp_path)`` and move the file it wrote to ``out``; return what ``write`` returned.

    Raises what ``write`` raises, or ``OSError`` when the file cannot be made or
    moved; either way no temporary file is left behind.
    """
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=".remisskollen-", suffix=suffix, dir=out.parent)
    os.close(fd)
    try:
        result = write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return result
