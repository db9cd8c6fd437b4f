#!/usr/bin/env python3
"""numpy baselines for quality.md P1 and P2, timed in the same run as the JMH benchmarks.

P1: the same formulas as dev.basin.geometry, one call per input (a ring of 1024 Dirichlet(1) pairs):
    distance  d = 4*asin(||sqrt(p) - sqrt(q)||/2)
    geodesic  10 steps of the slerp in sqrt-coordinates, vectorised over the 11 points
    mean      Karcher mean of 8 points, m <- exp_m(mean log_m(p_i)) from the extrinsic mean, tol 1e-12
P2: nearest basin among N stored: np.argmax(S @ s) with S the N x 64 float64 sqrt-coordinates
    (float32 figure also reported for reference).

Prints one JSON object on stdout. Usage: geometry_numpy.py [N]
"""
import json
import sys
import time

import numpy as np

RING = 1024
GEODESIC_STEPS = 10
MEAN_POINTS = 8


def distance(p, q):
    s = np.sqrt(p)
    t = np.sqrt(q)
    return 4.0 * np.arcsin(min(1.0, np.linalg.norm(s - t) / 2.0))


def geodesic(p, q, steps):
    s = np.sqrt(p)
    t = np.sqrt(q)
    theta = 2.0 * np.arcsin(min(1.0, np.linalg.norm(s - t) / 2.0))
    tau = np.arange(steps + 1) / steps
    a = np.sin((1.0 - tau) * theta) / np.sin(theta)
    b = np.sin(tau * theta) / np.sin(theta)
    path = a[:, None] * s + b[:, None] * t
    path = path * path
    path /= path.sum(axis=1, keepdims=True)
    path[0], path[-1] = p, q
    return path


def karcher(points):
    S = np.sqrt(points)
    m = S.mean(axis=0)
    m /= np.linalg.norm(m)
    for it in range(100):
        c = np.clip(S @ m, -1.0, 1.0)
        theta = 2.0 * np.arcsin(np.minimum(1.0, np.linalg.norm(S - m, axis=1) / 2.0))
        u = S - c[:, None] * m
        n = np.linalg.norm(u, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            logs = np.where(n[:, None] > 0, (2.0 * theta / n)[:, None] * u, 0.0)
        g = logs.mean(axis=0)
        gn = np.linalg.norm(g)
        if gn < 1e-12:
            break
        m = np.cos(gn / 2) * m + np.sin(gn / 2) * g / gn
        m = np.maximum(m, 0.0)
        m /= np.linalg.norm(m)
    p = m * m
    return p / p.sum(), it


def per_call_ns(fn, args, repeats=5, calls=20000):
    best = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        for k in range(calls):
            fn(*args[k % len(args)])
        best.append((time.perf_counter_ns() - t0) / calls)
    return float(np.median(best)), best


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = np.random.default_rng(42)
    ring = rng.dirichlet(np.ones(64), RING + 1)
    pairs = [(ring[k], ring[k + 1]) for k in range(RING)]
    sets = [(rng.dirichlet(np.ones(64), MEAN_POINTS),) for _ in range(64)]

    out = {"numpy": np.__version__, "python": sys.version.split()[0]}
    out["distance_ns"], out["distance_ns_repeats"] = per_call_ns(distance, pairs)
    out["geodesic_ns"], _ = per_call_ns(lambda p, q: geodesic(p, q, GEODESIC_STEPS), pairs, calls=5000)
    out["mean_ns"], _ = per_call_ns(karcher, sets, calls=500)

    rng = np.random.default_rng(7)
    S = rng.dirichlet(np.ones(64), n)
    np.sqrt(S, out=S)
    queries = np.sqrt(rng.dirichlet(np.ones(64), 16))
    np.argmax(S @ queries[0])  # warm up
    times = []
    for r in range(5):
        t0 = time.perf_counter_ns()
        for q in queries:
            np.argmax(S @ q)
        times.append((time.perf_counter_ns() - t0) / len(queries) / 1e6)
    out["nearest_n"] = n
    out["nearest_ms"] = float(np.median(times))
    out["nearest_ms_repeats"] = times
    S32 = S.astype(np.float32)
    del S
    q32 = queries.astype(np.float32)
    np.argmax(S32 @ q32[0])
    times = []
    for r in range(5):
        t0 = time.perf_counter_ns()
        for q in q32:
            np.argmax(S32 @ q)
        times.append((time.perf_counter_ns() - t0) / len(queries) / 1e6)
    out["nearest_f32_ms"] = float(np.median(times))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
