"""钥匙管理 tab: every key with its status and latest event; a scanner types the tag and Enter."""
from __future__ import annotations

from ..browse_tab import BrowseTab


class KeysTab(BrowseTab):
    TABLE = "keys"
    WIDTHS = {"tag": 150, "unit": 150, "opens": 140, "count": 50, "slot": 90, "status": 70,
              "last_kind": 76, "last_person": 100}
    STRETCH = "opens"

    def placeholder(self) -> str:
        return self.tr("扫码或输入标签号、房号、开启对象筛选，回车转到表格")
