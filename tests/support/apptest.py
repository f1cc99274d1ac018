"""AppTest helpers: run the real app.py and read what a person would see."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")

TIMEOUT = 90


def app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def text_of(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in at.info] + [e.value for e in at.warning] + [s.value for s in at.subheader]
    return "\n".join(str(p) for p in parts)


def widget(at: AppTest, kind: str, label: str):
    for w in getattr(at, kind):
        if w.label == label:
            return w
    raise KeyError(f"no {kind} labelled {label!r}: {[w.label for w in getattr(at, kind)]}")


def shown(markdown: str) -> str:
    """What a reader sees of escaped markdown source: CommonMark backslash escapes and word joiners removed."""
    import re

    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", str(markdown)).replace("\u2060", "")
