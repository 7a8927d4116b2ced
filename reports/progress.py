"""Progress reporting for long report work: the callback type and the cancel error."""
from __future__ import annotations

from collections.abc import Callable

from models.errors import Cancelled as BaseCancelled

# progress(done, total) -> keep going?  total 0 means "not known yet".
Progress = Callable[[int, int], bool]


class Cancelled(BaseCancelled):
    """The clerk pressed Cancel; the partial output is discarded."""

    def __init__(self, message: str = "已取消，未生成文件。") -> None:
        # ReportLab re-raises errors from page callbacks as type(e)(annotated text).
        super().__init__(message)


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell the caller how far we are; raise Cancelled if it says stop."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()
