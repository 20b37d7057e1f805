"""The figures a robustness run proves: cases per reader, kill cycles, recoveries, bytes lost,
and the slowest case each reader met (timed, reported, never asserted on).

Tests record into this module as they go; conftest writes the report after a fuzz run.
"""

from __future__ import annotations

import platform
import time
from collections import Counter
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_cases: Counter[str] = Counter()
_events: Counter[str] = Counter()
_slowest: dict[str, tuple[float, str]] = {}


def fuzzed(reader: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Count every case a hypothesis test feeds to `reader` (put it under @given)."""

    def wrap(test: Callable[P, R]) -> Callable[P, R]:
        @wraps(test)
        def counted(*args: P.args, **kwargs: P.kwargs) -> R:
            _cases[reader] += 1
            return test(*args, **kwargs)

        return counted

    return wrap


def record(event: str, amount: int = 1) -> None:
    """Add `amount` to a named figure (kill cycles survived, corruptions recovered, ...)."""
    _events[event] += amount


def timed(reader: str, case: str, work: Callable[[], R]) -> R:
    """Run `work`, keeping its time if it is the slowest case `reader` has met so far."""
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    if seconds > _slowest.get(reader, (-1.0, ""))[0]:
        _slowest[reader] = (seconds, case)
    return result


def collected() -> bool:
    """Whether anything was recorded in this session."""
    return bool(_cases or _events or _slowest)


def report(exitstatus: int) -> dict[str, object]:
    """Everything recorded, as plain data for figures.json."""
    return {
        "cases_fuzzed_per_reader": dict(sorted(_cases.items())),
        "cases_fuzzed_total": sum(_cases.values()),
        "events": dict(sorted(_events.items())),
        "bytes_lost": _events.get("bytes_lost", 0),
        "slowest_case_per_reader": {
            reader: {"seconds": round(seconds, 3), "case": case}
            for reader, (seconds, case) in sorted(_slowest.items())
        },
        "suite_passed": exitstatus == 0,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
