"""The column mapping a clerk chose for one company's ledger, remembered for its next file.

Each outgoing company exports its ledger in its own shape, month after month. What the clerk
mapped by hand ("本期应缴" is 应收) is kept per company as field → header LABEL, not column
index, so the next file is read right even if its columns moved. An empty label means the
clerk chose 不导入 for a field the pipeline had recognised.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence

from sqlalchemy import select

from ..db import Database
from ..imports.sheet import Header, normalise_header
from ..settings import Setting

KEY_PREFIX = "ledger_mapping:"
NOT_IMPORTED = ""  # a remembered "（不导入）"


def setting_key(company: str) -> str:
    """At most 60 characters whatever the company's name: a short hash of the normalised name."""
    digest = hashlib.sha1(_normalised(company).encode("utf-8")).hexdigest()[:16]
    return KEY_PREFIX + digest


def _normalised(company: str) -> str:
    """'翠湖园 物业服务有限公司' and '翠湖园物业服务有限公司' are one company."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", company)).casefold()


def remembered_mapping(db: Database, company: str) -> dict[str, str] | None:
    """Field key → header label the clerk chose last time for this company, or None."""
    if not _normalised(company):
        return None
    with db.read() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == setting_key(company)))
    return _fields(value, company) or None


def _fields(value: str | None, company: str) -> dict[str, str]:
    """The stored fields; a damaged value or another company's (a hash collision) gives none."""
    try:
        data = json.loads(value) if value else {}
    except ValueError:
        return {}
    if not isinstance(data, dict) or _normalised(str(data.get("company", ""))) != _normalised(company):
        return {}
    fields = data.get("fields")
    return {str(k): str(v) for k, v in fields.items()} if isinstance(fields, dict) else {}


def remember_mapping(db: Database, company: str, header: Header,
                     mapping: Mapping[str, int | None]) -> dict[str, str]:
    """Keep what differs from what was recognised, in one transaction; returns what is remembered.

    Earlier choices this file had no say on (a column it does not have, 不导入 for a field it
    does not have) are kept: they were made for another layout of the same company.
    """
    if not _normalised(company):
        return {}
    chosen = _chosen(header, mapping)
    with db.begin(immediate=True) as s:
        row = s.scalar(select(Setting).where(Setting.key == setting_key(company)))
        earlier = _fields(row.value, company) if row is not None else {}
        merged = {**_elsewhere(earlier, header), **chosen}
        if row is None and not merged:
            return {}
        value = json.dumps({"company": company.strip(), "fields": merged}, ensure_ascii=False, sort_keys=True)
        if row is None:
            s.add(Setting(key=setting_key(company), value=value))
        elif row.value != value:
            row.value = value
    return merged


def _chosen(header: Header, mapping: Mapping[str, int | None]) -> dict[str, str]:
    chosen: dict[str, str] = {}
    for key, index in mapping.items():
        if index == header.recognised.get(key):
            continue
        if index is None:
            chosen[key] = NOT_IMPORTED
        elif 0 <= index < len(header.labels) and header.labels[index]:
            chosen[key] = header.labels[index]
    return chosen


def _elsewhere(earlier: Mapping[str, str], header: Header) -> dict[str, str]:
    """Earlier choices this file could not have confirmed or changed."""
    here = {normalise_header(label) for label in header.labels if label}
    return {key: label for key, label in earlier.items()
            if (key not in header.recognised if label == NOT_IMPORTED else normalise_header(label) not in here)}


def mapping_for_header(remembered: Mapping[str, str] | None, header_labels: Sequence[str]) -> dict[str, int | None]:
    """Remembered labels → this file's column indexes; a label the file does not have is ignored."""
    columns = {normalise_header(label): i for i, label in reversed(list(enumerate(header_labels))) if label}
    mapping: dict[str, int | None] = {}
    for key, label in (remembered or {}).items():
        if label == NOT_IMPORTED:
            mapping[key] = None
        elif normalise_header(label) in columns:
            mapping[key] = columns[normalise_header(label)]
    return mapping
