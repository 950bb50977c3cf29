"""Time iopguide as a person runs it: every figure of issue 9's table, with its target.

Usage: python bench/run.py [--runs N] [--data DIR] [--no-scaled]

Repeated commands are timed in interleaved rounds: each round runs ``python -c
pass`` and then every command once, so a machine that speeds up or slows down
moves both sides of each ratio; a ratio is the median of the per-round ratios.
One-off figures (a first search, an import) are medians of a few runs, in
seconds. The national directory is imported from SAMHSA's 2022 workbooks when
``../shared/data`` (or --data) has them, otherwise generated at the same size.
The 5x and 20x directories are synthetic (bench/synthetic_directory.py); --no-scaled
leaves them out (the 20x one is a 450 MB file and takes minutes). Caches go to a
temporary folder. The load average is printed: paste it with the table.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NATIONAL_PROGRAMS = 18_924
BARE = "bare typer app --help"
BARE_TYPER = (
    "import typer\napp = typer.Typer(add_completion=False)\n\n"
    "@app.command()\ndef find(zip_code: str = '') -> None:\n    'Find.'\n\n"
    "@app.command()\ndef show(program_id: str) -> None:\n    'Show.'\n\napp()\n"
)


def iopguide_cmd() -> list[str]:
    script = Path(sys.executable).with_name("iopguide")
    return [str(script)] if script.exists() else [sys.executable, "-m", "iopguide"]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run of *cmd*; stops the benchmark loudly if it fails."""
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()}")
    return elapsed


