"""See what a stranger sees: the signed-out look at the worker's own public profiles.

One home for the whole feature, whose modules sit in different layers of the module graph
(ARCHITECTURE.md, "Layers"), as `app.report`'s do:

- `public_profiles` (definitions): the worker's public addresses, each platform's pattern and
  what a signed-out visitor meets there;
- `evidence` (domain): the findings as stored (`SeenFinding`) and as evidence for audit items;
- `view` (automation): the findings of one look, and `judge`, which turns a page into them;
- `look_config`, `look`, `browser` (automation): the run a background job starts, its inputs,
  and the throwaway signed-out browser;
- `use_cases` (services): the addresses saved, the look's requests, its findings recorded.
"""
