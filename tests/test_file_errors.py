"""A file that cannot be written is the clerk's to fix: a Chinese message naming it, never the bug dialog."""
from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from gui.errors import show_error
from models.errors import file_error


@pytest.mark.parametrize("exc, words", [
    (PermissionError(errno.EACCES, "Access is denied", "D:/报表/结算.pdf.part", None, "D:/报表/结算.pdf"),
     ("“D:/报表/结算.pdf”", "Excel")),
    (PermissionError(errno.EACCES, "Permission denied", "/srv/只读/欠费.xlsx.part"), ("“/srv/只读/欠费.xlsx”", "权限")),
    (OSError(errno.ENOSPC, "No space left on device", "E:/备份/工作簿.xlsx"), ("磁盘空间不足", "工作簿.xlsx")),
    (FileNotFoundError(errno.ENOENT, "No such file", "/无此/文件夹/x.pdf"), ("找不到", "x.pdf")),
    (OSError(errno.EROFS, "Read-only file system", "/cdrom/x.pdf"), ("只读",)),
])
def test_each_file_problem_has_its_message(exc, words):
    message = str(file_error(exc))
    assert all(w in message for w in words) and ".part" not in message


def test_a_file_open_in_excel_on_windows(monkeypatch):
    exc = PermissionError(errno.EACCES, "The process cannot access the file", "C:/x.xlsx.part", 32, "C:/x.xlsx")
    assert "Excel" in str(file_error(exc)) and "“C:/x.xlsx”" in str(file_error(exc))


def test_the_gui_shows_the_message_not_the_bug_dialog(qapp, boxes):
    show_error(PermissionError(errno.EACCES, "denied", "/tmp/结算报告.pdf.part"))
    assert len(boxes) == 1 and "结算报告.pdf" in boxes[0] and "程序出现了一个错误" not in boxes[0]


def test_the_command_line_names_the_file(tmp_path):
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("x")
    out = blocker / "业主名册.pdf"
    result = subprocess.run([sys.executable, "main.py", "demo", "--db", str(tmp_path / "d.sqlite")],
                            capture_output=True, text=True, cwd=Path(__file__).parent.parent, timeout=300)
    assert result.returncode == 0
    result = subprocess.run([sys.executable, "main.py", "print", "roster", "--project", "CHY", "--out", str(out),
                             "--db", str(tmp_path / "d.sqlite")],
                            capture_output=True, text=True, cwd=Path(__file__).parent.parent, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "业主名册.pdf" in result.stderr and "找不到" in result.stderr
