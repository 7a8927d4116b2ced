"""HandoverDesk 物业交接台 — command line: open the app, or run one command.

Exit codes: 0 success; 1 failure (one line on stderr); 2 bad usage.
Commands that change data sign in (see AUTH_HELP); those that only read may run signed out.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from models.errors import AuthError, Cancelled, DomainError, ValidationError

if TYPE_CHECKING:  # imported where used: `main.py --help` stays quick
    from models.db import Database
    from models.imports.sheet import ColumnMap
    from models.people import Role
    from models.services.auth import UserRow

TABS = ("overview", "handover", "defects", "keys", "fees")
# The exit paperwork (退场移交), one PDF of many owners' documents each: print form → help.
EXIT_FORMS = {"owner-letter": "告业主书（每户一封）/ letter to each owner at an exit",
              "deposit-refund": "押金退还确认单 / receipts for deposits refunded to owners",
              "prepayment-transfer": "预收款移交确认单 / prepayments moved to the next company"}
DESCRIPTION = ("物业交接台：交接清单、遗留问题、钥匙管理、费用对账。\n"
               "HandoverDesk: handover lists, defects, key custody and fee reconciliation.")
ENV_USER, ENV_PASSWORD, ENV_NEW_PASSWORD = "HANDOVERDESK_USER", "HANDOVERDESK_PASSWORD", "HANDOVERDESK_NEW_PASSWORD"
AUTH_HELP = f"""登录 / signing in:
  修改数据的命令（project add、handover add、import、fees reconcile、user add）须登录：
  用户来自 --user 或环境变量 {ENV_USER}，密码在终端提示输入（不回显），或来自环境变量 {ENV_PASSWORD}（脚本用）。
  只读命令（print、export、package、fees results、shot）可不登录；package verify 不读数据库；给出用户时同样要验证密码。
  export hc 导出业主完整信息，须主管或管理员登录。
  空数据库先用 `main.py user add 用户名 --role admin` 创建管理员（密码同上，终端上输入两次）；
  之后由管理员添加用户，新用户的密码在终端输入两次，或来自环境变量 {ENV_NEW_PASSWORD}。
  demo 生成新的演示数据库，无须登录。
  Commands that change data sign in: the user from --user or {ENV_USER}, the password typed at the
  terminal (not echoed) or from {ENV_PASSWORD} for scripts. Read-only commands may run signed out;
  given a user, they check the password too. On an empty database, `main.py user add NAME --role admin`
  creates the administrator first; later an administrator adds users, the new user's password typed
  twice or taken from {ENV_NEW_PASSWORD}. demo builds a new demo database and needs no login."""
DB_HELP = """

数据库 / database:
  不给 --db 时，程序（不带命令运行）打开本机“文件 → 设置”中选择的数据库；命令（demo、import、print……）
  总是用默认数据库文件，不读本机设置：脚本在每台电脑上做同样的事。
  Without --db the app (no command) opens the database chosen in 文件 → 设置 on this PC; commands always
  use the default file and never read that setting, so a script does the same on every PC."""
NO_USER_YET = ("数据库中还没有用户：请先用 main.py user add 用户名 --role admin 创建管理员 / "
               "no user yet: create the administrator first with main.py user add NAME --role admin")


class UsageError(Exception):
    """Bad command-line usage: exit code 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would exit(2) itself; keep one exit path
        raise UsageError(message)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD / date must be YYYY-MM-DD: {text}") from None


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"尺寸应为 宽x高 / size must be WxH: {text}") from None
    return w, h


def _add_db(p: argparse.ArgumentParser, top: bool = False) -> None:
    # Subcommands repeat the options; SUPPRESS keeps `main.py --db X demo` from losing X.
    default = None if top else argparse.SUPPRESS
    p.add_argument("--db", default=default,
                   help="数据库文件或 postgresql:// 地址 / SQLite file or postgresql:// URL")
    p.add_argument("--user", default=default,
                   help=f"登录用户（或环境变量 {ENV_USER}）/ sign in as this user (or {ENV_USER})")


def _add_lang(p: argparse.ArgumentParser, top: bool = False) -> None:
    p.add_argument("--lang", choices=("zh", "en"), default=None if top else argparse.SUPPRESS,
                   help="界面和表单的语言（缺省：本机设置，否则跟随系统）/ language of the window and the forms "
                        "(default: this PC's setting, else the system's)")


