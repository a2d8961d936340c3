"""Use cases: what the windows and the commands ask of Footprint, as plain functions.

Services take their dependencies (the `Store`, the catalogue, the clock) as arguments and
return view models or domain values; `app.footprint.Footprint` wires them together. The UI
and the report talk to services, never to `app.storage`.
"""
