"""Subprocess helper for the simultaneous-save tests (not a test module).

    python tests/store/_racer.py '{"url": "...", "dataset": "X", "tag": "a", "new": true, "expected": 1}'

Builds a small version, opens its own engine and Store, prints ``{"event":
"ready"}``, waits for ``go`` on stdin, then saves (``new_dataset`` and
``expected_version_id`` from the arguments) and prints one outcome:
``done`` (with number), ``name_taken`` (with deleted), ``conflict`` (with
active_number) or ``busy``. Needs the repository root on PYTHONPATH.
"""
from __future__ import annotations

import json
import sys


def emit(**payload) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def main() -> None:
    args = json.loads(sys.argv[1])
    from _data import make_data  # tests/store is sys.path[0] when run as a script

    from store import Store, make_engine
    from store.errors import NameTaken, StoreBusy, VersionConflict

    data = make_data(int(args.get("rows", 400)), args["tag"], int(args.get("seed", 0)))
    store = Store(make_engine(args["url"], busy_timeout=30))
    emit(event="ready")
    if sys.stdin.readline().strip() != "go":
        return
    try:
        info = store.save_version(args["dataset"], data, f"{args['tag']}.xlsx", args["tag"].encode(),
                                  user=args["tag"], new_dataset=bool(args.get("new")),
                                  expected_version_id=args.get("expected"))
    except NameTaken as exc:
        emit(event="name_taken", deleted=exc.deleted)
    except VersionConflict as exc:
        emit(event="conflict", active_number=exc.active_number)
    except StoreBusy:
        emit(event="busy")
    else:
        emit(event="done", number=info.number)


if __name__ == "__main__":
    main()
