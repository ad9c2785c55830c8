"""The accuracy floors: ``vbextract evaluate corpora/gold`` must not drop below ``corpora/floors.json``.

Raise a floor when an extractor improves (``vbextract evaluate corpora/gold
--write-floors corpora/floors.json`` writes the current figures rounded down to
0.05); never lower one without saying why in the commit message.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from vbextract.evaluate import FLOOR_STEP, below_floors, evaluate, figure_names, flat_figures

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
FLOORS: dict[str, float] = json.loads((CORPORA / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured() -> dict[str, Any]:
    started = time.process_time()  # CPU time: robust to a busy machine
    evaluation = evaluate(CORPORA / "gold")
    elapsed = time.process_time() - started
    assert not evaluation.failures, evaluation.failures
    return {"figures": evaluation.total.figures(), "seconds": elapsed}


def test_floors_cover_every_figure() -> None:
    assert sorted(FLOORS) == figure_names()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor_is_a_step_in_unit_range(name: str) -> None:
    floor = FLOORS[name]
    assert 0.0 <= floor <= 1.0
    assert abs(floor / FLOOR_STEP - round(floor / FLOOR_STEP)) < 1e-6


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figure_not_below_floor(measured: dict[str, Any], name: str) -> None:
    value = flat_figures(measured["figures"]).get(name, 0.0)
    assert value + 1e-9 >= FLOORS[name], f"{name} = {value:.4f} fell below its floor {FLOORS[name]:.2f}"


def test_below_floors_reports_drops() -> None:
    figures = {"references": {"f1": 0.42, "tp": 3}, "tasks": {"recall": None}}
    assert below_floors(figures, {"references.f1": 0.4}) == []
    assert below_floors(figures, {"references.f1": 0.45}) == ["references.f1: 0.4200 < floor 0.45"]
    assert below_floors(figures, {"tasks.recall": 0.05}) == ["tasks.recall: 0.0000 < floor 0.05"]


def test_evaluation_is_quick(measured: dict[str, Any]) -> None:
    assert measured["seconds"] < 60
