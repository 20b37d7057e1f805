"""Shared pieces of the harness: figures, alternating runs, child processes and the machine.

Every figure is measured beside its baseline in the same run, alternating A B A B, and
reported as medians; a figure whose code has not landed yet says why, never a number.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Generated inputs, settings and notes of the runs; MISMA_BENCH_WORK moves it (the smoke test).
WORK = Path(os.environ.get("MISMA_BENCH_WORK") or ROOT / "benchmarks" / "_work")
BASELINES = ROOT / "benchmarks" / "baselines"
VENV_BIN = Path(sys.executable).parent


@dataclass
class Figure:
    """One line of the table: a measurement beside its baseline and target."""

    name: str
    unit: str
    target: str
    value: float | None = None
    baseline: float | None = None
    ratio: float | None = None
    met: bool | None = None
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The figure as JSON-ready data."""
        return asdict(self)


def not_measured(name: str, unit: str, target: str, reason: str) -> Figure:
    """A figure whose code or artefact does not exist yet."""
    return Figure(name=name, unit=unit, target=target, note=f"not measured ({reason})")


def ratio_figure(
    name: str,
    unit: str,
    limit: float | None,
    app: Sequence[float],
    base: Sequence[float],
    *,
    note: str = "",
) -> Figure:
    """A figure judged by median(app) / median(base) against `limit` (None: context only)."""
    value, baseline = statistics.median(app), statistics.median(base)
    ratio = value / baseline if baseline else None
    return Figure(
        name=name,
        unit=unit,
        target=f"≤ {limit:g}×" if limit is not None else "—",
        value=value,
        baseline=baseline,
        ratio=ratio,
        met=None if limit is None else ratio is not None and ratio <= limit,
        note=note,
        samples={"app": list(app), "baseline": list(base)},
    )


def absolute_figure(
    name: str,
    unit: str,
    limit: float,
    app: Sequence[float],
    base: Sequence[float] | None = None,
    *,
    note: str = "",
) -> Figure:
    """A figure judged by its own median against `limit` (the baseline is for context)."""
    value = statistics.median(app)
    baseline = statistics.median(base) if base else None
    samples = {"app": list(app)}
    if base:
        samples["baseline"] = list(base)
    return Figure(
        name=name,
        unit=unit,
        target=f"≤ {limit:g} {unit}",
        value=value,
        baseline=baseline,
        ratio=value / baseline if baseline else None,
        met=value <= limit,
        note=note,
        samples=samples,
    )


def timed(
    work: Callable[[], object], prepare: Callable[[], object] | None = None
) -> Callable[[], float]:
    """A function that runs `work` once (after `prepare`, untimed) and returns how many
    milliseconds it took."""

    def run() -> float:
        if prepare is not None:
            prepare()
        start = time.perf_counter()
        work()
        return (time.perf_counter() - start) * 1000

    return run


def repeated(work: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """Milliseconds of `runs` runs of `work`, after `warmup` unrecorded ones: a figure with
    no baseline to alternate with."""
    run = timed(work)
    for _ in range(warmup):
        run()
    return [run() for _ in range(runs)]


def alternate(
    app: Callable[[], float], base: Callable[[], float], pairs: int, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Run app and baseline in turns (A B A B ...), after `warmup` unrecorded pairs."""
    for _ in range(warmup):
        app()
        base()
    app_times: list[float] = []
    base_times: list[float] = []
    for _ in range(pairs):
        app_times.append(app())
        base_times.append(base())
    return app_times, base_times


def child_env(home: Path = WORK) -> dict[str, str]:
    """An environment for child processes: headless, with settings and data kept in `home`
    (_work by default).

    Bytecode is written and read, as in an installed app (pip and PyInstaller compile it):
    a shell's PYTHONDONTWRITEBYTECODE would otherwise recompile every module on each start.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("config", "data", "cache"):
        env[f"XDG_{name.upper()}_HOME"] = str(home / name)
    return env


@dataclass(frozen=True)
class ProcessRun:
    """Wall time and peak memory of one child process, and its first paint if it said so."""

    seconds: float
    max_rss_mb: float
    first_paint: float | None = None  # seconds from spawn
    cpu_to_paint: float | None = None  # CPU seconds the process spent until then


def run_process(command: Sequence[str], timeout: float = 60.0) -> ProcessRun:
    """Run `command` to its end; its own wall time and max RSS (from wait4)."""
    WORK.mkdir(parents=True, exist_ok=True)
    with (WORK / "stderr.txt").open("w+b") as errors, (WORK / "stdout.txt").open("w+b") as out:
        start = time.perf_counter()
        spawned = time.monotonic()
        process = subprocess.Popen(list(command), env=child_env(), stdout=out, stderr=errors)
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            raise
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode(errors="replace").strip()
        out.seek(0)
        painted, cpu = _first_paint(out.read().decode(errors="replace"))
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}: {stderr}")
    if elapsed > timeout:
        raise RuntimeError(f"{' '.join(command)} took {elapsed:.1f} s")
    return ProcessRun(
        seconds=elapsed,
        max_rss_mb=usage.ru_maxrss / 1024,
        first_paint=painted - spawned if painted is not None else None,
        cpu_to_paint=cpu,
    )


def alternate_processes(
    app: Sequence[str], base: Sequence[str], pairs: int
) -> tuple[list[ProcessRun], list[ProcessRun]]:
    """Run the two commands in turns, as `alternate` does; the recorded runs of each."""
    runs: dict[str, list[ProcessRun]] = {"app": [], "base": []}

    def runner(command: Sequence[str], key: str) -> Callable[[], float]:
        def run() -> float:
            runs[key].append(run_process(command))
            return runs[key][-1].seconds

        return run

    alternate(runner(app, "app"), runner(base, "base"), pairs)
    return runs["app"][-pairs:], runs["base"][-pairs:]  # the warm-up runs left out


def paint_ms(run: ProcessRun) -> float:
    """Spawn to first paint, or to exit when the process did not say when it painted."""
    return (run.first_paint if run.first_paint is not None else run.seconds) * 1000


def _first_paint(stdout: str) -> tuple[float | None, float | None]:
    """The `first-paint <time.monotonic()> [cpu <time.process_time()>]` a child printed
    (the monotonic clock is system-wide): the moment, and the CPU time until then."""
    for line in stdout.splitlines():
        fields = line.split()
        if fields[:1] == ["first-paint"] and len(fields) >= 2:
            cpu = float(fields[3]) if fields[2:3] == ["cpu"] and len(fields) >= 4 else None
            return float(fields[1]), cpu
    return None, None


def machine() -> dict[str, str]:
    """What the figures ran on: CPU, cores, memory, OS, Python and Qt versions."""
    info = {
        "cpu": _cpu_name(),
        "cores": str(os.cpu_count()),
        "memory": _memory(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "qt_platform": child_env()["QT_QPA_PLATFORM"],
    }
    try:
        import PySide6

        info["pyside6"] = PySide6.__version__
    except ImportError:
        info["pyside6"] = "missing"
    return info


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1048576:.0f} GB"
    except OSError:
        pass
    return "unknown"
