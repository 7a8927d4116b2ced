"""One way from what a form, a sheet or a caller gives to a place word's member (a unit's use, its
occupancy, a project's kind, an owner's ID kind, a person's tie to a unit).

A member, its code ('shop'), its Chinese label (商铺, as old data and spreadsheets write it) or its
English label (Shop) is read as the member; anything else is refused naming the field, in the clerk's
language, with the choices as labels.
"""
from __future__ import annotations

from typing import TypeVar

from ..errors import ValidationError
from ..i18n import translate
from ..labels import LABELS, Coded

C = TypeVar("C", bound=Coded)


def choices(cls: type[Coded]) -> str:
    """The members' labels as a refusal lists them: '住宅、商铺、办公…'."""
    return translate("labels", "、").join(m.label for m in cls)


def read_member(cls: type[C], value: C | str, refusal: str) -> C:
    """`value` as a member of `cls`, or ValidationError: `refusal` is the translated message, with
    {value} (as given) and {choices}."""
    try:
        member: C = cls.parse(value)
    except ValueError:
        raise ValidationError(refusal.format(value=str(value).strip(), choices=choices(cls))) from None
    return member


def read_optional_member(cls: type[C], value: C | str | None, refusal: str) -> C | None:
    """As read_member, but None or blank (a tariff for every use) is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return read_member(cls, value, refusal)


def chinese_word(member: Coded) -> str:
    """The member's Chinese label whatever language is chosen: for the texts that stay Chinese (an
    import's problems and notes, the audit log), as the spreadsheets write the words."""
    return LABELS[type(member).__name__][member.value]
