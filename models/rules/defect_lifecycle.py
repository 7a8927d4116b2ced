"""The defect lifecycle: 待通知 → 整改中 → 待复验 → 已关闭, back to 整改中 on a failed re-inspection; 无法整改 is final."""
from __future__ import annotations

from ..defect import DefectStatus as S
from ..errors import DomainError
from ..i18n import translate

ALLOWED: dict[S, frozenset[S]] = {
    S.PENDING_NOTICE: frozenset({S.RECTIFYING, S.UNFIXABLE}),
    S.RECTIFYING: frozenset({S.PENDING_REINSPECTION, S.UNFIXABLE}),
    S.PENDING_REINSPECTION: frozenset({S.CLOSED, S.RECTIFYING, S.UNFIXABLE}),
    S.CLOSED: frozenset(),
    S.UNFIXABLE: frozenset(),
}
FINAL = (S.CLOSED, S.UNFIXABLE)


def check_transition(old: S, new: S) -> None:
    if new not in ALLOWED[old]:
        raise DomainError(translate("defects", "遗留问题不能从“{old}”改为“{new}”。").format(old=old.label, new=new.label))
