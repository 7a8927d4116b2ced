"""The storage layer's modules in an order where importing each is a short step (python -X importtime):
the window's frame is up first, and gui/startup.py imports these one per turn of the event loop, so
no single import freezes the frame for long. Qt-free, and importing this module imports none of them."""
from __future__ import annotations

STORAGE_STEPS = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "models.schema",
    "models.services.office",
    "models.browse",
    "models.browse_people",
    "models.services.checklists",
    "models.services.defect_register",
    "models.services.key_custody",
    "models.services.fee_state",
)
