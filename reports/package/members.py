"""What goes into a handover package: one step per document (or per defect), each printing or exporting
into the staging folder through the app's own print and export functions, and saying what it wrote.

Placement: a signed record's documents go in as final; a record that could be signed but is not (a
draft list, a draft settlement, a certificate over unsigned lists) goes under 未签署/ with its draft
print (watermarked where its form does so), so the next company sees the state of the work but can
never take it for final. Registers without a sign-off (defects, keys) go in as they stand, marked
不适用 in the index.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

from models.db import Database
from models.defect import DefectStatus
from models.errors import ValidationError
from models.queries.handover_forms import current_lists
from models.queries.key_forms import handover_keys
from models.queries.package_records import (
    has_ledger,
    latest_settlement_revision,
    signed_revisions,
    signed_settlement,
)
from models.services import defect_register as register
from models.services.checklist_rows import HandoverInfo, ListSummary
from models.services.checklists import list_detail, lists_of
from models.services.defect_rows import DefectRow
from models.services.fee_results import fee_results
from models.services.fee_rows import FeeResults
from models.services.reconcile import iter_differences
from models.services.signoff import scan_of

from .. import print_commands as pc
from ..excel.fee_export import export_fee_workbook
from ..excel.key_export import export_keys
from ..forms.defect_reinspection import attempts
from ..progress import Progress
from .manifest import UNSIGNED, UNSIGNED_DIR, safe_name

LISTS, CERTIFICATE, DEFECTS, KEYS, FEES = "01_交接清单", "02_交接确认书", "03_遗留问题", "04_钥匙", "05_财务结算"


@dataclass(frozen=True)
class Produced:
    """One file a step wrote, as the index will describe it."""

    path: str
    description: str
    signature: str
    signed: bool


@dataclass(frozen=True)
class Step:
    text: str  # what the progress bar says while it runs
    run: Callable[[Path, Progress], list[Produced]]


def target(root: Path, path: str) -> Path:
    out = root.joinpath(*path.split("/"))
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def not_signable(detail: str) -> str:
    """A register's record (a defect, the key log): nothing to sign in the app; `detail` says as of when."""
    return f"不适用（登记记录，无签署环节；{detail}）"


def as_of(now: dt.datetime) -> str:
    return f"内容截至 {now:%Y-%m-%d %H:%M}"


# --- handover lists and the certificate -----------------------------------------------------------

def list_signature(s: ListSummary) -> str:
    if not s.is_signed or s.signed_at is None:
        return UNSIGNED
    parties = f"移交方 {s.signed_from}，接收方 {s.signed_to}" + (
        f"，监交方 {s.signed_witness}" if s.signed_witness else "")
    return f"已签署 {s.signed_at:%Y-%m-%d %H:%M}（第 {s.revision} 版；{parties}）"


def chain_numbers(summaries: list[ListSummary]) -> dict[int, int]:
    """Each list version → the number of its list (1, 2 …, in the order the lists were started):
    an amendment shares the number of the list it amends."""
    by_id = {s.id: s for s in summaries}

    def root(s: ListSummary) -> int:
        while s.amends_id in by_id:
            s = by_id[s.amends_id]
        return s.id

    roots = sorted({root(s) for s in summaries})
    return {s.id: roots.index(root(s)) + 1 for s in summaries}


def list_step(db: Database, handover_id: int, planned: ListSummary, number: int) -> Step:
    def run(root: Path, progress: Progress) -> list[Produced]:
        # Read again when printed: another desk may have signed it since the plan was made.
        s = list_detail(db, planned.id).summary
        folder = LISTS if s.is_signed else f"{UNSIGNED_DIR}/{LISTS}"
        base = f"{folder}/{number:02d}_{safe_name(s.title)}_第{s.revision}版"
        description = list_description(s)
        pc.print_handover_list(db, handover_id, target(root, base + ".pdf"), list_id=s.id, progress=progress)
        out = [Produced(base + ".pdf", description, list_signature(s), s.is_signed)]
        scan = scan_of(db, s.id) if s.is_signed else None
        if scan is not None:
            name, data = scan
            path = f"{base}_签字扫描件{PurePath(name).suffix.lower()}"
            target(root, path).write_bytes(data)
            out.append(Produced(path, f"{description}签字扫描件（签署时上传，原文件名 {name}）",
                                list_signature(s), True))
        return out

    return Step(f"正在打印{list_description(planned)}…", run)


def list_description(s: ListSummary) -> str:
    later = "，已由补充清单更正" if s.amended else ""
    return f"交接清单“{s.title}”（第 {s.revision} 版{later}）"


