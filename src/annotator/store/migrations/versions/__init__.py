"""One module per schema revision, named by revision number."""
