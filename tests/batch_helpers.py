"""Sources that misbehave on purpose, for the pool tests. They live in a module (not in a test
file) so that worker processes can unpickle them by name."""

from __future__ import annotations

import gc
import os
import signal
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class SlowPage:
    """A scraper response whose ``.text`` takes ``seconds`` (interruptible by the alarm)."""

    seconds: float
    url: str | None = None

    @property
    def text(self) -> str:
        time.sleep(self.seconds)
        return "never read"


@dataclass(frozen=True)
class StuckPage:
    """A response whose ``.text`` blocks the alarm first: like a page stuck in C code, only
    the parent's kill can stop it."""

    seconds: float
    url: str | None = None

    @property
    def text(self) -> str:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(self.seconds)
        return "never read"


@dataclass(frozen=True)
class CrashingPage:
    """A response whose ``.text`` kills the worker process (as the OOM killer would)."""

    url: str | None = None

    @property
    def text(self) -> str:
        os.kill(os.getpid(), signal.SIGKILL)
        return "unreachable"


def frozen_objects(item: object) -> int:
    """How many objects the cyclic GC of this process no longer scans (``gc.freeze``)."""
    return gc.get_freeze_count()


def no_count(item: object, error: object) -> int:
    """``frozen_objects``' result for an item its worker gave up on."""
    return -1
