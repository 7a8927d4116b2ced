"""The bundled Chinese font, registered with ReportLab once and embedded in every PDF."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
FONT_FILE = FONT_DIR / "wqy-microhei.ttc"
CN_FONT = "WenQuanYiMicroHei"


@cache
def cn_font() -> str:
    """Register the font (first call only) and return its ReportLab name.

    A TrueType font is always embedded (subset) by ReportLab, which is what
    makes the PDF look the same on a PC without Chinese fonts. The face has no
    bold or italic, so every style maps to the one face: `<b>` in a Paragraph
    then renders plainly instead of failing on a missing font.
    """
    pdfmetrics.registerFont(TTFont(CN_FONT, str(FONT_FILE), subfontIndex=0))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(CN_FONT, bold, italic, CN_FONT)
    return CN_FONT
