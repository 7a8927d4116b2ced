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


class AuthError(DomainError):
    """Login refused."""
