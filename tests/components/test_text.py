import pytest

from components.text import escape_md


@pytest.mark.parametrize("raw,escaped", [
    ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
    ("**fet** _kursiv_", r"\*\*fet\*\* \_kursiv\_"),
    (":red[röd] :material/warning:", r"\:red\[röd\] \:material/warning\:"),
    ("&lt;b&gt;", r"\&lt;b\&gt;"),
    ("[länk](https://example.org)", "\\[länk\\]\\(https\u2060\\://example\\.org\\)"),
    ("se www.example.org eller a@b.se", "se www\u2060\\.example\\.org eller a\\@\u2060b\\.se"),
    ("$x^2$ ~~s~~ ==", "\\$x\\^2\\$ \\~\\~s\\~\\~ \\=\\="),
    ("Vanlig text, 24 av 25", "Vanlig text, 24 av 25"),
])
def test_escape_md(raw, escaped):
    assert escape_md(raw) == escaped
