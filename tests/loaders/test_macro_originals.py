"""Stored originals keep no macros (issue 16): four kinds of macro upload, rebuilt from an allow-list.

Each hostile file is loaded (it is valid data), passed through
:func:`loaders.sanitize.strip_macros` as the upload page does, and the kept
original is checked twice: no macro part, content type or relationship in
the package (and every relationship resolves), and LibreOffice headless
opens it, reads the data (CSV) and, re-saving it as .ods, finds no Basic
module. As a control, the untouched .ods with Basic keeps its module through
the same LibreOffice round trip, so the check can see one.
"""
from __future__ import annotations

import io
import os
import posixpath
import re
import shutil
import subprocess
import zipfile

import pytest
from _require import require

from loaders.load import load_bytes
from loaders.sanitize import macro_traces, strip_macros
from support import sheets
from tests.loaders.test_sanitize import fake_xlsm

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def _repack(data: bytes, edit) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        extra = edit(src, dst)
        for info in src.infolist():
            body = extra.pop(info.filename, None) or src.read(info.filename)
            dst.writestr(info, body)
        for name, body in extra.items():
            dst.writestr(name, body)
    return out.getvalue()


def vba_in_xlsx() -> bytes:
    """A vbaProject.bin with its content type and relationship, inside a file that will be named .xlsx."""
    return fake_xlsm()


