"""The spreadsheet import pipeline: header detection, column mapping, row report."""
