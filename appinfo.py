"""The application's name and version, for extracts, reports and the CLI."""
APP_NAME = "Remisskollen"
APP_VERSION = "0.1.0"
