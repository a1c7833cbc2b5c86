"""Development tools run from the repository (``python -m tools.NAME``); never shipped."""
