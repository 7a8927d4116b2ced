"""Qt's own texts are Chinese (issue 11 point 8): buttons, Show Details, the text-field menu."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from gui.app import install_qt_chinese

B = QDialogButtonBox.StandardButton


def test_qt_speaks_chinese(qapp, qtbot):
    from PySide6.QtCore import QTranslator

    from gui.app import QT_TRANSLATOR
    already = qapp.findChild(QTranslator, QT_TRANSLATOR) is not None  # setup_application ran before
    translator = install_qt_chinese(qapp)
    assert translator is not None
    try:
        box = QDialogButtonBox(B.Ok | B.Cancel | B.Yes | B.No)
        qtbot.addWidget(box)
        assert [box.button(b).text() for b in (B.Ok, B.Cancel)] == ["确定", "取消"]
        assert box.button(B.Yes).text().startswith("是") and box.button(B.No).text().startswith("否")
        message = QMessageBox(QMessageBox.Icon.Warning, "物业交接台", "x")
        qtbot.addWidget(message)
        message.setDetailedText("详情")
        message.show()
        assert any("显示详情" in b.text() for b in message.buttons())
        edit = QLineEdit()
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        assert any(a.text().startswith("撤消") for a in menu.actions())
        menu.deleteLater()
        message.close()
    finally:
        if not already:
            qapp.removeTranslator(translator)
            translator.deleteLater()
