"""Intermediate results shared by the functions that analyse one read-only dataset.

Several page aggregates need the same intermediates of the same filtered
view (who replied, which proposals there are, the rows grouped by
consultation and respondent, ...). :func:`freeze` marks a
:class:`~loaders.model.CodedData` as read-only; for a frozen dataset
:func:`cached` computes each intermediate once and keeps it as long as the
dataset object lives (a weak reference: dropping the view drops them).

Datasets that were not frozen (tests, the CLI, anything a caller might
still change) are never memoised, so the results are always those of the
data as it is now. The app freezes the filtered views it shares
read-only between sessions (:mod:`components.aggregates`).

A frozen dataset's frames are frozen with it, so a view derived from it
that shares a frame (e.g. one proposal of a filtered view, same respondents)
shares what was computed from that frame too.

Values handed out are shallow copies of frames (a caller adding a column
does not change the stored one); copy-on-write protects the data itself.
"""
from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable

import pandas as pd

#: id(data) -> (weak reference to data, its intermediates). ``CodedData`` is not hashable, so by id;
#: the weak reference's callback drops the entry when the dataset is collected.
_STORE: dict[int, tuple[weakref.ref, dict]] = {}
_FRAMES = ("responses", "respondents", "proposals")
_LOCK = threading.Lock()


def _drop(ident: int, ref: weakref.ref) -> None:
    with _LOCK:
        entry = _STORE.get(ident)
        if entry is not None and entry[0] is ref:
            del _STORE[ident]


def _frames(data) -> tuple:
    if isinstance(data, pd.DataFrame):
        return ()
    return tuple(id(getattr(data, name, None)) for name in _FRAMES)


def _entry(data) -> dict | None:
    entry = _STORE.get(id(data))
    if entry is None or entry[0]() is not data:
        return None
    store = entry[1]
    if store.get(_FRAMES) != _frames(data):  # a frame was swapped: start afresh
        store.clear()
        store[_FRAMES] = _frames(data)
    return store


def _register(obj) -> None:
    if _entry(obj) is None:
        ident = id(obj)
        ref = weakref.ref(obj, lambda r, ident=ident: _drop(ident, r))
        _STORE[ident] = (ref, {})


def freeze(data):
    """Mark ``data`` as read-only from now on, so its intermediates may be memoised; returns it.

    ``data`` is a :class:`~loaders.model.CodedData` (its three frames are
    frozen with it: a view derived from it may share them, and with them
    what was worked out from them) or a single DataFrame.
    """
    with _LOCK:
        _register(data)
        if not isinstance(data, pd.DataFrame):
            for name in _FRAMES:
                frame = getattr(data, name, None)
                if isinstance(frame, pd.DataFrame):
                    _register(frame)
    return data


def _handout(value):
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=False)
    return value


def cached(data, key: Hashable, compute: Callable[[], object]):
    """``compute()``, remembered under ``key`` while ``data`` lives, if ``data`` is frozen."""
    store = _entry(data)
    if store is None:
        return compute()
    if key in store:
        return _handout(store[key])
    value = compute()
    with _LOCK:
        store.setdefault(key, value)
    return _handout(value)
