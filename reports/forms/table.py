"""The data table of a form: gridded, header row on every page, long tables laid out by page.

A row may be a `Band`: one cell across the whole table, for a group heading or a subtotal line.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, TableStyle

from ..fonts import cn_font
from .styles import cell, escape, styles

RULE = colors.HexColor("#444444")
HEAD_FILL = colors.HexColor("#E6E6E6")
BAND_FILL = colors.HexColor("#F2F2F2")
CELL_SIZE, CELL_LEADING, PAD_X = 9, 11.5, 3
# No row can be lower than one line of cell text plus padding: the most rows a page can hold.
MIN_ROW_HEIGHT = CELL_LEADING + 2 + 3
GRID_STYLE = [
    ("FONTNAME", (0, 0), (-1, -1), cn_font()),  # the Table's own default would be Helvetica
    ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
    ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
    ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
    ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
]

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


Row = Sequence[str | Flowable] | Band


@dataclass(frozen=True)
class Column:
    """One column of a printed table: header, relative width, alignment (left/center/right)."""

    title: str
    weight: float = 1.0
    align: str = "left"


class PagedTable(Flowable):
    """A long table laid out one page at a time, each page a LongTable(repeatRows=1).

    A single Table re-builds all remaining rows at every page break, which is
    quadratic: a 20,000-unit roster took minutes. Here each page looks only at
    a window of rows a little larger than a page can hold, and ReportLab's own
    split decides where the page ends, so row heights are measured exactly.
    """

    def __init__(self, columns: Sequence[Column], rows: Sequence[Row], widths: Sequence[float],
                 start: int = 0, headings: Sequence[int] | None = None) -> None:
        super().__init__()
        self.columns, self.rows, self.widths, self.start = columns, rows, widths, start
        # Where the group headings are, found once and shared by every page's table.
        self.headings = headings if headings is not None else [
            i for i, r in enumerate(rows) if isinstance(r, Band) and r.heading]
        self._table: LongTable | None = None
        self._wrapped_for: tuple[float, float] = (0.0, 0.0)

    def _cell(self, value: str | Flowable, col: int) -> str | Flowable:
        # Parsing a Paragraph is the slow part of a big table; text that fits on
        # one line is drawn as a plain string in the same font instead.
        if isinstance(value, str) and "\n" not in value and (
                stringWidth(value, cn_font(), CELL_SIZE) <= self.widths[col] - 2 * PAD_X):
            return value
        return cell(value, self.columns[col].align)

    def _row(self, row: Row) -> list[str | Flowable]:
        if isinstance(row, Band):
            # Text in the first cell, spanned over the rest (see _band_styles).
            return [self._fit(row.text, sum(self.widths), "left")] + [""] * (len(self.widths) - 1)
        return [self._cell(v, i) for i, v in enumerate(row)]

    def _fit(self, value: str, width: float, align: str) -> str | Flowable:
        if "\n" not in value and stringWidth(value, cn_font(), CELL_SIZE) <= width - 2 * PAD_X:
            return value
        return cell(value, align)

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
        end = self.start + int(avail_height // MIN_ROW_HEIGHT) + 1
        lead = self._lead()
        return self._table_of(([lead] if lead else []) + list(self.rows[self.start:end])), \
            end >= len(self.rows)

    def _table_of(self, body: Sequence[Row]) -> LongTable:
        head = [Paragraph(escape(c.title), styles()["head"]) for c in self.columns]
        table = LongTable([head, *(self._row(r) for r in body)], colWidths=list(self.widths),
                          repeatRows=1)
        aligns = [("ALIGN", (i, 1), (i, -1), c.align.upper()) for i, c in enumerate(self.columns)]
        table.setStyle(TableStyle(GRID_STYLE + aligns + band_styles(body)))
        table._body = list(body)  # type: ignore[attr-defined]  # what split() placed, by row
        return table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._table, last = self._window(avail_height)
        self._wrapped_for = (avail_width, avail_height)
        width, height = self._table.wrap(avail_width, avail_height)
        # More rows follow than the window holds: claim too much so the frame calls split().
        return width, height if last else max(height, avail_height + 1)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        table = self._table  # the frame wraps just before it splits: reuse that layout
        if table is None or self._wrapped_for != (avail_width, avail_height):
            table, _ = self._window(avail_height)
            table.wrap(avail_width, avail_height)
        parts = table.split(avail_width, avail_height)
        if not parts:
            return []  # not even the header and one row fit: the frame moves on
        placed = table._body[:len(parts[0]._cellvalues) - 1]  # header excluded
        first = parts[0]
        while placed and isinstance(placed[-1], Band) and placed[-1].heading:
            placed = placed[:-1]  # a heading goes over with its first row
            first = self._table_of(placed)
        lead = 1 if self._lead() else 0
        done = len(placed) - lead  # rows of self.rows placed on this page
        following = self.rows[self.start + done] if 0 < done and self.start + done < len(self.rows) else None
        if getattr(following, "keeps_with_previous", False) and done > 1:
            placed, done = placed[:-1], done - 1  # a 小计 never opens a page alone: its last line goes along
            first = self._table_of(placed)
        if done <= 0:
            return []  # only a heading would fit: start on the next page
        rest = PagedTable(self.columns, self.rows, self.widths, self.start + done, self.headings)
        return [first, rest] if self.start + done < len(self.rows) else [first]

    def draw(self) -> None:
        assert self._table is not None, "wrap() comes before draw()"
        self._table.drawOn(self.canv, 0, 0)

    def __repr__(self) -> str:
        return f"PagedTable(rows {self.start}..{len(self.rows)})"


def band_styles(body: Sequence[Row]) -> list[tuple]:
    """Spans and shading for the Band rows of a page (row 0 is the header)."""
    out: list[tuple] = []
    for k, row in enumerate(body, start=1):
        if isinstance(row, Band):
            out += [("SPAN", (0, k), (-1, k)), ("ALIGN", (0, k), (-1, k), "LEFT")]
            if row.heading:
                out.append(("BACKGROUND", (0, k), (-1, k), BAND_FILL))
    return out


def data_table(columns: Sequence[Column], rows: Sequence[Row], width: float) -> Flowable:
    """The form's table: widths are the columns' weights scaled to `width`."""
    total = sum(c.weight for c in columns)
    return PagedTable(columns, rows, [width * c.weight / total for c in columns])
