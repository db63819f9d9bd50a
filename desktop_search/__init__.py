"""desktop-search: private, offline desktop search that finds files by meaning."""

__version__ = "0.1.0"
