"""Printed forms (ReportLab) and Excel exports (openpyxl); no Qt here."""
