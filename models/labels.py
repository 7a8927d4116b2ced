"""Every stored code's Chinese label, in one table, and the enum base that reads them.

The database, snapshots and audit rows hold codes (`lent`, `signed`); people see labels. `label()` is the
one way from a code to its words, so a translation layer has one place to wrap. Data written before the
codes (signed settlement snapshots, audit rows, backups of older versions) holds the Chinese label
itself: `Coded._missing_` reads it back as its member, so such data keeps meaning what it meant.
"""
from __future__ import annotations

import enum
from typing import Any

from .i18n import ENGLISH, QT_TRANSLATE_NOOP, catalog, translate

# Enum class name -> code -> label. Labels were the stored values before migration 0012: renaming one
# here is fine for display, but tests/test_codes_not_labels.py holds the old words that must still read.
LABELS: dict[str, dict[str, str]] = {
    "DocStatus": {
        "draft": QT_TRANSLATE_NOOP("labels", "草稿"),
        "signed": QT_TRANSLATE_NOOP("labels", "已签署"),
        "cancelled": QT_TRANSLATE_NOOP("labels", "作废"),
    },
    "Role": {
        "clerk": QT_TRANSLATE_NOOP("labels", "文员"),
        "supervisor": QT_TRANSLATE_NOOP("labels", "主管"),
        "admin": QT_TRANSLATE_NOOP("labels", "管理员"),
    },
    "KeyStatus": {
        "in_store": QT_TRANSLATE_NOOP("labels", "在库"),
        "sealed": QT_TRANSLATE_NOOP("labels", "封存"),
        "lent": QT_TRANSLATE_NOOP("labels", "借出"),
        "issued": QT_TRANSLATE_NOOP("labels", "已发放"),
        "lost": QT_TRANSLATE_NOOP("labels", "遗失"),
        "handed_over": QT_TRANSLATE_NOOP("labels", "已移交"),
        "retired": QT_TRANSLATE_NOOP("labels", "作废"),
    },
    "KeyEventKind": {
        "receive": QT_TRANSLATE_NOOP("labels", "接收"),
        "seal": QT_TRANSLATE_NOOP("labels", "封存"),
        "unseal": QT_TRANSLATE_NOOP("labels", "启封"),
        "lend": QT_TRANSLATE_NOOP("labels", "借出"),
        "return": QT_TRANSLATE_NOOP("labels", "归还"),
        "issue": QT_TRANSLATE_NOOP("labels", "发放"),
        "lose": QT_TRANSLATE_NOOP("labels", "遗失"),
        "hand_over": QT_TRANSLATE_NOOP("labels", "移交"),
        "retire": QT_TRANSLATE_NOOP("labels", "作废"),
    },
    "DefectStatus": {
        "pending_notice": QT_TRANSLATE_NOOP("labels", "待通知"),
        "rectifying": QT_TRANSLATE_NOOP("labels", "整改中"),
        "pending_recheck": QT_TRANSLATE_NOOP("labels", "待复验"),
        "closed": QT_TRANSLATE_NOOP("labels", "已关闭"),
        "unfixable": QT_TRANSLATE_NOOP("labels", "无法整改"),
    },
    "DiffKind": {
        "differs": QT_TRANSLATE_NOOP("labels", "金额不符"),
        "tariff": QT_TRANSLATE_NOOP("labels", "与标准不符"),
        "only_theirs": QT_TRANSLATE_NOOP("labels", "仅原物业"),
        "only_ours": QT_TRANSLATE_NOOP("labels", "仅我方"),
    },
    "Decision": {
        "open": QT_TRANSLATE_NOOP("labels", "待处理"),
        "theirs": QT_TRANSLATE_NOOP("labels", "以原物业为准"),
        "ours": QT_TRANSLATE_NOOP("labels", "以我方为准"),
        "adjust": QT_TRANSLATE_NOOP("labels", "协商调整"),
        "exclude": QT_TRANSLATE_NOOP("labels", "不计入"),
    },
    "DepositAction": {
        "hand_over": QT_TRANSLATE_NOOP("labels", "移交"),
        "refund": QT_TRANSLATE_NOOP("labels", "退还业主"),
    },
    "HandoverKind": {
        "acceptance": QT_TRANSLATE_NOOP("labels", "承接查验"),
        "takeover": QT_TRANSLATE_NOOP("labels", "进场接管"),
        "exit": QT_TRANSLATE_NOOP("labels", "退场移交"),
    },
    # Fixed vocabularies (stored as their Chinese words before migration 0013). A code "" is the
    # field left empty, where a form allows it.
    "Severity": {
        "major": QT_TRANSLATE_NOOP("labels", "重大"),
        "normal": QT_TRANSLATE_NOOP("labels", "一般"),
        "minor": QT_TRANSLATE_NOOP("labels", "轻微"),
    },
    "DefectCategory": {
        "civil": QT_TRANSLATE_NOOP("labels", "土建装饰"),
        "plumbing": QT_TRANSLATE_NOOP("labels", "给排水"),
        "power": QT_TRANSLATE_NOOP("labels", "强电"),
        "low_voltage": QT_TRANSLATE_NOOP("labels", "弱电智能化"),
        "fire": QT_TRANSLATE_NOOP("labels", "消防"),
        "elevator": QT_TRANSLATE_NOOP("labels", "电梯"),
        "hvac": QT_TRANSLATE_NOOP("labels", "暖通"),
        "landscape": QT_TRANSLATE_NOOP("labels", "绿化景观"),
        "roads": QT_TRANSLATE_NOOP("labels", "道路车库"),
        "documents": QT_TRANSLATE_NOOP("labels", "资料"),
        "other": QT_TRANSLATE_NOOP("labels", "其他"),
    },
    "Responsible": {
        "developer": QT_TRANSLATE_NOOP("labels", "开发商"),
        "contractor": QT_TRANSLATE_NOOP("labels", "施工单位"),
        "previous": QT_TRANSLATE_NOOP("labels", "原物业"),
        "ours": QT_TRANSLATE_NOOP("labels", "本公司"),
    },
    "ItemCondition": {
        "": "",
        "good": QT_TRANSLATE_NOOP("labels", "完好"),
        "defective": QT_TRANSLATE_NOOP("labels", "有缺陷"),
        "missing": QT_TRANSLATE_NOOP("labels", "缺失"),
    },
    "CopyKind": {
        "": "",
        "original": QT_TRANSLATE_NOOP("labels", "原件"),
        "copy": QT_TRANSLATE_NOOP("labels", "复印件"),
    },
    "ProjectKind": {
        "residential": QT_TRANSLATE_NOOP("labels", "住宅"),
        "office": QT_TRANSLATE_NOOP("labels", "写字楼"),
        "commercial": QT_TRANSLATE_NOOP("labels", "商业"),
        "mixed": QT_TRANSLATE_NOOP("labels", "混合"),
    },
    "UnitUse": {
        "residence": QT_TRANSLATE_NOOP("labels", "住宅"),
        "shop": QT_TRANSLATE_NOOP("labels", "商铺"),
        "office": QT_TRANSLATE_NOOP("labels", "办公"),
        "parking": QT_TRANSLATE_NOOP("labels", "车位"),
        "storage": QT_TRANSLATE_NOOP("labels", "储藏室"),
    },
    "Occupancy": {
        "vacant": QT_TRANSLATE_NOOP("labels", "空置"),
        "occupied": QT_TRANSLATE_NOOP("labels", "已入住"),
        "renovating": QT_TRANSLATE_NOOP("labels", "装修中"),
    },
    "Relation": {
        "owner": QT_TRANSLATE_NOOP("labels", "业主"),
        "occupant": QT_TRANSLATE_NOOP("labels", "使用人"),
    },
    "IdKind": {
        "id_card": QT_TRANSLATE_NOOP("labels", "身份证"),
        "passport": QT_TRANSLATE_NOOP("labels", "护照"),
        "permit": QT_TRANSLATE_NOOP("labels", "港澳台通行证"),
        "credit_code": QT_TRANSLATE_NOOP("labels", "统一社会信用代码"),
    },
    "LendReason": {
        "": "",
        "inspect": QT_TRANSLATE_NOOP("labels", "检查"),
        "clean": QT_TRANSLATE_NOOP("labels", "清洁"),
        "repair": QT_TRANSLATE_NOOP("labels", "维修"),
        "other": QT_TRANSLATE_NOOP("labels", "其他"),
    },
    "MeterKind": {
        "water": QT_TRANSLATE_NOOP("labels", "水"),
        "power": QT_TRANSLATE_NOOP("labels", "电"),
        "gas": QT_TRANSLATE_NOOP("labels", "气"),
    },
}


