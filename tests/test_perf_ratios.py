"""Speed regression check: stage costs as ratios to the normaliser on the same texts.

Absolute times depend on the machine; ratios measured in one process on the same
(seed) texts do not, much.  A stage that becomes several times slower than the
normaliser has grown a hot spot (a backtracking regex, a quadratic loop): run
``python benchmarks/bench_pipeline.py`` and profile it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_pipeline.py"

#: Highest accepted cost of each stage, as a multiple of the normaliser's cost.
#: Measured 2026-11-23: every stage costs 0.2-0.9x the normaliser; the limits leave room for noise.
STAGE_LIMITS = {"header": 3.0, "sections": 3.0, "references": 3.0, "dates": 3.0, "agencies": 3.0, "tasks": 3.0}
#: Highest accepted cost of all stages together (normaliser included); measured 4x.
TOTAL_LIMIT = 8.0


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_pipeline", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seconds() -> dict[str, float]:
    bench = _bench()
    contexts: list[dict[str, Any]] = [bench.stage_inputs(t) for t in bench.seed_texts()]
    return bench.time_stages(contexts * 2, repeat=5)


def test_every_stage_is_timed(seconds: dict[str, float]) -> None:
    assert set(seconds) == {"normalize", *STAGE_LIMITS}
    assert seconds["normalize"] > 0


@pytest.mark.parametrize("stage", sorted(STAGE_LIMITS))
def test_stage_cost_ratio(seconds: dict[str, float], stage: str) -> None:
    ratio = seconds[stage] / seconds["normalize"]
    assert ratio <= STAGE_LIMITS[stage], f"{stage} costs {ratio:.1f}× the normaliser (limit {STAGE_LIMITS[stage]}×)"


def test_total_cost_ratio(seconds: dict[str, float]) -> None:
    ratio = sum(seconds.values()) / seconds["normalize"]
    assert ratio <= TOTAL_LIMIT, f"the pipeline costs {ratio:.1f}× the normaliser (limit {TOTAL_LIMIT}×)"


def test_corpus_replication_reaches_target() -> None:
    bench = _bench()
    texts = bench.corpus_texts(300_000)
    assert sum(len(t) for t in texts) >= 300_000
    assert len(bench.seed_texts()) == 5
