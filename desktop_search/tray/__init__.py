"""The system-tray indexer."""
