"""The Qt desktop interface (PySide6); models/ and reports/ never import it.

Importing the package loads nothing but itself: the app paints its window's frame from PySide6 alone
before the storage layer is imported (gui/startup.py).
"""
