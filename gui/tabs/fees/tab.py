"""费用对账 tab: the ledger lines of both companies for the current handover."""
from __future__ import annotations

from ..browse_tab import BrowseTab


class FeesTab(BrowseTab):
    TABLE = "fees"
    WIDTHS = {"unit": 180, "owner": 90, "fee_item": 160, "billed": 110, "paid": 110, "arrears": 110,
              "source": 60}
    STRETCH = ""  # the last column (来源) takes the spare width; amounts keep their place

    def placeholder(self) -> str:
        return self.tr("按房号、业主、收费项目筛选，回车转到表格")
