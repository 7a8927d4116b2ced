"""钥匙发放签收单: the key handed to the owner of its unit, with the owner's signature line."""
from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from models.queries.key_forms import EventInfo, KeyInfo

from .base import FormBase, styles, text
from .defect_common import BLANK_DATE, OUR_SIDE, cn_datetime, facts_grid, sign_block

STATEMENT = ("本人已领取上列钥匙，数量无误、可正常开启。自领取之日起，钥匙由本人保管，"
             "如有遗失，由本人负责换锁或补配。")


class KeyIssueForm(FormBase):
    title = "钥匙发放签收单"
    form_no = "HD-YS-02"

    def __init__(self, key: KeyInfo, issue: EventInfo, project_name: str, *,
                 our_company: str = "", printed_on: dt.date | None = None) -> None:
        super().__init__(project_name, printed_on=printed_on, document_no=key.tag)
        self.key, self.issue = key, issue
        self.our_company = our_company or OUR_SIDE

    def story(self) -> list[Flowable]:
        k, ev, st = self.key, self.issue, styles()
        pairs = [("钥匙标签", k.tag), ("房屋", k.unit or "—"), ("开启对象", k.opens_text),
                 ("数量（把）", str(k.count)), ("业主", ev.owner or "—"),
                 ("发放时间", cn_datetime(ev.at)), ("经办人", ev.by or "—")]
        # 备注 across the whole width: a long note runs on over the next page
        return [text(f"致业主：{ev.owner}"), Spacer(1, 2 * mm),
                facts_grid(pairs, self.frame_width, [("备注", ev.note or "—")]),
                sign_block([("领取人（业主）", ev.owner,
                             ["业主签字：", f"领取日期：{BLANK_DATE}"]),
                            ("发放单位", self.our_company,
                             ["经办人签字：", "盖章：", f"日期：{BLANK_DATE}"])],
                           self.frame_width, lead=[Spacer(1, 4 * mm),
                                                   Paragraph(STATEMENT, st["body"])])]
