"""The audit domain in plain Python: runs, answers, scores, drift and schedules (no Qt, no SQL)."""
