"""Safe text for markdown: user data is shown as text, never as markup."""
from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def escape_md(text: object) -> str:
    """Escape markdown (and HTML) so a value renders literally in st.markdown."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))
