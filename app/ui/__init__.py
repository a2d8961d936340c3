"""PySide6 widgets: they display and forward; the rules live in app.audit."""
