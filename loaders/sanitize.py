"""What is kept of an uploaded file: never its macros.

Every stored original that is a zip package (``.xlsx``, ``.xlsm``, ``.ods``,
whatever its name) is REBUILT from an allow-list of parts, not stripped of
known bad ones: a part is kept only if its name and its content type are on
the list and (for XML parts) it parses as XML. Everything else is dropped:
``vbaProject.bin`` under any name, ActiveX and OLE objects, printer
settings, drawings, the ODF ``Basic/``, ``Scripts/`` and ``Dialogs/``
folders. Then the package is made consistent again:

* OOXML: ``[Content_Types].xml`` is written afresh for the kept parts (the
  macro-enabled workbook type becomes the plain one), every ``.rels`` keeps
  only relationships whose target is a kept part (or an external
  hyperlink), and an element that pointed at a dropped relationship
  (``<drawing r:id=…/>``, ``<legacyDrawing …/>``) is removed from its part.
* ODF: ``META-INF/manifest.xml`` keeps only entries for kept files, and
  ``<office:scripts>``, event listeners and ``vnd.sun.star.script:`` /
  ``macro:`` links are removed from ``content.xml`` and ``styles.xml``.

An ``.xlsm`` is kept as ``.xlsx``. Files that are not zip packages (CSV,
legacy ``.xls``) are kept byte for byte.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import PurePath
from xml.etree import ElementTree as ET
from xml.sax.saxutils import quoteattr

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_PLAIN_WORKBOOK = _SML + "sheet.main+xml"
#: Main-workbook content types that are kept, as the plain workbook type.
_WORKBOOK_TYPES = {_PLAIN_WORKBOOK, "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                   _SML + "template.main+xml", "application/vnd.ms-excel.template.macroEnabled.main+xml"}

#: OOXML allow-list: part name pattern -> the content type it must have.
_OOXML_PARTS: list[tuple[re.Pattern, set[str]]] = [
    (re.compile(r"_rels/\.rels"), {"application/vnd.openxmlformats-package.relationships+xml"}),
    (re.compile(r"docProps/core\.xml"), {"application/vnd.openxmlformats-package.core-properties+xml"}),
    (re.compile(r"docProps/app\.xml"), {"application/vnd.openxmlformats-officedocument.extended-properties+xml"}),
    (re.compile(r"xl/workbook\.xml"), _WORKBOOK_TYPES),
    (re.compile(r"xl/_rels/workbook\.xml\.rels"), {"application/vnd.openxmlformats-package.relationships+xml"}),
    (re.compile(r"xl/worksheets/sheet\d+\.xml"), {_SML + "worksheet+xml"}),
    (re.compile(r"xl/worksheets/_rels/sheet\d+\.xml\.rels"),
     {"application/vnd.openxmlformats-package.relationships+xml"}),
    (re.compile(r"xl/sharedStrings\.xml"), {_SML + "sharedStrings+xml"}),
    (re.compile(r"xl/styles\.xml"), {_SML + "styles+xml"}),
    (re.compile(r"xl/theme/theme\d+\.xml"), {"application/vnd.openxmlformats-officedocument.theme+xml"}),
    (re.compile(r"xl/tables/table\d+\.xml"), {_SML + "table+xml"}),
]
#: External relationships kept (a cell's web link); every other external target is dropped.
_EXTERNAL_OK = {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"}
#: Elements that only point at a relationship; removed when it is dropped.
_POINTER_ELEMENTS = ("drawing", "legacyDrawing", "legacyDrawingHF", "picture", "control", "oleObject",
                     "tablePart", "sheet")

#: ODF allow-list (the manifest is rebuilt, ``mimetype`` written first and stored).
_ODF_FILES = ("content.xml", "styles.xml", "meta.xml", "settings.xml")
_ODF_SCRIPTS = [
    re.compile(rb"<office:scripts\b[^>]*/>|<office:scripts\b.*?</office:scripts>", re.S),
    re.compile(rb"<office:event-listeners\b[^>]*/>|<office:event-listeners\b.*?</office:event-listeners>", re.S),
    re.compile(rb"<script:event-listener\b[^>]*/>|<script:event-listener\b.*?</script:event-listener>", re.S),
]
_ODF_MACRO_LINK = re.compile(rb'(xlink:href=")(?:vnd\.sun\.star\.script|macro):[^"]*(")', re.I)

#: What marks a macro, for :func:`has_macros` (names, content types, relationship types, ODF folders).
_MACRO_MARKS = re.compile(rb"vbaProject|vbaData|macroEnabled|activeX|vnd\.sun\.star\.script|"
                          rb"application/vnd\.sun\.xml\.ui|basic-script|office:scripts", re.I)


def strip_macros(data: bytes, file_name: str) -> tuple[bytes, str]:
    """Return (bytes to keep, name to keep them under): the allow-listed rebuild of a zip package.

    A package that cannot be rebuilt (not a zip, not OOXML or ODF) is kept
    as it is; the loader has read it already, so it is data, not code.
    """
    path = PurePath(file_name)
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        names = set(src.namelist())
    except (zipfile.BadZipFile, ValueError):
        return data, file_name
    with src:
        if "[Content_Types].xml" in names:
            kept = _rebuild_ooxml(src)
            if path.suffix.lower() in (".xlsm", ".xltm", ".xltx"):
                path = path.with_suffix(".xlsx")
            return kept, str(path)
        if "mimetype" in names or "META-INF/manifest.xml" in names:
            return _rebuild_odf(src), str(path)
    return data, file_name


# ---------------------------------------------------------------- OOXML


def _parse(body: bytes):
    try:
        return ET.fromstring(body)
    except ET.ParseError:
        return None


def _content_types(src: zipfile.ZipFile) -> dict[str, str]:
    """``{part name: content type}`` for every part, from Overrides and extension Defaults."""
    root = _parse(src.read("[Content_Types].xml"))
    if root is None:
        return {}
    defaults = {e.get("Extension", "").lower(): e.get("ContentType", "") for e in root.iter(f"{{{CT_NS}}}Default")}
    overrides = {e.get("PartName", "").lstrip("/"): e.get("ContentType", "") for e in root.iter(f"{{{CT_NS}}}Override")}
    out = {}
    for name in src.namelist():
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        out[name] = overrides.get(name, defaults.get(ext, ""))
    return out


def _allowed_type(name: str, content_type: str) -> str | None:
    """The content type to declare for ``name``, or None when the part is not on the allow-list."""
    for pattern, types in _OOXML_PARTS:
        if pattern.fullmatch(name) and content_type in types:
            return _PLAIN_WORKBOOK if types is _WORKBOOK_TYPES else content_type
    return None


def _rels_source(rels_name: str) -> str:
    """``xl/_rels/workbook.xml.rels`` -> ``xl/workbook.xml``; ``_rels/.rels`` -> ``""`` (the package)."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")]) if base != ".rels" else ""


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _xml(root: str, ns: str, children: list[tuple[str, dict[str, str]]]) -> bytes:
    """A small XML document: ``<root xmlns=ns>`` with empty child elements (attributes escaped)."""
    lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', f"<{root} xmlns={quoteattr(ns)}>"]
    for tag, attrs in children:
        lines.append(f"<{tag} " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items()) + "/>")
    lines.append(f"</{root}>")
    return "".join(lines).encode()