def label(member: enum.Enum) -> str:
    """The words a person reads for a stored code, in the chosen language."""
    return translate("labels", LABELS[type(member).__name__][member.value])


def english_label(text: str) -> str:
    """The English of a Chinese label whatever language is chosen ('' when the catalog has none)."""
    return catalog(ENGLISH).get(("labels", text, ""), "")


def code_of(enum_name: str, words: str) -> str | None:
    """The code whose label is `words`: the Chinese one (old data, a spreadsheet, a CLI option) or
    its English, in any case; else None."""
    folded = words.casefold()
    for code, text in LABELS.get(enum_name, {}).items():
        if text == words or (folded and folded == english_label(text).casefold()):
            return code
    return None


class Coded(str, enum.Enum):
    """A str enum stored as its code, shown as its label, read back from its old Chinese value too."""

    @property
    def label(self) -> str:
        return label(self)

    @classmethod
    def _missing_(cls, value: Any) -> Any:
        if isinstance(value, str):
            code = code_of(cls.__name__, value.strip())
            if code is not None:
                return cls(code)
        return None

    @classmethod
    def parse(cls, text: str) -> Any:
        """A member from its code or its label (a CLI option, a cell); ValueError naming the choices."""
        try:
            return cls(text.strip())
        except ValueError:
            choices = translate("labels", "、").join(
                translate("labels", "{label}（{code}）").format(label=m.label, code=m.value) for m in cls)
            raise ValueError(translate("labels", "“{text}”不是可选的值；可选：{choices}").format(
                text=text, choices=choices)) from None


def word(text: str) -> str:
    """A word of a fixed vocabulary stored as itself (a unit use, a defect category, a meter kind…) in
    the chosen language: the stored value, and what a spreadsheet or old data holds, stays the Chinese."""
    return translate("words", text)
