"""Dialogs opened from the tabs and the menu (imports, forms)."""
