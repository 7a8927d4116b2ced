"""Who owns a roster row's unit, as sheets write it: co-owners in one cell, several phones, any ID document.

The phones and documents are checked by models/rules/identity.py, the rule the owner forms use.
Notes (what the clerk should know, not problems) never quote a phone or an ID number: they reach the
import report and the audit log.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..people import ID_KINDS, IdKind
from ..rules.identity import (
    CREDIT_CODE,
    ID_CARD,
    guess_id_kind,
    id_kind_of,
    id_problem,
    is_company_name,
    is_no_phone,
    normalize_id,
    read_phones,
)
from ..services.place_choices import chinese_word
from .places import place
from .sheet import clean_text, stored_text
from .text_limits import too_long

Check = Callable[[str, str], None]  # (field key, message): a problem of the current row

# "王芳、李强", "王芳,李强", "王芳/李强", "王芳 李强": two owners when every part is 2–4 Chinese characters.
NAME_SEPARATORS = re.compile(r"\s*[、,，/／;；]\s*|\s+")
PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}")
ID_SEPARATORS = re.compile(r"\s*[、,，/／;；]\s*")
JOIN = "、"


@dataclass(frozen=True, slots=True)
class RosterOwner:
    """One owner of the row's unit, as it will be stored (phones and ID number normalised as the forms do)."""

    name: str
    is_company: bool
    mobile: str
    other_phones: str  # more phones, joined by "、" (Owner.other_phones)
    id_kind: IdKind
    id_number: str


def split_owners(text: str) -> tuple[str, ...]:
    """'王芳、李强' → ('王芳', '李强'); a company's name or anything not all 2–4 Chinese characters stays one."""
    if not text or is_company_name(text):
        return (text,) if text else ()
    parts = [p for p in NAME_SEPARATORS.split(text) if p]
    if len(parts) > 1 and all(PERSON.fullmatch(p) for p in parts):
        return tuple(dict.fromkeys(parts))
    return (text,)


def read_owners(row: int, name: str, phone_cell: Any, id_cell: Any, kind_cell: Any, today: dt.date,
                check: Check, notes: list[str]) -> tuple[RosterOwner, ...]:
    """The row's owners with their phones and documents paired in order; problems through `check`."""
    names = split_owners(name)
    phones = _phones(row, phone_cell, check, notes)
    numbers = _numbers(row, id_cell, len(names), notes)
    if not names:
        return ()
    phone_sets = _paired(row, phones, names, "联系电话", notes)
    number_list = _paired(row, [[n] for n in numbers], names, "证件号码", notes) if numbers else [[] for _ in names]
    if len(numbers) > max(len(names), 1):
        check("id_number", f"一格中有 {len(numbers)} 个证件号码，业主只有 {len(names)} 人")
    kind = _written_kind(kind_cell, check)
    owners = []
    for owner_name, owned_phones, owned_numbers in zip(names, phone_sets, number_list, strict=True):
        number = owned_numbers[0] if owned_numbers else ""
        id_kind = _checked_kind(owner_name, number, kind, today, check)
        owners.append(RosterOwner(owner_name, id_kind is CREDIT_CODE, owned_phones[0] if owned_phones else "",
                                  JOIN.join(owned_phones[1:]), id_kind, number))
        message = too_long("owners", "other_phones", owners[-1].other_phones)
        if message:
            check("mobile", message)
    return tuple(owners)


def _phones(row: int, value: Any, check: Check, notes: list[str]) -> list[str]:
    raw = stored_text(value)
    if not raw:
        return []
    if is_no_phone(raw):
        notes.append(f"{place(row)} 联系电话“{raw}”不是电话号码，按没有电话导入")
        return []
    phones, problem = read_phones(raw)
    if problem:
        check("mobile", problem)
    return list(phones)


def _numbers(row: int, value: Any, owners: int, notes: list[str]) -> list[str]:
    """The ID numbers of the cell: one, or several separated like the names ('、', ',', '/', or spaces
    when the cell holds as many spaced numbers as owners: '1101 0119 9003 0742 58' stays one)."""
    raw = clean_text(value)
    if not raw:
        return []
    if is_no_phone(raw):  # "无", "-": no number, said like a phone cell's
        notes.append(f"{place(row)} 身份证号“{raw}”不是证件号码，按没有证件号码导入")
        return []
    parts = [p for p in ID_SEPARATORS.split(raw) if p]
    if len(parts) == 1 and owners > 1 and len(raw.split()) == owners:
        parts = raw.split()
    return [normalize_id(p) for p in parts]


def _paired(row: int, values: list[str] | list[list[str]], names: tuple[str, ...], label: str,
            notes: list[str]) -> list[list[str]]:
    """Each owner's share of `values`: in order when there are as many as owners, else all to the first."""
    items = [v if isinstance(v, list) else [v] for v in values]
    if len(names) > 1 and len(items) == len(names):
        return items
    flat = [x for item in items for x in item]
    if len(names) > 1 and flat:
        notes.append(f"{place(row)} 共有业主 {len(names)} 人，{label} {len(items)} 个：都记在第一位业主名下")
    return [flat] + [[] for _ in names[1:]]


def _written_kind(value: Any, check: Check) -> IdKind | None:
    """The sheet's 证件类型 as one of ID_KINDS; None when the sheet does not say (told from the number)."""
    word = stored_text(value)
    if not word:
        return None
    kind = id_kind_of(word)
    if kind is None:
        check("id_kind", f"“{word}”无效，应为：{'、'.join(chinese_word(k) for k in ID_KINDS)}（或居民身份证、港澳通行证、台胞证、营业执照）")
    return kind


def _checked_kind(name: str, number: str, written: IdKind | None, today: dt.date, check: Check) -> IdKind:
    company = is_company_name(name)
    if not number:
        return written or (CREDIT_CODE if company else ID_CARD)
    kind = written or guess_id_kind(number, company)
    problem = id_problem(kind, number, today)
    if problem:
        why = "" if written or kind is ID_CARD else (
            "；表中未写证件类型，按业主是单位认作" if company else "；表中未写证件类型，按号码的形式认作") + chinese_word(kind)
        check("id_number", problem + why)
    return kind
