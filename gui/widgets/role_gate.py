"""Controls a role may not use are disabled with a tooltip saying who may (decided in models/)."""
from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from models.db import Database
from models.people import Role
from models.services.permissions import may, who_may


def gate(control: QWidget | QAction, db: Database, role: Role, action: str, tip: str = "") -> bool:
    """Enable `control` for `role` and above; below it, disable it and say who may `action`.

    `tip` is the tooltip for those who may. Returns whether the user may. The service still
    refuses on its own (require_role): this only saves a clerk filling a dialog for nothing.
    """
    allowed = may(db, role)
    control.setEnabled(allowed)
    control.setToolTip(tip if allowed else who_may(role, action))
    return allowed
