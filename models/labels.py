"""Every stored code's Chinese label, in one table, and the enum base that reads them.

The database, snapshots and audit rows hold codes (`lent`, `signed`); people see labels. `label()` is the
one way from a code to its words, so a translation layer has one place to wrap. Data written before the
codes (signed settlement snapshots, audit rows, backups of older versions) holds the Chinese label
itself: `Coded._missing_` reads it back as its member, so such data keeps meaning what it meant.
"""
from __future__ import annotations

import enum
from typing import Any

# Enum class name -> code -> label. Labels were the stored values before migration 0012: renaming one
# here is fine for display, but tests/test_codes_not_labels.py holds the old words that must still read.
LABELS: dict[str, dict[str, str]] = {
    "DocStatus": {"draft": "草稿", "signed": "已签署", "cancelled": "作废"},
    "Role": {"clerk": "文员", "supervisor": "主管", "admin": "管理员"},
    "KeyStatus": {"in_store": "在库", "sealed": "封存", "lent": "借出", "issued": "已发放", "lost": "遗失",
                  "handed_over": "已移交", "retired": "作废"},
    "KeyEventKind": {"receive": "接收", "seal": "封存", "unseal": "启封", "lend": "借出", "return": "归还",
                     "issue": "发放", "lose": "遗失", "hand_over": "移交", "retire": "作废"},
    "DefectStatus": {"pending_notice": "待通知", "rectifying": "整改中", "pending_recheck": "待复验",
                     "closed": "已关闭", "unfixable": "无法整改"},
    "DiffKind": {"differs": "金额不符", "tariff": "与标准不符", "only_theirs": "仅原物业", "only_ours": "仅我方"},
    "Decision": {"open": "待处理", "theirs": "以原物业为准", "ours": "以我方为准", "adjust": "协商调整",
                 "exclude": "不计入"},
    "DepositAction": {"hand_over": "移交", "refund": "退还业主"},
    "HandoverKind": {"acceptance": "承接查验", "takeover": "进场接管", "exit": "退场移交"},
}


def label(member: enum.Enum) -> str:
    """The words a person reads for a stored code."""
    return LABELS[type(member).__name__][member.value]


def code_of(enum_name: str, words: str) -> str | None:
    """The code whose label is `words` (as old data or a spreadsheet writes it), or None."""
    for code, text in LABELS.get(enum_name, {}).items():
        if text == words:
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
            choices = "、".join(f"{m.label}（{m.value}）" for m in cls)
            raise ValueError(f"“{text}”不是可选的值；可选：{choices}") from None