def _clean_rels(body: bytes, source: str, kept: set[str]) -> tuple[bytes, set[str]]:
    """Relationships pointing at kept parts (or external web links); returns the new XML and the dropped ids."""
    root = _parse(body)
    dropped: set[str] = set()
    keep: list[tuple[str, dict[str, str]]] = []
    for rel in (root.iter(f"{{{REL_NS}}}Relationship") if root is not None else ()):
        external = rel.get("TargetMode", "").lower() == "external"
        ok = (rel.get("Type") in _EXTERNAL_OK) if external else (_resolve(source, rel.get("Target", "")) in kept)
        attrs = {k: v for k, v in rel.attrib.items() if k in ("Id", "Type", "Target", "TargetMode")}
        if ok:
            keep.append(("Relationship", attrs))
        elif rel.get("Id"):
            dropped.add(rel.get("Id"))
    return _xml("Relationships", REL_NS, keep), dropped


def _drop_pointers(body: bytes, ids: set[str]) -> bytes:
    """Remove elements that only point at dropped relationships; strip the pointer from any other element."""
    for rid in ids:
        q = re.escape(rid.encode())
        for tag in _POINTER_ELEMENTS:
            body = re.sub(rb"<(?:\w+:)?" + tag.encode() + rb'\b[^>]*?\br:id="' + q + rb'"[^>]*/>', b"", body)
        body = re.sub(rb'\s(?:\w+:)?id="' + q + rb'"', b"", body)
    body = re.sub(rb"<(?:\w+:)?(controls|oleObjects)\b.*?</(?:\w+:)?\1>", b"", body, flags=re.S)
    return body


