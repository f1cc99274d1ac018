"""Sentence titles and text alternatives for the charts, from the same tidy frames.

A title states the finding ("19 av 25 förslag tillstyrks av en majoritet …");
a description says in words what the chart shows, for screen readers and for
anyone who cannot see the colours. Both are computed from the frame the chart
and its table are built from, so the three always agree.
"""
from __future__ import annotations

import pandas as pd

from analysis.contrast import SMALL_N
from i18n.numbers import fmt_int, fmt_num, fmt_pct
from i18n.strings import stance_label, t, type_label
from i18n.words import join_words, type_plural

#: Holm-adjusted p below this counts as a clear difference in the descriptions.
ALPHA = 0.05


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _p(p: float, lang: str) -> str:
    if pd.isna(p):
        return "–"
    if p < 0.001:
        return "< " + fmt_num(0.001, lang, 3)
    return "= " + fmt_num(p, lang, 3)


def _answered(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.loc[frame["n"] > 0]


def proposals_title(frame: pd.DataFrame, lang: str) -> str:
    """``"19 av 25 förslag tillstyrks av en majoritet av dem som yttrat sig"`` (agree share > 50 %)."""
    k = int((frame["agree_share"] > 0.5).sum())
    return t("chart.proposals.title", lang, k=fmt_int(k, lang), n=fmt_int(len(frame), lang))


def proposals_description(frame: pd.DataFrame, lang: str) -> str:
    rows = _answered(frame)
    if rows.empty:
        return t("chart.no_answers", lang)
    top, low = rows.iloc[0], rows.iloc[-1]
    return t("chart.proposals.desc", lang, n=fmt_int(len(frame), lang),
             top=top["proposal_id"], top_pct=fmt_pct(top["agree_share"], lang), top_n=fmt_int(top["n"], lang),
             low=low["proposal_id"], low_pct=fmt_pct(low["agree_share"], lang), low_n=fmt_int(low["n"], lang))


def group_list(frame: pd.DataFrame, label_col: str, lang: str) -> str:
    """``"Region 86 % (n=21), Kommun 37 % (n=30)"``: each group's agree share and n."""
    parts = []
    for label, share, n in zip(frame[label_col].astype("str"), frame["agree_share"], frame["n"]):
        name = type_label(label, lang) if label_col == "respondent_type" else label
        parts.append(f"{name} {fmt_pct(share, lang)} (n={fmt_int(n, lang)})")
    return "; ".join(parts)


def proposal_types_title(frame: pd.DataFrame, proposal_id: str, lang: str) -> str:
    """``"58 % av de 57 instanser som yttrat sig tillstyrker förslag 5.2.1 (19 % delvis)"``."""
    n = int(frame["n"].sum())
    if n == 0:
        return t("chart.no_answers", lang)
    return t("chart.proposal.title", lang, pct=fmt_pct(frame["agree"].sum() / n, lang), n=fmt_int(n, lang),
             pid=proposal_id, partly=fmt_pct(frame["partly"].sum() / n, lang))


def proposal_types_description(frame: pd.DataFrame, lang: str) -> str:
    rows = _answered(frame)
    if rows.empty:
        return t("chart.no_answers", lang)
    return t("chart.proposal.desc", lang, groups=group_list(rows, "respondent_type", lang))


def topics_title(frame: pd.DataFrame, lang: str) -> str:
    """``"Störst stöd får temat X: 75 % tillstyrker"``."""
    rows = _answered(frame)
    if rows.empty:
        return t("chart.no_answers", lang)
    top = rows.loc[rows["agree_share"].idxmax()]
    return t("chart.topics.title", lang, topic=top["topic"], pct=fmt_pct(top["agree_share"], lang))


def topics_description(frame: pd.DataFrame, lang: str) -> str:
    rows = _answered(frame)
    if rows.empty:
        return t("chart.no_answers", lang)
    return t("chart.topics.desc", lang, groups=group_list(rows, "topic", lang))


def heatmap_title(frame: pd.DataFrame, lang: str) -> str:
    """The highest and lowest cell among those with at least :data:`SMALL_N` answers."""
    rows = frame.loc[frame["n"] >= SMALL_N] if (frame["n"] >= SMALL_N).any() else frame
    rows = rows.loc[rows["share"].notna()]
    if rows.empty:
        return t("chart.no_answers", lang)
    hi = rows.loc[rows["share"].idxmax()]
    lo = rows.loc[rows["share"].idxmin()]
    return t("chart.heatmap.title", lang,
             hi_type=type_plural(hi["respondent_type"], lang), hi_topic=hi["topic"],
             hi_pct=fmt_pct(hi["share"], lang), lo_type=type_plural(lo["respondent_type"], lang),
             lo_topic=lo["topic"], lo_pct=fmt_pct(lo["share"], lang))


def heatmap_description(frame: pd.DataFrame, lang: str) -> str:
    return t("chart.heatmap.desc", lang, rows=fmt_int(frame["topic"].nunique(), lang),
             cols=fmt_int(frame["respondent_type"].nunique(), lang),
             small=fmt_int(int((frame["n"] < SMALL_N).sum()), lang), min_n=fmt_int(SMALL_N, lang))


def contrast_title(frame: pd.DataFrame, lang: str, a: str, b: str, by: str) -> str:
    """``"Regioner tillstyrker oftare än kommuner i 23 av 25 förslag"`` (or per topic / addressee)."""
    rows = frame.loc[frame["difference"].notna()]
    if rows.empty:
        return t("chart.no_answers", lang)
    k, n = int((rows["difference"] > 0).sum()), len(rows)
    if by == "addressee":
        return t("chart.contrast.title_addressee", lang, k=fmt_int(k, lang), n=fmt_int(n, lang), a=a, b=b)
    unit = t(f"chart.contrast.unit_{by}", lang)
    return t("chart.contrast.title", lang, a=_cap(type_plural(a, lang)), b=type_plural(b, lang),
             k=fmt_int(k, lang), n=fmt_int(n, lang), unit=unit)


def contrast_description(frame: pd.DataFrame, lang: str, a_name: str, b_name: str) -> str:
    rows = frame.loc[frame["difference"].notna()]
    if rows.empty:
        return t("chart.no_answers", lang)
    big = rows.loc[rows["difference"].abs().idxmax()]
    clear = int((rows["p_holm"] < ALPHA).sum())
    return t("chart.contrast.desc", lang, n=fmt_int(len(rows), lang), label=big["label"], a=a_name, b=b_name,
             a_pct=fmt_pct(big["a_share"], lang), b_pct=fmt_pct(big["b_share"], lang),
             p=_p(big["p_value"], lang), p_holm=_p(big["p_holm"], lang), clear=fmt_int(clear, lang),
             alpha=fmt_num(ALPHA, lang, 2), small=fmt_int(int(frame["small_n"].sum()), lang),
             min_n=fmt_int(SMALL_N, lang))


def weighted_title(frame: pd.DataFrame, lang: str, a: str, b: str) -> str:
    rows = frame.loc[frame["difference"].notna()]
    if rows.empty:
        return t("chart.weighted.none", lang)
    return t("chart.weighted.title", lang, a=type_plural(a, lang), b=type_plural(b, lang),
             k=fmt_int(int((rows["difference"] > 0).sum()), lang), n=fmt_int(len(rows), lang))


def weighted_description(frame: pd.DataFrame, lang: str, a: str, b: str) -> str:
    return t("chart.weighted.desc", lang, a=type_plural(a, lang), b=type_plural(b, lang),
             n=fmt_int(len(frame), lang))


def grid_title(table: pd.DataFrame, proposal_cols, lang: str) -> str:
    """``"1 020 av 1 800 möjliga svar (57 %) tillstyrker förslaget"`` over the grid's cells."""
    cells = table[list(proposal_cols)].astype("str") if len(proposal_cols) else pd.DataFrame()
    total = int(cells.size)
    if total == 0:
        return t("chart.no_answers", lang)
    k = int((cells == "agree").to_numpy().sum())
    return t("chart.grid.title", lang, k=fmt_int(k, lang), n=fmt_int(total, lang), pct=fmt_pct(k / total, lang))


def grid_description(table: pd.DataFrame, proposal_cols, lang: str, sort_label: str) -> str:
    symbols = join_words([f"{sym or t('chart.grid.blank', lang)} {stance_label(code, lang).lower()}"
                          for code, sym in (("agree", "+"), ("partly", "±"), ("disagree", "−"),
                                            ("no_position", "0"), ("not_addressed", ""))], lang)
    return t("chart.grid.desc", lang, rows=fmt_int(len(table), lang), cols=fmt_int(len(proposal_cols), lang),
             symbols=symbols, sort=sort_label)


def coverage_title(frame: pd.DataFrame, lang: str) -> str:
    invited, replied = int(frame["invited"].sum()), int(frame["replied"].sum())
    if invited == 0:
        return t("chart.no_answers", lang)
    if replied == invited:
        return t("chart.coverage.title_all", lang, n=fmt_int(invited, lang))
    low = frame.loc[frame["reply_rate"].idxmin()]
    return t("chart.coverage.title", lang, k=fmt_int(replied, lang), n=fmt_int(invited, lang),
             type=type_plural(low["respondent_type"], lang), pct=fmt_pct(low["reply_rate"], lang))


def coverage_description(frame: pd.DataFrame, lang: str) -> str:
    parts = [t("chart.coverage.part", lang, type=type_label(ty, lang), k=fmt_int(k, lang), n=fmt_int(n, lang))
             for ty, k, n in zip(frame["respondent_type"].astype("str"), frame["replied"], frame["invited"])]
    return t("chart.coverage.desc", lang, parts="; ".join(parts))
