"""Office settings (closing time, deadline table...) as key/value rows."""
from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Versioned
from .i18n import QT_TRANSLATE_NOOP


class Setting(Versioned, Base):
    __tablename__ = "settings"
    __label__ = QT_TRANSLATE_NOOP("audit", "设置")

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")
