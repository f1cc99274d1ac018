"""Synthetic coded data for the store tests (deterministic, vectorised)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.model import CodedData
from loaders.schema import RESPONDENT_TYPES, STANCES, conform

N_PROPOSALS = 40
N_RESPONDENTS = 250  # per consultation


def make_data(n_rows: int, tag: str = "t", seed: int = 0) -> CodedData:
    """``n_rows`` coded rows, every comment starting with ``tag``.

    Keys (consultation, respondent, proposal_id) are unique; ``seed`` varies
    the stances so two datasets with the same shape differ.
    """
    i = np.arange(n_rows)
    per_consultation = N_PROPOSALS * N_RESPONDENTS
    cons = i // per_consultation
    resp = (i // N_PROPOSALS) % N_RESPONDENTS
    prop = i % N_PROPOSALS
    rng = np.random.default_rng(seed)
    n_cons = int(cons.max()) + 1 if n_rows else 0

    def names(prefix: str, count: int) -> np.ndarray:
        return np.asarray([f"{prefix}{k}" for k in range(count)], dtype=object)

    cons_names = names("Remiss ", max(n_cons, 1))
    resp_names = names("Instans ", N_RESPONDENTS)
    prop_names = names("4.", N_PROPOSALS + 1)[1:]
    prop_titles = np.asarray([f"Förslag {p}" for p in prop_names], dtype=object)
    responses = conform(
        pd.DataFrame(
            {
                "consultation": cons_names[cons],
                "respondent": resp_names[resp],
                "respondent_type": np.asarray(RESPONDENT_TYPES, dtype=object)[resp % len(RESPONDENT_TYPES)],
                "proposal_id": prop_names[prop],
                "proposal_title": prop_titles[prop],
                "topic": np.asarray(["Vård", "Skola"], dtype=object)[prop % 2],
                "addressee": "Regeringen",
                "stance": np.asarray(STANCES, dtype=object)[rng.integers(0, len(STANCES), n_rows)],
                "comment": np.asarray([f"{tag}:{k}" for k in range(n_rows)], dtype=object),
                "source": "svar.xlsx",
                "sheet": "Kodning",
                "row": i + 2,
            }
        )
    )
    rc, rr = np.divmod(np.arange(n_cons * N_RESPONDENTS), N_RESPONDENTS)
    respondents = pd.DataFrame(
        {
            "consultation": pd.Series(np.char.add("Remiss ", rc.astype(str)), dtype="str"),
            "respondent": pd.Series(np.char.add("Instans ", rr.astype(str)), dtype="str"),
            "respondent_type": pd.Categorical(
                np.asarray(RESPONDENT_TYPES, dtype=object)[rr % len(RESPONDENT_TYPES)],
                dtype=responses["respondent_type"].dtype,
            ),
            "county": pd.Series(np.where(rr % 3 == 0, "", "Uppsala län"), dtype="str"),
            "population": np.where(rr % 4 == 0, np.nan, rr * 1000.5),
            "replied": rr % 7 != 0,
        }
    )
    pc, pp = np.divmod(np.arange(n_cons * N_PROPOSALS), N_PROPOSALS)
    pid = np.char.add("4.", (pp + 1).astype(str))
    proposals = pd.DataFrame(
        {
            "consultation": pd.Series(np.char.add("Remiss ", pc.astype(str)), dtype="str"),
            "proposal_id": pd.Series(pid, dtype="str"),
            "proposal_title": pd.Series(np.char.add("Förslag ", pid), dtype="str"),
            "topic": pd.Series(np.where(pp % 2 == 0, "Vård", "Skola"), dtype="str"),
            "addressee": pd.Series(["Regeringen"] * len(pp), dtype="str"),
        }
    )
    return CodedData(responses=responses, respondents=respondents, proposals=proposals)
