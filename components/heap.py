"""Keep Streamlit's collection after every script run cheap: freeze the long-lived heap once.

Streamlit calls ``gc.collect()`` when a script run finishes (``runner.postScriptGC``), and a
full collection walks every object the process tracks: the imported libraries (pandas, plotly,
streamlit), the cached datasets and aggregates. On the demo data that is ~60-90 ms of a new
session's ~170 ms first run, paid again on every rerun of every session.

:func:`freeze_once` runs one full collection and then :func:`gc.freeze` (moves every object
alive at that moment into the permanent generation) after the process has served its first
run, so later collections walk only what runs create. The per-run collection is kept: cyclic
garbage that sessions make is still found. What is frozen is what the first run left alive
(modules, caches); an entry evicted from a cache later is freed by reference counting as
usual, only reference cycles among frozen objects would stay, and cached frames hold none.
"""
from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_state = {"runs": 0, "frozen": False}

#: Freeze at the start of this run of the process (the first run has imported the pages' libraries).
FREEZE_AT_RUN = 2


def freeze_once() -> bool:
    """Count one script run; at the :data:`FREEZE_AT_RUN`-th, collect and freeze. True when it froze now."""
    with _lock:
        if _state["frozen"]:
            return False
        _state["runs"] += 1
        if _state["runs"] < FREEZE_AT_RUN:
            return False
        gc.collect()
        gc.freeze()
        _state["frozen"] = True
        return True
