"""Timing shared by the benchmarks: the median of repeated runs, in milliseconds."""

from __future__ import annotations

import statistics
import time


def median_ms(run, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
