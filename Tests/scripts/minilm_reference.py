#!/usr/bin/env python3
"""minilm_reference.py: an independent reference for the pretrained BERT path (issue 7).

Reads an all-MiniLM-L6-v2 folder (config.json, model.safetensors, tokenizer.json), tokenises three
fixed sentences with Hugging Face `tokenizers` (the Rust implementation the Swift WordPiece mirrors),
and runs a NumPy re-implementation of the BERT encoder in float64 on the float32 weights (the
safetensors header is parsed here directly; no torch, no transformers). Writes the inputs, the token
ids and a few expected values, rounded to 1e-5, to Tests/CoreTests/Fixtures/minilm/reference.json.

Speed reference (issue 7's benchmark row): `speed` runs the same encoder in PyTorch (float32, eager,
no transformers) on token ids written by the Swift benchmark, in length-sorted batches, and prints
sentences/s for 1 and 2 threads:
    /tmp/torch-ref/bin/python Tests/scripts/minilm_reference.py speed <folder> <ids.json> [1,2]

Run once, at development time (the Swift test compares against the committed JSON):
    python3 -m venv /tmp/minilm-venv && /tmp/minilm-venv/bin/pip install numpy tokenizers
    /tmp/minilm-venv/bin/python Tests/scripts/minilm_reference.py corpora/cache/models/all-minilm-l6-v2 \
        Tests/CoreTests/Fixtures/minilm/reference.json
"""
import json
import math
import struct
import sys

import numpy as np

SENTENCES = [
    "The movie's ending was surprisingly moving, and I loved it!",
    "Un café très naïve: the plot feels half-baked & over-long.",
    "It's not bad... just 2 hours of pure boredom (really).",
]
# Tokeniser-only cases: accents, CJK, punctuation, control characters, an over-long word, unknown pieces.
TOKENIZER_ONLY = [
    "Ångström's résumé — naïve façade?",
    "日本語のテキスト and 中文 text",
    "tab\there\u0000 nul\u200b zero-width, e-mail: a@b.com $5+3=8 ~~",
    "x" * 101 + " short",
    "🙂 emoji ¿qué? «quotes» ‘single’",
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
]
HIDDEN_ROWS = "first, middle, last"
HIDDEN_DIMS = [0, 1, 2, 191, 383]


def read_safetensors(path):
    data = open(path, "rb").read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[8 + n + begin:8 + n + end], dtype="<f4").reshape(info["shape"])
        tensors[name] = array.astype(np.float64)
    return tensors


def layer_norm(x, w, b, eps):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def gelu(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1 + erf(x / math.sqrt(2)))


