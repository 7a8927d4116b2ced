"""Text for the forms: our own line breaking, and the flowable that prints it and splits by lines.

ReportLab's CJK wrapping breaks between any two characters, also inside YL-2026-0007,
2026-07-01 or 138****8000 (it printed 'YL-2026-00' / '07'). Here a run of Latin letters
and digits with its joiners, and a date written 2026年11月22日, is one unit that moves to the
next line whole; Chinese still breaks between characters, keeping the usual rules (no line
starts with ，。、）and none ends with （). Only a unit wider than the whole line is cut.

A `TextBlock` prints its text as typed: no mini-HTML, line breaks kept. It splits at a line
boundary, so a long description runs on over as many pages as it needs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

MIN_SIZE = 6.0  # the smallest a no-wrap value shrinks to before it is cut after all
FUZZ = 0.01
NO_START = set("，。、；：？！）》」』】〕〉”’…·%％,.;:!?)]}")  # never opens a line
NO_END = set("（《「『【〔〈“‘([{¥$")  # never closes a line
SEPARATORS = set("、，,；;/／")  # where a list of names or numbers may break
TOKEN = re.compile(r"""
     (?P<nl>\r\n|\r|\n)
    |(?P<space>[ \t\u3000\u00a0]+)
    |(?P<date>\d{4}年\d{1,2}月(?:\d{1,2}日)?)
    |(?P<word>[0-9A-Za-z０-９Ａ-Ｚａ-ｚ](?:[0-9A-Za-z０-９Ａ-Ｚａ-ｚ_\-./:@#*%&+=~'°]|,(?=\d))*)
    |(?P<char>.)
""", re.VERBOSE | re.DOTALL)


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def printable(text: str) -> str:
    """Line breaks as \\n, a tab as a space, other control characters (from a pasted or
    imported cell) left out: the font has no glyph for them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return CONTROL.sub("", text)


@cache
def char_width(char: str, font: str, size: float) -> float:
    return stringWidth(char, font, size)


def text_width(text: str, font: str, size: float) -> float:
    """Widths of a TrueType string add up glyph by glyph (no kerning): cached per glyph."""
    return sum(char_width(c, font, size) for c in text)


@dataclass(frozen=True)
class Unit:
    """A stretch of text that is never broken: [start, end) in the text, or a space/newline."""

    start: int
    end: int
    kind: str  # "nl", "space" or "text"


def units(text: str, words: bool = False) -> list[Unit]:
    """The text cut where a line may break. `words`: only at spaces and list separators
    (a name, a tag, 1栋1单元1201), never between two Chinese characters."""
    if words:
        return _word_units(text)
    out: list[Unit] = []
    glue_next = False
    for m in TOKEN.finditer(text):
        kind = m.lastgroup or "char"
        if kind in ("nl", "space"):
            out.append(Unit(m.start(), m.end(), kind))
            glue_next = False
            continue
        s = m.group()
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "text" and (glue_next or s[0] in NO_START):
            out[-1] = Unit(prev.start, m.end(), "text")  # hangs on the unit before
        else:
            out.append(Unit(m.start(), m.end(), "text"))
        glue_next = s[-1] in NO_END
    return out


def _word_units(text: str) -> list[Unit]:
    out: list[Unit] = []
    start = 0
    for i, c in enumerate(text):
        if c in "\r\n" or c.isspace():
            if start < i:
                out.append(Unit(start, i, "text"))
            out.append(Unit(i, i + 1, "nl" if c in "\r\n" else "space"))
            start = i + 1
        elif c in SEPARATORS:
            out.append(Unit(start, i + 1, "text"))
            start = i + 1
    if start < len(text):
        out.append(Unit(start, len(text), "text"))
    return out


def break_lines(text: str, font: str, size: float, width: float,
                words: bool = False) -> list[tuple[int, int]]:
    """[start, end) of each printed line, filled greedily; spaces at a break are dropped."""
    lines: list[tuple[int, int]] = []
    start = end = -1  # the line being filled; start -1: nothing on it yet
    used = 0.0
    for u in units(text, words):
        if u.kind == "nl":
            lines.append((start, end) if start >= 0 else (u.start, u.start))
            start = end = -1
            continue
        if u.kind == "space":
            continue  # counted as the gap before the next unit on the same line
        w = text_width(text[u.start:u.end], font, size)
        if start >= 0:
            gap = text_width(text[end:u.start], font, size)
            if used + gap + w <= width + FUZZ:
                used, end = used + gap + w, u.end
                continue
            lines.append((start, end))
        if w <= width + FUZZ:
            start, end, used = u.start, u.end, w
            continue
        *whole, (start, end) = _cut(text, u, font, size, width)  # wider than a line: cut it
        lines += whole
        used = text_width(text[start:end], font, size)
    if start >= 0 or not lines:
        lines.append((start, end) if start >= 0 else (0, 0))
    return lines


def _cut(text: str, u: Unit, font: str, size: float, width: float) -> list[tuple[int, int]]:
    """A unit wider than a line, in pieces that fit: cut after a hyphen, a slash or a Chinese
    character where there is one, inside a run of letters and digits only where there is not."""
    out: list[tuple[int, int]] = []
    start, used, soft = u.start, 0.0, -1
    for i in range(u.start, u.end):
        w = char_width(text[i], font, size)
        if used + w > width + FUZZ and i > start:
            cut = soft if soft > start else i
            out.append((start, cut))
            start, used, soft = cut, text_width(text[cut:i], font, size), -1
        if i > start and not (_latin(text[i - 1]) and _latin(text[i])):
            soft = i
        used += w
    out.append((start, u.end))
    return out


def _latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


def widest_unit(text: str, font: str, size: float, words: bool) -> float:
    return max((text_width(text[u.start:u.end], font, size)
                for u in units(text, words) if u.kind == "text"), default=0.0)


def shrunk_size(text: str, font: str, size: float, width: float, words: bool) -> float:
    """The size (in half points) at which the widest unit fits the width; a unit too wide
    even at MIN_SIZE (a 40-character name) is cut at the normal size instead, readable."""
    widest = widest_unit(text, font, size, words)
    if widest <= width + FUZZ:
        return size
    fitting = int(size * width / widest * 2) / 2  # widths scale with the size
    return fitting if fitting >= MIN_SIZE else size


class TextBlock(Flowable):
    """Plain text in one style, broken into lines by `break_lines`; splits between lines.

    `words`: break only at spaces and separators (names, identifiers, phone lists);
    `shrink`: rather than cut a unit too wide for the line, print the block smaller
    (down to MIN_SIZE); `size` fixes the size (the parts of a split block keep the whole's).
    """

    def __init__(self, text: str, style: ParagraphStyle, *, words: bool = False,
                 shrink: bool = False, size: float | None = None) -> None:
        super().__init__()
        self.text = printable(text)
        self.style = style
        self.words = words
        self.shrink = shrink
        self._fixed = size
        self.size = float(size or style.fontSize)
        self.leading = self._leading_of(self.size)
        self._lines: list[tuple[int, int]] = []
        self._for_width: float | None = None
        self.width = self.height = 0.0
        self.spaceBefore = float(style.spaceBefore)
        self.spaceAfter = float(style.spaceAfter)

    def _leading_of(self, size: float) -> float:
        return float(self.style.leading) * size / float(self.style.fontSize)

    # ---- layout --------------------------------------------------------------------------------

    def _layout(self, width: float) -> None:
        if self._for_width == width:
            return
        font, size = self.style.fontName, self._fixed or float(self.style.fontSize)
        if self.shrink and self._fixed is None:
            size = shrunk_size(self.text, font, size, width, self.words)
        self.size, self.leading = size, self._leading_of(size)
        self._lines = break_lines(self.text, font, size, width, self.words)
        self._for_width = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._layout(avail_width)
        self.width, self.height = avail_width, len(self._lines) * self.leading
        return self.width, self.height

    @property
    def lines(self) -> list[str]:
        return [self.text[a:b] for a, b in self._lines]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """The lines that fit, and the rest: [] if not one line fits."""
        self._layout(avail_width)
        n = int((avail_height + FUZZ) // self.leading)
        if n <= 0:
            return []
        if n >= len(self._lines):
            return [self]
        head = self._part(0, n)
        rest = self._part(n, len(self._lines))
        head.spaceAfter = rest.spaceBefore = 0.0  # one text running on: no gap at the break
        return [head, rest]

    def chunks(self, width: float, lines: int) -> list[TextBlock]:
        """The block as consecutive blocks of `lines` lines each (rows of a table that may
        break between them), in one pass over the text."""
        self._layout(width)
        count = len(self._lines)
        return [self._part(i, min(i + lines, count)) for i in range(0, count, lines)]

    def _part(self, first: int, end: int) -> TextBlock:
        """Lines first..end-1 as a block of their own, already laid out: a long text split
        page after page is broken into lines once, not once a page."""
        start = self._lines[first][0]
        part = TextBlock(self.text[start:self._lines[end - 1][1]], self.style, words=self.words,
                         shrink=self.shrink, size=self.size)
        part._lines = [(a - start, b - start) for a, b in self._lines[first:end]]
        part._for_width = self._for_width
        return part

    # ---- drawing -------------------------------------------------------------------------------

    def draw(self) -> None:
        canv, st = self.canv, self.style
        canv.saveState()
        canv.setFont(st.fontName, self.size)
        canv.setFillColor(st.textColor)
        y = self.height - self.size
        for line in self.lines:
            if st.alignment == TA_CENTER:
                canv.drawCentredString(self.width / 2, y, line)
            elif st.alignment == TA_RIGHT:
                canv.drawRightString(self.width, y, line)
            else:
                canv.drawString(0, y, line)
            y -= self.leading
        canv.restoreState()

    def __repr__(self) -> str:
        return f"TextBlock({self.text[:20]!r}, {len(self.text)} chars)"
