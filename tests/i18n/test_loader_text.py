"""Loader messages come from the translation table (``i18n/loader_text.py`` and its siblings), never inline.

Every problem a loader records goes through ``Report.say`` with a key; no module in ``loaders/`` passes
Swedish or English sentences to ``report.error``/``warning``/``add`` or to ``fail``. The source check below
reads the loaders' code with ``ast``, so a new inline message fails here before it reaches a user.
"""
from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from i18n.strings import STRINGS
from loaders.load import load_bytes

LOADERS = Path(__file__).resolve().parents[2] / "loaders"

#: Marks of a Swedish sentence in a string literal: a Swedish letter, or a Swedish word English never uses.
SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(Filen|Filtypen|[Bb]ladet|raden|rad|saknas|kolumnen|och|inte|den|det|som|med|"
                     r"av|till|en|ett|att|om|tom)\b")
#: Calls that record a problem or make one: report.add/error/warning, say(...), fail(...), both(...).
RECORDERS = {"add", "error", "warning", "say", "fail", "both"}


def _strings_in(node: ast.AST) -> list[str]:
    """Every literal text inside an expression, f-string parts included."""
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _name(func: ast.expr) -> tuple[str | None, str | None]:
    """(object, attribute) of ``obj.attr(...)``, or (None, name) of ``name(...)``."""
    if isinstance(func, ast.Attribute):
        return (func.value.id if isinstance(func.value, ast.Name) else None), func.attr
    if isinstance(func, ast.Name):
        return None, func.id
    return None, None


