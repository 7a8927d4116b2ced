"""校验交接档案包's result: 完好 with the file count, or every problem, one a line, naming its file."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from reports.package.verify import VerifyResult

from ..widgets.screen_fit import fit_to_screen


class PackageCheckDialog(QDialog):
    """Shows a VerifyResult: the verdict, and under it every problem."""

    def __init__(self, result: VerifyResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("校验交接档案包"))
        self.result_value = result
        self.file_label = self._label(self.tr("档案包：{path}").format(path=result.path))
        verdict = (self.tr("完好：{files} 个文件的大小和 SHA-256 校验值全部与目录相符。").format(files=result.files)
                   if result.ok else self.tr("发现 {count} 处问题：档案包在生成之后被增删或改动过，不能作为交接依据。").format(
                       count=len(result.problems)))
        self.verdict_label = self._label(verdict)
        self.verdict_label.setStyleSheet("font-weight: bold; color: %s;" % ("#1b5e20" if result.ok else "#b71c1c"))
        # Plain text, one problem a line: selected and copied whole into a reply to the sender.
        self.problem_list = QPlainTextEdit("\n".join(p.message for p in result.problems), self)
        self.problem_list.setReadOnly(True)
        self.problem_list.setVisible(not result.ok)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.file_label)
        box.addWidget(self.verdict_label)
        box.addWidget(self.problem_list, 1)
        if result.ok:
            box.addStretch(1)  # the spare height under the verdict, not between the lines
        box.addWidget(buttons)
        fit_to_screen(self, 640, 420 if not result.ok else self.sizeHint().height())

    def _label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
