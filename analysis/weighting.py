"""Population-weighted agreement for regions and municipalities.

A region speaking for 2.4 million people and one speaking for 60 000 count
the same in the plain shares; here each respondent weighs by its
``population`` (from ``data.respondents``).

Definitions, per consultation, respondent type and proposal:

* ``agree_population``: summed population of respondents of the type who
  agree (agree or partly when ``count_partly``) with the proposal.
* ``addressed_population``: summed population of those who addressed it
  (any coded stance).
* ``total_population``: summed population of every *listed* respondent of
  the type in ``data.respondents`` (invited or replying); with a complete
  remiss list of all 21 regions or all 290 municipalities that is the
  population of Sweden. NaN when no listed respondent has a population.
* ``share`` = agree_population / addressed_population: the population-
  weighted share agreeing among those who addressed the proposal.
* ``coverage`` = addressed_population / total_population: how much of the
  population the answers speak for.
* ``population_share`` = agree_population / total_population: "regions with
  78 % of the population agree".

Respondents without a population count in ``n_addressed`` and
``n_missing_population`` but weigh nothing. Overall figures (``by=None``)
treat every (respondent, proposal) answer as the unit: the population sums
run over all proposals and the total is ``total_population × proposals``, so
``population_share`` is the average over proposals.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.lookup import lookup_pair
from analysis.ordering import categorical_isin, tidy_keys
from analysis.proposals import proposal_label, proposal_titles
from analysis.universe import listed_respondents, proposal_list
from loaders.model import CodedData

WEIGHT_TYPES: tuple[str, ...] = ("Region", "Kommun")

WEIGHTED_COLUMNS = ("respondent_type", "n_addressed", "n_missing_population", "agree_population",
                    "addressed_population", "total_population", "share", "coverage", "population_share")


def _ratio(num: pd.Series, den: pd.Series) -> np.ndarray:
    num = num.to_numpy(dtype=float)
    den = den.to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, np.nan)


def _type_totals(data, types: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(listed respondents of ``types`` with population, total population per consultation and type)."""
    people = listed_respondents(data)
    people = people.loc[people["respondent_type"].astype("str").isin(types),
                        ["consultation", "respondent", "population", "respondent_type"]]
    people = people.assign(respondent_type=people["respondent_type"].astype("str"))
    totals = (people.groupby(["consultation", "respondent_type"])["population"]
              .sum(min_count=1).rename("total_population").reset_index())
    return people, totals


def _first_answers(sub: pd.DataFrame) -> np.ndarray:
    """Positions of the first row per (consultation, respondent, proposal) in ``sub``."""
    key = np.zeros(len(sub), dtype="int64")
    for col in ("consultation", "respondent", "proposal_id"):
        codes = sub[col].astype("category").cat.codes.to_numpy().astype("int64")
        key = key * (int(codes.max(initial=0)) + 2) + codes + 1
    return np.sort(np.unique(key, return_index=True)[1])


def _answer_sums(data, people: pd.DataFrame, types: tuple[str, ...], count_partly: bool) -> pd.DataFrame:
    """Population sums per consultation, proposal and type over the coded answers.

    A respondent who answered a proposal twice counts once (the first row).
    """
    cols = ["consultation", "respondent", "proposal_id", "respondent_type", "stance"]
    sub = data.responses[cols]
    sub = sub.loc[categorical_isin(sub["respondent_type"], types)]
    sub = sub.iloc[_first_answers(sub)]
    pop = lookup_pair(sub["consultation"], sub["respondent"], people, "population", np.nan)
    wanted = ("agree", "partly") if count_partly else ("agree",)
    known = np.nan_to_num(pop)
    answers = pd.DataFrame({
        "consultation": sub["consultation"].array,
        "proposal_id": sub["proposal_id"].array,
        "respondent_type": sub["respondent_type"].array,
        "pop": known,
        "agree_pop": np.where(categorical_isin(sub["stance"], wanted), known, 0.0),
        "missing": np.isnan(pop).astype("int64"),
    })
    keys = ["consultation", "proposal_id", "respondent_type"]
    sums = answers.groupby(keys, observed=True).agg(
        n_addressed=("pop", "size"), n_missing_population=("missing", "sum"),
        agree_population=("agree_pop", "sum"), addressed_population=("pop", "sum"),
    ).reset_index()
    return sums.astype({k: "str" for k in keys})