def inline_messages(source: str) -> list[tuple[int, str]]:
    """(line, what) for each inline message in ``source``: the check the loaders must pass."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            obj, attr = _name(node.func)
            if obj == "report" and attr in ("add", "error", "warning"):
                found.append((node.lineno, f"report.{attr}(...) with inline text; use report.say with a key"))
                continue
            if attr not in RECORDERS or (obj is not None and obj not in ("report", "self")):
                continue
            texts = [t for arg in [*node.args, *(k.value for k in node.keywords)] for t in _strings_in(arg)]
            swedish = [t for t in texts if SWEDISH.search(t) and t not in ("sv", "en")]  # not language codes
            if swedish:
                found.append((node.lineno, f"{attr}(...) with the inline text {swedish[0]!r}"))
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2 and all(
                isinstance(e, (ast.Constant, ast.JoinedStr)) for e in node.elts):
            sv, en = (" ".join(_strings_in(e)) for e in node.elts)
            if " " in sv and " " in en and SWEDISH.search(sv) and not SWEDISH.search(en):
                found.append((node.lineno, f"an inline (sv, en) pair {sv!r}"))
    return found


def test_no_loader_holds_an_inline_message():
    """Vocabulary (loaders/vocab.py: stance words, header synonyms, type names) is data and not checked."""
    found = {f"{path.name}:{line}": what for path in sorted(LOADERS.glob("*.py"))
             if path.name not in ("vocab.py", "report.py")
             for line, what in inline_messages(path.read_text(encoding="utf-8"))}
    assert found == {}


def test_the_check_finds_the_old_inline_forms():
    old = '''
def read(report, file_name, fail, kind):
    report.error("source-error", f"Filen {file_name} innehåller inga data.", f"The file {file_name} has no data.")
    report.warning("blank-row", "3 tomma rader", "3 blank rows", sheet="Svar", row=4)
    raise fail("source-error", f"Filen {file_name} är tom.", f"The file {file_name} is empty.")
    why = ("den vanligaste stavningen", "the most frequent spelling")
    say(report, "warning", "unique-error", "identity.variants", where=("bladet Instanser", "Instanser sheet"))
'''
    lines = sorted(line for line, _ in inline_messages(old))
    assert lines == [3, 4, 5, 6, 7, 7]  # line 7: the pair itself, and the call holding it
    keyed = '''
def read(report, file_name, fail):
    report.say("error", "source-error", "source.no_data", file=file_name)
    raise fail("source-error", "source.empty", file=file_name)
    headers = ("Namn i arket", "Namn", "Räknas som")
'''
    assert inline_messages(keyed) == []


def _plain_strings(node: ast.AST) -> list[str]:
    """Literal texts in an expression, leaving out the pieces of f-strings."""
    if isinstance(node, ast.JoinedStr):
        return []
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    return [t for child in ast.iter_child_nodes(node) for t in _plain_strings(child)]


KEY = re.compile(r"[a-z_]+(\.[A-Za-z_-]+)+")


def _literal_keys() -> set[str]:
    """The keys the loaders name as literals (keys built at run time, such as ``ids.note.{n}``, are not seen)."""
    keys = set()
    for path in LOADERS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func)[1] in ("say", "fail", "both"):
                keys |= {text for arg in node.args for text in _plain_strings(arg) if KEY.fullmatch(text)}
    return keys


def test_every_key_the_loaders_name_is_in_the_table_in_both_languages():
    keys = _literal_keys()
    assert {"source.empty", "rows.conflict", "columns.missing", "where.rows", "csv.undecodable"} <= keys
    assert sorted(k for k in keys if k not in STRINGS) == []

    def fields(text: str) -> set[str]:
        return {re.sub(r"_(sv|en)$", "", f) for _, f, _, _ in string.Formatter().parse(text) if f}

    from i18n.loader_text import STRINGS as LOADER_STRINGS

    differ = {k: (sv, en) for k, (sv, en) in LOADER_STRINGS.items() if fields(sv) != fields(en)}
    assert differ == {}


def _messages(data: bytes, name: str) -> list[tuple[str, str, str, int | None]]:
    return [(p.severity, p.message_sv, p.message_en, p.row) for p in load_bytes(data, name).report.problems]


def test_moved_messages_read_as_before_in_both_languages():
    head = "Remissinstans;Typ;Förslag;Ställningstagande\n"
    rows = "Ovik kommun;Kommun;4;Ja\nOvik kommun;Kommun;4;Nej\nOvik kommun;Kommun;5;Kanske\n"
    problems = _messages((head + rows).encode(), "svar.csv")
    assert ("error", "\"Ovik kommun\" om förslag 4 har motstridiga ställningstaganden: rad 2 säger tillstyrker, "
            "rad 3 säger avstyrker.",
            "\"Ovik kommun\" on proposal 4 has conflicting stances: row 2 says agree, row 3 says disagree.",
            3) in problems
    assert ("error", "Okänt ställningstagande \"Kanske\". Tillåtna: Tillstyrker, Tillstyrker delvis, Avstyrker, "
            "Ingen synpunkt (eller synonymer, se mallen).",
            "Unknown stance \"Kanske\". Allowed: Agree, Partly agree, Disagree, No position "
            "(or synonyms, see the template).", 4) in problems
    assert _messages(b"", "svar.csv") == [("error", "Filen svar.csv är tom.", "The file svar.csv is empty.", None)]
    assert _messages(b"Remissinstans;Typ\nA;Kommun\n", "svar.xls") == [
        ("error", "Filen svar.xls har ändelsen .xls men är en textfil. Spara om den i rätt format.",
         "The file svar.xls has the extension .xls but is a text file. Save it again in the right format.", None)]
    assert _messages(b"abc", "svar")[0][1:3] == (
        "Filtypen (ingen) stöds inte. Använd .xlsx, .xlsm, .xls, .ods eller .csv.",
        "The file type (none) is not supported. Use .xlsx, .xlsm, .xls, .ods or .csv.")
    wide = "Remissinstans;Typ;4.1;Förslag 4.1\nA kommun;Kommun;Ja;Nej\n"
    assert ("error", "Förslag 4.1 har två kolumner: \"4.1\" och \"Förslag 4.1\".",
            "Proposal 4.1 has two columns: \"4.1\" and \"Förslag 4.1\".", 1) in _messages(wide.encode(), "svar.csv")
