"""The handover forms' rows now come from models.queries.handover_forms; these names stay for old callers."""
from models.queries.handover_forms import (
    DONE_DEFECT,
    current_lists,
    handover_lists,
    open_defect_count,
)

__all__ = ["DONE_DEFECT", "current_lists", "handover_lists", "open_defect_count"]