def encode(ids, w, cfg):
    """One sentence, no padding: returns the last hidden states [T, D] and per-layer attention [H, T, T]."""
    t, d, h = len(ids), cfg["hidden_size"], cfg["num_attention_heads"]
    eps = cfg["layer_norm_eps"]
    hd = d // h
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
    attentions = []
    for layer in range(cfg["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."
        lin = lambda v, name: v @ w[p + name + ".weight"].T + w[p + name + ".bias"]
        q = lin(x, "attention.self.query").reshape(t, h, hd).transpose(1, 0, 2)
        k = lin(x, "attention.self.key").reshape(t, h, hd).transpose(1, 0, 2)
        v = lin(x, "attention.self.value").reshape(t, h, hd).transpose(1, 0, 2)
        s = q @ k.transpose(0, 2, 1) / math.sqrt(hd)
        s = np.exp(s - s.max(-1, keepdims=True))
        a = s / s.sum(-1, keepdims=True)
        attentions.append(a)
        context = (a @ v).transpose(1, 0, 2).reshape(t, d)
        x = layer_norm(x + lin(context, "attention.output.dense"), w[p + "attention.output.LayerNorm.weight"],
                       w[p + "attention.output.LayerNorm.bias"], eps)
        f = lin(gelu(lin(x, "intermediate.dense")), "output.dense")
        x = layer_norm(x + f, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
    return x, attentions


def rounded(values):
    return [round(float(v), 5) for v in values]


def speed(folder, ids_path, thread_counts=(1, 2)):
    import time
    import torch
    import torch.nn.functional as F
    cfg = json.load(open(f"{folder}/config.json"))
    w = {k: torch.from_numpy(v.astype(np.float32)) for k, v in read_safetensors(f"{folder}/model.safetensors").items()}
    d, h, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
    hd = d // h

    def forward(ids, mask):
        b, t = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t] \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = F.layer_norm(x, (d,), w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        bias = (1.0 - mask[:, None, None, :]) * -1e9
        for layer in range(cfg["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."
            lin = lambda v, name: F.linear(v, w[p + name + ".weight"], w[p + name + ".bias"])
            split = lambda v: v.view(b, t, h, hd).transpose(1, 2)
            q, k, v = (split(lin(x, f"attention.self.{n}")) for n in ("query", "key", "value"))
            a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd) + bias, dim=-1)
            context = (a @ v).transpose(1, 2).reshape(b, t, d)
            x = F.layer_norm(x + lin(context, "attention.output.dense"), (d,), w[p + "attention.output.LayerNorm.weight"],
                             w[p + "attention.output.LayerNorm.bias"], eps)
            f = lin(F.gelu(lin(x, "intermediate.dense")), "output.dense")
            x = F.layer_norm(x + f, (d,), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
        return x, a

    sentences = sorted(json.load(open(ids_path)), key=len)
    for threads in thread_counts:
        torch.set_num_threads(threads)
        for batch in (1, 32):
            with torch.inference_mode():
                def run(items):
                    for i in range(0, len(items), batch):
                        chunk = items[i:i + batch]
                        t = max(map(len, chunk))
                        ids = torch.tensor([s + [0] * (t - len(s)) for s in chunk])
                        mask = torch.tensor([[1.0] * len(s) + [0.0] * (t - len(s)) for s in chunk])
                        forward(ids, mask)
                run(sentences[:64])
                start = time.perf_counter()
                run(sentences)
                seconds = time.perf_counter() - start
            print(f"torch {torch.__version__} threads {threads} batch {batch:2d}: "
                  f"{len(sentences) / seconds:.1f} sentences/s ({seconds:.2f} s)")


def main():
    if sys.argv[1] == "speed":
        threads = tuple(int(t) for t in sys.argv[4].split(",")) if len(sys.argv) > 4 else (1, 2)
        return speed(sys.argv[2], sys.argv[3], threads)
    from tokenizers import Tokenizer
    folder, output = sys.argv[1], sys.argv[2]
    cfg = json.load(open(f"{folder}/config.json"))
    weights = read_safetensors(f"{folder}/model.safetensors")
    tokenizer = Tokenizer.from_file(f"{folder}/tokenizer.json")
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=128)
    sentences = []
    for text in SENTENCES:
        encoding = tokenizer.encode(text)
        hidden, attentions = encode(encoding.ids, weights, cfg)
        t = len(encoding.ids)
        rows = [0, t // 2, t - 1]
        sentences.append({
            "text": text,
            "ids": encoding.ids,
            "tokens": encoding.tokens,
            "hidden": [{"row": r, "dims": HIDDEN_DIMS, "values": rounded(hidden[r, HIDDEN_DIMS])} for r in rows],
            "attention": [
                {"layer": 0, "head": 0, "row": 1, "values": rounded(attentions[0][0, 1])},
                {"layer": 5, "head": 11, "row": 0, "values": rounded(attentions[5][11, 0])},
                {"layer": 5, "head": 3, "row": t - 1, "values": rounded(attentions[5][3, t - 1])},
            ],
        })
    tokenizer_cases = [{"text": text, "ids": tokenizer.encode(text).ids} for text in SENTENCES + TOKENIZER_ONLY]
    header = {
        "command": "python Tests/scripts/minilm_reference.py <all-minilm-l6-v2 folder> <this file>",
        "reference": "NumPy float64 BERT forward on the float32 safetensors weights; tokens from HF tokenizers "
                     + __import__("tokenizers").__version__,
    }
    line = lambda value: json.dumps(value, ensure_ascii=False)
    with open(output, "w") as out:
        out.write("{" + ",\n".join(f"{line(k)}: {line(v)}" for k, v in header.items()) + ",\n")
        out.write('"sentences": [\n' + ",\n".join(line(s) for s in sentences) + "],\n")
        out.write('"tokenizer": [\n' + ",\n".join(line(c) for c in tokenizer_cases) + "]}\n")

if __name__ == "__main__":
    main()