def build_parser() -> Parser:
    parser = Parser(prog="main.py", description=DESCRIPTION, epilog=AUTH_HELP + DB_HELP,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_db(parser, top=True)
    _add_lang(parser, top=True)
    parser.add_argument("--version", action="store_true", help="显示版本 / show the version")
    # For builders of the packaged program (packaging/): checks that everything loaded at run time is there.
    parser.add_argument("--self-check", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    p = sub.add_parser("demo", help="生成演示小区 / fill a database with a demo community")
    _add_db(p)
    p.add_argument("--size", choices=("small", "large"), default="small")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--open", action="store_true", help="生成后打开程序 / open the app afterwards")

    proj = sub.add_parser("project", help="项目 / projects").add_subparsers(dest="action", required=True,
                                                                           parser_class=Parser)
    p = proj.add_parser("add", help="新建项目 / add a project")
    _add_db(p)
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--kind", default="residential", type=_coded_arg("models.project", "ProjectKind"),
                   help="住宅|写字楼|商业|混合 / residential|office|commercial|mixed")
    p.add_argument("--address", default="")

    ho = sub.add_parser("handover", help="交接 / handovers").add_subparsers(dest="action", required=True,
                                                                          parser_class=Parser)
    p = ho.add_parser("add", help="新建交接，输出其编号 / add a handover, prints its ID")
    _add_db(p)
    p.add_argument("--project", required=True, help="项目编码 / project code")
    p.add_argument("--kind", required=True, type=_coded_arg("models.handover", "HandoverKind"),
                   help="承接查验|进场接管|退场移交 / acceptance|takeover|exit")
    p.add_argument("--from", dest="from_company", required=True, help="移交方 / handing-over company")
    p.add_argument("--to", dest="to_company", required=True, help="接收方 / receiving company")
    p.add_argument("--witness", default="", help="监交方 / witness")
    p.add_argument("--cutoff", type=_date, required=True, help="交接基准日 YYYY-MM-DD / cut-off date")

    imp = sub.add_parser("import", help="导入 / import").add_subparsers(dest="what", required=True,
                                                                       parser_class=Parser)
    p = imp.add_parser("roster", help="从 Excel 导入房屋和业主 / units and owners from an Excel roster")
    _add_db(p)
    p.add_argument("file", type=Path)
    p.add_argument("--project", required=True)
    _add_columns(p)
    p.add_argument("--value", dest="values", action="append", default=[], metavar="字段:表中的值=取值",
                   help="表中的代码代表哪一项（如 房屋用途:110=住宅、入住状态:2001=已入住）"
                        " / what a sheet's code stands for")
    p = imp.add_parser("keys", help="批量接收钥匙：从 Excel（FILE --handover ID）或钥匙交接清单（--list ID）"
                                    " / receive keys in bulk from an Excel sheet or a key handover list")
    _add_db(p)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("file", type=Path, nargs="?", help="钥匙清单 .xlsx / key sheet (needs --handover)")
    source.add_argument("--list", dest="list_id", type=int,
                        help="钥匙交接清单编号 / ID of the key handover list")
    p.add_argument("--handover", type=int, help="交接编号（与 FILE 一起用）/ handover ID (with FILE)")
    p.add_argument("--cabinet", default="", help="存入的钥匙柜（表中未填时）/ cabinet for keys with none")
    _add_columns(p)

    p = imp.add_parser("ledger", help="导入原物业收费台账 / the outgoing company's fee ledger (.xlsx)")
    _add_db(p)
    p.add_argument("file", type=Path)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")
    p.add_argument("--period", default="", help="所属期，表中没有所属期列时（如 2025年06月、2025年度、2025Q2）"
                                                " / the period of a sheet with no period column")
    p.add_argument("--append", action="store_true",
                   help="追加到此前导入的台账，不替换（台账分几个文件时）/ add to the lines imported before "
                        "instead of replacing them (a ledger in several files)")
    _add_columns(p)

    p = imp.add_parser("checklist", help="从 Excel 导入一张交接清单（草稿，全部导入或都不导入）"
                                         " / a handover list from an Excel sheet, all or nothing")
    _add_db(p)
    p.add_argument("file", type=Path)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")
    p.add_argument("--title", default="", help="清单名称（默认取表格标题）/ list title (default: the sheet's)")
    _add_columns(p)

    fees = sub.add_parser("fees", help="费用对账 / fee reconciliation").add_subparsers(
        dest="action", required=True, parser_class=Parser)
    p = fees.add_parser("reconcile", help="对账：比对原物业台账与我方记录 / match both ledgers")
    _add_db(p)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")
    p = fees.add_parser("results", help="对账结果与结算金额 / results and the settlement in figures")
    _add_db(p)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")

    users = sub.add_parser("user", help="用户 / users").add_subparsers(dest="action", required=True,
                                                                      parser_class=Parser)
    p = users.add_parser("add", help="添加用户（空数据库：创建管理员）/ add a user (empty database: the administrator)",
                         epilog=AUTH_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_db(p)
    p.add_argument("name", help="用户名 / username")
    p.add_argument("--role", type=_coded_arg("models.people", "Role"), required=True,
                   help="文员|主管|管理员 / clerk|supervisor|admin")
    p.add_argument("--display-name", default="", help="姓名（缺省为用户名）/ display name (default: username)")

    p = sub.add_parser("shot", help="把主窗口的某个页签截图为 PNG / render a tab to PNG offscreen")
    _add_db(p)
    _add_lang(p)
    p.add_argument("--tab", choices=TABS, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--size", type=_size, default=(1366, 768))
    p.add_argument("--subtab", choices=("ledger", "differences", "meters", "results"),
                   help="费用对账的子页 / inner tab of fees: ledger|differences|meters|results")

    prt = sub.add_parser("print", help="打印表单为 PDF / print a form to PDF").add_subparsers(
        dest="form", required=True, parser_class=Parser)
    p = prt.add_parser("roster", help="业主名册 / owner roster")
    _add_db(p)
    p.add_argument("--project", required=True)
    p.add_argument("--out", type=Path, required=True)
    p = prt.add_parser("handover-list", help="交接清单 / handover list(s), one PDF")
    _add_db(p)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")
    p.add_argument("--list", dest="list_id", type=int,
                   help="只打印该清单；缺省为全部现行清单 / only this list (default: every current list)")
    p.add_argument("--out", type=Path, required=True)
    p = prt.add_parser("handover-certificate", help="交接确认书 / handover certificate")
    _add_db(p)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")
    p.add_argument("--out", type=Path, required=True)
    for form, text in (("defect-notice", "整改通知单 / rectification notice"),
                       ("defect-reinspection", "复验记录 / re-inspection record")):
        p = prt.add_parser(form, help=text)
        _add_db(p)
        p.add_argument("--defect", required=True, help="遗留问题编号 / defect number YL-…")
        p.add_argument("--project", help="项目编码（仅一个项目时可省略）/ project code")
        p.add_argument("--out", type=Path, required=True)
    p = prt.add_parser("defect-reminder", help="催办函 / reminder to one responsible party")
    _add_db(p)
    p.add_argument("--project", help="项目编码（仅一个项目时可省略）/ project code")
    p.add_argument("--party", required=True, type=_coded_arg("models.defect", "Responsible"),
                   help="责任方 / party: 开发商|施工单位|原物业|本公司 / developer|contractor|previous|ours")
    p.add_argument("--out", type=Path, required=True)
    p = prt.add_parser("defect-summary", help="遗留问题汇总表 / defect summary of a handover")
    _add_db(p)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")
    p.add_argument("--out", type=Path, required=True)

    p = prt.add_parser("key-labels", help="钥匙标签（含二维码）/ key tag labels with QR codes")
    _add_db(p)
    p.add_argument("--project", required=True, help="项目编码 / project code")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--keys", help="标签号，逗号分隔 / tags, comma-separated")
    which.add_argument("--cabinet", help="钥匙柜 / every key of this cabinet")
    p.add_argument("--out", type=Path, required=True)
    p = prt.add_parser("key-issue", help="钥匙发放签收单 / key issue receipt for the owner")
    _add_db(p)
    p.add_argument("--project", required=True, help="项目编码 / project code")
    p.add_argument("--key", required=True, help="标签号 / tag")
    p.add_argument("--out", type=Path, required=True)
    p = prt.add_parser("key-lending", help="钥匙借用登记表 / key lending register")
    _add_db(p)
    p.add_argument("--project", required=True, help="项目编码 / project code")
    p.add_argument("--from", dest="start", type=_date, required=True, help="YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_date, required=True, help="YYYY-MM-DD")
    p.add_argument("--out", type=Path, required=True)
    p = prt.add_parser("key-seal", help="备用钥匙封存表 / sealed spare keys")
    _add_db(p)
    p.add_argument("--project", required=True, help="项目编码 / project code")
    p.add_argument("--out", type=Path, required=True)
    p = prt.add_parser("key-handover", help="钥匙交接表 / keys of a handover")
    _add_db(p)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")
    p.add_argument("--out", type=Path, required=True)

    p = prt.add_parser("settlement", help="财务结算报告 / settlement report of a handover")
    _add_db(p)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")
    p.add_argument("--out", type=Path, required=True)
    p = prt.add_parser("arrears", help="欠费明细表 / arrears by building")
    _add_db(p)
    p.add_argument("--handover", type=int, required=True, help="交接编号 / handover ID")
    p.add_argument("--out", type=Path, required=True)
    for form, text in EXIT_FORMS.items():
        p = prt.add_parser(form, help=text)
        _add_db(p)
        p.add_argument("--handover", type=int, required=True, help="交接编号（退场移交）/ handover ID (an exit)")
        p.add_argument("--unit", dest="units", nargs="+", action="extend", default=[], metavar="房号",
                       help="只打印这些房号（如 1-1-101 或 1栋1单元101），不给则打印全部 / only these units "
                            "(default: every owner concerned)")
        p.add_argument("--out", type=Path, required=True)

    _add_package(sub)

    p = sub.add_parser("export", help="把页签的表格导出为 Excel / export a tab's table to .xlsx；"
                                      "hc：导出到 HC 小区管理系统 / hc: for the HC property system")
    _add_db(p)
    p.add_argument("tab", choices=(*TABS[1:], "hc"),
                   help="页签，或 hc：按 HC 小区管理系统的导入模板导出房屋、业主、欠费、预收（--handover，--out 为文件夹；"
                        "含业主完整信息，须主管登录）/ a tab, or hc: units, owners, arrears and prepayments in "
                        "the HC system's import templates (--handover; --out is a folder; a supervisor's)")
    scope = p.add_mutually_exclusive_group(required=True)
    scope.add_argument("--project", help="项目编码 / project code")
    scope.add_argument("--handover", type=int,
                       help="交接编号；handover 页签导出整套交接工作簿，fees 页签导出会计工作簿 / handover ID "
                            "(tab handover: the handover workbook; tab fees: the accountant's workbook)")
    p.add_argument("--out", type=Path, required=True)
    return parser


def _add_package(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("package", help="交接档案包：生成（--handover ID --out F.zip）或校验（verify F.zip）/ "
                                       "the handover package: build it, or verify one")
    _add_db(p)
    p.add_argument("--handover", type=int, help="交接编号 / handover ID")
    p.add_argument("--out", type=Path, help="档案包文件（.zip）/ the package file to write")
    actions = p.add_subparsers(dest="action", parser_class=Parser)
    v = actions.add_parser("verify", help="核对档案包中每个文件的校验值（不读数据库）/ check every file against the "
                                          "package's index (no database)")
    v.add_argument("zip", type=Path, help="交接档案包（.zip）/ the package")


def _coded_arg(module: str, name: str) -> Callable[[str], str]:
    """An option taking one of an enum's values, as its code or its Chinese label; gives the code."""
    def parse(text: str) -> str:
        import importlib

        enum_cls = getattr(importlib.import_module(module), name)
        try:
            return str(enum_cls.parse(text).value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = name  # argparse names the option's kind by it in a usage error
    return parse


def _open_db(args: argparse.Namespace) -> Database:
    """For commands that only read: signed out they read as no one (any write refused); given a
    user (--user or HANDOVERDESK_USER) they check the password like a writing command."""
    from models.services import auth

    db = _database(args)
    with _disposed_on_error(db):
        username = _username(args)
        if username:
            _sign_in(db, username)
        else:
            auth.read_only(db)
    return db


def _open_db_to_write(args: argparse.Namespace) -> Database:
    """For commands that change data: every audit row names a user who gave their password."""
    from models.services import auth

    db = _database(args)
    with _disposed_on_error(db):
        if auth.needs_first_user(db):
            raise AuthError(NO_USER_YET)
        username = _username(args)
        if not username:
            raise AuthError(f"该命令会修改数据，须登录：请用 --user 或环境变量 {ENV_USER} 指定用户 / "
                            f"this command changes data: sign in with --user or {ENV_USER}")
        _sign_in(db, username)
    return db


def _database(args: argparse.Namespace) -> Database:
    from models.db import Database

    return Database.open(args.db)


@contextlib.contextmanager
def _disposed_on_error(db: Database) -> Iterator[None]:
    try:
        yield
    except BaseException:
        db.dispose()
        raise


def _username(args: argparse.Namespace) -> str:
    return (getattr(args, "user", None) or os.environ.get(ENV_USER, "")).strip()


def _sign_in(db: Database, username: str) -> None:
    from models.services import auth

    password = _secret(ENV_PASSWORD, f"{username} 的密码 / password: ")
    try:
        auth.login(db, username, password)
    except AuthError:  # never say which of the two was wrong
        raise AuthError("用户名或密码不正确 / wrong user name or password") from None


def _secret(env: str, prompt: str, confirm: bool = False) -> str:
    """A password from the environment (scripts) or typed at the terminal, never echoed.

    No terminal and no variable: say so at once rather than wait for input that never comes."""
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin is None or not sys.stdin.isatty():
        raise AuthError(f"无法输入密码（不在终端上运行）：请设置环境变量 {env} / "
                        f"no terminal to type the password: set {env}")
    try:
        value = getpass.getpass(prompt)
        if confirm and getpass.getpass("再输入一次 / again: ") != value:
            raise ValidationError("两次输入的密码不一致 / the passwords do not match")
    except (EOFError, KeyboardInterrupt):
        raise Cancelled("已取消，未做任何改动 / cancelled, nothing changed") from None
    return value


def cmd_gui(args: argparse.Namespace) -> int:
    from gui.app import run_app

    return run_app(args.db, preselect_user=args.user, language=args.lang)


def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from models.db import Database
    from models.demo import build_demo
    from models.paths import data_dir
    from models.services import auth

    if not args.db:
        # The demo never lands in the clerk's own database: it gets a file of its own,
        # rebuilt on every run so the first README command can be run again.
        demo_file = data_dir() / "demo.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(str(demo_file) + suffix).unlink(missing_ok=True)
        args.db = str(demo_file)
    if args.open and not args.user:
        args.user = "admin"
    db = Database.open(args.db)
    if not auth.needs_first_user(db):  # no login here: so never into a database that has users
        db.dispose()
        raise ValidationError("该数据库已有用户：演示数据只能写入新的数据库，请用 --db 指定一个新文件 / "
                              "this database has users: the demo goes into a new database only, give --db a new file")
    started = time.perf_counter()
    summary = build_demo(db, size=args.size, seed=args.seed, progress=_terminal_progress)
    print(f"\n演示数据已生成 / demo ready: {summary} — {time.perf_counter() - started:.1f} s")
    print(f"数据库 / database: {db.display_name}")
    db.dispose()
    if args.open:
        return cmd_gui(args)
    return 0


def _terminal_progress(done: int, total: int, what: str = "") -> bool:
    if sys.stderr.isatty():
        print(f"\r{what} {done}/{total}   ", end="", file=sys.stderr, flush=True)
    return True


def cmd_project(args: argparse.Namespace) -> int:
    from models.services import projects

    row = projects.add_project(_open_db_to_write(args), args.code, args.name, args.kind, args.address)
    print(row.id)
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    from models.services import projects

    row = projects.add_handover(_open_db_to_write(args), args.project, args.kind, args.from_company,
                                args.to_company, args.cutoff, witness=args.witness)
    print(row.id)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    columns = _columns(args)
    if args.what == "keys":
        return _import_keys(args, columns)
    if args.what == "ledger":
        from models.imports.ledger import clerk_period, import_ledger_file

        period = clerk_period(args.period)
        print(import_ledger_file(_open_db_to_write(args), args.handover, args.file, columns, period,
                                 append=args.append).summary())
        return 0
    if args.what == "checklist":
        from models.imports.checklist import import_checklist_file

        imported = import_checklist_file(_open_db_to_write(args), args.handover, args.file, args.title or None,
                                         columns)
        print(imported.summary())
        return 0
    from models.imports.roster import import_roster_file, value_options

    values = value_options(args.values)  # a bad option is refused before signing in
    report = import_roster_file(_open_db_to_write(args), args.project, args.file, columns, values)
    print(report.summary())
    return 0


def _add_columns(p: argparse.ArgumentParser) -> None:
    p.add_argument("--map", dest="maps", action="append", default=[], metavar="字段=列名",
                   help="指定某字段取哪一列：列名为表头文字或列字母（如 业主姓名=户主、联系电话=F）；"
                        "字段=（空）表示不导入 / which column feeds a field: header text or column letter")
    p.add_argument("--header-row", type=int, metavar="N",
                   help="表头在第 N 行（找不到表头时）/ the header is on row N of the first sheet")
    p.add_argument("--sheets", metavar="工作表,…",
                   help="导入这几张工作表，合为一张表（如 A区,B区）/ import these sheets as one table")
    p.add_argument("--all-sheets", action="store_true",
                   help="导入每张有表头的可见工作表，合为一张表 / every visible sheet with a header, as one table")
    p.add_argument("--blocks", metavar="1,3",
                   help="表头并排重复时只导入这几块（从 1 起，默认全部）/ side-by-side blocks to import (default: all)")


def _columns(args: argparse.Namespace) -> ColumnMap | None:
    """--map and --header-row as the import pipeline takes them; None when neither was given."""
    from models.imports.sheet import ColumnMap

    maps: dict[str, str | None] = {}
    for item in args.maps:
        field, sep, column = item.partition("=")
        if not sep or not field.strip():
            raise ValidationError(f"--map 应写成 字段=列名（如 业主姓名=户主），而不是“{item}”。")
        maps[field.strip()] = column.strip() or None
    if args.header_row is not None and args.header_row < 1:
        raise ValidationError("--header-row 应为表头所在的行号（从 1 起）。")
    sheets = [s.strip() for s in (args.sheets or "").replace("，", ",").split(",") if s.strip()]
    blocks = _block_numbers(args.blocks)
    if not maps and args.header_row is None and not sheets and not args.all_sheets and not blocks:
        return None
    return ColumnMap(maps, args.header_row, sheets=sheets, all_sheets=args.all_sheets, blocks=blocks)


def _block_numbers(text: str | None) -> list[int]:
    """--blocks 1,3 → [1, 3]."""
    items = [s.strip() for s in (text or "").replace("，", ",").split(",") if s.strip()]
    if not all(s.isdigit() and int(s) >= 1 for s in items):
        raise ValidationError(f"--blocks 应写成块的序号，用逗号分开（如 1,3），而不是“{text}”。")
    return [int(s) for s in items]


def _import_keys(args: argparse.Namespace, columns: ColumnMap | None) -> int:
    from models.imports.key_sheet import import_key_sheet_file
    from models.services.key_intake import receive_keys_from_list

    if (args.file is None) != (args.handover is None):  # FILE needs --handover; --list takes none
        print("main.py: 用法错误 / usage error: 用 import keys FILE --handover ID 或 import keys --list ID"
              " / use FILE --handover ID, or --list ID", file=sys.stderr)
        return 2
    db = _open_db_to_write(args)
    if args.file is not None:
        report = import_key_sheet_file(db, args.handover, args.file, cabinet=args.cabinet, mapping=columns)
    else:
        report = receive_keys_from_list(db, args.list_id, cabinet=args.cabinet, progress=_terminal_progress)
    print(report.summary())
    return 0


def cmd_shot(args: argparse.Namespace) -> int:
    from gui.shot import take_shot

    username = _username(args)
    if username:  # checked here; the offscreen window then shows the app as that user
        _open_db(args).dispose()
    take_shot(args.db, args.tab, args.out, args.size, user=username or None, subtab=args.subtab,
              language=args.lang)
    print(args.out)
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from reports import print_commands as pc

    db = _open_db(args)
    if args.form == "handover-list":
        pc.print_handover_list(db, args.handover, args.out, list_id=args.list_id)
    elif args.form == "handover-certificate":
        pc.print_handover_certificate(db, args.handover, args.out)
    elif args.form in ("defect-notice", "defect-reinspection"):
        fn = pc.print_defect_notice if args.form == "defect-notice" else pc.print_defect_reinspection
        fn(db, args.defect, args.out, args.project)
    elif args.form == "defect-reminder":
        pc.print_defect_reminder(db, args.project, args.party, args.out)
    elif args.form == "defect-summary":
        pc.print_defect_summary(db, args.handover, args.out, progress=_terminal_progress)
    elif args.form == "key-labels":
        pc.print_key_labels(db, args.project, args.out,
                            args.keys.split(",") if args.keys else (), args.cabinet)
    elif args.form == "key-issue":
        pc.print_key_issue(db, args.project, args.key, args.out)
    elif args.form == "key-lending":
        pc.print_key_lending(db, args.project, args.start, args.end, args.out)
    elif args.form == "key-seal":
        pc.print_key_seal(db, args.project, args.out)
    elif args.form == "key-handover":
        pc.print_key_handover(db, args.handover, args.out)
    elif args.form == "settlement":
        pc.print_settlement(db, args.handover, args.out, progress=_terminal_progress)
    elif args.form == "arrears":
        pc.print_arrears(db, args.handover, args.out, progress=_terminal_progress)
    elif args.form in EXIT_FORMS:
        exit_form = {"owner-letter": pc.print_owner_letters, "deposit-refund": pc.print_deposit_refunds,
                     "prepayment-transfer": pc.print_prepayment_transfers}[args.form]
        exit_form(db, args.handover, args.out, args.units, progress=_terminal_progress)
    else:
        pc.print_roster(db, args.project, args.out)
    print(args.out)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from reports.excel.exports import export_for

    if args.tab == "hc":
        return _export_hc(args)
    rows = export_for(_open_db(args), args.tab, args.out, args.project, args.handover,
                      progress=_terminal_progress)
    print(f"{args.out}（{rows} 行 / rows）")
    return 0


def cmd_package(args: argparse.Namespace) -> int:
    """Build a handover's package (read-only: signs in as print does), or verify one (exit 1 when
    anything was added, removed or changed; the problems on stderr, one a line)."""
    if args.action == "verify":
        return _verify_package(args.zip)
    if args.handover is None or args.out is None:
        print("main.py package: 用法错误 / usage error: 生成档案包须给出 --handover ID 和 --out F.zip；"
              "校验用 package verify F.zip / give --handover and --out, or use package verify F.zip", file=sys.stderr)
        return 2
    from reports.package.build import build_package

    result = build_package(_open_db(args), args.handover, args.out, progress=_terminal_progress)
    print(f"{result.path}（{result.files} 个文件，其中已签署 {result.signed} 个 / {result.files} files, "
          f"{result.signed} signed）")
    for note in result.notes:
        print(f"注 / note: {note}")
    return 0


def _verify_package(path: Path) -> int:
    from reports.package.verify import verify_package

    result = verify_package(path, progress=_terminal_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)  # past the progress line
    if result.ok:
        print(result.summary())
        return 0
    for line in result.lines():
        print(line, file=sys.stderr)
    return 1


def _export_hc(args: argparse.Namespace) -> int:
    from reports.excel.hc_export import export_hc

    if args.handover is None:
        raise ValidationError("export hc 需要 --handover 交接编号 / export hc needs --handover ID")
    # It writes an audit row (the owners' full data leaves the program): a signed-in supervisor's.
    done = export_hc(_open_db_to_write(args), args.handover, args.out, progress=_terminal_progress)
    for path in done.files:
        print(path)
    print(done.summary())
    return 0


def cmd_fees(args: argparse.Namespace) -> int:
    from models.money import to_capital
    from models.services.fee_results import fee_results
    from models.services.reconcile import reconcile

    if args.action == "reconcile":
        print(reconcile(_open_db_to_write(args), args.handover, progress=_terminal_progress).summary())
        return 0
    r = fee_results(_open_db(args), args.handover, progress=_terminal_progress)  # only reads (remember=False)
    print(f"欠费 {len(r.arrears)} 笔 {r.arrears_total:,}；预收 {r.prepaid_total:,}；押金移交 {r.deposits_total:,}；"
          f"代收代缴 {r.for_others_total:,}；抄表费用 {r.meters_total:,}；差异 {r.differences_total}"
          f"（未处理 {r.differences_open}）")
    for item in r.settlement:
        print(f"  {item.label}　{item.direction or '仅列示'}　{item.amount:,}")
    print(f"净额（原物业应付新物业）{r.net_to_incoming:,}　{to_capital(abs(r.net_to_incoming))}")
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    from models.people import Role

    role = Role(args.role)
    db = _database(args)
    try:
        row = _add_user(db, args, role)
    finally:
        db.dispose()
    print(f"已创建用户 {row.username}（{role.label}）/ user created: {row.username} ({role.value})")
    return 0


def _add_user(db: Database, args: argparse.Namespace, role: Role) -> UserRow:
    """The first user of an empty database is its administrator, created signed out; later, an admin's action."""
    from models.people import Role
    from models.services import auth
    from models.services.permissions import require_role

    if auth.needs_first_user(db):
        if role is not Role.ADMIN:
            raise ValidationError("第一个用户必须是管理员：请用 --role admin / the first user must be an administrator")
        password = _secret(ENV_PASSWORD, f"新管理员 {args.name} 的密码 / password of the new administrator: ",
                           confirm=True)
        return auth.create_first_admin(db, args.name, args.display_name, password)
    username = _username(args)
    if not username:
        raise AuthError(f"添加用户须由管理员登录：请用 --user 或环境变量 {ENV_USER} 指定用户 / "
                        f"adding a user needs an administrator: sign in with --user or {ENV_USER}")
    _sign_in(db, username)
    require_role(db, Role.ADMIN, "创建用户")  # before asking for the new password
    password = _secret(ENV_NEW_PASSWORD, f"新用户 {args.name} 的密码 / password of the new user: ", confirm=True)
    return auth.create_user(db, args.name, args.display_name, password, role)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_gui, "demo": cmd_demo, "project": cmd_project, "handover": cmd_handover,
    "import": cmd_import, "shot": cmd_shot, "print": cmd_print, "export": cmd_export, "fees": cmd_fees,
    "user": cmd_user, "package": cmd_package,
}


def ensure_std_streams() -> None:
    """The windowed HandoverDesk.exe (packaging/handoverdesk.spec) starts with sys.stdout and sys.stderr
    None: every print, argparse's help and a log handler on stderr would then fail. They write nowhere
    instead (the console handoverdesk-cli.exe has real ones). And output redirected to a file or a pipe
    on Windows is in the ANSI code page, which on an English Windows (cp1252) cannot write 物业 and would
    fail the command: such a stream writes UTF-8 instead (a console always takes Chinese)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the run
        elif isinstance(stream, io.TextIOWrapper) and not _writes_chinese(stream.encoding):
            stream.reconfigure(encoding="utf-8")


def _writes_chinese(encoding: str | None) -> bool:
    try:
        "物业交接台".encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    ensure_std_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"main.py: 用法错误 / usage error: {exc}", file=sys.stderr)
        return 2
    if args.version:
        from models.version import program_name

        print(program_name())
        return 0
    if args.self_check:
        from gui.self_check import run

        return run()
    if args.lang:  # the commands' messages, forms and workbooks (the app decides its own at start)
        from models import i18n

        i18n.set_language(args.lang)
    try:
        return COMMANDS[args.command](args)
    except DomainError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        from models.errors import file_error

        print(f"错误 / error: {file_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl+C: the transaction under way rolled back
        print("已取消，未做任何改动 / cancelled, nothing changed", file=sys.stderr)
        return 1
    except Exception:  # a bug: the details go to the log, never to the terminal (no SQL, no data)
        return _report_bug()


def _report_bug() -> int:
    import logging

    from models.paths import data_dir

    path = data_dir() / "handoverdesk.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
        logging.getLogger("handoverdesk").addHandler(handler)
        logging.getLogger("handoverdesk").exception("未处理的错误 / unhandled error")
        handler.close()
        where = f"详情已记入日志 / details in the log: {path}"
    except OSError:
        where = "日志无法写入 / the log could not be written"
    print(f"错误 / error: 程序出现了一个错误，未完成的操作已全部撤销。{where}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
