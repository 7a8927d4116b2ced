"""The data table of a form: gridded, header row on every page, long tables laid out by page.

A row may be a `Band`: one cell across the whole table, for a group heading or a subtotal line.
A row taller than a page (a 10,000-character 备注) is split between its lines and runs on
over the next pages; the table may close with a `tail` (the signatures) that it keeps on
the page of its last rows.
"""
from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, TableStyle
from reportlab.platypus.flowables import _listWrapOn
from reportlab.platypus.tables import CellStyle

from ..fonts import cn_font
from .styles import cell, escape, styles

RULE = colors.HexColor("#444444")
HEAD_FILL = colors.HexColor("#E6E6E6")
BAND_FILL = colors.HexColor("#F2F2F2")
CELL_SIZE, CELL_LEADING, PAD_X, PAD_TOP, PAD_BOTTOM = 9, 11.5, 3, 2, 3
# No row can be lower than one line of cell text plus padding: the most rows a page can hold.
MIN_ROW_HEIGHT = CELL_LEADING + PAD_TOP + PAD_BOTTOM
# A row up to this share of a page moves whole to the next page when it does not fit;
# a taller one starts where it falls and runs on (moving it would leave a gap as tall).
SPLIT_SHARE = 1 / 3
MIN_SPLIT_LINES = 2  # a row is not split to leave fewer lines than this at a page's foot
KEEP_LINES = 2  # lines of a long last row that go over with the signatures
SAFETY = 1.0  # points kept free when a row is split: the frame must take the part whole
MEASURING = 1e5  # a wrap() this tall measures the table (KeepTogether does); none places it
CONTINUED = ("（续）", "续")  # the first cell of a row's part on the next page: the widest that fits
GRID_STYLE = [
    ("FONTNAME", (0, 0), (-1, -1), cn_font()),  # the Table's own default would be Helvetica
    ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
    ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
    ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
    ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
    ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
    ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
]
# What PagedTable gives each table as commands; the rest of GRID_STYLE (font, padding...) is in
# the cell styles it shares (SharedCellStyle).
TABLE_COMMANDS = ("GRID", "BACKGROUND")


class HeadCell(Paragraph):
    """A header cell: every page's table lays it out again at the same width, so the lines
    are broken once (a Paragraph's lines depend on the width only)."""

    _size: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._size is None or self._size[0] != avail_width:
            self._size = (avail_width, super().wrap(avail_width, avail_height))
        return self._size[1]


def own_style(attributes: dict[str, object]) -> CellStyle:
    """A cell style of a row's own (a band's), as CellStyle(name, parent) copies one, but quicker."""
    style = CellStyle.__new__(CellStyle)
    style.__dict__.update(attributes)
    return style


class SharedCellStyle(CellStyle):
    """One column's cell style, shared by the plain rows of every page's table.

    A table makes a CellStyle per cell and applies each style command to each: for a long form
    the grid's nine commands over every page's cells were a tenth of the time. Frozen, since a
    per-cell command on a shared style would change the whole column (a band row gets copies).
    """

    def __init__(self, source: CellStyle) -> None:
        super().__init__(source.name, source)
        self._frozen = True

    def __setattr__(self, name: str, value: object) -> None:
        if getattr(self, "_frozen", False):
            raise AttributeError(f"a shared cell style is not changed ({name}): copy it for the row")
        super().__setattr__(name, value)


@dataclass(frozen=True)
class Band:
    """A row across the whole table.

    A heading (shaded) is never left alone at the foot of a page, and a page that
    continues its group starts with the heading again, marked （续）. A plain band
    (heading=False) is a subtotal or note line.
    """

    text: str
    heading: bool = True

    @property
    def continued(self) -> Band:
        return Band(f"{self.text}（续）", self.heading)


class Piece(list[str | Flowable]):
    """Part of a row split at a page's foot: its cells already made, top-aligned."""


Row = Sequence[str | Flowable] | Band


@dataclass(frozen=True)
class Column:
    """One column of a printed table: header, relative width, alignment (left/center/right).

    `nowrap`: names, numbers and dates (YL-2026-0010, G01-01-16, 2026年11月22日, 欧阳娜娜)
    break only at spaces and separators, never inside themselves.
    """

    title: str
    weight: float = 1.0
    align: str = "left"
    nowrap: bool = False


def stack_height(flowable: Flowable, width: float, canv: object = None) -> float:
    """The height a flowable (a KeepTogether: its content) takes laid out in full."""
    content = getattr(flowable, "_content", [flowable])
    return float(_listWrapOn(content, width, canv)[1])


