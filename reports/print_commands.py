"""Printing forms from the command line (and the GUI's print actions): records in, PDF out."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from models.db import Database
from models.defect import DefectStatus, Responsible, responsible_of
from models.errors import ValidationError
from models.i18n import in_chinese, translate
from models.queries import key_forms as key_data
from models.queries.defect_forms import located
from models.queries.handover_forms import handover_lists, open_defect_count
from models.services import defect_register as register
from models.services import exit_letters as exits
from models.services.checklist_rows import HandoverInfo
from models.services.defect_rows import DefectRow
from models.services.fee_results import fee_results
from models.services.fee_rows import FeeResults
from models.services.handovers import get_handover
from models.services.office import letterhead
from models.services.projects import (
    HandoverRow,
    ProjectRow,
    list_handovers,
    list_projects,
    project_by_code,
)
from models.services.roster import roster_rows

from .forms.arrears import ArrearsForm
from .forms.base import FormBase, Parties
from .forms.book import Section, SectionBook
from .forms.certificate import CertificateForm
from .forms.defect_notice import DefectNoticeForm
from .forms.defect_reinspection import DefectReinspectionForm
from .forms.defect_reminder import DefectReminderForm
from .forms.defect_summary import DefectSummaryForm
from .forms.exit_receipts import DepositRefundForm, PrepaymentTransferForm
from .forms.handover_list import HandoverListBook
from .forms.key_issue import KeyIssueForm
from .forms.key_labels import KeyLabelSheet, Label
from .forms.key_tables import KeyHandoverForm, KeyLendingForm, KeySealForm
from .forms.owner_letter import OwnerLetterForm
from .forms.roster import RosterForm
from .forms.settlement import SettlementForm
from .progress import Progress


def lettered(db: Database, form: FormBase, signed: str = "") -> FormBase:
    """`form` with the office's name and address (本处信息) as the first header line: the one a
    signed document was signed with (`signed`), else today's."""
    form.letterhead = signed or letterhead(db)
    return form


def latest_handover(db: Database, project_id: int) -> HandoverRow | None:
    """The project's newest handover: its parties sign a project-wide form such as the roster."""
    handovers = list_handovers(db, project_id)
    return handovers[-1] if handovers else None


def handover_parties(handover: HandoverRow | None) -> Parties:
    if handover is None:
        return Parties()  # blank company lines, filled in by hand
    return Parties(handover.from_company, handover.to_company, handover.witness or None)


def handover_caption(handover: HandoverRow | None) -> str:
    """'进场接管（甲 → 乙）' for the page header, which already says 交接："""
    if handover is None:
        return ""
    return handover.title or (f"{handover.kind.label}（{handover.from_company} → "
                              f"{handover.to_company}）")


@in_chinese
def print_roster(db: Database, project_code: str, out: Path,
                 progress: Progress | None = None) -> int:
    """业主名册 of the project to `out` (PDF, phones masked); returns the number of pages.

    Printing unmasked phones needs a role check and an audit row first (SPEC 2),
    so that path is left to a service that does both, passing show_personal.
    """
    project = project_by_code(db, project_code)
    handover = latest_handover(db, project.id)
    form = RosterForm(roster_rows(db, project.id), project.name,
                      handover_caption(handover), parties=handover_parties(handover))
    return lettered(db, form).render(out, progress)


@in_chinese
def print_handover_list(db: Database, handover_id: int, out: Path, list_id: int | None = None,
                        progress: Progress | None = None) -> int:
    """交接清单 to `out`: one list (any version), or every current list, each from a new page."""
    details = handover_lists(db, handover_id, list_id)
    if not details:
        raise ValidationError("该交接还没有交接清单，没有可打印的内容。")
    book = HandoverListBook(details)
    for form, detail in zip(book.forms, details, strict=True):  # each list as it was signed
        lettered(db, form, detail.handover.letterhead)
    return lettered(db, book).render(out, progress)


@in_chinese
def print_handover_certificate(db: Database, handover_id: int, out: Path,
                               progress: Progress | None = None) -> int:
    """交接确认书 of the handover over its current lists; returns the number of pages (1)."""
    handover = get_handover(db, handover_id)
    details = handover_lists(db, handover_id)
    if not details:
        raise ValidationError("该交接还没有交接清单，无法出具交接确认书。")
    return lettered(db, CertificateForm(handover, details, open_defect_count(db, handover_id))).render(
        out, progress)


# --- the defect register's forms -------------------------------------------------------------

def defect_project(db: Database, project_code: str | None) -> ProjectRow:
    """The project named, or the only one there is: defect numbers are unique per project."""
    if project_code:
        return project_by_code(db, project_code)
    projects = list_projects(db)
    if len(projects) != 1:
        raise ValidationError(translate("defects", "遗留问题编号在各项目内唯一，请用 --project 指定项目编码。")
                              if projects else translate("defects", "还没有项目。"))
    return projects[0]


