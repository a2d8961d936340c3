"""The supervision report: model (plain values) → HTML → PDF or printer (Qt)."""