class PagedTable(Flowable):
    """A long table laid out one page at a time, each page a LongTable(repeatRows=1).

    A single Table re-builds all remaining rows at every page break, which is
    quadratic: a 20,000-unit roster took minutes. Here each page looks only at
    a window of rows a little larger than a page can hold, and ReportLab's own
    split decides where the page ends, so row heights are measured exactly.

    ReportLab's own in-row splitting (splitInRow, 5.1) is not used: with the cells
    centred it left out a split row's short cells, and it drew the header twice on the
    page; here a tall row is cut between the lines of its text cells (`_split_row`).
    """

    def __init__(self, columns: Sequence[Column], rows: Sequence[Row], widths: Sequence[float],
                 start: int = 0, headings: Sequence[int] | None = None,
                 tail: Flowable | None = None) -> None:
        super().__init__()
        self.columns, self.rows, self.widths, self.start = columns, rows, widths, start
        # Where the group headings are, found once and shared by every page's table.
        self.headings = headings if headings is not None else [
            i for i, r in enumerate(rows) if isinstance(r, Band) and r.heading]
        self.carry: Piece | None = None  # the rest of row `start`, cut at the last page's foot
        self.tail = tail  # drawn after the last row, on the same page as it
        # The header's cells and the cell styles, made once and shared by every page's table.
        self._shared: tuple[list[Paragraph], list[CellStyle], list[CellStyle],
                            list[dict[str, object]]] | None = None
        self._widths: dict[str, float] = {}  # text widths, shared with the rest of the table too
        self._table: LongTable | None = None
        self._wrapped_for: tuple[float, float] = (0.0, 0.0)

    # ---- cells and rows ------------------------------------------------------------------------

    def _cell(self, value: str | Flowable, col: int) -> str | Flowable:
        # Making a text block is the slow part of a big table; text that fits on
        # one line is drawn as a plain string in the same font instead.
        if isinstance(value, str) and value.isprintable() and (  # no line break, no tab
                self._text_width(value) <= self.widths[col] - 2 * PAD_X):
            return value
        column = self.columns[col]
        return cell(value, column.align, column.nowrap)

    def _row(self, row: Row) -> list[str | Flowable]:
        if isinstance(row, Band):
            # Text in the first cell, spanned over the rest (see _band_styles).
            return [self._fit(row.text, sum(self.widths), "left")] + [""] * (len(self.widths) - 1)
        return [self._cell(v, i) for i, v in enumerate(row)]

    def _fit(self, value: str, width: float, align: str) -> str | Flowable:
        if value.isprintable() and self._text_width(value) <= width - 2 * PAD_X:
            return value
        return cell(value, align)

    def _text_width(self, value: str) -> float:
        """Measured once per text for the whole table: a building, a fee item or a period comes
        back on thousands of rows, and a row is looked at again for the next page's window."""
        width = self._widths.get(value)
        if width is None:
            width = self._widths[value] = stringWidth(value, cn_font(), CELL_SIZE)
        return width

    def _lead(self) -> Band | None:
        """The group heading to repeat at the top of this page, if it continues a group."""
        k = bisect_right(self.headings, self.start) - 1
        if k < 0 or self.headings[k] == self.start:
            return None  # before any group, or the page starts with a heading anyway
        band = self.rows[self.headings[k]]
        assert isinstance(band, Band)
        return band.continued

    def _window(self, avail_height: float) -> tuple[LongTable, bool]:
        """A table of the next rows (more than fit); True if it holds every remaining row."""
        end = self.start + int(min(avail_height, MEASURING) // MIN_ROW_HEIGHT) + 1
        lead = self._lead()
        rows: list[Row] = list(self.rows[self.start:end])
        if self.carry is not None:
            rows[0] = self.carry
        return self._table_of(([lead] if lead else []) + rows), end >= len(self.rows)

    def _table_of(self, body: Sequence[Row]) -> LongTable:
        head, head_styles, body_styles, copies = self._shared_parts()
        cell_styles = [list(head_styles)] + [
            [own_style(c) for c in copies] if isinstance(r, (Band, Piece)) else list(body_styles)
            for r in body]
        table = LongTable([head, *(self._row(r) for r in body)], colWidths=list(self.widths),
                          repeatRows=1, cellStyles=cell_styles)
        table.setStyle(TableStyle([s for s in GRID_STYLE if s[0] in TABLE_COMMANDS] + band_styles(body)))
        table._body = list(body)  # what split() placed, by row
        return table

    def _shared_parts(self) -> tuple[list[Paragraph], list[CellStyle], list[CellStyle], list[dict[str, object]]]:
        """The header's cells; the cell styles of the header and of a plain row, and the latter's
        attributes for a band row's own copies. The styles are those GRID_STYLE and the columns'
        alignments give, found by applying them to a table of two rows."""
        if self._shared is None:
            head = [HeadCell(escape(c.title), styles()["head"]) for c in self.columns]
            probe = LongTable([[""] * len(self.columns)] * 2, colWidths=list(self.widths))
            aligns = [("ALIGN", (i, 1), (i, -1), c.align.upper()) for i, c in enumerate(self.columns)]
            probe.setStyle(TableStyle([s for s in GRID_STYLE if s[0] not in TABLE_COMMANDS] + aligns))
            shared = [SharedCellStyle(s) for s in probe._cellStyles[1]]
            self._shared = (head, [SharedCellStyle(s) for s in probe._cellStyles[0]], shared,
                            [dict(vars(s), _frozen=False) for s in shared])
        return self._shared

    # ---- layout --------------------------------------------------------------------------------

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._table, last = self._window(avail_height)
        self._wrapped_for = (avail_width, avail_height)
        width, height = self._table.wrap(avail_width, avail_height)
        if avail_height >= MEASURING:  # measured, not placed: the whole height, tail and all
            return width, height + (self._tail_height(avail_width) if last else 0)
        # More rows follow than the window holds, or the tail must be placed with the last
        # rows: claim too much so the frame calls split().
        return width, height if last and self.tail is None else max(height, avail_height + 1)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        table = self._table  # the frame wraps just before it splits: reuse that layout
        if table is None or self._wrapped_for != (avail_width, avail_height):
            table, _ = self._window(avail_height)
            table.wrap(avail_width, avail_height)
        if not self.rows:  # a header alone, and the tail
            return [table] + ([self.tail] if self.tail is not None else [])
        body: list[Row] = table._body
        parts = table.split(avail_width, avail_height)
        fit = len(parts[0]._cellvalues) - 1 if parts else 0  # header excluded
        placed = self._settle(body[:fit])
        piece = None
        if all(is_heading(r) for r in body[len(placed):fit]):
            piece = self._split_row(table, body, fit, avail_height)
            if piece is not None:  # a heading held back for its row stays: the row starts here
                placed = body[:fit]
        done = len(placed) - (1 if self._lead() else 0)  # rows of self.rows placed whole
        if piece is None and done <= 0:
            return []  # not even one row (a heading alone at most): start on the next page
        if piece is not None:
            return [self._table_of([*placed, piece[0]]), self._rest(self.start + done, piece[1])]
        if self.start + done < len(self.rows):
            return [self._page(table, parts, placed), self._rest(self.start + done)]
        return self._close(table, placed, avail_width, avail_height)

    def _settle(self, placed: list[Row]) -> list[Row]:
        """The rows that fit, less a heading at the foot and a 小计 that would open a page."""
        while placed and is_heading(placed[-1]):
            placed = placed[:-1]  # a heading goes over with its first row
        done = len(placed) - (1 if self._lead() else 0)
        following = (self.rows[self.start + done]
                     if done > 0 and self.start + done < len(self.rows) else None)
        if getattr(following, "keeps_with_previous", False) and done > 1:
            placed = placed[:-1]  # a 小计 never opens a page alone: its last line goes along
        return placed

    def _page(self, table: LongTable, parts: list[Flowable], placed: list[Row]) -> LongTable:
        """This page's table: ReportLab's own first part unless rows were held back."""
        if parts and len(parts[0]._cellvalues) - 1 == len(placed):
            return parts[0]
        return self._table_of(placed)

    def _rest(self, start: int, carry: Piece | None = None) -> PagedTable:
        """The table from row `start` on (its first row's remaining part `carry`)."""
        rest = copy.copy(self)
        for name in ("_postponed", "canv", "_frame"):  # one flowable's layout state, not the rest's
            rest.__dict__.pop(name, None)
        rest.start, rest.carry, rest._table = start, carry, None
        rest._wrapped_for = (0.0, 0.0)
        return rest

    # ---- a row taller than what is left of the page ----------------------------------------------

    def _split_row(self, table: LongTable, body: list[Row], n: int,
                   avail_height: float) -> tuple[Piece, Piece] | None:
        """Row n of the body cut between lines to fill this page, if it is too tall to move."""
        if n >= len(body) or isinstance(body[n], Band):
            return None
        heights = table._rowHeights
        frame = getattr(self, "_frame", None)
        page = float(getattr(frame, "_height", avail_height))
        if heights[n + 1] is None or heights[n + 1] <= page * SPLIT_SHARE:
            return None  # a short row goes whole to the next page
        return self._cut_row(body[n], self._room(heights, n, avail_height))

    @staticmethod
    def _room(heights: Sequence[float], n: int, avail_height: float) -> float:
        """The height left for the text of row n, under the header and the rows before it."""
        return avail_height - sum(heights[:n + 1]) - PAD_TOP - PAD_BOTTOM - SAFETY

    def _cut_row(self, row: Row, room: float) -> tuple[Piece, Piece] | None:
        """The row's lines that fit `room`, and the rest (its first cell marked 续)."""
        if room < MIN_SPLIT_LINES * CELL_LEADING:
            return None
        top, rest = Piece(), Piece()
        for i, value in enumerate(self._row(row)):
            parts = self._cut_cell(value, self.widths[i] - 2 * PAD_X, room)
            if parts is None:
                return None
            top.append(parts[0])
            rest.append(parts[1])
        if rest[0] == "":
            rest[0] = next((m for m in CONTINUED if stringWidth(m, cn_font(), CELL_SIZE)
                            <= self.widths[0] - 2 * PAD_X), CONTINUED[-1])
        return top, rest

    @staticmethod
    def _cut_cell(value: str | Flowable, width: float,
                  room: float) -> tuple[str | Flowable, str | Flowable] | None:
        if isinstance(value, str):
            return value, ""  # one line: it fits
        if value.wrap(width, room)[1] <= room:
            return value, ""
        parts = value.split(width, room)
        return (parts[0], parts[1]) if len(parts) == 2 else None

    # ---- the last page ---------------------------------------------------------------------------

    def _close(self, table: LongTable, placed: list[Row], avail_width: float,
               avail_height: float) -> list[Flowable]:
        """Every remaining row fits: the tail too, or else the last rows go over with it."""
        if self.tail is None:
            return [table]
        if sum(table._rowHeights) + self._tail_height(avail_width) <= avail_height:
            return [table, self.tail]
        lead = 1 if self._lead() else 0
        cut = len(placed) - self._closing_rows()
        while cut > lead and is_heading(placed[cut - 1]):
            cut -= 1  # the last group's heading goes over with its rows
        if cut > lead:
            return [self._table_of(placed[:cut]), self._rest(self.start + cut - lead)]
        frame = getattr(self, "_frame", None)
        if frame is not None and not getattr(frame, "_atTop", 0):
            return []  # only the closing rows are left: they start the next page, with the tail
        # The closing rows and the tail are more than a page: the last item's last lines go over.
        n = max(len(placed) - self._closing_rows(), lead)
        while n < len(placed) and isinstance(placed[n], Band):
            n += 1  # the last item itself, under its heading
        heights = table._rowHeights
        if n < len(placed) and not isinstance(placed[n], Band):
            room = min(self._room(heights, n, avail_height),
                       heights[n + 1] - PAD_TOP - PAD_BOTTOM - KEEP_LINES * CELL_LEADING)
            piece = self._cut_row(placed[n], room)
            if piece is not None:
                return [self._table_of([*placed[:n], piece[0]]),
                        self._rest(self.start + n - lead, piece[1])]
        return [table, self.tail]  # nothing to cut: the tail follows on a page of its own

    def _tail_height(self, width: float) -> float:
        if self.tail is None:
            return 0.0
        return (stack_height(self.tail, width, getattr(self, "canv", None))
                + self.tail.getSpaceBefore() + SAFETY)

    def _closing_rows(self) -> int:
        """How many rows end the table with the signatures: the last item and what sums it up."""
        k = len(self.rows)
        while k > self.start + 1 and (isinstance(self.rows[k - 1], Band)
                                      or getattr(self.rows[k - 1], "keeps_with_previous", False)):
            k -= 1
        return len(self.rows) - k + 1

    def draw(self) -> None:
        assert self._table is not None, "wrap() comes before draw()"
        self._table.drawOn(self.canv, 0, 0)

    def __repr__(self) -> str:
        return f"PagedTable(rows {self.start}..{len(self.rows)})"


def is_heading(row: Row) -> bool:
    return isinstance(row, Band) and row.heading


def band_styles(body: Sequence[Row]) -> list[tuple]:
    """Spans and shading for the Band rows of a page (row 0 is the header); a split row's
    parts are top-aligned, so its number stays beside the start of its text."""
    out: list[tuple] = []
    for k, row in enumerate(body, start=1):
        if isinstance(row, Band):
            out += [("SPAN", (0, k), (-1, k)), ("ALIGN", (0, k), (-1, k), "LEFT")]
            if row.heading:
                out.append(("BACKGROUND", (0, k), (-1, k), BAND_FILL))
        elif isinstance(row, Piece):
            out.append(("VALIGN", (0, k), (-1, k), "TOP"))
    return out


def data_table(columns: Sequence[Column], rows: Sequence[Row], width: float,
               tail: Flowable | None = None) -> Flowable:
    """The form's table: widths are the columns' weights scaled to `width`; `tail` (the
    signature block) closes it on the page of its last rows."""
    total = sum(c.weight for c in columns)
    return PagedTable(columns, rows, [width * c.weight / total for c in columns], tail=tail)
