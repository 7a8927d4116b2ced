"""The columns of the results' tables (欠费明细, 预收款, 押金, 代收代缴, 收缴率, 抄表费用, 结算).

Built on call, so the titles pass through the translator installed at start-up.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.labels import word

from .records_model import Col, attr


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeesTab", text)


def settlement() -> tuple[Col, ...]:
    return (Col(_tr("项目"), lambda item: word(item.label), width=200),
            Col(_tr("方向"), lambda item: word(item.direction), width=104),
            Col(_tr("金额"), attr("amount"), "money", 110))


def arrears() -> tuple[Col, ...]:
    return (Col(_tr("楼栋"), attr("building"), width=70), Col(_tr("房号"), attr("unit"), width=130),
            Col(_tr("业主"), attr("owner"), width=70), Col(_tr("联系电话"), attr("contact_masked"), width=104),
            Col(_tr("收费项目"), attr("fee_item"), width=110),
            Col(_tr("所属期起"), attr("period_start"), "date", 88),
            Col(_tr("所属期止"), attr("period_end"), "date", 88),
            Col(_tr("欠费金额"), attr("amount"), "money", 100),
            Col(_tr("欠费年限"), attr("years_overdue"), "years", 72))


def prepayments() -> tuple[Col, ...]:
    return (Col(_tr("楼栋"), attr("building"), width=70), Col(_tr("房号"), attr("unit"), width=130),
            Col(_tr("业主"), attr("owner"), width=70), Col(_tr("收费项目"), attr("fee_item"), width=110),
            Col(_tr("期间起"), attr("period_start"), "date", 88), Col(_tr("期间止"), attr("period_end"), "date", 88),
            Col(_tr("预收金额"), attr("amount"), "money", 100))


def deposits() -> tuple[Col, ...]:
    return (Col(_tr("楼栋"), attr("building"), width=70), Col(_tr("房号"), attr("unit"), width=130),
            Col(_tr("业主"), attr("owner"), width=70), Col(_tr("押金项目"), attr("fee_item"), width=100),
            Col(_tr("收取日期"), attr("received_on"), "date", 88), Col(_tr("金额"), attr("amount"), "money", 96),
            Col(_tr("处理"), attr("action"), width=70), Col(_tr("说明"), attr("note"), width=160))


def for_others() -> tuple[Col, ...]:
    return (Col(_tr("楼栋"), attr("building"), width=70), Col(_tr("房号"), attr("unit"), width=130),
            Col(_tr("业主"), attr("owner"), width=70), Col(_tr("代收项目"), attr("fee_item"), width=130),
            Col(_tr("应收"), attr("billed"), "money", 100), Col(_tr("实收"), attr("paid"), "money", 100),
            Col(_tr("余额（代业主保管）"), attr("balance"), "money", 130))


def rates() -> tuple[Col, ...]:
    return (Col(_tr("楼栋"), attr("building"), width=90), Col(_tr("收费项目"), attr("fee_item"), width=130),
            Col(_tr("应收"), attr("billed"), "money", 120), Col(_tr("实收"), attr("paid"), "money", 120),
            Col(_tr("收缴率"), attr("rate"), "percent", 80))


def meters() -> tuple[Col, ...]:
    return (Col(_tr("表号"), attr("meter_no"), width=84), Col(_tr("类别"), lambda m: m.kind.label, width=40),
            Col(_tr("房号/位置"), lambda m: m.unit or m.location, width=112),
            Col(_tr("上次读数"), attr("prev_reading"), "quantity", 86),
            Col(_tr("上次抄表日"), attr("prev_read_on"), "date", 88),
            Col(_tr("本次读数"), attr("reading"), "quantity", 86), Col(_tr("抄表日"), attr("read_on"), "date", 88),
            Col(_tr("用量"), attr("quantity"), "quantity", 64), Col(_tr("金额"), attr("amount"), "money", 80),
            Col(_tr("收费项目"), attr("fee_item"), width=120))
