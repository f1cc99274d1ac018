"""Subprocess helper for the crash and concurrency tests (not a test module).

    python tests/store/_writer.py '{"mode": "save", "url": "...", ...}'

Talks JSON lines on stdout:

* ``save``: builds ``make_data(rows, tag, seed)``, prints
  ``{"event": "ready", "rows_sha256": ...}``, waits for ``go`` on stdin, then
  ``save_version(dataset, ...)`` with ``user=tag``. Prints ``{"event":
  "begin"}`` as soon as the write transaction has started (so the parent
  can kill it mid-transaction), then ``done`` (with version id/number and
  checksum) or ``busy`` (StoreBusy).
* ``migrate``: prints ``ready``, waits for ``go``, runs ``Store(engine)``
  (which migrates) and prints ``done``.

Needs the repository root on PYTHONPATH.
"""
from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager


def emit(**payload) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def main() -> None:
    args = json.loads(sys.argv[1])

    import store.versions as versions_module
    from store import Store, StoreBusy, make_engine

    engine = make_engine(args["url"], busy_timeout=float(args.get("busy_timeout", 30)))

    if args["mode"] == "migrate":
        emit(event="ready")
        if sys.stdin.readline().strip() != "go":
            return
        t0 = time.monotonic()
        try:
            Store(engine)
        except StoreBusy as exc:
            emit(event="busy", error=str(exc), seconds=time.monotonic() - t0)
            return
        emit(event="done", seconds=time.monotonic() - t0)
        return

    from _data import make_data  # tests/store is sys.path[0] when run as a script

    from store.frames import rows_checksum_of

    data = make_data(int(args["rows"]), args["tag"], int(args.get("seed", 0)))
    checksum = rows_checksum_of(data)
    # Store() checks the schema version: this also opens a pooled connection
    # before "ready", so connecting is not part of the timed write.
    store = Store(engine)

    original_write = versions_module.write

    @contextmanager
    def announcing_write(eng):
        with original_write(eng) as conn:
            emit(event="begin", at=time.monotonic())
            yield conn

    versions_module.write = announcing_write

    emit(event="ready", rows_sha256=checksum)
    if sys.stdin.readline().strip() != "go":
        return
    t0 = time.monotonic()
    try:
        info = store.save_version(
            args["dataset"],
            data,
            f"{args['tag']}.xlsx",
            (args["tag"] + "\n").encode() * 1000,
            user=args["tag"],
        )
    except StoreBusy as exc:
        emit(event="busy", error=str(exc), seconds=time.monotonic() - t0)
        return
    emit(
        event="done",
        version_id=info.id,
        number=info.number,
        rows_sha256=info.rows_sha256,
        seconds=time.monotonic() - t0,
        at=time.monotonic(),
    )


if __name__ == "__main__":
    main()