def defect_handover(db: Database, defect: DefectRow) -> HandoverInfo | None:
    return get_handover(db, defect.handover_id) if defect.handover_id is not None else None


def our_company(handover: HandoverInfo | None) -> str:
    """We are the receiving side (接收方) of the handover the defect was found in."""
    return handover.to_company if handover is not None else ""


def find_defect(db: Database, project_code: str | None, number: str) -> DefectRow:
    project = defect_project(db, project_code)
    return located(db, [register.find_by_number(db, project.id, number)])[0]


@in_chinese
def print_defect_notice(db: Database, number: str, out: Path, project_code: str | None = None,
                        progress: Progress | None = None) -> int:
    """整改通知单 of one defect, with its photos at full size (scaled to fit)."""
    defect = find_defect(db, project_code, number)
    detail = register.defect_detail(db, defect.id)
    images = [register.photo_data(db, p.id) for p in detail.photos]
    handover = defect_handover(db, defect)
    form = DefectNoticeForm(defect, defect_project(db, project_code).name, images,
                            handover_caption=handover.caption if handover else "",
                            our_company=our_company(handover))
    return lettered(db, form).render(out, progress)


@in_chinese
def print_defect_reinspection(db: Database, number: str, out: Path,
                              project_code: str | None = None,
                              progress: Progress | None = None) -> int:
    """复验记录 of one defect: every re-inspection so far, and a line for the next one."""
    defect = find_defect(db, project_code, number)
    detail = register.defect_detail(db, defect.id)
    detail = replace(detail, defect=defect)  # the located row: a unit's label, not a blank
    handover = defect_handover(db, defect)
    form = DefectReinspectionForm(detail, defect_project(db, project_code).name,
                                  handover_caption=handover.caption if handover else "",
                                  our_company=our_company(handover))
    return lettered(db, form).render(out, progress)


@in_chinese
def print_defect_reminder(db: Database, project_code: str | None, party: Responsible | str, out: Path,
                          now: dt.datetime | None = None,
                          progress: Progress | None = None) -> int:
    """催办函 to one party (member, code or label: `--party 开发商`) over every defect of theirs past its
    deadline."""
    member = responsible_of(party)
    project = defect_project(db, project_code)
    rows = [r for r in register.overdue_of_party(db, project.id, member, now)
            if r.defect.status == DefectStatus.RECTIFYING]  # notified, and still theirs to fix
    if not rows:
        raise ValidationError(translate("defects", "{party}负责的遗留问题没有逾期未整改的，无需发催办函。").format(
            party=member.label))
    fixed = located(db, [r.defect for r in rows])
    rows = [replace(r, defect=d) for r, d in zip(rows, fixed, strict=True)]
    form = DefectReminderForm(member, rows, project.name,
                              our_company=handover_parties(latest_handover(db, project.id))
                              .to_company, printed_on=(now or dt.datetime.now()).date())
    return lettered(db, form).render(out, progress)


@in_chinese
def print_defect_summary(db: Database, handover_id: int, out: Path,
                         now: dt.datetime | None = None,
                         progress: Progress | None = None) -> int:
    """遗留问题汇总表 of a handover (30,000 defects in the large demo): rows, then pages."""
    handover = get_handover(db, handover_id)
    rows = located(db, register.summary_rows(db, handover_id, progress))
    parties = Parties(handover.from_company, handover.to_company, handover.witness or None)
    form = DefectSummaryForm(rows, handover.project_name, handover.caption, now=now,
                             parties=parties, printed_on=now.date() if now else None)
    return lettered(db, form).render(out, progress)


# --- key custody's forms ---------------------------------------------------------------------

@in_chinese
def print_key_labels(db: Database, project_code: str, out: Path, tags: Sequence[str] = (),
                     cabinet: str | None = None) -> int:
    """钥匙标签 sheet for the tags named (in that order), or for every key of one cabinet."""
    project = project_by_code(db, project_code)
    if tags:
        keys = key_data.keys_by_tags(db, project.id, tags)
    elif cabinet:
        keys = key_data.keys_in_cabinet(db, project.id, cabinet)
    else:
        raise ValidationError("请用 --keys 指定标签号，或用 --cabinet 指定钥匙柜。")
    if not keys:
        raise ValidationError(f"钥匙柜“{cabinet}”里没有钥匙。")
    return KeyLabelSheet([Label(k.tag, k.opens_text, k.place) for k in keys]).render(out)


def _our_company(db: Database, project_id: int) -> str:
    return handover_parties(latest_handover(db, project_id)).to_company


@in_chinese
def print_key_issue(db: Database, project_code: str, tag: str, out: Path,
                    progress: Progress | None = None) -> int:
    """钥匙发放签收单 of the key's latest 发放 to its unit's owner."""
    project = project_by_code(db, project_code)
    key = key_data.key_by_tag(db, project.id, tag)
    form = KeyIssueForm(key, key_data.latest_issue(db, key), project.name,
                        our_company=_our_company(db, project.id))
    return lettered(db, form).render(out, progress)


