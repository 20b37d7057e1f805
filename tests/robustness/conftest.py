"""Robustness suite setup: hypothesis profiles, the figures it collects, and fuzz-run selection.

`make test` runs the "ci" profile (a bounded number of cases per reader); `make fuzz` sets
MISMA_LUNA_FUZZ=1, which selects the "fuzz" profile and writes figures.json at the end.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from . import figures

FUZZ = os.environ.get("MISMA_LUNA_FUZZ", "") not in ("", "0")
FIGURES_PATH = Path(__file__).resolve().parent / "figures.json"

_COMMON = {
    "deadline": 2000,
    "derandomize": False,
    "suppress_health_check": (HealthCheck.too_slow, HealthCheck.data_too_large),
    "print_blob": True,
}
settings.register_profile("ci", max_examples=50, **_COMMON)
settings.register_profile("fuzz", max_examples=3000, **_COMMON)
settings.load_profile("fuzz" if FUZZ else "ci")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """After a fuzz run, write what was proven, with figures, for the README."""
    if FUZZ and figures.collected():
        FIGURES_PATH.write_text(
            json.dumps(figures.report(exitstatus), indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )
