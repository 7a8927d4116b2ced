"""The program's version: one string, from pyproject.toml (a source tree) or the installed package."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

from .i18n import translate

PACKAGE = "handoverdesk"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@cache
def version() -> str:
    """'0.1.0'. The source tree's pyproject.toml wins over installed metadata: an editable install
    keeps the version it was installed with, the file says what is running now."""
    try:
        return str(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        pass
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return translate("version", "未知")


def program_name() -> str:
    """'物业交接台 HandoverDesk 0.1.0': what 关于, the log and `main.py --version` say."""
    return translate("version", "物业交接台 HandoverDesk {version}").format(version=version())