def peak_mb(cmd: list[str], env: dict[str, str]) -> float:
    """Peak memory of one process, measured in a fresh child so earlier runs do not mask it."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], env=env, capture_output=True, check=True
    )
    return int(out.stdout) / 1024


def median_of(cmd: list[str], env: dict[str, str], runs: int, before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(timed(cmd, env))
    return statistics.median(times)


def import_national(work: Path, data_dir: Path, env: dict[str, str], suffix: str):
    """(path, description, seconds to import or None when synthetic)."""
    workbooks = sorted((data_dir / "samhsa-2022").glob("National_Directory_*_2022.xlsx"))
    out = work / f"national{suffix}"
    if workbooks:
        cmd = [*iopguide_cmd(), "directory", "import", "samhsa", *map(str, workbooks)]
        seconds = timed([*cmd, "--output", str(out)], env)
        return out, f"SAMHSA 2022 workbooks ({len(workbooks)} files)", seconds
    synthetic(out, NATIONAL_PROGRAMS, env)
    return out, "synthetic directory (bench/synthetic_directory.py)", None


def synthetic(out: Path, count: int, env: dict[str, str]) -> Path:
    script = str(HERE / "synthetic_directory.py")
    subprocess.run([sys.executable, script, str(out), str(count)], env=env, check=True)
    return out


def appender(path: Path):
    def change_file() -> None:  # new content, so no cache entry or index matches it
        with open(path, "ab") as handle:
            handle.write(b"\n")

    return change_file


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def ratio(
        self, name: str, seconds: float, ratio: float, limit: float, also: float | None = None
    ) -> None:
        """A ratio and its target; *also*, a second ceiling (the bare typer app's ratio)."""
        ok = ratio <= limit and (also is None or ratio <= also)
        target = f"<= {limit:g}x" + ("" if also is None else f" and <= {also:.1f}x (bare typer)")
        self.rows.append((name, _ms(seconds), f"{ratio:.1f}x", f"{target} ({_verdict(ok)})"))

    def comparison(self, name: str, seconds: float, ratio: float) -> None:
        self.rows.append((name, _ms(seconds), f"{ratio:.1f}x", "(for comparison)"))

    def seconds(self, name: str, seconds: float, limit: float) -> None:
        verdict = _verdict(seconds <= limit)
        self.rows.append((name, _ms(seconds), "", f"<= {limit:g} s ({verdict})"))

    def megabytes(self, name: str, mb: float, limit: float) -> None:
        verdict = _verdict(mb <= limit)
        self.rows.append((name, f"{mb:.0f} MB", "", f"<= {limit:g} MB ({verdict})"))

    def print(self) -> None:
        print("| figure | median | ratio | target |")
        print("|---|---|---|---|")
        for row in self.rows:
            print("| " + " | ".join(row) + " |")


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def interleaved(figures: dict, env: dict[str, str], runs: int) -> tuple[float, dict]:
    """Median baseline and, per figure, (median seconds, median per-round ratio)."""
    baseline = [sys.executable, "-c", "pass"]
    for cmd, _limit in figures.values():
        timed(cmd, env)  # the first runs fill the caches, like anyone's second run
    seconds: dict[str, list[float]] = {name: [] for name in figures}
    ratios: dict[str, list[float]] = {name: [] for name in figures}
    bases = []
    for _ in range(runs):
        base = timed(baseline, env)
        bases.append(base)
        for name, (cmd, _limit) in figures.items():
            elapsed = timed(cmd, env)
            seconds[name].append(elapsed)
            ratios[name].append(elapsed / base)
    medians = {
        name: (statistics.median(seconds[name]), statistics.median(ratios[name]))
        for name in figures
    }
    return statistics.median(bases), medians


def compile_package() -> None:
    """Write the package's bytecode now, so no timed run pays for compiling it."""
    import compileall

    import iopguide

    compileall.compile_dir(Path(iopguide.__file__).parent, quiet=1)


def first_id(cmd: list[str], env: dict[str, str]) -> str:
    import json

    out = subprocess.run([*cmd, "--json"], env=env, capture_output=True, check=True)
    return json.loads(out.stdout)["results"][0]["id"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--no-scaled", action="store_true", help="skip the 5x and 20x figures")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="iopguide-bench-"))
    env = dict(os.environ, IOPGUIDE_CACHE_DIR=str(work / "cache"), NO_COLOR="1")
    # As a person runs it: with the bytecode an installed package has (pip compiles it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # A pipe 80 columns wide, whatever terminal runs the benchmark: rich (and iopguide's
    # plain writer) take a terminal's width from stdin or $COLUMNS, and at 130 columns a
    # search is a table drawn by rich, not cards.
    env.pop("COLUMNS", None)
    compile_package()
    env["IOPGUIDE_MAX_DIRECTORY_MB"] = "2000"  # the 20x synthetic directory is 450 MB
    env.pop("IOPGUIDE_DIRECTORY", None)
    iop = iopguide_cmd()
    few = max(3, args.runs // 2)
    table = Table()
    try:
        national, source, to_json = import_national(work, args.data, env, ".json")
        national_yaml, _source, to_yaml = import_national(work, args.data, env, ".yaml")
        programs = national.read_bytes().count(b'"id":')
        find = [*iop, "find", "--zip", "40202"]
        (work / "bare_typer.py").write_text(BARE_TYPER, encoding="utf-8")
        figures = {
            "find --zip 40202 --json, default (national) directory, repeated": (
                [*find, "--json"],
                4,
            ),
            "find --zip 40202 (table)": (find, 6),
            "show ID on the national directory": ([*iop, "show", first_id(find, env)], 4),
            "iopguide --version": ([*iop, "--version"], 2),
            "iopguide --help": ([*iop, "--help"], 12),
            BARE: ([sys.executable, str(work / "bare_typer.py"), "--help"], None),
        }
        if not args.no_scaled:
            for scale, limit in ((5, 5), (20, 8)):
                path = synthetic(work / f"x{scale}.json", scale * NATIONAL_PROGRAMS, env)
                figures[f"the same at {scale}x the national size (synthetic)"] = (
                    [*find, "--json", "--directory", str(path)],
                    limit,
                )
        base, medians = interleaved(figures, env, args.runs)
        for name, (_cmd, limit) in figures.items():
            if name == BARE:
                table.comparison(name, *medians[name])
            elif name == "iopguide --help":  # and no slower than a bare typer app
                table.ratio(name, *medians[name], limit, also=medians[BARE][1])
            else:
                table.ratio(name, *medians[name], limit)

        find_json = [*find, "--json", "--directory", str(national)]
        find_yaml = [*find, "--json", "--directory", str(national_yaml)]
        timed(find_json, env)
        table.megabytes("peak memory, warm national find", peak_mb(find_json, env), 30)
        if not args.no_scaled:
            find_x20 = figures["the same at 20x the national size (synthetic)"][0]
            table.megabytes("peak memory, 20x warm find", peak_mb(find_x20, env), 50)
        appender(national)()
        table.megabytes("peak memory, cold national find", peak_mb(find_json, env), 200)
        cold = median_of(find_json, env, few, before=appender(national))
        table.seconds(f"first find after a {_size(national)} JSON directory changed", cold, 2)
        cold = median_of(find_yaml, env, few, before=appender(national_yaml))
        table.seconds(f"first find after a {_size(national_yaml)} YAML directory changed", cold, 4)
        if to_json is not None and to_yaml is not None:
            table.seconds("import both workbooks, to JSON", to_json, 5)
            table.seconds("import both workbooks, to YAML", to_yaml, 6)

        def empty_cache() -> None:  # the shipped directory's first search after installing
            shutil.rmtree(work / "cache", ignore_errors=True)

        first = median_of([*find, "--json"], env, few, before=empty_cache)
        table.seconds("first search after a fresh install (empty cache)", first, 3)

        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.platform()}"
        )
        print(f"load average at the end (1, 5, 15 min): {os.getloadavg()}")
        print(f"national directory: {source}, {programs} programs, {_size(national)}")
        print(
            f"baseline python -c pass: {base * 1000:.1f} ms (median of {args.runs} rounds; "
            "each ratio is the median of per-round ratios)"
        )
        print()
        table.print()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.0f} MB"


if __name__ == "__main__":
    main()
