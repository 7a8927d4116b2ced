"""台账: both companies' ledger lines of the handover (1,200,000 on the large demo), paged in SQL."""
from __future__ import annotations

from typing import ClassVar

from ..browse_tab import BrowseTab


class LedgerPanel(BrowseTab):
    TABLE = "fees"
    WIDTHS: ClassVar[dict[str, int]] = {"unit": 180, "owner": 90, "fee_item": 160, "billed": 110, "paid": 110, "arrears": 110,
              "source": 60}
    STRETCH = ""  # the last column (来源) takes the spare width; amounts keep their place

    def placeholder(self) -> str:
        return self.tr("按房号、业主、收费项目筛选，回车转到表格")
