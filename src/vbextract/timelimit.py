"""A wall-clock limit for one extraction (POSIX alarm signal; main thread only).

Every pattern is bounded and every stage linear, but a very large input can
still take minutes; a caller that must not wait says how long it will."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional

from .errors import ExtractionTimeout


def _raise_timeout(signum: int, frame: object) -> None:
    raise ExtractionTimeout("the per-document time limit was reached")


@contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`ExtractionTimeout` in the block after ``seconds`` (None: no limit).

    Where alarms cannot be used (another thread, a platform without SIGALRM) the
    block runs without a limit."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
