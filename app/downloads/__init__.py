"""Importing the copy of their data a worker downloads from a platform: the official archive
(ZIP or unpacked folder, layouts and evidence in FORMATS.md), read offline, no Qt, no network.
The platforms call these archives data exports; for Footprint they are an import.

Reading is split so each part can be tested alone: `archive` lists and reads members safely,
`detect` names the platform and format from member names only, `platforms/*` turn the few
members they need into `ExportFindings`, and `recording` turns findings into stored answers.
Connection names live only in memory, inside `ExportFindings.connections`.
"""
