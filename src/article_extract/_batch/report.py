"""The run's tally: outcomes, error codes, speed and memory, for the summary and ``--stats``."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .pool import PoolStats, cpu_seconds, peak_rss_bytes

__all__ = ["Tally"]

_MIB = 1024 * 1024


@dataclass
class Tally:
    """Counts per outcome and per error code, and the wall time since it was made."""

    started: float = field(default_factory=time.monotonic)
    ok: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    skipped: int = 0  # already in the output (--resume)
    pool: PoolStats = field(default_factory=PoolStats)

    def add(self, error: str | None) -> None:
        """Count one input: ``error`` is its error code, None when it gave an article."""
        if error is None:
            self.ok += 1
        else:
            self.errors[error] += 1

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    @property
    def done(self) -> int:
        return self.ok + self.failed

    def to_dict(self) -> dict[str, Any]:
        wall = time.monotonic() - self.started
        return {
            "inputs": self.done,
            "ok": self.ok,
            "errors": self.failed,
            "error_codes": dict(sorted(self.errors.items())),
            "skipped_already_done": self.skipped,
            "wall_seconds": round(wall, 3),
            "pages_per_second": round(self.done / wall, 2) if wall > 0 else None,
            "parent_peak_mib": round(peak_rss_bytes() / _MIB, 1),
            "worker_peak_mib": [round(b / _MIB, 1) for b in self.pool.worker_peak_bytes],
            "worker_cpu_seconds": [round(c, 2) for c in self.pool.worker_cpu_seconds],
            "parent_cpu_seconds": round(cpu_seconds(), 2),
            "workers_replaced": self.pool.replaced,
        }

    def summary(self) -> str:
        """Human-readable lines for stderr."""
        stats = self.to_dict()
        lines = [
            f"article-extract: {stats['inputs']} inputs: {stats['ok']} ok, "
            f"{stats['errors']} errors in {stats['wall_seconds']:.1f} s "
            f"({stats['pages_per_second'] or 0:.1f} pages/s)"
        ]
        if self.errors:
            codes = ", ".join(f"{code} {n}" for code, n in sorted(self.errors.items()))
            lines.append(f"  errors by code: {codes}")
        if self.skipped:
            lines.append(f"  {self.skipped} inputs were already in the output (--resume)")
        if self.pool.replaced:
            lines.append(f"  {self.pool.replaced} workers were replaced (killed or died)")
        return "\n".join(lines)
