"""遗留问题 tab: the defect register of the current handover."""
from __future__ import annotations

from ..browse_tab import BrowseTab


class DefectsTab(BrowseTab):
    TABLE = "defects"
    WIDTHS = {"number": 110, "location": 150, "category": 90, "description": 260, "severity": 70,
              "responsible": 70, "status": 76}
    STRETCH = "description"

    def placeholder(self) -> str:
        return self.tr("按编号、位置、类别、描述、状态筛选，回车转到表格")
