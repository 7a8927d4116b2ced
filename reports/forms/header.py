"""The page header: the title and the (left, right) lines under it, laid out once per form.

A line too long for the page is first printed a little smaller, then broken over as many
lines as it needs at the normal size, and the frame below starts lower: a 100-character
list title or a long 交接 caption prints in full instead of running off the page.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..fonts import cn_font
from .table import RULE
from .text import break_lines, printable, text_width

TITLE_SIZE, TITLE_MIN = 16.0, 12.0  # a title shrinks to TITLE_MIN to stay on one line
LINE_SIZE, LINE_MIN = 9.0, 7.0
TITLE_TOP = 14 * mm   # first title baseline, below the page's top edge
TITLE_GAP = 7 * mm    # from the last title line to the first header line
LINE_GAP = 5 * mm     # between header lines
RULE_GAP = 3 * mm     # from the last header line to the rule, and from the rule to the frame


@dataclass(frozen=True)
class HeaderLine:
    """One line of the header: its text, size, baseline (below the page's top) and alignment."""

    text: str
    size: float
    y: float
    align: str  # "center", "left" or "right"


def fitted(text: str, size: float, smallest: float, width: float) -> tuple[float, list[str]]:
    """(size, lines): one line, shrunk down to `smallest` if need be; else wrapped at `size`."""
    text = printable(text)
    full = text_width(text, cn_font(), size)
    if "\n" not in text:
        if full <= width:
            return size, [text]
        shrunk = int(size * width / full * 2) / 2
        if shrunk >= smallest:
            return shrunk, [text]
    return size, [text[a:b] for a, b in break_lines(text, cn_font(), size, width)]


def layout(title: str, pairs: Sequence[tuple[str, str]], width: float) -> list[HeaderLine]:
    """Every header line in place; the title centred, each pair's right text on its first line."""
    size, lines = fitted(title, TITLE_SIZE, TITLE_MIN, width)
    out = [HeaderLine(t, size, TITLE_TOP + i * size * 1.25, "center") for i, t in enumerate(lines)]
    y = out[-1].y + TITLE_GAP
    for left, right in pairs:
        right = printable(right).replace("\n", " ")
        room = width - (text_width(right, cn_font(), LINE_SIZE) + 6 * mm if right else 0)
        size, lines = fitted(left, LINE_SIZE, LINE_MIN, room)
        out.append(HeaderLine(right, LINE_SIZE, y, "right"))
        for t in lines:
            out.append(HeaderLine(t, size, y, "left"))
            y += LINE_GAP
    return out


def top_margin(lines: Sequence[HeaderLine]) -> float:
    """Where the frame starts: below the last line and the rule (32 mm for two lines)."""
    return max(line.y for line in lines) + 2 * RULE_GAP


def draw(canvas: Canvas, lines: Sequence[HeaderLine], page_width: float, page_height: float,
         margin_x: float, top: float) -> None:
    """The lines, and the rule RULE_GAP above the frame's top (`top` below the page's edge)."""
    canvas.saveState()
    for line in lines:
        canvas.setFont(cn_font(), line.size)
        y = page_height - line.y
        if line.align == "center":
            canvas.drawCentredString(page_width / 2, y, line.text)
        elif line.align == "right":
            canvas.drawRightString(page_width - margin_x, y, line.text)
        else:
            canvas.drawString(margin_x, y, line.text)
    rule = page_height - top + RULE_GAP
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.8)
    canvas.line(margin_x, rule, page_width - margin_x, rule)
    canvas.restoreState()