def weighted_agreement(data, by: str | None = "proposal_id", types: Sequence[str] = WEIGHT_TYPES,
                       count_partly: bool = False) -> pd.DataFrame:
    """Population-weighted agreement per proposal (``by="proposal_id"``) or overall (``by=None``).

    Columns: ``consultation, [proposal_id,] respondent_type, n_addressed,
    n_missing_population, agree_population, addressed_population,
    total_population, share, coverage, population_share`` (see the module
    docstring for the definitions and denominators). One row per proposal in
    scope (including proposals no one addressed) and type among ``types``
    that has listed or replying respondents.
    """
    if by not in ("proposal_id", None):
        raise ValueError(f"by must be 'proposal_id' or None, not {by!r}")
    types = tuple(types)
    people, totals = _type_totals(data, types)
    grid = proposal_list(data)[["consultation", "proposal_id"]].merge(totals, on="consultation", how="inner")
    keys = ["consultation", "proposal_id", "respondent_type"]
    out = grid.merge(_answer_sums(data, people, types, count_partly), on=keys, how="left")
    counts, sums = ["n_addressed", "n_missing_population"], ["agree_population", "addressed_population"]
    out[counts] = out[counts].fillna(0).astype("int64")
    out[sums] = out[sums].fillna(0.0)
    if by is None:
        # Every (respondent, proposal) answer is a unit: the total is repeated once per proposal.
        keys = ["consultation", "respondent_type"]
        out = (out.groupby(keys)[counts + sums].sum()
               .join(out.groupby(keys).size().rename("n_proposals")).reset_index()
               .merge(totals, on=keys, how="left"))
        out["total_population"] = out["total_population"] * out["n_proposals"]
    out["share"] = _ratio(out["agree_population"], out["addressed_population"])
    out["coverage"] = _ratio(out["addressed_population"], out["total_population"])
    out["population_share"] = _ratio(out["agree_population"], out["total_population"])
    out = out[keys[:-1] + list(WEIGHTED_COLUMNS)]
    return tidy_keys(out, keys)


def weighted_pair(data: CodedData, a: str = "Region", b: str = "Kommun", count_partly: bool = False) -> pd.DataFrame:
    """Population-weighted agreement per proposal for two respondent types side by side.

    Columns: ``proposal_id, label, a_n, a_share, a_coverage, b_n, b_share,
    b_coverage, difference`` from :func:`analysis.weighting.weighted_agreement`
    (``*_share``: population-weighted share agreeing among those who addressed
    the proposal; ``*_coverage``: share of the type's listed population that
    addressed it; ``*_n``: respondents who addressed it). Naturally sorted.
    Empty when neither type has population figures.
    """
    w = weighted_agreement(data, "proposal_id", types=(a, b), count_partly=count_partly)
    cols = ["proposal_id", "label", "a_n", "a_share", "a_coverage", "b_n", "b_share", "b_coverage", "difference"]
    if w.empty or w["total_population"].isna().all():
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    w = w.assign(respondent_type=w["respondent_type"].astype("str"))
    parts = []
    for g, ty in (("a", a), ("b", b)):
        part = w.loc[w["respondent_type"] == ty, ["proposal_id", "n_addressed", "share", "coverage"]]
        part = part.groupby("proposal_id", sort=False).agg(
            n=("n_addressed", "sum"), share=("share", "first"), coverage=("coverage", "first"))
        parts.append(part.add_prefix(f"{g}_"))
    out = parts[0].join(parts[1], how="outer").reset_index()
    out[["a_n", "b_n"]] = out[["a_n", "b_n"]].fillna(0).astype("int64")
    out["difference"] = out["a_share"] - out["b_share"]
    titles = proposal_titles(data)
    out["label"] = [proposal_label(p, titles.get(p, "")) for p in out["proposal_id"]]
    return tidy_keys(out[cols], ["proposal_id"])
