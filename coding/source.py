"""Where a proposal list comes from: a coded sheet with a Förslag sheet, a Förslag sheet alone, or JSON.

A full coded workbook goes through the ordinary loader. A workbook or CSV that
holds only the proposals (no responses yet, which is the usual case before
coding) is read here: the header row is found among the first ten rows with the
loader's header synonyms (Remiss, Förslag, Rubrik, Tema).
"""
from __future__ import annotations

import io
import json
from pathlib import Path

from coding.proposals import ProposalList, lists_from_frame, lists_from_json
from documents.model import DocumentError
from loaders.vocab import clean_proposal_id, is_blank, match_header


def load_lists(data: bytes, name: str) -> dict[str, ProposalList]:
    """Proposal lists per consultation; raises :class:`DocumentError` ("coding.proposals.none") when none."""
    stem = Path(name).stem
    if name.lower().endswith(".json"):
        try:
            lists = lists_from_json(json.loads(data.decode("utf-8")))
        except (ValueError, TypeError, AttributeError) as exc:
            raise DocumentError("coding.proposals.none", name) from exc
    else:
        from loaders.load import load_bytes

        loaded = load_bytes(data, name)
        lists = lists_from_frame(loaded.data.proposals) if len(loaded.data.proposals) else {}
        if not lists:
            lists = _proposals_only(data, name, stem)
    lists = {c: pl for c, pl in lists.items() if len(pl)}
    if not lists:
        raise DocumentError("coding.proposals.none", name)
    return lists


def load_lists_path(path: str | Path) -> dict[str, ProposalList]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DocumentError("coding.doc.unreadable", p.name, error=exc.strerror or str(exc)) from exc
    return load_lists(data, p.name)


def _proposals_only(data: bytes, name: str, stem: str) -> dict[str, ProposalList]:
    import pandas as pd

    try:
        if name.lower().endswith((".csv", ".txt")):
            sheets = {"csv": pd.read_csv(io.BytesIO(data), sep=None, engine="python", header=None, dtype=str)}
        else:
            engine = "openpyxl" if name.lower().endswith((".xlsx", ".xlsm")) else None
            sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, dtype=str, engine=engine)
    except Exception:  # noqa: BLE001 - any unreadable file: no proposals found
        return {}
    order = sorted(sheets, key=lambda s: 0 if s.strip().casefold() in ("förslag", "proposals") else 1)
    for sheet in order:
        frame = sheets[sheet]
        for r in range(min(10, len(frame))):
            fields = {match_header(v): i for i, v in enumerate(frame.iloc[r].tolist()) if not is_blank(v)}
            if "proposal_id" not in fields:
                continue
            items: dict[str, list] = {}
            for row in frame.iloc[r + 1:].itertuples(index=False):
                pid = row[fields["proposal_id"]]
                if is_blank(pid):
                    continue
                cons = row[fields["consultation"]] if "consultation" in fields else stem
                title = row[fields["proposal_title"]] if "proposal_title" in fields else ""
                topic = row[fields["topic"]] if "topic" in fields else ""
                items.setdefault(str(cons if not is_blank(cons) else stem).strip(), []).append(
                    (clean_proposal_id(pid), "" if is_blank(title) else str(title).strip(),
                     "" if is_blank(topic) else str(topic).strip()))
            return {c: ProposalList.of(c, ps) for c, ps in items.items()}
    return {}
