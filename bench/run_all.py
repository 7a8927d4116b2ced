#!/usr/bin/env python3
"""Every benchmark of issue 16, one after another (each in a process of its own), and one table at the end:
operation | backend | app | baseline | ratio | goal | status.

    .venv/bin/python bench/run_all.py [--size small|large] [--backend sqlite|postgresql|both]
                                      [--only start,reconcile,results,filters,workbook,arrears_pdf,rss]

Each script's own output (its notes and table) is shown as it runs; a script that fails is reported and
the others still run. The demo is built first if the cache has none (see bench/common.py).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

SCRIPTS = ("start", "reconcile", "results", "filters", "workbook", "arrears_pdf", "rss")


def run_script(name: str, size: str, backend: str, repeats: int) -> tuple[list[common.Row], str]:
    """The rows a script printed (its @row lines) and, if it failed, why."""
    env = {**os.environ, "PYTHONPATH": str(common.ROOT), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, str(Path(__file__).resolve().parent / f"{name}.py"), "--size", size,
               "--backend", backend, "--repeats", str(repeats), "--json"]
    rows: list[common.Row] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("@row "):
                data = json.loads(line[5:])
                data.pop("ratio", None)
                data.pop("status", None)
                rows.append(common.Row(**data))
            else:
                print(line, end="", flush=True)
    return rows, "" if proc.returncode == 0 else f"{name} exited with {proc.returncode}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size", choices=("small", "large"), default="large")
    p.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    p.add_argument("--only", default=",".join(SCRIPTS), help="comma-separated, of " + ",".join(SCRIPTS))
    p.add_argument("--repeats", type=int, default=common.REPEATS)
    args = p.parse_args(argv)
    started = time.perf_counter()
    for backend in common.backends(args.backend):
        common.ensure_demo(args.size, backend)
    rows: list[common.Row] = []
    failures: list[str] = []
    for name in args.only.split(","):
        print(f"== {name} ({args.size}, {args.backend})", flush=True)
        t = time.perf_counter()
        got, failure = run_script(name, args.size, args.backend, args.repeats)
        rows += got
        if failure:
            failures.append(failure)
        print(f"== {name}: {time.perf_counter() - t:.0f} s", flush=True)
    print()
    print(f"issue 16 benchmarks — {args.size} demo, {args.repeats} interleaved runs, medians "
          f"({time.perf_counter() - started:.0f} s in all)")
    print(common.format_table(rows))
    for failure in failures:
        print("FAILED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
