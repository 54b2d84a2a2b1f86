"""Reference values for the faithfulness / plausibility / attention-flow tests (issue 10), computed independently.

Run at development time (python3 -m venv v && v/bin/pip install numpy networkx scikit-learn scipy statsmodels):

    python3 Tests/scripts/faithfulness_references.py

It prints the expected values that are pasted into
  - Tests/CoreTests/Tracing/AttentionFlowTests.swift   (`networkxCases`: max-flow on random layered graphs)
  - Tests/CoreTests/Faithfulness/PlausibilityTests.swift (`referenceCases`: AUPRC and Spearman vs the rationale)
  - Tests/CoreTests/Faithfulness/MethodComparisonsTests.swift (`reference`: every pair of four methods' paired
    comprehensiveness, Wilcoxon p and rank-biserial from scipy, Holm and BH from statsmodels, and the paired
    bootstrap interval re-drawn with make_statistics_fixtures.py's SplitMix64)
and re-checks the hand-solved cases of those files with the reference solvers.
"""
import itertools

import networkx as nx
import numpy as np
from scipy.stats import rankdata, spearmanr, wilcoxon
from sklearn.metrics import average_precision_score
from statsmodels.stats.multitest import multipletests

from make_statistics_fixtures import MASK, draw_index, percentile_linear, splitmix64


def attention_maps(rng, L, H, n):
    """Random attention rows (3 decimals, each summing to 1) and a context attention vector."""
    p = rng.integers(0, 1000, size=(L, H, n, n)).astype(float)
    p[..., -1] = 0
    p = np.floor(p / p.sum(-1, keepdims=True).clip(1) * 1000 * 0.9) / 1000
    p[..., -1] = 1 - p[..., :-1].sum(-1)
    a = rng.integers(1, 1000, size=n).astype(float)
    a = np.floor(a / a.sum() * 1000) / 1000
    a[-1] = 1 - a[:-1].sum()
    return np.round(p, 3), np.round(a, 3)


def attention_flows(p, a):
    """Abnar & Zuidema attention flow: residual-corrected, head-averaged layered graph; the source feeds the top
    layer with the context attention; the flow value to every token at every depth."""
    L, H, n, _ = p.shape
    g = nx.DiGraph()
    for i in range(n):
        g.add_edge('s', (L, i), capacity=a[i])
    for l in range(1, L + 1):
        w = 0.5 * p[l - 1].mean(0) + 0.5 * np.eye(n)
        w = w / w.sum(1, keepdims=True)
        for i in range(n):
            for j in range(n):
                if w[i, j] > 0:
                    g.add_edge((l, i), (l - 1, j), capacity=w[i, j])
    return [[round(float(nx.maximum_flow_value(g, 's', (l, j))), 12) for j in range(n)] for l in range(L + 1)]


def flow_cases():
    rng = np.random.default_rng(2020)
    for (L, H, n) in [(2, 2, 3), (3, 2, 4), (2, 3, 5), (4, 1, 4)]:
        p, a = attention_maps(rng, L, H, n)
        print('flow', L, H, n, p.ravel().tolist(), a.tolist(), attention_flows(p, a))
    # The hand-solved case of AttentionFlowTests.handSolvedTwoLayerGraph: expected [[.9, .4], [.8, .4], [.9, .1]].
    hand = np.array([[[[1, 0], [0.2, 0.8]]], [[[0.4, 0.6], [1, 0]]]])
    print('hand-solved 2-layer', attention_flows(hand, np.array([0.9, 0.1])))
    # The textbook network of AttentionFlowTests.solvesTextbookNetwork (CLRS fig. 26.1): max flow 23.
    g = nx.DiGraph()
    for u, v, c in [(0, 1, 16), (0, 2, 13), (2, 1, 4), (1, 3, 12), (3, 2, 9), (2, 4, 14), (4, 3, 7), (3, 5, 20), (4, 5, 4)]:
        g.add_edge(u, v, capacity=c)
    print('textbook max flow', nx.maximum_flow_value(g, 0, 5))


def plausibility_cases():
    rng = np.random.default_rng(10)
    for n in [4, 7, 12, 20]:
        s = np.round(rng.random(n), 1)
        r = rng.choice([0, 0.5, 1], size=n, p=[0.5, 0.3, 0.2])
        if (r > 0).sum() == 0:
            r[0] = 1
        print('plausibility', s.tolist(), r.tolist(), float(average_precision_score(r > 0, s)),
              float(spearmanr(s, r).statistic))


def method_pair_cases():
    """Four methods' comprehensiveness AOPC over 12 examples (one decimal: ties and zero differences), in Swift's key
    order; every pair (first < second) as MethodPairComparison.compare sees it: resamples 200, seed 4, figure index 0."""
    rng = np.random.default_rng(31)
    base = rng.random(12)
    values = {
        'lat': np.round(base + 0.15 + 0.2 * rng.random(12), 1),
        'rollout': np.round(base + 0.1 * rng.random(12), 1),
        'gradient-sensitivity': np.round(base + 0.3 * rng.random(12) - 0.1, 1),
        'random': np.round(0.6 * rng.random(12), 1),
    }
    for name, v in values.items():
        print(f'        "{name}": {v.tolist()},')
    gen = splitmix64(4 ^ ((0xC0FFEE00D15EA5E5 * 1) & MASK))
    rows = []
    for a, b in itertools.combinations(values, 2):
        d = values[a] - values[b]
        w = wilcoxon(values[a], values[b], zero_method='wilcox', correction=False, method='asymptotic')
        nz = d[d != 0]
        ranks = rankdata(np.abs(nz))
        plus, minus = ranks[nz > 0].sum(), ranks[nz < 0].sum()
        reps = sorted(d[[draw_index(gen, len(d)) for _ in range(len(d))]].mean() for _ in range(200))
        rows.append([a, b, float(d.mean()), float(w.statistic), float(w.pvalue), float((plus - minus) / (plus + minus)),
                     percentile_linear(reps, 0.025), percentile_linear(reps, 0.975)])
    p = [r[4] for r in rows]
    holm, bh = multipletests(p, method='holm')[1], multipletests(p, method='fdr_bh')[1]
    for r, h, q in zip(rows, holm, bh):
        print(f'        Pair("{r[0]}", "{r[1]}", meanDifference: {r[2]!r}, statistic: {r[3]!r}, p: {r[4]!r}, '
              f'rankBiserial: {r[5]!r}, holm: {float(h)!r}, bh: {float(q)!r}, lower: {r[6]!r}, upper: {r[7]!r}),')


if __name__ == '__main__':
    flow_cases()
    plausibility_cases()
    method_pair_cases()
