"""Printed forms: one renderer class per document on `base.FormBase`."""
