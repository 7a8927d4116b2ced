"""Controls a role may not use are disabled with a tooltip saying who may (decided in models/)."""
from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from models.db import Database
from models.people import Role
from models.services.permissions import Permit, may, who_may


def gate(control: QWidget | QAction, db: Database, role: Role, action: str, tip: str = "") -> bool:
    """Enable `control` for `role` and above; below it, disable it and say who may `action`.

    `tip` is the tooltip for those who may. Returns whether the user may. The service still
    refuses on its own (require_role): this only saves a clerk filling a dialog for nothing.
    """
    allowed = may(db, role)
    control.setEnabled(allowed)
    control.setToolTip(tip if allowed else who_may(role, action))
    return allowed


def apply_permit(control: QWidget | QAction, permit: Permit | None, tip: str, enabled: bool = True) -> None:
    """As gate, from a permit a row or state carries: enabled when the role allows and `enabled` (what the
    record's state allows); below the role, disabled with who may. No permit yet: disabled, tip kept."""
    allowed = permit is not None and permit.allowed
    control.setEnabled(allowed and enabled)
    control.setToolTip(permit.refusal if permit is not None and not allowed else tip)
