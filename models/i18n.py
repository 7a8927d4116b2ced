"""The language of texts made in models/ and reports/ (errors, row problems, column titles, forms).

Source strings are Chinese. In English they are looked up in the same catalog the GUI's QTranslator
loads — resources/i18n/handoverdesk_en.ts, read here with the stdlib so models/ stays Qt-free — so
one file, built by tools/build_translations.py, holds every translation.

Write `translate("Context", "中文 {name}").format(name=...)`: pyside6-lupdate extracts calls named
`translate` (and `QT_TRANSLATE_NOOP` for tables built at import time, translated when shown), and
formatting after the lookup keeps the placeholder in the catalog. A `_` shortcut would be invisible
to lupdate, so there is none.
"""
from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import ParamSpec, TypeVar

CHINESE, ENGLISH = "zh", "en"
LANGUAGES = (CHINESE, ENGLISH)
CATALOG_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"

_language = CHINESE
# Set while a printed form or workbook is made: those stay Chinese (legal paperwork signed with a Chinese
# counterparty) whatever the desk's language. Per thread, so a form made in a worker never turns the
# GUI thread's texts Chinese.
_forms: ContextVar[bool] = ContextVar("forms_in_chinese", default=False)
_catalogs: dict[Path, dict[tuple[str, str, str], str]] = {}


def normalise(language: str | None) -> str:
    """'en', 'en_US', 'English' → 'en'; anything else (zh_CN, C, '') → 'zh': Chinese is the source."""
    return ENGLISH if (language or "").strip().lower().startswith("en") else CHINESE


def set_language(language: str | None) -> str:
    """Choose the language of models/ and reports/ texts for this process; returns the one chosen."""
    global _language
    _language = normalise(language)
    if _language != CHINESE:
        catalog(_language)  # a missing or broken catalog shows at once, not at the first message
    return _language


def language() -> str:
    return _language


def catalog_path(language: str) -> Path:
    return CATALOG_DIR / f"handoverdesk_{language}.ts"


def catalog(language: str, path: Path | None = None) -> dict[tuple[str, str, str], str]:
    """(context, source, disambiguation) → translation, read once. A missing file is an empty
    catalog: every text stays Chinese, as the GUI does without its .qm."""
    path = path or catalog_path(language)
    if path not in _catalogs:
        _catalogs[path] = read_ts(path) if path.exists() else {}
    return _catalogs[path]


def read_ts(path: Path) -> dict[tuple[str, str, str], str]:
    """The translations lrelease compiles (tools/build_translations.py runs it with -nounfinished):
    finished, non-empty ones. An unfinished one may be lupdate's guess from another message."""
    found: dict[tuple[str, str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None:
                continue
            forms = translation.findall("numerusform")
            text = (forms[0].text if forms else translation.text) or ""
            if text:
                found[(name, message.findtext("source") or "", message.findtext("comment") or "")] = text
    return found


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """`text` in the chosen language: the Chinese source itself, or its translation (the source when
    the catalog has none yet, as Qt does)."""
    if _language == CHINESE or _forms.get():
        return text
    return catalog(_language).get((context, text, disambiguation or ""), text)


@contextmanager
def chinese() -> Iterator[None]:
    """Every text made inside stays the Chinese source (reports/: printed forms and workbooks)."""
    token = _forms.set(True)
    try:
        yield
    finally:
        _forms.reset(token)


P = ParamSpec("P")
R = TypeVar("R")


def in_chinese(function: Callable[P, R]) -> Callable[P, R]:
    """`function` runs inside chinese(): a report's entry point, labels and all."""
    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with chinese():
            return function(*args, **kwargs)
    return wrapper


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for the catalog without translating it (module-level tables): call
    translate(context, text) where it is shown."""
    return text
