"""Domain errors: each carries a message a clerk can read (Chinese)."""
from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP, translate


class DomainError(Exception):
    """A rule refused the action; the message is for the clerk."""


class Cancelled(DomainError):
    """The clerk pressed Cancel during long work; whatever it was doing is undone."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or translate("errors", "已取消，未做任何改动。"))


class ValidationError(DomainError):
    """Bad input; the message names the field or the row."""


class StaleRecordError(DomainError):
    """Someone else saved the record after it was read."""

    def __init__(self, what: str | None = None) -> None:
        super().__init__(translate("errors", "{what}已被其他人修改，请刷新后重试；您的修改未保存。").format(
            what=_what(what, QT_TRANSLATE_NOOP("errors", "记录"))))


def _what(what: str | None, default: str) -> str:
    """A record's name: a model's `__label__` (audit context) is shown in the clerk's language; the
    default is looked up at raise time, when the language is known."""
    if what is None:
        return translate("errors", default)
    return translate("audit", what)


class BusyError(DomainError):
    """Another desk holds the write lock, or our snapshot is older than its save."""

    def __init__(self) -> None:
        super().__init__(translate("errors", "其他前台正在保存同一数据，请刷新后重试；您的修改未保存。"))


class SignedRecordError(DomainError):
    """A signed (or cancelled) document was about to change."""

    def __init__(self, what: str | None = None) -> None:
        super().__init__(translate("errors", "{what}已签署，不能修改或删除；如需更正，请创建补充/更正版本。").format(
            what=_what(what, QT_TRANSLATE_NOOP("errors", "单据"))))


class NotFoundError(DomainError):
    """The record asked for does not exist."""


class StorageError(DomainError):
    """The database cannot be used as asked (network share, damaged file...)."""


class DatabaseUnreachable(StorageError):
    """The database server cannot be reached or refused the login: not the data's fault."""


class AuthError(DomainError):
    """Login refused."""


class FileAccessError(DomainError):
    """A file could not be read or written: open in Excel, a folder without rights, a full disk."""


PARTIAL = ".part"  # our writers write "<file>.part" and rename it over the file when complete


def file_error(exc: OSError) -> FileAccessError:
    """What went wrong with which file, in the clerk's words (never an English strerror alone)."""
    import errno

    raw = str(exc.filename2 or exc.filename or "")
    path = raw[:-len(PARTIAL)] if raw.endswith(PARTIAL) else raw
    name = translate("errors", "“{path}”").format(path=path) if path else translate("errors", "文件")
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM, errno.EBUSY) or getattr(exc, "winerror", None) in (32, 33):
        text = translate("errors", "无法写入{name}：文件可能正在 Excel 或其他程序中打开，或者没有写入这个文件夹的权限。"
                         "请关闭该文件，或另选一个保存位置后重试。").format(name=name)
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        text = translate("errors", "磁盘空间不足，无法写入{name}。请清理磁盘，或另选一个保存位置。").format(name=name)
    elif code in (errno.ENOENT, errno.ENOTDIR):
        text = translate("errors", "找不到{name}（或它所在的文件夹）。请检查路径。").format(name=name)
    elif code == errno.EROFS:
        text = translate("errors", "{name}所在的磁盘是只读的，无法写入。请另选一个保存位置。").format(name=name)
    elif code == errno.EISDIR:
        text = translate("errors", "{name}是一个文件夹，请选择或输入文件名。").format(name=name)
    elif code == errno.ENAMETOOLONG:
        text = translate("errors", "路径太长，无法保存{name}。请选一个较短的文件夹或文件名。").format(name=name)
    else:
        text = translate("errors", "无法读写{name}（{reason}）。").format(
            name=name, reason=exc.strerror or type(exc).__name__)
    return FileAccessError(text)