def certificate_file(current: list[ListSummary]) -> tuple[str, str]:
    """(path, signature state) of the 交接确认书 over the current lists."""
    unsigned = [c for c in current if not c.is_signed]
    if unsigned:
        return (f"{UNSIGNED_DIR}/{CERTIFICATE}/交接确认书.pdf",
                f"{UNSIGNED}（所据清单中 {len(unsigned)} 张尚未签署）")
    # Final as far as the app knows, yet not a signed record itself: it is signed on paper, and the
    # print takes the parties and the open defects as they are now (print_handover_certificate).
    last = max(c.signed_at for c in current if c.signed_at is not None)
    return (f"{CERTIFICATE}/交接确认书.pdf",
            f"不适用（确认书在纸面签署；所据 {len(current)} 张清单均已签署，最后签署 {last:%Y-%m-%d %H:%M}；"
            f"交接各方和未关闭遗留问题数按生成时）")


def certificate_step(db: Database, handover_id: int) -> Step:
    def run(root: Path, progress: Progress) -> list[Produced]:
        path, signature = certificate_file(current_lists(lists_of(db, handover_id)))
        pc.print_handover_certificate(db, handover_id, target(root, path), progress=progress)
        return [Produced(path, "交接确认书（按各清单现行版本）", signature, False)]

    return Step("正在打印交接确认书…", run)


def list_steps(db: Database, handover_id: int, notes: list[str]) -> list[Step]:
    summaries = [s for s in lists_of(db, handover_id) if s.is_signed or s.is_editable]  # 作废 left out
    if not summaries:
        notes.append("该交接还没有交接清单，未收入交接清单和交接确认书。")
        return []
    numbers = chain_numbers(summaries)
    ordered = sorted(summaries, key=lambda s: (numbers[s.id], s.revision))
    return [*(list_step(db, handover_id, s, numbers[s.id]) for s in ordered),
            certificate_step(db, handover_id)]


# --- the defect register --------------------------------------------------------------------------

def defect_step(db: Database, project_code: str, row: DefectRow) -> Step:
    folder = f"{DEFECTS}/{safe_name(row.number)}"
    signature = not_signable(f"当前状态：{row.status.label}")

    def run(root: Path, progress: Progress) -> list[Produced]:
        detail = register.defect_detail(db, row.id)
        notice = f"{folder}/整改通知单.pdf"
        pc.print_defect_notice(db, row.number, target(root, notice), project_code, progress=progress)
        out = [Produced(notice, f"遗留问题 {row.number} 整改通知单", signature, False)]
        if attempts(detail.history) or row.status is DefectStatus.PENDING_REINSPECTION:
            record = f"{folder}/复验记录.pdf"
            pc.print_defect_reinspection(db, row.number, target(root, record), project_code, progress=progress)
            out.append(Produced(record, f"遗留问题 {row.number} 复验记录", signature, False))
        for k, photo in enumerate(detail.photos, start=1):
            path = f"{folder}/照片{k:02d}_{safe_name(PurePath(photo.filename).stem or '照片')}.jpg"
            target(root, path).write_bytes(register.photo_data(db, photo.id))
            out.append(Produced(path, f"遗留问题 {row.number} 照片（原文件 {photo.filename or '未命名'}）",
                                signature, False))
        return out

    return Step(f"正在打印遗留问题 {row.number}…", run)


def reminder_step(db: Database, project_code: str, party: str, label: str, now: dt.datetime) -> Step:
    path = f"{DEFECTS}/催办函_{safe_name(label)}.pdf"

    def run(root: Path, progress: Progress) -> list[Produced]:
        try:
            pc.print_defect_reminder(db, project_code, party, target(root, path), now=now, progress=progress)
        except ValidationError:  # nothing of theirs is overdue today: no letter to send
            return []
        return [Produced(path, f"催办函（致{label}，本项目逾期未整改的遗留问题）", not_signable(as_of(now)), False)]

    return Step(f"正在打印催办函（{label}）…", run)


def defect_steps(db: Database, handover: HandoverInfo, now: dt.datetime, notes: list[str]) -> list[Step]:
    rows = register.summary_rows(db, handover.id)
    if not rows:
        notes.append("该交接没有登记遗留问题。")
    summary = f"{DEFECTS}/遗留问题汇总表.pdf"

    def run(root: Path, progress: Progress) -> list[Produced]:
        pc.print_defect_summary(db, handover.id, target(root, summary), now=now, progress=progress)
        return [Produced(summary, "遗留问题汇总表", not_signable(as_of(now)), False)]

    parties = {r.responsible.value: r.responsible.label for r in rows if r.status is DefectStatus.RECTIFYING}
    return [Step("正在打印遗留问题汇总表…", run),
            *(defect_step(db, handover.project_code, r) for r in sorted(rows, key=lambda r: r.number)),
            *(reminder_step(db, handover.project_code, code, label, now) for code, label in parties.items())]


# --- keys -----------------------------------------------------------------------------------------

