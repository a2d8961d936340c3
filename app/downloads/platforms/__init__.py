"""One reader per platform: which member names mark its export, and how to parse them."""
