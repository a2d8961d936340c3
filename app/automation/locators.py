"""Locators in the probe syntax, turned into Playwright locators.

- `role=switch[name="…"]`, `css=…`, `text=…`, `xpath=…`: as Playwright reads them;
- `label=Text`: the form field with that label;
- `row="Title" >> <locator>`: <locator> inside the smallest block (div, li, section, tr,
  label, fieldset) that holds both an element whose text is exactly "Title" and a match of
  <locator>: a setting's own control when a page shows many alike (Facebook's "Edit privacy"
  buttons), told apart only by the setting's title beside it.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from app.automation.probes import unquoted

_ROW_BLOCKS = "div, li, section, tr, label, fieldset"


def locate(page: Page, selector: str) -> Locator:
    """The Playwright locator for `selector`, written in the probe syntax above."""
    kind, _, rest = selector.partition("=")
    kind = kind.strip()
    if kind == "label":
        return page.get_by_label(unquoted(rest), exact=True)
    if kind == "row":
        title, _, inner = rest.partition(">>")
        control = inner.strip()
        rows = (
            page.locator(_ROW_BLOCKS)
            .filter(has=page.get_by_text(unquoted(title), exact=True))
            .filter(has=page.locator(control))
        )
        # Blocks holding both are nested around the row; the last in document order is the
        # innermost, the row itself, so a neighbouring setting's control is never taken.
        return rows.last.locator(control)
    return page.locator(selector)
