"""An import preview in a process of its own, under a memory limit (tests/test_imports_hostile.py).

Prints one JSON line per importer: whether it refused the file (and the message), or the problems
it found on the rows; any other exception is printed as a bug, so the test names it.
"""
from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

IMPORTERS = ("roster", "checklist", "keys", "ledger")


def preview(kind: str, db, project_id: int, handover_id: int, path: Path):
    if kind == "roster":
        from models.imports.roster import preview_roster
        return preview_roster(path)
    if kind == "checklist":
        from models.imports.checklist import preview_checklist
        return preview_checklist(path)
    if kind == "keys":
        from models.imports.key_sheet import preview_key_sheet
        return preview_key_sheet(db, project_id, path)
    from models.imports.ledger import preview_ledger
    return preview_ledger(db, handover_id, path)


def main() -> None:
    db_path, project_id, handover_id, xlsx, limit = sys.argv[1:6]
    resource.setrlimit(resource.RLIMIT_AS, (int(limit), int(limit)))
    from models.db import Database, UserRef
    from models.errors import DomainError

    db = Database.open(db_path)
    db.user = UserRef(None, "tester", "测试员", "admin")
    for kind in IMPORTERS:
        try:
            result = preview(kind, db, int(project_id), int(handover_id), Path(xlsx))
            out = {"importer": kind, "refused": "", "problems": [str(p) for p in result.problems],
                   "rows": len(result.rows)}
        except DomainError as exc:
            out = {"importer": kind, "refused": str(exc)}
        except BaseException as exc:  # noqa: BLE001 - the test reports it as the bug it is
            out = {"importer": kind, "bug": f"{type(exc).__name__}: {str(exc)[:300]}"}
        print(json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