@in_chinese
def print_key_lending(db: Database, project_code: str, start: dt.date, end: dt.date, out: Path,
                      progress: Progress | None = None) -> int:
    """钥匙借用登记表: every loan from `start` to `end` with its return."""
    if end < start:
        raise ValidationError("「至」日期不能早于「自」日期。")
    project = project_by_code(db, project_code)
    form = KeyLendingForm(key_data.loans(db, project.id, start, end), project.name, start, end,
                          our_company=_our_company(db, project.id))
    return lettered(db, form).render(out, progress)


@in_chinese
def print_key_seal(db: Database, project_code: str, out: Path,
                   progress: Progress | None = None) -> int:
    """备用钥匙封存表 of the keys now sealed, with their seal numbers."""
    project = project_by_code(db, project_code)
    form = KeySealForm(key_data.sealed_keys(db, project.id), project.name,
                       our_company=_our_company(db, project.id))
    return lettered(db, form).render(out, progress)


@in_chinese
def print_key_handover(db: Database, handover_id: int, out: Path,
                       progress: Progress | None = None) -> int:
    """钥匙交接表 of the keys received in (or handed over with) one handover."""
    handover = get_handover(db, handover_id)
    parties = Parties(handover.from_company, handover.to_company, handover.witness or None)
    form = KeyHandoverForm(key_data.handover_keys(db, handover_id), handover.project_name,
                           handover.caption, parties)
    return lettered(db, form).render(out, progress)


# --- fee reconciliation's forms --------------------------------------------------------------

@in_chinese
def print_settlement(db: Database, handover_id: int, out: Path,
                     progress: Progress | None = None) -> int:
    """财务结算报告 of the handover as the ledgers and decisions now stand (a draft, watermarked,
    until signed; once signed, exactly what was signed); returns the number of pages."""
    get_handover(db, handover_id)  # NotFoundError for a wrong id, before any work
    return render_settlement(db, fee_results(db, handover_id, progress), out, progress)


def render_settlement(db: Database, results: FeeResults, out: Path, progress: Progress | None = None) -> int:
    """财务结算报告 of results already computed (the package prints every signed revision's)."""
    return lettered(db, SettlementForm(results, results.handover_caption), results.letterhead).render(out, progress)


@in_chinese
def print_arrears(db: Database, handover_id: int, out: Path,
                  progress: Progress | None = None) -> int:
    """欠费明细表 of the handover (phones masked), grouped by building; returns the pages."""
    get_handover(db, handover_id)
    return render_arrears(db, fee_results(db, handover_id, progress), out, progress)


def render_arrears(db: Database, results: FeeResults, out: Path, progress: Progress | None = None) -> int:
    return lettered(db, ArrearsForm(results, results.handover_caption), results.letterhead).render(out, progress)


# --- the exit paperwork (退场移交): to the owners, from the results as signed ---------------------

def exit_results(db: Database, handover_id: int, form: str, progress: Progress | None) -> FeeResults:
    """The results of a 退场移交 (refused for any other kind, before any work): once the settlement
    is signed, what was signed."""
    exits.refuse_unless_exit(get_handover(db, handover_id).kind, form)
    return fee_results(db, handover_id, progress)


def render_book(db: Database, results: FeeResults, sections: Sequence[Section], out: Path,
                progress: Progress | None) -> int:
    book = SectionBook(sections)
    return lettered(db, book, results.letterhead).render(out, progress)


@in_chinese
def print_owner_letters(db: Database, handover_id: int, out: Path, units: Sequence[str] = (),
                        progress: Progress | None = None) -> int:
    """告业主书: one letter per owner with anything to state (or per unit in `units`), each from a new
    page and numbered on its own; returns the number of pages."""
    results = exit_results(db, handover_id, exits.LETTER, progress)
    chosen = exits.chosen(exits.statements(results), units, exits.LETTER)
    return render_book(db, results, [OwnerLetterForm(results, s) for s in chosen], out, progress)


@in_chinese
def print_deposit_refunds(db: Database, handover_id: int, out: Path, units: Sequence[str] = (),
                          progress: Progress | None = None) -> int:
    """押金退还确认单: one for each deposit recorded as 退还业主 (of the units in `units`)."""
    results = exit_results(db, handover_id, exits.REFUND, progress)
    chosen = exits.chosen(exits.refunds(results), units, exits.REFUND)
    return render_book(db, results, [DepositRefundForm(results, r) for r in chosen], out, progress)


@in_chinese
def print_prepayment_transfers(db: Database, handover_id: int, out: Path, units: Sequence[str] = (),
                               progress: Progress | None = None) -> int:
    """预收款移交确认单: one for each owner whose prepayments go to the next company."""
    results = exit_results(db, handover_id, exits.TRANSFER, progress)
    chosen = exits.chosen(exits.with_prepayments(exits.statements(results)), units, exits.TRANSFER)
    return render_book(db, results, [PrepaymentTransferForm(results, s) for s in chosen], out, progress)