def macro_under_other_name() -> bytes:
    """An OLE VBA project stored as ``xl/media/image1.png``, declared and related as a VBA project."""
    def edit(src, dst):
        ct = src.read("[Content_Types].xml").replace(b"</Types>", b'<Override PartName="/xl/media/image1.png" '
                                                      b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        rels = src.read("xl/_rels/workbook.xml.rels").replace(
            b"</Relationships>", f'<Relationship Id="rIdX" Type="{VBA_REL}" Target="media/image1.png"/>'
            f"</Relationships>".encode())
        return {"[Content_Types].xml": ct, "xl/_rels/workbook.xml.rels": rels,
                "xl/media/image1.png": OLE + b"\x00" * 24 + b'Attribute VB_Name = "Module1"'}
    return _repack(sheets.long_xlsx(), edit)


BASIC_MODULE = (b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD '
                b'OfficeDocument 1.0//EN" "module.dtd"><script:module xmlns:script="http://openoffice.org/2000/script" '
                b'script:name="Module1" script:language="StarBasic">Sub Main\n  MsgBox &quot;hej&quot;\nEnd Sub'
                b"</script:module>")
BASIC_LIB = (b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD '
             b'OfficeDocument 1.0//EN" "library.dtd"><library:library xmlns:library="http://openoffice.org/2000/'
             b'library" library:name="Standard" library:readonly="false" library:passwordprotected="false">'
             b'<library:element library:name="Module1"/></library:library>')
BASIC_CONTAINER = (b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//'
                   b'DTD OfficeDocument 1.0//EN" "libraries.dtd"><library:libraries xmlns:library="http://'
                   b'openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink"><library:library '
                   b'library:name="Standard" library:link="false"/></library:libraries>')


def ods_with_basic(ods: bytes) -> bytes:
    """An .ods carrying a Basic library, its manifest entries and an on-open event bound to it."""
    def edit(src, dst):
        manifest = src.read("META-INF/manifest.xml").replace(b"</manifest:manifest>", b"".join(
            b'<manifest:file-entry manifest:full-path="%s" manifest:media-type="text/xml"/>' % p
            for p in (b"Basic/script-lc.xml", b"Basic/Standard/script-lb.xml", b"Basic/Standard/Module1.xml"))
            + b"</manifest:manifest>")
        content = src.read("content.xml")
        content = re.sub(rb"(<office:document-content\b[^>]*>)", rb'\1<office:scripts><office:event-listeners>'
                         rb'<script:event-listener script:language="ooo:script" script:event-name="office:load" '
                         rb'xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location='
                         rb'document" xlink:type="simple"/></office:event-listeners></office:scripts>', content)
        return {"META-INF/manifest.xml": manifest, "content.xml": content, "Basic/script-lc.xml": BASIC_CONTAINER,
                "Basic/Standard/script-lb.xml": BASIC_LIB, "Basic/Standard/Module1.xml": BASIC_MODULE}
    return _repack(ods, edit)


def soffice(args: list[str], workdir) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    require(exe is not None, "LibreOffice (soffice) is not installed; cannot open the stored originals")
    done = subprocess.run([exe, f"-env:UserInstallation={(workdir / 'lo-profile').as_uri()}", "--headless",
                           "--norestore", *args], capture_output=True, text=True, timeout=240,
                          env={**os.environ, "HOME": str(workdir)})
    assert done.returncode == 0, done.stderr


def relationships_resolve(data: bytes) -> list[str]:
    """Internal relationships whose target part is missing (empty for a consistent package)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        bad = []
        for rels in (n for n in names if n.endswith(".rels")):
            folder, base = posixpath.split(rels)
            source = posixpath.join(posixpath.dirname(folder), base[:-5]) if base != ".rels" else ""
            for m in re.finditer(rb"<Relationship\b[^>]*>", z.read(rels)):
                tag = m.group(0).decode()
                if 'TargetMode="External"' in tag:
                    continue
                target = re.search(r'Target="([^"]*)"', tag).group(1)
                part = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
                if part not in names:
                    bad.append(f"{rels} -> {target}")
        return bad


@pytest.fixture(scope="module")
def plain_ods(tmp_path_factory) -> bytes:
    work = tmp_path_factory.mktemp("ods")
    (work / "svar.xlsx").write_bytes(sheets.long_xlsx())
    soffice(["--convert-to", "ods", "--outdir", str(work), str(work / "svar.xlsx")], work)
    return (work / "svar.ods").read_bytes()


def test_stored_originals_have_no_macros_and_libreoffice_opens_them(plain_ods, tmp_path):
    uploads = {"kodning.xlsm": fake_xlsm(), "vanlig.xlsx": vba_in_xlsx(), "bild.xlsx": macro_under_other_name(),
               "kalkyl.ods": ods_with_basic(plain_ods)}
    kept_dir = tmp_path / "kept"
    kept_dir.mkdir()
    for name, data in uploads.items():
        assert macro_traces(data), name  # each upload really carries a macro
        result = load_bytes(data, name)
        assert result.ok and len(result.data.responses) == len(sheets.FACTS), name
        kept, kept_name = strip_macros(data, name)
        assert kept_name == ("kodning.xlsx" if name == "kodning.xlsm" else name)
        assert macro_traces(kept) == [], (name, macro_traces(kept))
        assert relationships_resolve(kept) == [], name
        again = load_bytes(kept, kept_name)
        assert again.ok and again.data.responses["stance"].tolist() == result.data.responses["stance"].tolist()
        (kept_dir / kept_name).write_bytes(kept)
    (tmp_path / "control.ods").write_bytes(uploads["kalkyl.ods"])

    files = sorted(str(p) for p in kept_dir.iterdir())
    soffice(["--convert-to", "csv", "--outdir", str(tmp_path / "csv"), *files], tmp_path)
    for stem in ("kodning", "vanlig", "bild", "kalkyl"):
        text = (tmp_path / "csv" / f"{stem}.csv").read_text(encoding="utf-8", errors="replace")
        assert "Region Norr" in text and "Ludvika kommun" in text, stem
    soffice(["--convert-to", "ods", "--outdir", str(tmp_path / "resaved"), *files, str(tmp_path / "control.ods")],
            tmp_path)
    for stem in ("kodning", "vanlig", "bild", "kalkyl"):
        with zipfile.ZipFile(tmp_path / "resaved" / f"{stem}.ods") as z:
            assert not [n for n in z.namelist() if n.startswith(("Basic/Standard/Module", "Scripts/"))], stem
    with zipfile.ZipFile(tmp_path / "resaved" / "control.ods") as z:
        assert "Basic/Standard/Module1.xml" in z.namelist()  # LibreOffice does see a Basic module when one is there
