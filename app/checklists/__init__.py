"""Audit definitions: what to check on each platform, read from TOML files."""
