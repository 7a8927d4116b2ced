"""Text longer than its column, said on the row: the importers write with Core bulk inserts, which
bypass the ORM's length check, so every stored text is checked in the preview (field_labels.check_text)."""
from __future__ import annotations

import re

from ..errors import ValidationError
from ..field_labels import check_text

FIELD_PREFIX = re.compile(r"^「[^」]*」")


def too_long(table: str, column: str, value: str) -> str:
    """'' when `value` fits the column, else the message without the field's name (the row's problem names it)."""
    try:
        check_text(table, column, value)
    except ValidationError as exc:
        return FIELD_PREFIX.sub("", str(exc)).removesuffix("。")
    return ""
