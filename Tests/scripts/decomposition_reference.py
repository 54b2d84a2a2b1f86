#!/usr/bin/env python3
"""decomposition_reference.py: an independent NumPy reference for the decomposition methods (issue 18).

Builds two tiny post-LN encoders with random float32 weights: the architecture trained here (ReLU feed-forward,
LN eps 1e-5, input = the embeddings) and a BERT block (GELU with erf, LN eps 1e-12, input = LayerNorm(word +
position + type embeddings)). For one input of n = 5 positions it computes, in float64 and vectorised (einsum, no
loops over positions except value zeroing, which re-runs the whole layer with v_j = 0 as Mohebbi et al. do):

  norm           ||sum_h A^h_ij F^h_j||                        (Kobayashi et al. 2020)
  norm-residual  ||g1_i(sum_h A^h_ij F^h_j + delta_ij x_j)||     (Kobayashi et al. 2021)
  globenc        ||g2_i(g1_i(...))||                            (Modarressi et al. 2022, FFN bypassed)
  alti           max(0, |a_i|_1 - |a_i - T_i(x_j)|_1)            (Ferrando et al. 2022)
  value-zeroing  1 - cos(y_i, y_i with v_j = 0 in every head)    (Mohebbi et al. 2023)
  lat-norm       LAT over A^h_ij ||F^h_j||                       (this project)

every row normalised, and composes each from a given context attention alpha (s^L = alpha, s^l = s^(l+1) C^(l+1)).
F^h_j = (x_j W_V^h + b_V^h) W_O^h; g_i(z) = gamma * (z - mean z) * rstd_i with the layer's real statistics.
Writes the weights (under the Swift parameter names), the inputs and the expected values to
Tests/CoreTests/Fixtures/decomposition/reference.json.

Run once, at development time (numpy only):  python3 Tests/scripts/decomposition_reference.py
"""
import json
import math
import os

import numpy as np

N, D, H, HEAD, LAYERS = 5, 8, 2, 4, 2
METHODS = ["norm", "norm-residual", "globenc", "alti", "value-zeroing"]


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def layer_norm(s, gamma, beta, eps):
    mu = s.mean(-1, keepdims=True)
    rstd = 1.0 / np.sqrt(((s - mu) ** 2).mean(-1, keepdims=True) + eps)
    return (s - mu) * rstd * gamma + beta, rstd[..., 0]


def relu(u):
    return np.maximum(u, 0)


def gelu(u):
    erf = np.vectorize(math.erf)
    return 0.5 * u * (1 + erf(u / math.sqrt(2)))


def make_layer(rng, prefix, ffn):
    t = {}
    def w(name, shape, scale):
        t[prefix + name] = f32(rng.normal(0, scale, shape))
    for part in ["query", "key", "value"]:
        w(f".attention.{part}.weight", (H * HEAD, D), 0.6)
        w(f".attention.{part}.bias", (H * HEAD,), 0.2)
    w(".attention.output.weight", (D, H * HEAD), 0.5)
    w(".attention.output.bias", (D,), 0.2)
    for norm in ["attention_norm", "feed_forward_norm"]:
        t[prefix + f".{norm}.weight"] = f32(1 + rng.normal(0, 0.2, D))
        t[prefix + f".{norm}.bias"] = f32(rng.normal(0, 0.1, D))
    w(".feed_forward.inner.weight", (ffn, D), 0.5)
    w(".feed_forward.inner.bias", (ffn,), 0.2)
    w(".feed_forward.outer.weight", (D, ffn), 0.5)
    w(".feed_forward.outer.bias", (D,), 0.2)
    return t


def run_layer(t, prefix, x, act, eps, zero_value=None):
    """The layer's forward; with zero_value = j, v_j = 0 in every head. Returns everything the methods read."""
    g = lambda name: t[prefix + name]
    q = (x @ g(".attention.query.weight").T + g(".attention.query.bias")).reshape(N, H, HEAD)
    k = (x @ g(".attention.key.weight").T + g(".attention.key.bias")).reshape(N, H, HEAD)
    v = (x @ g(".attention.value.weight").T + g(".attention.value.bias")).reshape(N, H, HEAD)
    if zero_value is not None:
        v = v.copy()
        v[zero_value] = 0
    scores = np.einsum("ihk,jhk->hij", q, k) / math.sqrt(HEAD)
    a = np.exp(scores - scores.max(-1, keepdims=True))
    a /= a.sum(-1, keepdims=True)
    wo = g(".attention.output.weight").reshape(D, H, HEAD)
    f = np.einsum("jhv,dhv->hjd", v, wo)                        # F^h_j
    s1 = x + np.einsum("hij,hjd->id", a, f) + g(".attention.output.bias")
    normed, rstd1 = layer_norm(s1, g(".attention_norm.weight"), g(".attention_norm.bias"), eps)
    hidden = act(normed @ g(".feed_forward.inner.weight").T + g(".feed_forward.inner.bias"))
    s2 = normed + hidden @ g(".feed_forward.outer.weight").T + g(".feed_forward.outer.bias")
    y, rstd2 = layer_norm(s2, g(".feed_forward_norm.weight"), g(".feed_forward_norm.bias"), eps)
    return dict(a=a, f=f, normed=normed, rstd1=rstd1, rstd2=rstd2, y=y)


