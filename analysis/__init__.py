"""Pure-pandas analysis of coded consultation replies (never imports streamlit).

Modules, one concept each:

* :mod:`analysis.filters` – the selection: apply, describe, URL params
* :mod:`analysis.shares` – stance counts and agreement shares per denominator
* :mod:`analysis.contrast` – two groups compared (Wilson, Fisher, Holm)
* :mod:`analysis.coverage` – who replied and who addressed what
* :mod:`analysis.profiles` – one respondent at a time
* :mod:`analysis.headlines` – the figures in plain words
* :mod:`analysis.weighting` – population-weighted agreement
* :mod:`analysis.stats` – the statistics themselves
* :mod:`analysis.universe`, :mod:`analysis.ordering`, :mod:`analysis.labels`,
  :mod:`analysis.tabular` – shared helpers

Every function except :func:`analysis.filters.apply_filters` takes data with
the filters already applied.
"""
