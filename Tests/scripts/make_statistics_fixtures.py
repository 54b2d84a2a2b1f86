#!/usr/bin/env python3
# make_statistics_fixtures.py: reference values for Tests/CoreTests/Statistics, computed independently with
# scipy 1.17 / numpy / statsmodels 0.15 at development time (never in CI).
#
# Command (from the repository root):
#   python3 Tests/scripts/make_statistics_fixtures.py Tests/CoreTests/Fixtures/statistics
#
# Writes distributions.json (normal, t, F at many points incl. the tails), tests.json (fixed inputs and the
# expected numbers of every statistic) kendall.json (Kendall's τ-b on inputs with ties) and hierarchical.json (the two-stage
# bootstrap over seeds, replayed draw for draw as in `bootstrap` below). The bootstrap references re-implement SplitMix64 and the index draw
# (high word of draw × n) so that the resamples are exactly those of the Swift code, then compute the percentile
# and BCa intervals by the textbook formulas (Efron & Tibshirani 1993, §14.3; scipy's _bca_interval).
import json
import sys

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def draw_index(gen, n):
    return (next(gen) * n) >> 64


def percentile_linear(sorted_values, q):
    return float(np.percentile(sorted_values, q * 100, method="linear"))


def bootstrap(samples, statistic, resamples, seed, level, method):
    """Resample each sample in turn (same order as Swift), statistic(list of arrays) -> float or None."""
    gen = splitmix64(seed)
    estimate = statistic(samples)
    reps = []
    for _ in range(resamples):
        drawn = []
        for s in samples:
            n = len(s)
            idx = [draw_index(gen, n) for _ in range(n)]
            drawn.append(s[idx])
        v = statistic(drawn)
        if v is not None:
            reps.append(v)
    reps = np.array(reps)
    alpha = (1 - level) / 2
    lo_q, hi_q = alpha, 1 - alpha
    if method == "bca":
        prop = (np.sum(reps < estimate) + np.sum(reps <= estimate)) / (2 * len(reps))
        z0 = stats.norm.ppf(prop)
        jack = []
        for g, s in enumerate(samples):
            for i in range(len(s)):
                parts = list(samples)
                parts[g] = np.delete(s, i)
                jack.append(statistic(parts))
        jack = np.array(jack)
        d = jack.mean() - jack
        a = np.sum(d ** 3) / (6 * np.sum(d ** 2) ** 1.5)
        def adj(q):
            zq = stats.norm.ppf(q)
            return stats.norm.cdf(z0 + (z0 + zq) / (1 - a * (z0 + zq)))
        lo_q, hi_q = adj(alpha), adj(1 - alpha)
    return {"estimate": float(estimate), "lower": percentile_linear(reps, lo_q),
            "upper": percentile_linear(reps, hi_q), "first_replicates": [float(r) for r in reps[:5]],
            "replicate_count": int(len(reps))}


def distributions():
    zs = [-38.0, -20.0, -8.5, -5.0, -2.0, -1.0, -0.3, 0.0, 0.7, 1.96, 3.0, 6.0, 9.0, 15.0, 37.0]
    normal = [{"z": z, "cdf": float(stats.norm.cdf(z)), "sf": float(stats.norm.sf(z))} for z in zs]
    ps = [1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.0125, 0.025, 0.2, 0.5, 0.6, 0.975, 0.999, 1 - 1e-12]
    normal_q = [{"p": p, "quantile": float(stats.norm.ppf(p))} for p in ps]
    dfs = [1.0, 2.5, 5.0, 10.0, 29.7, 100.0, 1000.0, 100000.0]
    ts = [-300.0, -40.0, -10.0, -3.0, -1.0, -0.1, 0.0, 0.5, 2.0, 5.0, 12.0, 40.0, 300.0]
    t = [{"t": x, "df": df, "cdf": float(stats.t.cdf(x, df)), "sf": float(stats.t.sf(x, df))}
         for df in dfs for x in ts]
    tq = [{"p": p, "df": df, "quantile": float(stats.t.ppf(p, df))}
          for df in dfs for p in [1e-10, 1e-4, 0.025, 0.3, 0.5, 0.7, 0.975, 0.9999]]
    fs = [0.001, 0.05, 0.5, 1.0, 2.5, 7.0, 30.0, 200.0, 5000.0]
    pairs = [(1, 1), (1, 10), (2, 5), (3, 100), (1, 2338), (10, 2000), (50, 7)]
    f = [{"f": x, "df1": a, "df2": b, "cdf": float(stats.f.cdf(x, a, b)), "sf": float(stats.f.sf(x, a, b))}
         for (a, b) in pairs for x in fs]
    return {"command": "python3 Tests/scripts/make_statistics_fixtures.py Tests/CoreTests/Fixtures/statistics",
            "normal": normal, "normalQuantile": normal_q, "t": t, "tQuantile": tq, "f": f}


