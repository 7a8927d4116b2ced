"""The Qt desktop interface (PySide6); models/ and reports/ never import it."""