def key_steps(db: Database, handover: HandoverInfo, now: dt.datetime, notes: list[str]) -> list[Step]:
    if not handover_keys(db, handover.id):
        notes.append("该交接没有钥匙记录，未收入钥匙交接表和钥匙记录。")
        return []
    table, log = f"{KEYS}/钥匙交接表.pdf", f"{KEYS}/钥匙记录.xlsx"

    def run_table(root: Path, progress: Progress) -> list[Produced]:
        pc.print_key_handover(db, handover.id, target(root, table), progress=progress)
        return [Produced(table, "钥匙交接表", not_signable(as_of(now)), False)]

    def run_log(root: Path, progress: Progress) -> list[Produced]:
        export_keys(db, handover.project_code, target(root, log), progress)
        return [Produced(log, "钥匙记录（本项目全部钥匙及其每一次接收、借出、归还、发放、移交记录）",
                         not_signable(as_of(now)), False)]

    return [Step("正在打印钥匙交接表…", run_table), Step("正在导出钥匙记录…", run_log)]


# --- fees -----------------------------------------------------------------------------------------

def settlement_signature(r: FeeResults) -> str:
    if not r.is_signed or r.signed_at is None:
        return UNSIGNED
    return f"已签署 {r.signed_at:%Y-%m-%d %H:%M}（第 {r.settlement_revision} 版；签署人 {r.signed_by}）"


def fee_files(db: Database, handover_id: int, results: FeeResults, folder: str, workbook: bool,
              now: dt.datetime, root: Path, progress: Progress) -> list[Produced]:
    """The report, the arrears and (when `workbook`) the accountant's workbook of `results`."""
    rev = f"第{results.settlement_revision}版" if results.settlement_revision else "草稿"
    signature, signed = settlement_signature(results), results.is_signed
    folder = folder if signed else f"{UNSIGNED_DIR}/{folder}"  # a draft, whatever the plan thought
    report, arrears = f"{folder}/财务结算报告_{rev}.pdf", f"{folder}/欠费明细表_{rev}.pdf"
    pc.render_settlement(db, results, target(root, report), progress)
    pc.render_arrears(db, results, target(root, arrears), progress)
    out = [Produced(report, f"财务结算报告（{rev}）", signature, signed),
           Produced(arrears, f"欠费明细表（{rev}）", signature, signed)]
    if workbook:
        book = f"{folder}/会计工作簿_{rev}.xlsx"
        export_fee_workbook(results, iter_differences(db, handover_id), target(root, book), progress,
                            exported_at=now)
        out.append(Produced(book, f"费用对账会计工作簿（{rev}：汇总、欠费明细、预收款、押金、代收代缴、差异、收缴率）",
                            signature, signed))
    return out


def signed_fee_step(db: Database, handover_id: int, settlement_id: int, revision: int, current: bool,
                    now: dt.datetime) -> Step:
    def run(root: Path, progress: Progress) -> list[Produced]:
        results = signed_settlement(db, settlement_id)  # as signed: from its snapshot, nothing recomputed
        return fee_files(db, handover_id, results, FEES, current, now, root, progress)

    return Step(f"正在打印财务结算（第 {revision} 版）…", run)


def draft_fee_step(db: Database, handover_id: int, now: dt.datetime) -> Step:
    def run(root: Path, progress: Progress) -> list[Produced]:
        results = fee_results(db, handover_id, progress)  # the draft as the ledgers now stand
        return fee_files(db, handover_id, results, FEES, True, now, root, progress)

    return Step("正在计算并打印财务结算（草稿）…", run)


def fee_steps(db: Database, handover_id: int, now: dt.datetime, notes: list[str]) -> list[Step]:
    latest = latest_settlement_revision(db, handover_id)
    steps: list[Step] = []
    for settlement_id, revision in signed_revisions(db, handover_id):
        current = latest == (revision, True)
        if not current:
            notes.append(f"第 {revision} 版财务结算已被修订：收入其签署时的结算报告和欠费明细表；"
                         f"会计工作簿的差异表只反映现状，故只收入现行版本的。")
        steps.append(signed_fee_step(db, handover_id, settlement_id, revision, current, now))
    if latest is not None and latest[1]:
        return steps
    if latest is None and not has_ledger(db, handover_id):
        notes.append("该交接还没有费用台账和财务结算，未收入财务文件。")
        return steps
    return [*steps, draft_fee_step(db, handover_id, now)]


def plan(db: Database, handover: HandoverInfo, now: dt.datetime) -> tuple[list[Step], list[str]]:
    """Every step of the package of `handover`, and the notes on what is left out and why."""
    notes: list[str] = []
    steps = [*list_steps(db, handover.id, notes), *defect_steps(db, handover, now, notes),
             *key_steps(db, handover, now, notes), *fee_steps(db, handover.id, now, notes)]
    return steps, notes