def r_poly2(x):
    """R's poly(x, 2): QR of [1, xc, xc^2], Z = Q diag(R), columns 2..3 scaled to unit norm."""
    xc = x - x.mean()
    X = np.column_stack([np.ones_like(xc), xc, xc ** 2])
    q, r = np.linalg.qr(X)
    z = q * np.diag(r)
    z = z / np.sqrt((z ** 2).sum(axis=0))
    return z[:, 1:]


def ols(X, y):
    fit = sm.OLS(y, X).fit()
    return {"params": fit.params.tolist(), "bse": fit.bse.tolist(), "tvalues": fit.tvalues.tolist(),
            "pvalues": fit.pvalues.tolist(), "rsquared": float(fit.rsquared), "rsquared_adj": float(fit.rsquared_adj),
            "fvalue": float(fit.fvalue), "f_pvalue": float(fit.f_pvalue), "ssr": float(fit.ssr)}, fit


def tests():
    rng = np.random.default_rng(20201008)
    out = {"command": "python3 Tests/scripts/make_statistics_fixtures.py Tests/CoreTests/Fixtures/statistics"}

    # Correlation: rounded values so that both variables have ties.
    x = np.round(rng.normal(0, 1, 40), 1)
    y = np.round(0.4 * x + rng.normal(0, 1, 40), 1)
    pr = stats.pearsonr(x, y)
    ci = pr.confidence_interval(0.95)
    sr = stats.spearmanr(x, y)
    rci = stats.pearsonr(stats.rankdata(x), stats.rankdata(y)).confidence_interval(0.95)
    out["correlation"] = {"x": x.tolist(), "y": y.tolist(),
                          "pearson": {"r": float(pr.statistic), "p": float(pr.pvalue),
                                      "lower": float(ci.low), "upper": float(ci.high)},
                          "spearman": {"rho": float(sr.statistic), "p": float(sr.pvalue),
                                       "fisherLower": float(rci.low), "fisherUpper": float(rci.high)}}

    # Welch's t.
    a = np.round(rng.normal(5.0, 1.0, 25), 3)
    b = np.round(rng.normal(4.4, 2.0, 31), 3)
    wt = stats.ttest_ind(a, b, equal_var=False)
    wci = wt.confidence_interval(0.95)
    out["welch"] = {"x": a.tolist(), "y": b.tolist(), "t": float(wt.statistic), "p": float(wt.pvalue),
                    "df": float(wt.df), "lower": float(wci.low), "upper": float(wci.high)}

    # Mann–Whitney U with ties.
    u1 = np.round(rng.normal(1.0, 1, 23))
    u2 = np.round(rng.normal(0.3, 1, 35))
    mw = stats.mannwhitneyu(u1, u2, alternative="two-sided", method="asymptotic", use_continuity=True)
    out["mannWhitney"] = {"x": u1.tolist(), "y": u2.tolist(), "u": float(mw.statistic), "p": float(mw.pvalue)}

    # Cohen's d (pooled SD), by formula.
    n1, n2 = len(a), len(b)
    sp = np.sqrt(((n1 - 1) * a.var(ddof=1) + (n2 - 1) * b.var(ddof=1)) / (n1 + n2 - 2))
    out["cohenD"] = {"x": a.tolist(), "y": b.tolist(), "d": float((a.mean() - b.mean()) / sp)}

    # Wilcoxon signed-rank, paired, with zero differences and ties.
    px = np.round(rng.normal(0.5, 1, 30), 1)
    py = np.round(px - rng.normal(0.3, 0.6, 30), 1)
    py[[3, 11]] = px[[3, 11]]
    w0 = stats.wilcoxon(px, py, zero_method="wilcox", correction=False, method="asymptotic")
    w1 = stats.wilcoxon(px, py, zero_method="wilcox", correction=True, method="asymptotic")
    out["wilcoxon"] = {"x": px.tolist(), "y": py.tolist(), "statistic": float(w0.statistic),
                       "p": float(w0.pvalue), "pCorrected": float(w1.pvalue)}

    # Quadratic regression of a U-shaped score on valence-like x in [1, 9].
    vx = np.round(rng.uniform(1, 9, 60), 2)
    vy = 0.02 + 0.004 * (vx - 5.2) ** 2 - 0.002 * vx + rng.normal(0, 0.02, 60)
    quad, quad_fit = ols(np.column_stack([np.ones(60), vx, vx ** 2]), vy)
    lin, lin_fit = ols(np.column_stack([np.ones(60), vx]), vy)
    f_value, f_p, df_diff = quad_fit.compare_f_test(lin_fit)
    poly, _ = ols(sm.add_constant(r_poly2(vx)), vy)
    out["regression"] = {"x": vx.tolist(), "y": vy.tolist(), "quadratic": quad, "linear": lin,
                         "compareF": float(f_value), "compareP": float(f_p), "orthogonal": poly}

    # Multiple comparisons, with ties and a p-value of 1.
    ps = [0.01, 0.04, 0.03, 0.2, 0.04, 0.001, 1.0, 0.5, 0.012, 0.049]
    out["multipleComparisons"] = {"p": ps, "holm": multipletests(ps, method="holm")[1].tolist(),
                                  "bh": multipletests(ps, method="fdr_bh")[1].tolist(),
                                  "bhScipy": stats.false_discovery_control(ps, method="bh").tolist()}

    # Bootstraps with the Swift resampling reproduced exactly.
    data = np.round(rng.normal(10, 2, 30), 3)
    mean_stat = lambda s: float(np.mean(s[0]))
    def d_stat(s):
        x, y = s
        pooled = np.sqrt(((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (len(x) + len(y) - 2))
        return None if pooled == 0 else float((x.mean() - y.mean()) / pooled)
    def spearman_stat(s):
        pairs = s[0]
        if np.all(pairs[:, 0] == pairs[0, 0]) or np.all(pairs[:, 1] == pairs[0, 1]):
            return None
        return float(stats.spearmanr(pairs[:, 0], pairs[:, 1]).statistic)
    xy = np.column_stack([x, y])
    t_ci = stats.t.interval(0.95, len(data) - 1, loc=data.mean(), scale=stats.sem(data))
    out["bootstrap"] = {
        "data": data.tolist(), "seed": 42, "resamples": 2000,
        "meanPercentile": bootstrap([data], mean_stat, 2000, 42, 0.95, "percentile"),
        "meanBCa": bootstrap([data], mean_stat, 2000, 42, 0.95, "bca"),
        "tInterval": [float(t_ci[0]), float(t_ci[1])],
        "cohenDPercentile": bootstrap([a, b], d_stat, 1000, 7, 0.95, "percentile"),
        "cohenDBCa": bootstrap([a, b], d_stat, 1000, 7, 0.95, "bca"),
        "spearmanPercentile": bootstrap([xy], spearman_stat, 1000, 99, 0.95, "percentile"),
    }

    # Paired bootstrap of the mean difference (the Wilcoxon data): interval and the shifted two-sided p-value.
    diffs = px - py
    paired = bootstrap([diffs], mean_stat, 1000, 5, 0.95, "percentile")
    gen = splitmix64(5)
    reps = np.array([diffs[[draw_index(gen, len(diffs)) for _ in range(len(diffs))]].mean() for _ in range(1000)])
    paired["p"] = float(min(1.0, 2 * (min(np.sum(reps <= 0), np.sum(reps >= 0)) + 1) / (len(reps) + 1)))
    out["pairedBootstrap"] = paired
    return out


def kendall():
    """scipy's kendalltau(variant='b') on inputs with ties in x, in y, in both, and on attribution-like scores."""
    rng = np.random.default_rng(1938)
    cases = []
    def add(name, x, y):
        x, y = np.asarray(x, float), np.asarray(y, float)
        cases.append({"name": name, "x": x.tolist(), "y": y.tolist(),
                      "tau": float(stats.kendalltau(x, y, variant="b").statistic)})
    add("worked case", [1, 2, 2, 3], [1, 3, 2, 2])
    add("two values", [0.2, 0.1], [0.5, 0.7])
    x = np.round(rng.normal(0, 1, 30), 1)
    add("ties in both", x, np.round(0.5 * x + rng.normal(0, 1, 30), 1))
    add("ties in x only", np.round(rng.normal(0, 1, 25)), rng.normal(0, 1, 25))
    add("reversed with ties", [1, 1, 2, 3, 3, 3, 4], [9, 9, 7, 5, 5, 5, 1])
    # Two methods' scores over a 19-token sentence: one with exact zeros (rectified), one dense.
    a = np.maximum(rng.normal(0, 1, 19), 0)
    add("token scores with zeros", a, a + rng.normal(0, 0.7, 19))
    add("independent, n = 56", rng.normal(0, 1, 56), rng.integers(0, 5, 56))
    return {"command": "python3 Tests/scripts/make_statistics_fixtures.py Tests/CoreTests/Fixtures/statistics",
            "cases": cases}


def hierarchical_bootstrap(groups, statistic, resamples, seed, level):
    """Seeds with replacement (none drawn when K = 1), then each drawn seed's observations; mean over K."""
    gen = splitmix64(seed)
    k_groups = len(groups)
    per_group = [statistic(g) for g in groups]
    reps = []
    for _ in range(resamples):
        drawn = [0] if k_groups == 1 else [draw_index(gen, k_groups) for _ in range(k_groups)]
        values = []
        for k in drawn:
            n = len(groups[k])
            values.append(statistic(groups[k][[draw_index(gen, n) for _ in range(n)]]))
        if all(v is not None for v in values):
            total = 0.0
            for v in values:
                total += v
            reps.append(total / k_groups)
    alpha = (1 - level) / 2
    return {"perGroup": [float(v) for v in per_group], "estimate": float(np.mean(per_group)),
            "sd": float(np.std(per_group, ddof=1)) if k_groups > 1 else None, "defined": len(reps),
            "lower": percentile_linear(np.sort(reps), alpha), "upper": percentile_linear(np.sort(reps), 1 - alpha)}


def hierarchical():
    rng = np.random.default_rng(1993)
    mean_stat = lambda g: float(np.mean(g))
    def spearman_stat(pairs):
        if len(np.unique(pairs[:, 0])) < 2 or len(np.unique(pairs[:, 1])) < 2:
            return None
        return float(stats.spearmanr(pairs[:, 0], pairs[:, 1]).statistic)
    three = [np.round(rng.normal(m, 1, n), 3) for m, n in [(0.1, 30), (0.3, 25), (0.2, 40)]]
    one = [np.round(rng.normal(0.5, 2, 33), 3)]
    constant = [np.round(rng.normal(0.0, 1, 20), 3), np.full(15, 0.5), np.round(rng.normal(1.0, 1, 18), 3)]
    pairs = []
    for _ in range(3):
        x = np.round(rng.normal(0, 1, 12), 0)
        pairs.append(np.column_stack([x, np.round(0.6 * x + rng.normal(0, 1, 12), 0)]))
    cases = [
        {"name": "three seeds, mean", "statistic": "mean", "groups": [g.tolist() for g in three], "seed": 17,
         "resamples": 2000, **hierarchical_bootstrap(three, mean_stat, 2000, 17, 0.95)},
        {"name": "one seed, mean", "statistic": "mean", "groups": [g.tolist() for g in one], "seed": 5,
         "resamples": 1000, **hierarchical_bootstrap(one, mean_stat, 1000, 5, 0.95)},
        {"name": "a seed with a constant statistic", "statistic": "mean", "groups": [g.tolist() for g in constant],
         "seed": 23, "resamples": 1000, **hierarchical_bootstrap(constant, mean_stat, 1000, 23, 0.95)},
        {"name": "three seeds, spearman with ties", "statistic": "spearman", "groups": [p.tolist() for p in pairs],
         "seed": 31, "resamples": 1000, **hierarchical_bootstrap(pairs, spearman_stat, 1000, 31, 0.95)},
    ]
    return {"command": "python3 Tests/scripts/make_statistics_fixtures.py Tests/CoreTests/Fixtures/statistics",
            "cases": cases}


def main():
    folder = sys.argv[1]
    with open(f"{folder}/distributions.json", "w") as f:
        json.dump(distributions(), f, indent=1)
    with open(f"{folder}/tests.json", "w") as f:
        json.dump(tests(), f, indent=1)
    with open(f"{folder}/kendall.json", "w") as f:
        json.dump(kendall(), f, indent=1)
    with open(f"{folder}/hierarchical.json", "w") as f:
        json.dump(hierarchical(), f, indent=1)


if __name__ == "__main__":
    main()
