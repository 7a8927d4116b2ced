"""Builds the user guide (使用说明, index.html beside this file) from the README's how-to sections.

    python resources/manual/build.py

The clerk's sections of README.md (each tab's how-to, imports, settings, data and safety) become one
HTML page with the screenshots of docs/screenshots copied into images/, so the guide ships with the
program and opens in any browser without a network. Developer sections (install, tests, command
line, code) are left out. Only the Markdown the README uses is understood: headings, paragraphs,
"-" lists, tables, **bold**, `code`, ```fences```.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
README = ROOT / "README.md"
SHOTS = ROOT / "docs" / "screenshots"
SKIPPED = ("两条命令", "截图", "命令行", "Windows 安装包", "性能测量", "代码结构")  # for developers and IT, not for the desk
# Screenshots shown under the section whose heading holds the key.
PICTURES = {
    "开始使用": [("first-start.png", "设置向导·第一个项目"), ("users.png", "管理 → 用户管理")],
    "备份": [("restore.png", "文件 → 恢复…")],
    "交接清单": [("handover.png", "交接清单页签"), ("handover-list-01.png", "打印的交接清单")],
    "遗留问题": [("defects.png", "遗留问题页签"), ("defect-notice-1.png", "整改通知单")],
    "钥匙": [("keys.png", "钥匙管理页签"), ("key-labels-1.png", "钥匙标签")],
    "费用对账": [("fees.png", "费用对账·结果"), ("fees-differences.png", "费用对账·对账差异"),
                 ("settlement-1.png", "财务结算报告")],
    "设置": [("settings-office.png", "设置·本处信息"), ("settings-postgresql.png", "设置·数据库（PostgreSQL）"),
             ("about.png", "关于")],
}
STYLE = """body{font-family:"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;max-width:1000px;margin:2em auto;
padding:0 1em;line-height:1.7;color:#222}h1{border-bottom:2px solid #2b5797}h2{color:#2b5797;margin-top:2em}
code{background:#f2f2f2;padding:0 .3em}pre{background:#f2f2f2;padding:.8em;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3em .6em}
figure{margin:1em 0}img{max-width:100%;border:1px solid #ccc}figcaption{color:#666;font-size:90%}
nav li{margin:.2em 0}"""


def inline(text: str) -> str:
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", out)


def sections(readme: str) -> list[tuple[str, list[str]]]:
    """(heading, lines) of every ## and ### section before the English part ('---')."""
    chinese = readme.split("\n---\n", 1)[0]
    out: list[tuple[str, list[str]]] = []
    for line in chinese.splitlines():
        match = re.match(r"#{2,3} (.+)", line)
        if match:
            out.append((match.group(1).strip(), []))
        elif out:
            out[-1][1].append(line)
    return [(h, lines) for h, lines in out if not h.startswith(SKIPPED)]


def body(lines: list[str]) -> str:
    """Paragraphs, "-" lists (continued by indented lines), "1." lists with "-" items under them,
    tables and code fences. A table of screenshots is the README's: the manual has its own figures."""
    out: list[str] = []
    block: list = []
    kind = ""

    def close() -> None:
        nonlocal block, kind
        if kind == "list":
            out.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in block) + "</ul>")
        elif kind == "olist":
            out.append("<ol>" + "".join(
                f"<li>{inline(text)}" + ("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in subs) + "</ul>"
                                         if subs else "") + "</li>" for text, subs in block) + "</ol>")
        elif kind == "table" and any("![" in row for row in block):
            pass
        elif kind == "table":
            rows = [[c.strip() for c in r.strip("|").split("|")] for r in block if not re.match(r"^\|[-| ]+\|$", r)]
            head, *rest = rows
            out.append("<table><tr>" + "".join(f"<th>{inline(c)}</th>" for c in head) + "</tr>"
                       + "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in rest)
                       + "</table>")
        elif kind == "code":
            out.append("<pre>" + html.escape("\n".join(block)) + "</pre>")
        elif kind == "para":
            out.append("<p>" + inline("".join(block)) + "</p>")
        block, kind = [], ""

    for line in lines:
        if kind == "code":
            if line.startswith("```"):
                close()
            else:
                block.append(line)
        elif line.startswith("```"):
            close()
            kind = "code"
        elif re.match(r"^\d+\. ", line):
            if kind != "olist":
                close()
                kind = "olist"
            block.append([re.sub(r"^\d+\. ", "", line), []])
        elif kind == "olist" and re.match(r"^ +- ", line):
            block[-1][1].append(line.strip()[2:])
        elif kind == "olist" and line.startswith("  ") and line.strip():
            if block[-1][1]:
                block[-1][1][-1] += line.strip()
            else:
                block[-1][0] += line.strip()
        elif line.startswith("- "):
            if kind != "list":
                close()
                kind = "list"
            block.append(line[2:])
        elif line.startswith("  ") and kind == "list" and line.strip():
            block[-1] += line.strip()
        elif line.startswith("|"):
            if kind != "table":
                close()
                kind = "table"
            block.append(line)
        elif not line.strip():
            close()
        else:
            if kind not in ("para", ""):
                close()
            kind = "para"
            block.append(line.strip())
    close()
    return "\n".join(out)


def figures(heading: str) -> str:
    out = []
    for key, pictures in PICTURES.items():
        if key in heading:
            out += [f'<figure><img src="images/{name}" alt="{alt}"><figcaption>{alt}</figcaption></figure>'
                    for name, alt in pictures if (HERE / "images" / name).exists()]
    return "\n".join(out)


def copy_screenshots() -> None:
    (HERE / "images").mkdir(exist_ok=True)
    names = {name for pictures in PICTURES.values() for name, _ in pictures} | {"overview.png"}
    for name in sorted(names):
        if (SHOTS / name).exists():
            shutil.copyfile(SHOTS / name, HERE / "images" / name)


def build() -> str:
    parts = sections(README.read_text(encoding="utf-8"))
    nav = "".join(f'<li><a href="#s{i}">{inline(h)}</a></li>' for i, (h, _) in enumerate(parts))
    content = "\n".join(f'<h2 id="s{i}">{inline(h)}</h2>\n{body(lines)}\n{figures(h)}'
                        for i, (h, lines) in enumerate(parts))
    intro = ("<p>物业交接台用于物业交接中的交接清单、遗留问题、钥匙管理和费用对账。窗口上方选择项目和交接，"
             "下面五个页签是概览和四项工作；菜单“文件”里有导出、设置，“帮助”里有本说明和“关于”。</p>")
    overview = ('<figure><img src="images/overview.png" alt="概览"><figcaption>概览页签</figcaption></figure>'
                if (HERE / "images" / "overview.png").exists() else "")
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>物业交接台 使用说明</title>'
            f"<style>{STYLE}</style></head><body>\n<h1>物业交接台 使用说明</h1>\n{intro}\n{overview}\n"
            f"<nav><h2>目录</h2><ul>{nav}</ul></nav>\n{content}\n"
            "<p><small>本说明由 README.md 生成（python resources/manual/build.py）。</small></p>\n</body></html>\n")


if __name__ == "__main__":
    copy_screenshots()
    (HERE / "index.html").write_text(build(), encoding="utf-8")
    print(HERE / "index.html")
