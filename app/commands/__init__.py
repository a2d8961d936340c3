"""The command-line commands that have modules of their own; app.cli parses and dispatches."""
