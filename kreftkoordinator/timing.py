"""Timing for the benchmark commands (docs/benchmarks.md): the same warm-up, percentiles and
query count for every figure we publish, so the tables can be compared with each other."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass(frozen=True)
class Timing:
    name: str
    p50: float  # milliseconds
    p95: float
    worst: float
    queries: int  # in one run, after the timed ones


def measure(name: str, runs: int, work: Callable[[], object], warm_up: int = 3) -> Timing:
    """`runs` timed calls of `work` after `warm_up` untimed ones (caches, connections, imports
    filled), then one more under a query counter so the count does not slow the timed calls."""
    if runs < 1:
        raise ValueError("runs must be at least 1")
    for _ in range(warm_up):
        work()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        work()
    # inclusive: with few runs the default method puts the 95th percentile above the slowest
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1] if runs >= 2 else timings[0]
    return Timing(name, statistics.median(timings), p95, max(timings), len(queries))
