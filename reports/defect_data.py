"""The defect forms' rows now come from models.queries.defect_forms; these names stay for old callers."""
from models.queries.defect_forms import (
                                         count_defects,
                                         count_history,
                                         defect_values,
                                         history_values,
                                         located,
                                         unit_label,
                                         unit_labels,
)

__all__ = ["count_defects", "count_history", "defect_values", "history_values", "located", "unit_label",
           "unit_labels"]
