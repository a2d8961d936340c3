"""See what a stranger sees: the signed-out look at the worker's own public profiles.

One home for the whole feature, whose modules sit in different layers of the module graph
(ARCHITECTURE.md, "Layers"), as `app.report`'s do:

- `public_profiles`, `profile_addresses` (definitions): each platform's address pattern and
  what a signed-out visitor meets there; the worker's addresses checked against them;
- `evidence` (domain): the findings as stored (`SeenFinding`) and as evidence for audit items;
- `view` (domain): one look's findings, or the obstacle that stopped it, as plain values;
- `look_config`, `look` (automation): the run a background job starts, and its inputs;
- `browser`, `visit`, `page_capture` (automation): the throwaway signed-out browser, one
  address in one fresh page, and what a page hands over (capped inside the page);
- `snapshot`, `page_kinds`, `page_text`, `judge` (automation, pure Python): a captured page,
  which kind of page it is, its words, and the findings `judge` makes of it;
- `use_cases` (services): the addresses saved, the look's requests, its findings recorded.
"""
