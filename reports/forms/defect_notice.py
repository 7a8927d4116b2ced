"""整改通知单 (rectification notice) to the party responsible: the defect, its photos, the
deadline, our requirement, a 签收 receipt line for them and our signature."""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from .base import FormBase, styles, text
from .defect_common import (
    BLANK_DATE,
    OUR_SIDE,
    cn_date,
    defect_pairs,
    facts_grid,
    sign_block,
    signer_lines,
)

if TYPE_CHECKING:
    from models.services.defect_rows import DefectRow

PHOTO_MAX_HEIGHT = 62 * mm
PHOTO_ROOM = 100 * mm  # height for every photo row: up to six photos and the text fit one page
PHOTO_GAP = 4 * mm
DEFAULT_REQUIREMENT = ("请贵方收到本通知后立即安排整改，于整改期限前整改完毕，并书面通知我方复验。"
                       "复验范围为整个房屋/项目，而不仅是本次整改部位；复验不合格的，须重新整改。"
                       "逾期未整改的，我方将发出催办函，并按规定上报公司领导及开发商工程部、开发商领导。")


def photo_flowable(data: bytes, width: float, height: float) -> Image:
    """The JPEG scaled to fit width × height, its proportions kept."""
    w, h = ImageReader(io.BytesIO(data)).getSize()
    scale = min(width / w, height / h)
    return Image(io.BytesIO(data), width=w * scale, height=h * scale)


def photo_grid(images: Sequence[bytes], width: float) -> Flowable:
    """Two photos a row, each centred in its half of the width."""
    cell_w = (width - PHOTO_GAP) / 2
    height = min(PHOTO_MAX_HEIGHT, PHOTO_ROOM / ((len(images) + 1) // 2) - PHOTO_GAP)
    pics = [photo_flowable(d, cell_w - 2 * mm, height) for d in images]
    rows = [pics[i:i + 2] + [""] * (2 - len(pics[i:i + 2])) for i in range(0, len(pics), 2)]
    table = Table(rows, colWidths=[cell_w + PHOTO_GAP / 2] * 2)
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), PHOTO_GAP)]))
    return table


class DefectNoticeForm(FormBase):
    title = "整改通知单"
    form_no = "HD-YL-01"

    def __init__(self, defect: DefectRow, project_name: str, images: Sequence[bytes] = (), *,
                 handover_caption: str = "", addressee: str = "", our_company: str = "",
                 requirement: str = DEFAULT_REQUIREMENT, printed_on: dt.date | None = None) -> None:
        """`images`: the full photos (JPEG bytes, not thumbnails); `addressee`: the responsible
        party's company, or its role (开发商…) when the name is not known."""
        super().__init__(project_name, handover_caption, printed_on, document_no=defect.number)
        self.defect = defect
        self.images = list(images)
        self.addressee = addressee or defect.responsible.label
        self.our_company = our_company or OUR_SIDE
        self.requirement = requirement

    def story(self) -> list[Flowable]:
        st, d, width = styles(), self.defect, self.frame_width
        out: list[Flowable] = [text(f"致：{self.addressee}"), text(self.opening()),
                               Spacer(1, 2 * mm),
                               facts_grid(defect_pairs(d), width, [("问题描述", d.description)])]
        if self.images:
            out += [Paragraph(f"现场照片（{len(self.images)} 张）", st["heading"]),
                    photo_grid(self.images, width)]
        # The requirement goes over with the signatures: they sign for what is required.
        requirement = [Paragraph("整改要求", st["heading"]), text(self.requirement)]
        out.append(sign_block([("通知单位", self.our_company, signer_lines("经办人")),
                               ("签收（责任方）", self.addressee,
                                ["签收人：", "盖章：", f"签收日期：{BLANK_DATE}"])], width,
                              lead=requirement))
        return out

    def opening(self) -> str:
        d = self.defect
        deadline = cn_date(d.deadline)
        by = f"于{deadline}前" if deadline else "在约定期限内"
        return (f"经我方查验，{d.location or '贵方承建/管理的部位'}存在下列问题（编号 {d.number}），"
                f"责任方为贵方，请{by}整改完毕。")
