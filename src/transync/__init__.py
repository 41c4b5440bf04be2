"""transync: keep machine-translated documentation honest."""

__version__ = "0.1.0"
