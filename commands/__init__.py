"""The subcommands of ``cli.py``, one module each; ``cli.py`` builds the parser from them and dispatches.

* :mod:`commands.check` – ``check``: validate a coded sheet (text or JSON report).
* :mod:`commands.summary` – ``summary``: stance counts and shares.
* :mod:`commands.contrast` – ``contrast``: two respondent types side by side.
* :mod:`commands.export` – ``export``: the filtered Excel extract.
* :mod:`commands.backup` – ``backup`` and ``restore``: the whole store to one file and back.
* :mod:`commands.draft` – ``draft``: the remissammanställning draft as .docx.
* :mod:`commands.suggest` – ``suggest``: the coding assistant's suggestions for reply documents.
* :mod:`commands.loading` – loading FILE (with ``--merges``) and the report printed for a bad file.
* :mod:`commands.filters` – the export filters' arguments, checked against the file.
* :mod:`commands.output` – printing i18n texts and writing result tables.

Each subcommand module has ``add_parser(sub)`` (its arguments; help texts are
for developers and stay English) and ``run(args) -> int`` (the exit code). All
argument parsing and printing for the command line lives here: ``exports/``
only writes files and ``coding/`` only computes. Every sentence printed comes
from ``i18n/cli_text.py``. Heavy imports sit inside ``run`` so that building
the parser stays cheap.
"""
