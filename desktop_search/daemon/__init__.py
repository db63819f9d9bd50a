"""The indexing daemon: the single writer of the index, and the server its clients talk to."""
