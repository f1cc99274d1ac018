"""Built figures, kept per content of their input: the same aggregate in the same language is built once.

Every new session and every rerun builds the overview's figures anew from aggregates that are
themselves cached (``components.aggregates``), so the same plotly figure was rebuilt and
re-validated for every session: on the demo data about a third of a new session's first run.
:func:`cached_figure` keeps the last :data:`MAX_ENTRIES` figures of a chart function, keyed by
a hash of the input frame's content (values, index, column names and dtypes) and the other
arguments; a new dataset version or other filters give other aggregates, hence another key.

The figure is shared between sessions and threads: callers only read it (``st.plotly_chart``
serialises it), and must never change it. No streamlit here: charts/ stays pure.
"""
from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable

import pandas as pd

#: Figures kept per chart function (a figure of a few hundred bars is a few hundred kB at most).
MAX_ENTRIES = 64


def frame_key(frame: pd.DataFrame) -> tuple:
    """A key for ``frame``'s whole content: equal frames give equal keys."""
    values = pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
    return (tuple(map(str, frame.columns)), tuple(map(str, frame.dtypes)), tuple(map(str, frame.index.names)),
            hashlib.sha256(values).hexdigest())


def cached_figure(fn: Callable) -> Callable:
    """Wrap ``fn(frame, *args, **kwargs) -> Figure`` with a bounded cache keyed by content.

    Arguments that cannot be hashed (a list of labels, an unhashable cell) fall back to building
    the figure as before.
    """
    cache: OrderedDict = OrderedDict()
    lock = threading.Lock()

    @functools.wraps(fn)
    def wrapper(frame, *args, **kwargs):
        try:
            key = (frame_key(frame), args, tuple(sorted(kwargs.items())))
            hash(key)
        except TypeError:
            return fn(frame, *args, **kwargs)
        with lock:
            fig = cache.get(key)
            if fig is not None:
                cache.move_to_end(key)
                return fig
        fig = fn(frame, *args, **kwargs)
        with lock:
            cache[key] = fig
            while len(cache) > MAX_ENTRIES:
                cache.popitem(last=False)
        return fig

    wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
    return wrapper
