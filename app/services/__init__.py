"""Use cases: what the windows and the commands ask of Footprint, as plain functions.

Services take their dependencies (the `Store`, the catalogue, the clock) as arguments and
return view models or domain values; `app.footprint.Footprint` wires them together and is
the only way the windows reach them (the UI imports no service; the architecture test checks
it). The report never touches `app.storage`.
"""
