"""Pure-pandas analysis of coded consultation replies (never imports streamlit).

Modules, one concept each:

* :mod:`analysis.filters` – the selection: apply, describe, URL params
* :mod:`analysis.shares` – stance counts, agreement shares per denominator, stance breakdowns
* :mod:`analysis.proposals` – the proposals in scope: options, labels, one proposal's answers
* :mod:`analysis.contrast` – two groups compared (Wilson, Fisher, Holm), the contrast page's table
* :mod:`analysis.coverage` – who replied and who addressed what
* :mod:`analysis.profiles` – one respondent at a time, and the respondent × proposal grid
* :mod:`analysis.comments` – comment search
* :mod:`analysis.headlines` – the figures in plain words
* :mod:`analysis.weighting` – population-weighted agreement
* :mod:`analysis.overview` – the overview's key figures
* :mod:`analysis.extract` – the tables behind the Excel extract's sheets
* :mod:`analysis.regionmap` – agreement per region, for the tile-grid map
* :mod:`analysis.draft`, :mod:`analysis.quantifiers` – what the draft compilation says per
  proposal (keys, numbers, names) and which quantifier fits k of n
* :mod:`analysis.stats` – the statistics themselves
* :mod:`analysis.groups` – the counting kernels: grouped counts on categorical codes
* :mod:`analysis.universe`, :mod:`analysis.ordering`, :mod:`analysis.lookup`,
  :mod:`analysis.tabular`, :mod:`analysis.memo` – shared helpers (who could
  answer, natural order, code lookups, CSV/JSON output, per-view memo)

One production path per figure: each works on the canonical frame
(:func:`loaders.schema.conform`) and its categorical codes, with no fallback
for other inputs and no switch to another formulation at some size (the
contrasts refuse a stance column that is not conformed,
:func:`analysis.groups.stance_codes`). Where a
result could outgrow memory the one path bounds itself: the groupings
renumber the key combinations found above ``groups._DENSE_LIMIT``, and
:func:`analysis.shares.answer_slots` forms its (respondents × proposals)
pairs a chunk at a time. The plain pandas formulations (groupbys, merges)
live in ``tests/analysis/test_fastpaths.py`` as reference oracles, compared
with the production paths on the demo data and on edge cases.
Sentences (headlines, a respondent's position, a denominator) are returned
as :class:`i18n.sentences.Sentence` values, keys and numbers;
:func:`i18n.sentences.render` makes them text. Only
:func:`analysis.filters.describe_filters` words a selection itself.

Every function except :func:`analysis.filters.apply_filters` takes data with
the filters already applied.
"""