def rows_normalised(m):
    total = m.sum(-1, keepdims=True)
    return np.where(total > 0, m / np.where(total > 0, total, 1), m)


def contributions(t, prefix, x, act, eps):
    r = run_layer(t, prefix, x, act, eps)
    a, f = r["a"], r["f"]
    moved = np.einsum("hij,hjd->ijd", a, f)                     # [i, j, D]
    with_residual = moved + np.eye(N)[:, :, None] * x[None, :, :]

    def linear_norm(z, rstd, gamma):
        return (z - z.mean(-1, keepdims=True)) * rstd[:, None, None] * gamma

    transformed = linear_norm(with_residual, r["rstd1"], t[prefix + ".attention_norm.weight"])
    through_second = linear_norm(transformed, r["rstd2"], t[prefix + ".feed_forward_norm.weight"])
    alti = np.abs(r["normed"]).sum(-1)[:, None] - np.abs(r["normed"][:, None, :] - transformed).sum(-1)
    zeroing = np.zeros((N, N))
    for j in range(N):
        yz = run_layer(t, prefix, x, act, eps, zero_value=j)["y"]
        y = r["y"]
        zeroing[:, j] = 1 - (y * yz).sum(-1) / (np.linalg.norm(y, axis=-1) * np.linalg.norm(yz, axis=-1))
    weighted = a * np.linalg.norm(f, axis=-1)[:, None, :]       # A^h_ij ||F^h_j||
    result = {
        "norm": rows_normalised(np.linalg.norm(moved, axis=-1)),
        "norm-residual": rows_normalised(np.linalg.norm(transformed, axis=-1)),
        "globenc": rows_normalised(np.linalg.norm(through_second, axis=-1)),
        "alti": rows_normalised(np.maximum(alti, 0)),
        "value-zeroing": rows_normalised(zeroing),
    }
    return result, rows_normalised(weighted), r["y"]


def compose(alpha, matrices):
    traces = [None] * (LAYERS + 1)
    traces[LAYERS] = alpha
    for l in reversed(range(LAYERS)):
        traces[l] = traces[l + 1] @ matrices[l]
    return traces


def case(rng, ffn, act, eps, bert):
    tensors = {}
    for l in range(LAYERS):
        tensors.update(make_layer(rng, f"encoder.layers.{l}", ffn))
    out = {"ffn": ffn, "eps": eps}
    if bert:
        e = f32(rng.normal(0, 1, (N, D)))
        pos = f32(rng.normal(0, 0.5, (6, D)))
        types = f32(rng.normal(0, 0.5, (2, D)))
        gamma, beta = f32(1 + rng.normal(0, 0.2, D)), f32(rng.normal(0, 0.1, D))
        tensors.update({"embeddings.position.weight": pos, "embeddings.token_type.weight": types,
                        "embeddings.norm.weight": gamma, "embeddings.norm.bias": beta})
        x, _ = layer_norm(e + pos[:N] + types[0], gamma, beta, eps)
        out["word_embeddings"] = e.ravel().tolist()
    else:
        x = f32(rng.normal(0, 1, (N, D)))
        out["embeddings"] = x.ravel().tolist()
    alpha = f32(rng.dirichlet(np.ones(N)))
    per_layer = {m: [] for m in METHODS}
    weighted = []
    for l in range(LAYERS):
        c, w, x = contributions(tensors, f"encoder.layers.{l}", x, act, eps)
        for m in METHODS:
            per_layer[m].append(c[m])
        weighted.append(w)
    out["alpha"] = alpha.tolist()
    out["matrices"] = {m: np.stack(per_layer[m]).ravel().round(9).tolist() for m in METHODS}
    out["normWeighted"] = np.stack(weighted).ravel().round(9).tolist()
    out["composed"] = {m: [s.round(9).tolist() for s in compose(alpha, per_layer[m])] for m in METHODS}
    lat = [np.zeros(N) for _ in range(LAYERS + 1)]
    for h in range(H):
        for depth, s in enumerate(compose(alpha, [weighted[l][h] for l in range(LAYERS)])):
            lat[depth] = lat[depth] + s
    out["composed"]["lat-norm"] = [s.round(9).tolist() for s in lat]
    out["tensors"] = {name: {"shape": list(v.shape), "values": v.ravel().tolist()} for name, v in tensors.items()}
    return out


def main():
    rng = np.random.default_rng(18)
    fixture = {"tokens": N, "width": D, "heads": H, "headWidth": HEAD, "layers": LAYERS,
               "transformer": case(rng, 6, relu, 1e-5, bert=False),
               "bert": case(rng, 12, gelu, 1e-12, bert=True)}
    path = os.path.join(os.path.dirname(__file__), "..", "CoreTests", "Fixtures", "decomposition", "reference.json")
    with open(path, "w") as handle:
        json.dump(fixture, handle)
    print("wrote", os.path.normpath(path))


if __name__ == "__main__":
    main()
