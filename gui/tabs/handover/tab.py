"""交接清单 tab: the items of the current handover's lists."""
from __future__ import annotations

from ..browse_tab import BrowseTab


class HandoverTab(BrowseTab):
    TABLE = "handover"
    WIDTHS = {"list_title": 170, "list_status": 70, "seq": 50, "category": 110, "name": 180, "spec": 90,
              "uom": 50, "expected_qty": 56, "received_qty": 56, "original_or_copy": 86, "pages": 50,
              "condition": 64, "remarks": 150, "checked_by": 70}
    STRETCH = "remarks"

    def placeholder(self) -> str:
        return self.tr("按清单、类别、名称、状况、备注筛选，回车转到表格")