def _rebuild_ooxml(src: zipfile.ZipFile) -> bytes:
    types = _content_types(src)
    kept: dict[str, str] = {}
    for name in src.namelist():
        declared = _allowed_type(name, types.get(name, ""))
        if declared and _parse(src.read(name)) is not None:
            kept[name] = declared
    bodies: dict[str, bytes] = {n: src.read(n) for n in kept}
    parts = {n for n in kept if not n.endswith(".rels")}
    for name in [n for n in kept if n.endswith(".rels")]:
        source = _rels_source(name)
        if source and source not in parts:
            del kept[name], bodies[name]
            continue
        bodies[name], dropped = _clean_rels(bodies[name], source, parts)
        if dropped and source:
            bodies[source] = _drop_pointers(bodies[source], dropped)
    ct = [("Default", {"Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"}),
          ("Default", {"Extension": "xml", "ContentType": "application/xml"})]
    ct += [("Override", {"PartName": "/" + name, "ContentType": kept[name]}) for name in sorted(parts)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr("[Content_Types].xml", _xml("Types", CT_NS, ct))
        for name in kept:
            dst.writestr(name, bodies[name])
    return out.getvalue()


# ---------------------------------------------------------------- ODF


def _rebuild_odf(src: zipfile.ZipFile) -> bytes:
    names = set(src.namelist())
    mimetype = src.read("mimetype").strip() if "mimetype" in names else b""
    if not mimetype.startswith(b"application/vnd.oasis.opendocument."):
        mimetype = b"application/vnd.oasis.opendocument.spreadsheet"
    kept = [n for n in _ODF_FILES if n in names and _parse(src.read(n)) is not None]
    version = "1.2"
    if "META-INF/manifest.xml" in names:
        old = _parse(src.read("META-INF/manifest.xml"))
        if old is not None:
            version = old.get(f"{{{MANIFEST_NS}}}version") or version
    entries = [f'<manifest:file-entry manifest:full-path="/" manifest:version={quoteattr(version)} '
               f"manifest:media-type={quoteattr(mimetype.decode(errors='replace'))}/>"]
    entries += [f'<manifest:file-entry manifest:full-path="{n}" manifest:media-type="text/xml"/>' for n in kept]
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                f'<manifest:manifest xmlns:manifest="{MANIFEST_NS}" manifest:version={quoteattr(version)}>'
                + "".join(entries) + "</manifest:manifest>").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        for name in kept:
            body = src.read(name)
            if name in ("content.xml", "styles.xml"):
                for pattern in _ODF_SCRIPTS:
                    body = pattern.sub(b"", body)
                body = _ODF_MACRO_LINK.sub(rb"\1#\2", body)
            dst.writestr(name, body)
        dst.writestr("META-INF/manifest.xml", manifest)
    return out.getvalue()


# ---------------------------------------------------------------- checking


def macro_traces(data: bytes) -> list[str]:
    """Everything in a zip package that looks like a macro: part names, and marks in XML and .rels parts.

    Empty for a clean package (and for anything that is not a zip).
    """
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return []
    found = []
    with z:
        for name in z.namelist():
            if re.search(r"vba|activeX|^Basic/|^Scripts/|^Dialogs/|\.bin$", name, re.I):
                found.append(name)
                continue
            body = z.read(name)
            if (name.endswith((".xml", ".rels")) or name == "mimetype") and _MACRO_MARKS.search(body):
                found.append(f"{name}: {_MACRO_MARKS.search(body).group(0).decode(errors='replace')}")
            elif body[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # an OLE compound file (a VBA project)
                found.append(f"{name}: OLE")
    return found


def has_macros(data: bytes) -> bool:
    return bool(macro_traces(data))
