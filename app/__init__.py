"""Footprint: a desktop privacy self-audit for social care and social service workers."""

__version__ = "0.1.0"
