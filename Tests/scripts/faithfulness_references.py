"""Reference values for the faithfulness / plausibility / attention-flow tests (issue 10), computed independently.

Run at development time (python3 -m venv v && v/bin/pip install numpy networkx scikit-learn scipy):

    python3 Tests/scripts/faithfulness_references.py

It prints the expected values that are pasted into
  - Tests/CoreTests/Tracing/AttentionFlowTests.swift   (`networkxCases`: max-flow on random layered graphs)
  - Tests/CoreTests/Faithfulness/PlausibilityTests.swift (`referenceCases`: AUPRC and Spearman vs the rationale)
and re-checks the hand-solved cases of those files with the reference solvers.
"""
import networkx as nx
import numpy as np
from scipy.stats import spearmanr
from sklearn.metrics import average_precision_score


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


if __name__ == '__main__':
    flow_cases()
    plausibility_cases()
