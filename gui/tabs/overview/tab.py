"""概览 tab: the current handover at a glance — parties, cut-off, progress charts, and where the fees stand
(arrears and 收缴率 by building, from the last computed reconciliation results)."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.browse import Scope
from models.db import Database
from models.defect import DefectStatus
from models.keys import KeyStatus
from models.labels import Coded
from models.overview import Overview, read_overview
from models.services import defect_register
from models.services.defect_rows import DefectStats

from ... import tasks
from ...errors import show_error
from ...table_model import format_value
from ...widgets.bar_chart import Bar, BarChart

DEFECT_COLORS = {DefectStatus.PENDING_NOTICE: "#e8a23b", DefectStatus.RECTIFYING: "#3b7dd8",
                 DefectStatus.PENDING_REINSPECTION: "#8a5cc7", DefectStatus.CLOSED: "#3fa66a",
                 DefectStatus.UNFIXABLE: "#8c939d"}
KEY_COLORS = {KeyStatus.IN_STORE: "#3fa66a", KeyStatus.SEALED: "#5b7c99", KeyStatus.LENT: "#e8a23b",
              KeyStatus.ISSUED: "#3b7dd8", KeyStatus.LOST: "#d9534f", KeyStatus.HANDED_OVER: "#2aa1a8",
              KeyStatus.RETIRED: "#8c939d"}
# The key states the chart always shows; 已移交 only once there are any, retired keys never.
KEYS_SHOWN = (KeyStatus.IN_STORE, KeyStatus.SEALED, KeyStatus.LENT, KeyStatus.ISSUED, KeyStatus.LOST)
DEFECTS_DONE = (DefectStatus.CLOSED, DefectStatus.UNFIXABLE)
OVERDUE_COLOR = "#d9534f"
RATE_COLORS = ((Decimal("0.9"), "#3fa66a"), (Decimal("0.7"), "#e8a23b"), (Decimal(0), "#d9534f"))
ARREARS_BARS = 6  # the buildings that owe most (the large demo has 108 buildings)
RATE_BARS = 9     # the buildings that collect worst; as many rows as the lists chart beside it

C = TypeVar("C", bound=Coded)  # a category or a party: each table is keyed by one enum


class OverviewTab(QWidget):
    """Loads the overview of the current handover in a worker and paints it."""

    loaded = Signal()  # the overview of the current handover is shown

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._scope: Scope | None = None
        self._gen = 0
        self._loading = False
        self._dirty = False
        self._build()

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel(self)
        self.parties_label = QLabel(self)
        # Never wider than the window: a long company name is cut, and the tooltip has it whole.
        self.parties_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        page = QWidget(self)
        inner = QVBoxLayout(page)
        heading = QHBoxLayout()  # the parties beside the title: every row counts at 768 px
        heading.addWidget(self.title_label)
        heading.addSpacing(16)
        heading.addWidget(self.parties_label, 1, Qt.AlignmentFlag.AlignBottom)
        inner.addLayout(heading)
        inner.addWidget(self.summary_label)
        inner.addLayout(self._build_grid(), 1)
        # A scroll area, so a handover with many lists never forces the window past the screen.
        scroll = QScrollArea(self, widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _build_grid(self) -> QGridLayout:
        self.lists_chart, self.defects_chart = BarChart(self), BarChart(self)
        self.keys_chart = BarChart(self)
        # The fees by building, from the last computed results; the box titles say as of when.
        self.arrears_chart, self.rates_chart = BarChart(self), BarChart(self)
        # Eleven categories in three columns: one column would push the overview past 768 px.
        self.category_charts = (BarChart(self), BarChart(self), BarChart(self))
        self.party_chart = BarChart(self)
        grid = QGridLayout()
        grid.addWidget(self._chart_box(self.tr("交接清单核对进度"), self.lists_chart), 0, 0, 1, 2)
        self.rates_box = self._chart_box(self.tr("收缴率（按楼栋）"), self.rates_chart)
        grid.addWidget(self.rates_box, 0, 2)
        grid.addWidget(self._chart_box(self.tr("遗留问题（按状态）"), self.defects_chart), 1, 0)
        grid.addWidget(self._chart_box(self.tr("钥匙（按状态）"), self.keys_chart), 1, 1)
        self.arrears_box = self._chart_box(self.tr("业主欠费（按楼栋）"), self.arrears_chart)
        grid.addWidget(self.arrears_box, 1, 2)
        grid.addWidget(self._charts_box(self.tr("未关闭遗留问题（按类别，红色表示有逾期）"), self.category_charts),
                       2, 0, 1, 2)
        grid.addWidget(self._chart_box(self.tr("未关闭遗留问题（按责任方）"), self.party_chart), 2, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(3, 1)
        return grid

    def _box(self, title: str, inner: Any) -> QGroupBox:
        box = QGroupBox(title, self)
        box.setLayout(inner)
        return box

    def _charts_box(self, title: str, charts: tuple[BarChart, ...]) -> QGroupBox:
        layout = QHBoxLayout()
        for chart in charts:
            layout.addWidget(chart, 1, Qt.AlignmentFlag.AlignTop)
        return self._box(title, layout)

    def _chart_box(self, title: str, chart: BarChart) -> QGroupBox:
        layout = QVBoxLayout()
        layout.addWidget(chart)
        layout.addStretch(1)
        return self._box(title, layout)

    # ---- what the main window calls ----------------------------------------------------------

    def set_scope(self, scope: Scope | None) -> None:
        self._scope = scope
        self.reload()

    def reload(self) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        self._gen += 1
        if self._scope is None or self._scope.handover_id is None:
            self._show_nothing()
            return
        self._start(self._gen, self._scope.handover_id)

    def is_loaded(self) -> bool:
        return not self._dirty and not self._loading

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def _start(self, gen: int, handover_id: int) -> None:
        project_id = self._scope.project_id if self._scope else 0

        def job(_progress: tasks.Progress) -> tuple[Overview, DefectStats]:
            return read_overview(self._db, handover_id), defect_register.stats(self._db, project_id, handover_id)

        self._loading = True
        self.summary_label.setText(self.tr("加载中…"))
        tasks.start(job, lambda ov: self.on_overview_loaded(gen, ov),
                    lambda exc: self.on_overview_failed(gen, exc))

    # ---- slots -------------------------------------------------------------------------------

    def on_overview_loaded(self, gen: int, result: tuple[Overview, DefectStats]) -> None:
        if gen != self._gen:
            return
        self._loading = False
        self._show(*result)
        self.loaded.emit()

    def on_overview_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._loading = False
        self.summary_label.setText("")
        show_error(exc, self)
        self.loaded.emit()

    # ---- showing -----------------------------------------------------------------------------

    def _show_nothing(self) -> None:
        self._loading = False
        self.title_label.setText(self.tr("尚未选择交接"))
        self.summary_label.setText(self.tr("请在上方选择项目和交接；没有项目时用“项目 → 新建项目”或“项目 → 设置向导”，没有交接时在“交接清单”页点“新建交接”。"))
        self._fill_parties(None)
        for chart in (self.lists_chart, self.defects_chart, self.keys_chart, self.arrears_chart, self.rates_chart,
                      *self.category_charts, self.party_chart):
            chart.set_bars([], self.tr("无数据"))
        self.arrears_box.setTitle(self.tr("业主欠费（按楼栋）"))
        self.rates_box.setTitle(self.tr("收缴率（按楼栋）"))
        self.loaded.emit()

    def _show(self, ov: Overview, stats: DefectStats) -> None:
        self.title_label.setText(self.tr("{title}（{status}）").format(title=ov.title or ov.kind.label,
                                                                          status=ov.status.label))
        self.summary_label.setText(self._summary(ov))
        self._fill_parties(ov)
        self.lists_chart.set_bars(self._list_bars(ov), self.tr("尚无交接清单"))
        self.defects_chart.set_bars(self._defect_bars(ov), self.tr("尚无遗留问题"))
        self.keys_chart.set_bars(self._key_bars(ov), self.tr("尚无钥匙"))
        self._show_fees(ov)
        bars = self._open_bars(stats.by_category)
        per = max(1, -(-len(bars) // len(self.category_charts)))
        for i, chart in enumerate(self.category_charts):
            chart.set_bars(bars[i * per:(i + 1) * per], self.tr("没有未关闭的问题") if i == 0 else "")
        self.party_chart.set_bars(self._open_bars(stats.by_party), self.tr("没有未关闭的问题"))

    def _summary(self, ov: Overview) -> str:
        text = self.tr("清单核对 {checked}/{total}　未关闭问题 {open}（逾期 {overdue}）　借出钥匙 {lent}").format(
            checked=f"{ov.items_checked:,}", total=f"{ov.items_total:,}", open=f"{ov.defects_open:,}",
            overdue=f"{ov.defects_overdue:,}", lent=f"{ov.keys_lent:,}")
        if ov.fees_computed_at is None:
            return text + self.tr("　我方台账欠费 ¥{arrears}").format(arrears=format_value(ov.arrears_total, "money"))
        return text + self.tr("　业主欠费 ¥{arrears}（对账结果）").format(arrears=format_value(ov.owed_total, "money"))

    def _fill_parties(self, ov: Overview | None) -> None:
        """One line instead of a box: the grid's top row goes to the lists and 收缴率."""
        if ov is None:
            self.parties_label.setText("")
            return
        parts = [(self.tr("交接类型"), ov.kind.label), (self.tr("基准日"), format_value(ov.cutoff_date, "date")),
                 (self.tr("移交方"), _with_rep(ov.from_company, ov.from_rep)),
                 (self.tr("接收方"), _with_rep(ov.to_company, ov.to_rep)),
                 (self.tr("监交方"), _with_rep(ov.witness, "") or self.tr("（无）"))]
        pairs = [self.tr("{label}：{value}").format(label=label, value=value) for label, value in parts]
        self.parties_label.setText("　".join(pairs))
        self.parties_label.setToolTip("\n".join(pairs))

    def _list_bars(self, ov: Overview) -> list[Bar]:
        return [Bar(self.tr("{title}（{status}）").format(title=x.title, status=x.status), x.checked,
                    f"{x.checked}/{x.total}", x.total or 1)
                for x in ov.lists]

    def _defect_bars(self, ov: Overview) -> list[Bar]:
        bars = [Bar(s.label, n, f"{n:,}", color=DEFECT_COLORS.get(s, "#3b7dd8"))
                for s, n in ov.defects_by_status.items()]
        return bars + [Bar(self.tr("其中逾期"), ov.defects_overdue, f"{ov.defects_overdue:,}",
                           color=OVERDUE_COLOR)]

    def _open_bars(self, table: Mapping[C, tuple[int, int]]) -> list[Bar]:
        """Open defects per category or party (only those with any); red where some are overdue."""
        return [Bar(name.label, n, self.tr("{n}（逾期 {late}）").format(n=f"{n:,}", late=f"{late:,}") if late
                    else f"{n:,}", color=OVERDUE_COLOR if late else DEFECT_COLORS[DefectStatus.RECTIFYING])
                for name, (n, late) in table.items() if n]

    def _key_bars(self, ov: Overview) -> list[Bar]:
        charted = list(ov.keys_charted.items())  # which statuses: decided in models/overview.py
        bars = [Bar(s.label, n, f"{n:,}", color=KEY_COLORS.get(s, "#3b7dd8")) for s, n in charted]
        at = next((i + 1 for i, (s, _n) in enumerate(charted) if s is KeyStatus.LENT), len(bars))
        bars.insert(at, Bar(self.tr("其中逾期"), ov.keys_overdue, f"{ov.keys_overdue:,}", color=OVERDUE_COLOR))
        return bars

    def _show_fees(self, ov: Overview) -> None:
        """Arrears (most first) and 收缴率 (worst first) by building, titled with when they were computed."""
        if ov.fees_computed_at is None:
            self.arrears_box.setTitle(self.tr("业主欠费（按楼栋）"))
            self.rates_box.setTitle(self.tr("收缴率（按楼栋）"))
            self.arrears_chart.set_bars([], self.tr("尚未对账"))
            self.rates_chart.set_bars([], self.tr("尚未对账"))
            return
        at = ov.fees_computed_at.strftime("%Y-%m-%d %H:%M")
        owed, rates = ov.arrears_ranked, ov.rates_ranked
        self.arrears_box.setTitle(self.tr("业主欠费（按楼栋，截至 {at}{shown}）").format(
            at=at, shown=self._shown_of(len(owed), ARREARS_BARS, self.tr("最多"))))
        self.rates_box.setTitle(self.tr("收缴率（按楼栋，截至 {at}{shown}）").format(
            at=at, shown=self._shown_of(len(rates), RATE_BARS, self.tr("最低"))))
        self.arrears_chart.set_bars(
            [Bar(b, float(a), "¥" + format_value(a, "money"), color=OVERDUE_COLOR) for b, a in owed[:ARREARS_BARS]],
            self.tr("没有欠费"))
        self.rates_chart.set_bars([Bar(b, float(r), f"{r * 100:.1f}%", 1.0, _rate_color(r))
                                   for b, r in rates[:RATE_BARS]], self.tr("没有应收"))

    def _shown_of(self, count: int, limit: int, which: str) -> str:
        if count <= limit:
            return ""
        return self.tr("；{which} {n} 栋/共 {total} 栋").format(which=which, n=limit, total=count)


def _rate_color(rate: Decimal) -> str:
    return next((color for floor, color in RATE_COLORS if rate >= floor), OVERDUE_COLOR)


def _with_rep(company: str, rep: str) -> str:
    if not (company and rep):
        return company
    return QCoreApplication.translate("OverviewTab", "{company}（{rep}）").format(company=company, rep=rep)
