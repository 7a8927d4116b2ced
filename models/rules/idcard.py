"""GB 11643 ID numbers (身份证号): the checksum (to make demo numbers), and masking of personal data.

Whether a number is valid is models/rules/identity.py's rule, the one the forms and imports share.
"""
from __future__ import annotations

import datetime as dt
import re

from .identity import is_valid_id_card

PHONE = re.compile(r"\d{7,}")  # a mobile or a landline, as ledgers and rosters write them

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"


def check_char(first17: str) -> str:
    """The 18th character for the first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def is_valid_id_number(number: str, today: dt.date | None = None) -> bool:
    """A valid 身份证号 by identity.py's rule (checksum, birth date, region); `today` bounds the birth date."""
    return is_valid_id_card(number, today or dt.date.today())


def mask_mobile(mobile: str) -> str:
    """138****8000: the first three and last four digits stay; at least four are always hidden.

    A shorter number keeps fewer (62345678 → ****5678, 6234567 → ****567), never most of itself.
    """
    n = len(mobile)
    if not n:
        return ""
    tail = 4 if n >= 8 else max(n - 4, 0)
    head = min(3, max(n - 8, 0))
    return mobile[:head] + "****" + mobile[n - tail:]


def mask_id_number(number: str) -> str:
    """1101**********1234: the first four and last four characters of an 18-character number stay;
    a passport or permit (8 to 14) keeps two at each end, a shorter one nothing."""
    n = len(number)
    keep = 4 if n >= 15 else 2 if n >= 8 else 0
    return number[:keep] + "*" * (n - 2 * keep) + number[n - keep:] if keep else "*" * n


def mask_phones(text: str) -> str:
    """Every phone number in free text (a ledger's 联系电话: "13800138000/010-62345678") masked, the rest kept."""
    return PHONE.sub(lambda m: mask_mobile(m.group()), text)
