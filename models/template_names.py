"""The built-in list templates' names (resources/templates/*.json), listed here for the catalog.

The names live in the JSON files and the database; lupdate reads only Python, so each one is spelled
here once (tests/test_i18n.py checks the list matches the files). A picker shows a built-in template
by its translated name; a template an office made keeps its own.
"""
from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP, translate

BUILTIN_NAMES = (
    QT_TRANSLATE_NOOP("templates", "财务管理资料移交清单"),
    QT_TRANSLATE_NOOP("templates", "设施设备维修养护资料移交清单"),
    QT_TRANSLATE_NOOP("templates", "物业原始资料移交清单"),
    QT_TRANSLATE_NOOP("templates", "业主资料移交清单"),
    QT_TRANSLATE_NOOP("templates", "未移交资料清单（补交承诺）"),
    QT_TRANSLATE_NOOP("templates", "业主共有资金购置资产移交清单"),
    QT_TRANSLATE_NOOP("templates", "共用部位交接清单"),
    QT_TRANSLATE_NOOP("templates", "共用设施设备交接清单（排水）"),
    QT_TRANSLATE_NOOP("templates", "共用设施设备交接清单（消防）"),
    QT_TRANSLATE_NOOP("templates", "共用设施设备交接清单（供暖）"),
    QT_TRANSLATE_NOOP("templates", "共用设施设备交接清单（空调通风）"),
    QT_TRANSLATE_NOOP("templates", "钥匙交接清单"),
    QT_TRANSLATE_NOOP("templates", "共用设施设备交接清单（电梯）"),
    QT_TRANSLATE_NOOP("templates", "物业管理用房交接清单"),
    QT_TRANSLATE_NOOP("templates", "共用设施设备交接清单（车场）"),
    QT_TRANSLATE_NOOP("templates", "共用设施设备交接清单（供电）"),
    QT_TRANSLATE_NOOP("templates", "印章交接清单"),
    QT_TRANSLATE_NOOP("templates", "共用设施设备交接清单（安防监控）"),
    QT_TRANSLATE_NOOP("templates", "共用设施设备交接清单（供水）"),
    QT_TRANSLATE_NOOP("templates", "岗位交接清单"),
    QT_TRANSLATE_NOOP("templates", "系统账号与权限交接清单"),
)


def shown_name(name: str, builtin: bool) -> str:
    return translate("templates", name) if builtin else name
