"""Shared paths to the corpora and the reader fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpora" / "raw"
PDF = ROOT / "corpora" / "pdf"
GOLD = ROOT / "corpora" / "gold"
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = sorted(p.stem for p in RAW.glob("00[0-9]_*.txt"))


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def pdf_dir() -> Path:
    return PDF


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
