"""A small handover for the package tests, made through the services: signed lists (one with a scan,
one amended and signed again), a draft list, defects with photos and a re-inspection, keys, and the
hand-worked fee book's settlement signed."""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from PIL import Image

from models.fees import Decision
from models.services import checklists as cl
from models.services import defect_register as register
from models.services import key_custody, reconcile, signoff
from models.services.handovers import get_handover
from models.services.settlement import sign_settlement
from tests.fee_book import make_book

SIGNED_AT = dt.datetime(2026, 7, 1, 10, 30)


@dataclass(frozen=True)
class PackageSample:
    handover_id: int
    project_id: int
    signed_lists: tuple[int, ...]   # every signed version
    draft_list: int
    defects: tuple[str, ...]        # numbers
    photos: int                     # photos over all defects
    scan: bytes


def photo(colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buf, "JPEG")
    return buf.getvalue()


def scan_png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (200, 280), (250, 250, 245)).save(buf, "PNG")
    return buf.getvalue()


def _list(db, handover_id: int, title: str, names: tuple[str, ...]) -> int:
    list_id = cl.create_list(db, handover_id, title).id
    for name in names:
        cl.add_item(db, list_id, category="物业原始资料", name=name, uom="套", expected_qty=1)
    for item in cl.list_detail(db, list_id).items:
        cl.mark_received_as_expected(db, item.id, item.version)
    return list_id


def sign_list(db, list_id: int, scan: bytes | None = None) -> None:
    version = cl.list_detail(db, list_id).summary.version
    signoff.sign_list(db, list_id, version, signed_from="赵国强", signed_to="孙志远", signed_witness="王主任",
                      signed_at=SIGNED_AT, scan=scan, scan_name="签字页.png" if scan else "")


def _defects(db, project_id: int, handover_id: int) -> tuple[tuple[str, ...], int]:
    found = dt.datetime(2026, 6, 20, 9, 0)
    a = register.record_new(db, project_id, category="土建装饰", severity="一般", responsible="开发商",
                            description="外墙瓷砖空鼓脱落", handover_id=handover_id, location="1栋外墙",
                            found_at=found, photos=[("外墙 东侧.jpg", photo((180, 90, 60))),
                                                    ("外墙/西侧.jpg", photo((90, 90, 180)))])
    b = register.record_new(db, project_id, category="消防", severity="重大", responsible="施工单位",
                            description="地下车库消防栓无水", handover_id=handover_id, location="地下车库",
                            found_at=found, photos=[("消防栓.jpg", photo((200, 30, 30)))])
    c = register.record_new(db, project_id, category="给排水", severity="轻微", responsible="原物业",
                            description="井盖破损", handover_id=handover_id, location="2栋门口", found_at=found)
    b = register.issue_notice(db, b.id, b.version, at=found + dt.timedelta(hours=2))
    b = register.submit_rectified(db, b.id, b.version, at=found + dt.timedelta(days=2))
    register.reinspect(db, b.id, b.version, passed=False, at=found + dt.timedelta(days=3), note="仍无水压")
    return (a.number, b.number, c.number), 3


def make_package_sample(db) -> PackageSample:
    handover_id = make_book(db)
    project_id = get_handover(db, handover_id).project_id
    scan = scan_png()
    first = _list(db, handover_id, "物业原始资料移交清单", ("竣工总平面图", "产权资料"))
    sign_list(db, first, scan)
    amended = signoff.amend_list(db, first).id
    cl.add_item(db, amended, category="物业原始资料", name="质量保修文件", uom="套", expected_qty=1)
    for item in cl.list_detail(db, amended).items:
        if not item.checked:
            cl.mark_received_as_expected(db, item.id, item.version)
    sign_list(db, amended)
    draft = _list(db, handover_id, "印章移交清单", ("管理处公章",))
    numbers, photos = _defects(db, project_id, handover_id)
    for k, unit in enumerate(("1栋1单元101", "2栋1单元201"), start=1):
        key_custody.receive_key(db, project_id, tag=f"K-0{k}-01-{unit[-3:]}-A", opens="入户门", unit=unit,
                                cabinet="A柜", slot=f"0{k}", handover_id=handover_id, person="原物业张三")
    reconcile.reconcile(db, handover_id)
    reconcile.decide_many(db, handover_id, Decision.THEIRS, "以原物业台账为准")
    reconcile.decide_many(db, handover_id, Decision.OURS, "以我方为准")
    sign_settlement(db, handover_id, note="双方确认")
    return PackageSample(handover_id, project_id, (first, amended), draft, numbers, photos, scan)
