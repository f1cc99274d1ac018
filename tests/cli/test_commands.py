"""The door and its rooms: `cli.py` dispatches to `commands/`, whose words come from i18n/cli_text.py,
and `exports.atomic` writes a file whole or not at all."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import cli
from commands import summary
from exports.atomic import write_atomic
from i18n import cli_text

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("lang, expected", [
    ("sv", "--by: okänd kolumn nope, x; välj bland consultation, proposal_id, topic, respondent_type, respondent\n"),
    ("en", "--by: unknown column nope, x; choose from consultation, proposal_id, topic, respondent_type, "
           "respondent\n"),
])
def test_summary_names_the_unknown_column_in_the_chosen_language(capsys, lang, expected):
    # The column is checked before the file is read: a missing file does not matter here.
    code, out, err = run(capsys, "summary", "saknas.xlsx", "--by", "nope, x", "--lang", lang)
    assert (code, out, err) == (2, "", expected)


@pytest.mark.parametrize("lang, empty", [("sv", "(tom)"), ("en", "(empty)")])
def test_summary_with_an_empty_by_says_so(capsys, lang, empty):
    code, _, err = run(capsys, "summary", "saknas.xlsx", "--by", " , ", "--lang", lang)
    assert code == 2
    assert err.startswith(f"--by: {'okänd kolumn' if lang == 'sv' else 'unknown column'} {empty}; ")


def test_an_unexpected_failure_is_one_bilingual_line_and_exit_2(capsys, monkeypatch):
    def boom(args):
        raise RuntimeError("trasigt")

    monkeypatch.setattr(summary, "run", boom)
    code, out, err = run(capsys, "summary", "x.xlsx")
    assert (code, out, err) == (2, "", "Internt fel / internal error: RuntimeError: trasigt\n")


def test_every_cli_text_is_used_by_a_command():
    """No dead words: each key of i18n/cli_text.py is named in commands/ or cli.py (two are built from parts)."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "cli.py", *(ROOT / "commands").glob("*.py")])
    built = {"cli.check.": r"cli\.check\.' \+ ", "cli.filter.": r'f"cli\.filter\.\{key\}"'}
    for key in cli_text.STRINGS:
        prefix = next((p for p in built if key.startswith(p)), None)
        if key in source:
            continue
        assert prefix and re.search(built[prefix], source), f"{key} is not used"


def test_write_atomic_moves_the_whole_file_into_place(tmp_path):
    out = tmp_path / "ut.xlsx"
    out.write_bytes(b"old")
    result = write_atomic(out, ".xlsx", lambda tmp: Path(tmp).write_bytes(b"new file") and "done")
    assert result == "done"
    assert out.read_bytes() == b"new file"
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ut.xlsx"]


def test_write_atomic_leaves_the_old_file_and_no_temporary_on_failure(tmp_path):
    out = tmp_path / "ut.docx"
    out.write_bytes(b"old")

    def half(tmp):
        Path(tmp).write_bytes(b"half")
        raise ValueError("stopped")

    with pytest.raises(ValueError, match="stopped"):
        write_atomic(out, ".docx", half)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ut.docx"]
    with pytest.raises(OSError):
        write_atomic(tmp_path / "saknas" / "ut.docx", ".docx", half)


def test_cli_texts_have_both_languages_with_the_same_placeholders():
    import string

    from i18n.strings import STRINGS

    def fields(text):
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    assert cli_text.STRINGS  # every key below is checked; the "all used" test keeps the table honest
    for key, (sv, en) in cli_text.STRINGS.items():
        assert key.startswith("cli.") and sv.strip() and en.strip() and sv != en, key
        assert fields(sv) == fields(en), key
        assert STRINGS[key] == (sv, en), key  # folded into the one table
