"""Qt glue shared by the search window and the tray: daemon calls off the UI thread."""
