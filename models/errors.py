"""Domain errors: each carries a message a clerk can read (Chinese)."""
from __future__ import annotations


class DomainError(Exception):
    """A rule refused the action; the message is for the clerk."""


class Cancelled(DomainError):
    """The clerk pressed Cancel during long work; whatever it was doing is undone."""

    def __init__(self, message: str = "已取消，未做任何改动。") -> None:
        super().__init__(message)


class ValidationError(DomainError):
    """Bad input; the message names the field or the row."""


class StaleRecordError(DomainError):
    """Someone else saved the record after it was read."""

    def __init__(self, what: str = "记录") -> None:
        super().__init__(f"{what}已被其他人修改，请刷新后重试；您的修改未保存。")


class BusyError(DomainError):
    """Another desk holds the write lock, or our snapshot is older than its save."""

    def __init__(self) -> None:
        super().__init__("其他前台正在保存同一数据，请刷新后重试；您的修改未保存。")


class SignedRecordError(DomainError):
    """A signed (or cancelled) document was about to change."""

    def __init__(self, what: str = "单据") -> None:
        super().__init__(f"{what}已签署，不能修改或删除；如需更正，请创建补充/更正版本。")


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
    name = f"“{path}”" if path else "文件"
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM, errno.EBUSY) or getattr(exc, "winerror", None) in (32, 33):
        text = (f"无法写入{name}：文件可能正在 Excel 或其他程序中打开，或者没有写入这个文件夹的权限。"
                "请关闭该文件，或另选一个保存位置后重试。")
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        text = f"磁盘空间不足，无法写入{name}。请清理磁盘，或另选一个保存位置。"
    elif code in (errno.ENOENT, errno.ENOTDIR):
        text = f"找不到{name}（或它所在的文件夹）。请检查路径。"
    elif code == errno.EROFS:
        text = f"{name}所在的磁盘是只读的，无法写入。请另选一个保存位置。"
    elif code == errno.EISDIR:
        text = f"{name}是一个文件夹，请选择或输入文件名。"
    elif code == errno.ENAMETOOLONG:
        text = f"路径太长，无法保存{name}。请选一个较短的文件夹或文件名。"
    else:
        text = f"无法读写{name}（{exc.strerror or type(exc).__name__}）。"
    return FileAccessError(text)
