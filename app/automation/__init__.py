"""Reading the worker's own settings pages with a real browser (optional).

Only this package imports Playwright, and only inside functions that run in the automation
worker thread, so starting Footprint never pays for it. The modules:

- `browsers`: find an installed Chrome, Edge or Chromium (never downloads one);
- `urls`: point probe addresses at other origins (the test replicas);
- `profiles`: one owner-only browser profile per platform, so a sign-in persists;
- `page`: a read-only view of a page (open, count, read) with timeouts and cancel;
- `signin`: recognise the signed-in state, fill the login form from the keyring, wait;
- `engine`: Playwright and the browser profiles; reads a platform's probes, item by item;
- `results`: pure values (ReadResult) and turning confirmed results into answers;
- `worker`: the QThread that owns Playwright for its whole life and talks through signals.
"""
