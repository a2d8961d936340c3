"""Official data-export archives (ZIP or unpacked folder) read offline: no Qt, no network.

Reading is split so each part can be tested alone: `archive` lists and reads members safely,
`detect` names the platform and format from member names only, `platforms/*` turn the few
members they need into `ExportFindings`, and `recording` turns findings into stored answers.
Connection names live only in memory, inside `ExportFindings.connections`.
"""
