"""Column types: Money stores integer fen so every backend keeps amounts exact."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator

FEN = Decimal("0.01")


def round_fen(amount: Decimal) -> Decimal:
    """Half-up to the fen, the one rounding rule for money."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def to_money(value: Any) -> Decimal:
    """Accept Decimal, int or str; refuse float, which cannot hold fen exactly."""
    if isinstance(value, float):
        raise TypeError("money must not be float; pass Decimal or str")
    return round_fen(Decimal(value))


class Scaled(TypeDecorator[Decimal]):
    """A Decimal with a fixed number of places, stored as a scaled integer.

    SQLAlchemy's Numeric goes through float on SQLite; integers do not, and
    SUM over integers stays exact on SQLite and PostgreSQL alike.
    """

    impl = BigInteger
    cache_ok = True
    places = 2

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("exact amounts must not be float; pass Decimal or str")
        step = Decimal(1).scaleb(-self.places)
        exact = Decimal(value).quantize(step, rounding=ROUND_HALF_UP)
        return int(exact.scaleb(self.places))

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places)


class Money(Scaled):
    """元 with 2 decimals, stored as integer fen (分)."""

    cache_ok = True
    places = 2


class Area(Scaled):
    """m² with 2 decimals (建筑面积), stored as integer hundredths."""

    cache_ok = True
    places = 2


class Rate(Scaled):
    """Tariffs such as 0.5283 元/度 need 4 places."""

    cache_ok = True
    places = 4


class Quantity(Scaled):
    """Meter readings and quantities: 2 places."""

    cache_ok = True
    places = 2

    @property
    def python_type(self) -> type:
        return Decimal
