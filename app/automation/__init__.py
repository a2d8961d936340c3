"""Reading the worker's own settings pages with a real browser (optional).

Only this package imports Playwright, and only inside functions that run in the automation
worker thread, so starting Footprint never pays for it. The modules:

- `browsers`: find an installed Chrome, Edge or Chromium (never downloads one);
- `urls`: point probe addresses at other origins (the test replicas);
- `origins`: is a page on the platform's own site (hosts from app/checklists/hosts.py)?
- `profiles`: one owner-only browser profile per platform, so a sign-in persists;
- `failures`: why a value could not be read, one classification with a message and next step;
- `probes`, `locators`: which locators to try on a page in a given language, and how;
- `page`: a page's state (loaded, signed in, blocked, in which language) with timeouts/cancel;
- `page_facts`, `navigation`: the scripts `page` runs in a page and what they find; opening
  an address and waiting for its document (the stranger's browser uses both too);
- `values`: one probe's value, read explicitly and only once it has settled;
- `signin`: by hand (the main path), or the login form filled from the keyring
  (`login_form`; the words said to the worker in `signin_words`); never, for the watch;
- `engine`: Playwright and the browser profiles; reads a platform's probes, item by item;
- `results`: pure values (ReadResult, FailedRead) and turning confirmed results into answers;
- `reading`: the read as plain work (`read_settings`) sending one event per step; the facade
  hands it to the windows as `Background` work, which `app/ui/jobs.py` runs on its own thread;
- `runtime`: Playwright's driver on that thread;
- `watchdog`: ends a browser's process that stopped answering (used by the stranger's view,
  which has its own home in `app/stranger`: signed out, no profile, a throwaway context per
  address).

What is clicked or typed, ever: the platform's own login form (fields, Next, submit) and a
cookie notice's most private choice. Nothing on a settings page.
"""
