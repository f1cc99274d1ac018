"""The one rule for outside text: a value from a file, a user or the URL is shown as text, never as markup.

Streamlit renders ``st.markdown``, ``caption``, ``info``/``success``/
``warning``/``error``, ``toast``, ``subheader`` and the labels of buttons,
checkboxes and expanders as GitHub-flavoured Markdown with KaTeX, colour
directives (``:red[…]``), icons (``:material/…:``) and autolinks of bare
web and e-mail addresses. :func:`escape_md` backslash-escapes every
character that could start any of those, so ``**fet**``, ``$x^2$``,
``[Klicka här](https://…)`` and ``https://example.org`` all show exactly as
typed. :func:`md_t` is :func:`i18n.strings.t` with every placeholder value
escaped: the translation's own markup stays, the data inside it is text.

Plotly reads a few HTML tags in labels and hovers; charts escape their
text with :func:`charts.theme.safe` (``<``, ``>``, ``&``).
"""
from __future__ import annotations

import re

from i18n.strings import t

# Markdown/GFM punctuation, KaTeX ($), Streamlit directives (:), HTML (<, >, &), setext headings (=),
# and ":", "." and "@" for good measure (the autolinks themselves are broken by a joiner, below).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&@=^\"'])")


#: Invisible WORD JOINER (U+2060): breaks what GFM would autolink without changing what is seen.
JOINER = "\u2060"
# Streamlit's Markdown finds bare web and e-mail addresses in the text AFTER backslash escapes are
# resolved, so "https\://" is still linked. A joiner after the scheme, after "www" and after "@" is
# what stops it: the regexes need "https://", "www." and "@" followed by a word character.
_AUTOLINK = re.compile(r"(?i)(\b(?:https?|ftp|mailto|xmpp)(?=:)|\bwww(?=\.)|@)")


def escape_md(text: object) -> str:
    """Escape markdown (and HTML) so a value renders literally in st.markdown and every markdown label.

    Bare addresses get an invisible word joiner (see :data:`JOINER`) so they are never turned into links.
    """
    text = _AUTOLINK.sub(r"\1" + JOINER, "" if text is None else str(text))
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_t(key: str, lang: str, **fmt) -> str:
    """``t(key, lang, **fmt)`` for a markdown element: every placeholder value shown literally."""
    return t(key, lang, **{k: escape_md(v) for k, v in fmt.items()})
