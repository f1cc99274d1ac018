"""Benchmarks: ``make bench`` (or ``python -m bench``) runs them all.

See :mod:`bench.__main__` for the runner and :mod:`bench.generate` for the
synthetic coded sheets they run on.
"""
