"""What a file that is not a workbook actually is, told by its first bytes (for the clerk's message).

Chinese property systems often "export xls" as an HTML table or an XML Spreadsheet 2003 with an
.xls name; a CSV or a PDF gets renamed too. Excel and WPS open all of these, so the message names
what the file is and says to save it as .xlsx there.
"""
from __future__ import annotations

import re

from ..i18n import QT_TRANSLATE_NOOP

HEAD = 8192
IMAGES = ((b"\x89PNG\r\n\x1a\n", QT_TRANSLATE_NOOP("imports", "PNG 图片")),
          (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("imports", "JPEG 图片")),
          (b"GIF87a", QT_TRANSLATE_NOOP("imports", "GIF 图片")), (b"GIF89a", QT_TRANSLATE_NOOP("imports", "GIF 图片")),
          (b"II*\x00", QT_TRANSLATE_NOOP("imports", "TIFF 图片")), (b"MM\x00*", QT_TRANSLATE_NOOP("imports", "TIFF 图片")),
          (b"BM", QT_TRANSLATE_NOOP("imports", "BMP 图片")))
OTHER = ((b"%PDF", QT_TRANSLATE_NOOP("imports", "PDF 文档")), (b"Rar!", QT_TRANSLATE_NOOP("imports", "RAR 压缩包")),
         (b"7z\xbc\xaf\x27\x1c", QT_TRANSLATE_NOOP("imports", "7z 压缩包")),
         (b"{\\rtf", QT_TRANSLATE_NOOP("imports", "RTF 文档")))
XML_SPREADSHEET = re.compile(rb"urn:schemas-microsoft-com:office:spreadsheet|<(?:ss:)?Workbook[\s>]", re.I)
HTML = re.compile(rb"<\s*(?:!doctype\s+html|html|table|head|meta|body)[\s>/]", re.I)
TEXT_ENCODINGS = ("utf-8", "gb18030")
HTML_PAGE = QT_TRANSLATE_NOOP("imports", "HTML 网页（网页表格）")  # the one kind imported as it is (html_book.py), not refused


def describe(head: bytes) -> str | None:
    """'PDF 文档', 'HTML 网页（网页表格）', 'CSV 或文本文件'...; None when the bytes say nothing known."""
    for magic, what in IMAGES + OTHER:
        if head.startswith(magic):
            return what
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        return QT_TRANSLATE_NOOP("imports", "WebP 图片")
    text = _as_text(head)
    if text is None:
        return None
    if text.lstrip().lower().startswith(b"mime-version:"):
        return QT_TRANSLATE_NOOP("imports", "单个文件网页（.mht，网页表格）")
    if XML_SPREADSHEET.search(text):
        return QT_TRANSLATE_NOOP("imports", "XML 电子表格（Excel 2003 XML 格式）")
    if HTML.search(text):
        return HTML_PAGE
    if text.lstrip().startswith(b"<?xml"):
        return QT_TRANSLATE_NOOP("imports", "XML 文件")
    return QT_TRANSLATE_NOOP("imports", "CSV 或文本文件")


def _as_text(head: bytes) -> bytes | None:
    """The head as ASCII-compatible bytes if it is text (UTF-8, GB18030 or UTF-16 with a BOM)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        decoded = head[2:len(head) // 2 * 2].decode(codec, "ignore")
        return decoded.encode("utf-8", "ignore")
    body = head.removeprefix(b"\xef\xbb\xbf")
    if not body.strip() or any(b < 9 or 13 < b < 32 and b != 27 for b in body[:1024]):
        return None
    for codec in TEXT_ENCODINGS:
        for cut in range(4):  # the head may end inside a character
            try:
                body[:len(body) - cut].decode(codec)
                return body
            except UnicodeDecodeError:
                continue
    return None
