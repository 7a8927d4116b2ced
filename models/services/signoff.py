"""Sign-off of a handover list, amendments (补充交接清单) and the history of versions."""
from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..base import DocStatus
from ..db import Database
from ..errors import SignedRecordError, ValidationError
from ..handover import Handover, HandoverItem, HandoverList
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..people import Role
from .checklist_rows import ItemChange, ListSummary
from .checklists import summaries
from .common import get, get_for_save, lock_handover
from .handovers import handover_info
from .list_versions import version_changes
from .permissions import Permit, permit, require_role

SCAN_TYPES = (".pdf", ".jpg", ".jpeg", ".png")
SCAN_LIMIT = 20 * 1024 * 1024
COPIED = ("seq", "category", "name", "spec", "uom", "expected_qty", "received_qty", "original_or_copy",
          "pages", "condition", "remarks", "checked_by", "checked_at", "defect_id")


def _check_scan(scan: bytes | None, scan_name: str) -> None:
    if scan is None:
        return
    if PurePath(scan_name).suffix.lower() not in SCAN_TYPES:
        raise ValidationError(translate("signoff", "「签字扫描件」应为 PDF、JPG 或 PNG 文件。"))
    if len(scan) > SCAN_LIMIT:
        raise ValidationError(translate("signoff", "「签字扫描件」不能超过 20 MB。"))


def _check_signers(signed_from: str, signed_to: str, signed_at: dt.datetime) -> None:
    if not signed_from.strip():
        raise ValidationError(translate("signoff", "「移交方签字人」不能为空。"))
    if not signed_to.strip():
        raise ValidationError(translate("signoff", "「接收方签字人」不能为空。"))
    if not isinstance(signed_at, dt.datetime):
        raise ValidationError(translate("signoff", "「签署时间」应为日期时间。"))


def _check_witness(handover: Handover, signed_witness: str) -> None:
    """Three-party sign-off is three parties: a handover with a 监交方 needs its signatory too."""
    if handover.witness.strip() and not signed_witness.strip():
        raise ValidationError(translate("signoff", "「监交方签字人」不能为空：本次交接有监交方（{witness}）。").format(
            witness=handover.witness.strip()))


def _unchecked(session: Session, list_id: int) -> int:
    items = session.scalars(select(HandoverItem.seq).where(
        HandoverItem.list_id == list_id, HandoverItem.checked_at.is_(None))).all()
    return len(items)


# Who may sign a list or open its 补充清单, and what a refusal calls the action (the service and the
# tab's permit read the same pair).
SIGN = (Role.SUPERVISOR, QT_TRANSLATE_NOOP("permissions", "签署交接清单"))
AMEND = (Role.SUPERVISOR, QT_TRANSLATE_NOOP("permissions", "创建补充清单"))


def sign_permit(db: Database) -> Permit:
    return permit(db, *SIGN)


def amend_permit(db: Database) -> Permit:
    return permit(db, *AMEND)


def sign_list(db: Database, list_id: int, version: int, *, signed_from: str, signed_to: str,
              signed_at: dt.datetime, signed_witness: str = "", scan: bytes | None = None,
              scan_name: str = "") -> ListSummary:
    """Record the paper sign-off; from now on the list is final."""
    require_role(db, *SIGN)
    _check_signers(signed_from, signed_to, signed_at)
    _check_scan(scan, scan_name)
    with db.begin(immediate=True) as s:
        lst = get_for_save(s, HandoverList, list_id, version)
        if lst.status is not DocStatus.DRAFT:
            raise SignedRecordError(HandoverList.__label__)
        # locked: the parties snapshotted are the ones committed (an edit of the handover waits)
        handover = lock_handover(s, lst.handover_id)
        _check_witness(handover, signed_witness)
        if (n := _unchecked(s, list_id)):
            raise ValidationError(translate("signoff", "清单还有 {n} 项未核对，核对完才能签署。").format(n=n))
        # The parties as they are now are the parties signed for: a reprint keeps them.
        lst.handover_snapshot = handover_info(s, handover).snapshot()
        lst.signed_from, lst.signed_to = signed_from.strip(), signed_to.strip()
        lst.signed_witness, lst.signed_at = signed_witness.strip(), signed_at.replace(microsecond=0)
        lst.scan, lst.scan_name = scan, (PurePath(scan_name).name if scan is not None else "")
        lst.status = DocStatus.SIGNED
        s.flush()
        return summaries(s, [lst])[0]


def amend_list(db: Database, list_id: int) -> ListSummary:
    """A supervisor opens 补充交接清单: a draft copy of the signed list, signed in its turn."""
    require_role(db, *AMEND)
    with db.begin() as s:
        old = get(s, HandoverList, list_id)
        if old.status is not DocStatus.SIGNED:
            raise ValidationError(translate("signoff", "只有已签署的清单才能创建补充清单；草稿可以直接修改。"))
        if s.scalar(select(HandoverList.id).where(HandoverList.amends_id == list_id)):
            raise ValidationError(translate("signoff", "该清单已有补充版本，请在最新版本上继续。"))
        new = HandoverList(handover_id=old.handover_id, title=old.title, template_code=old.template_code,
                           revision=old.revision + 1, amends_id=old.id)
        # Each copy remembers the item it copies: versions are compared by identity, not name.
        new.items = [HandoverItem(**{k: getattr(i, k) for k in COPIED}, amends_item_id=i.id) for i in old.items]
        s.add(new)
        s.flush()
        return summaries(s, [new])[0]


def changes_against_amended(db: Database, list_id: int) -> list[ItemChange]:
    """What an amendment changes against the version it amends, line by line (items matched by
    identity; amendments made before that was kept: by category and name, duplicates in order)."""
    with db.read() as s:
        return version_changes(s, get(s, HandoverList, list_id))


def history(db: Database, list_id: int) -> list[ListSummary]:
    """Every version of the list, oldest first (the original, then each amendment)."""
    with db.read() as s:
        lst = get(s, HandoverList, list_id)
        while lst.amends_id is not None:
            lst = get(s, HandoverList, lst.amends_id)
        chain = [lst]
        while (nxt := s.scalar(select(HandoverList).where(HandoverList.amends_id == chain[-1].id))):
            chain.append(nxt)
        return summaries(s, chain)


def scan_of(db: Database, list_id: int) -> tuple[str, bytes] | None:
    with db.read() as s:
        lst = get(s, HandoverList, list_id)
        return (lst.scan_name, lst.scan) if lst.scan is not None else None
