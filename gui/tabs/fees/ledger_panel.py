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
        return self.tr("按房号、业主（1–2 个字按姓名开头）、收费项目筛选，回车转到表格")

    def _build(self) -> None:
        super()._build()
        # The owner-name rule of models.browse.owner_matches (SHORT = 2), said where the clerk types.
        self.filter_edit.setToolTip(self.tr(
            "房号、收费项目：含有所输文字即列出。\n"
            "业主：输入 1–2 个字时按姓名开头查找（如“梁”列出姓梁的业主，“燕洁”找不到“梁燕洁”）；\n"
            "输入 3 个字及以上时，姓名中任何位置含有即列出。"))
